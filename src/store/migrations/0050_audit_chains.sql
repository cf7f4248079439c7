-- One hash chain per study (and one for records of no study), so writes to different studies never
-- queue on one lock and a study's audit trail verifies on its own. Rows written before this migration
-- have no chain: they stay linked as the single chain they were written in.
ALTER TABLE audit ADD COLUMN chain text;
CREATE INDEX audit_chain_seq ON audit (chain, seq);
