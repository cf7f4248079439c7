import { createHmac } from 'node:crypto';
import { canonicalJson } from '../../audit/canonical-json.js';
import type { Protocol } from '../../protocol/schema.js';
import { designFromProtocol, generateList } from '../../randomization/index.js';
import type { AuditedTx } from '../../store/audited-tx.js';
import { studySeed } from '../../store/randomization.js';
import { allocationSeals } from '../../store/schema/index.js';

/**
 * Generate the study's secret seed and seal the allocation list it gives: the list of every stratum
 * up to the enrolment target, HMAC-SHA256 keyed by the seed. Minimization allocates from the
 * running balance, so there is no list to generate; its seal covers the design alone.
 */
export async function sealAllocationList(w: AuditedTx, studyId: string, protocol: Protocol): Promise<{ entries: number }> {
  const design = designFromProtocol(protocol);
  const seed = await studySeed(w.tx, studyId);
  const listed = design.scheme.scheme !== 'minimization' && design.factors.every((f) => f.id === 'site');
  const strata = design.factors.length ? protocol.sites.map((s) => ({ site: s.id })) : [{}];
  const lists = listed ? strata.map((s) => generateList(design, seed, s, protocol.enrolment.target)) : [];
  const entries = lists.reduce((n, l) => n + l.length, 0);
  const listHmac = createHmac('sha256', seed)
    .update(canonicalJson({ scheme: design.scheme, lists }))
    .digest('hex');
  await w.insert(allocationSeals, { study_id: studyId, entries, list_hmac: listHmac, sealed_at: w.ctx.at });
  return { entries };
}
