import { decisionSummary, type RecordedAttestation, type ScreeningExplanation } from '../enrolment/screening-decision.js';
import type { EligibilityResult, EligibilityStatus } from '../eligibility/evaluate.js';
import type { AuditedTx } from './audited-tx.js';
import type { Queryable } from './db.js';
import { screeningRecords, type Row } from './schema/index.js';

export interface ScreeningRecord {
  readonly id: string;
  readonly participantId: string;
  readonly screenedOn: string;
  readonly firstDose: string | null;
  readonly protocolVersion: string | null;
  readonly decision: EligibilityStatus;
  /** The facts exactly as entered. */
  readonly facts: Readonly<Record<string, unknown>>;
  readonly attestations: readonly RecordedAttestation[];
  readonly explanation: ScreeningExplanation;
  readonly screenedBy: string | null;
  readonly recordedAt: string | null;
}

type ScreeningRow = Row<typeof screeningRecords>;

const toRecord = (r: ScreeningRow): ScreeningRecord => ({
  id: r.id,
  participantId: r.participant_id,
  screenedOn: r.screened_on,
  firstDose: r.first_dose,
  protocolVersion: r.protocol_version,
  decision: r.decision,
  facts: r.facts,
  attestations: r.attestations,
  explanation: r.explanation,
  screenedBy: r.screened_by,
  recordedAt: r.recorded_at === null ? null : r.recorded_at.toISOString(),
});

export interface NewScreeningRecord {
  readonly participantId: string;
  readonly screenedOn: string;
  readonly firstDose: string | undefined;
  readonly protocolVersion: string;
  readonly facts: Readonly<Record<string, unknown>>;
  readonly attestations: readonly RecordedAttestation[];
  readonly result: EligibilityResult;
  readonly screenedBy: string;
  readonly recordedAt: Date;
}

export async function insertScreeningRecord(w: AuditedTx, s: NewScreeningRecord): Promise<ScreeningRecord> {
  const { result } = s;
  const explanation: ScreeningExplanation = { summary: decisionSummary(result, s.screenedOn), criteria: result.criteria, failed: result.failed, missing: result.missing };
  const row = await w.insert(screeningRecords, {
    participant_id: s.participantId,
    screened_on: s.screenedOn,
    first_dose: s.firstDose,
    protocol_version: s.protocolVersion,
    decision: result.status,
    facts: { ...s.facts },
    attestations: [...s.attestations],
    explanation,
    screened_by: s.screenedBy,
    recorded_at: s.recordedAt,
  });
  return toRecord(row);
}

/** A participant's screening records, oldest first. */
export async function listScreeningRecords(q: Queryable, participantId: string): Promise<ScreeningRecord[]> {
  const rows = await q.query<ScreeningRow>('SELECT * FROM screening_records WHERE participant_id = $1 ORDER BY recorded_at, id', [participantId]);
  return rows.map(toRecord);
}
