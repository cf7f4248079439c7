import { applyCorrections, type Corrections } from '../eligibility/apply-corrections.js';
import { AppError } from '../errors/app-error.js';
import type { Protocol } from '../protocol/schema.js';
import { audited } from '../store/audited-tx.js';
import { listProtocolVersions } from '../store/protocol-versions.js';
import { studies } from '../store/schema/index.js';
import { findStudy } from '../store/studies.js';
import { amendStudy, type Amendment } from './studies/amend-study.js';
import { studyProtocol } from './studies/study-protocol.js';
import { callerId, requireAction, type UseCaseContext } from './use-case-context.js';
import { eligibilityErrors } from '../eligibility/errors.js';
import { storeErrors } from '../store/errors.js';

export interface CorrectionInput {
  readonly corrections: Corrections;
  /** Required once the study is live (the amendment's reason); at design, the audit reason. */
  readonly reason?: string | undefined;
  /** YYYY-MM-DD; required once the study is live. */
  readonly effectiveDate?: string | undefined;
}

export interface CorrectionResult {
  readonly studyId: string;
  readonly protocolVersion: string;
  /** The amendment that carried the correction (a live study); null at design. */
  readonly amendment: Amendment | null;
}

/** The next free version after `current`: its trailing number plus one ("1" → "2", "1.4" → "1.5"), else ".1" appended. */
function nextVersion(current: string, taken: ReadonlySet<string>): string {
  let v = current;
  do {
    const m = /^(.*?)(\d+)$/.exec(v);
    v = m ? `${m[1]}${Number(m[2]) + 1}` : `${v}.1`;
  } while (taken.has(v));
  return v;
}

/**
 * Save the designer's expressions for criteria (criterion id → expression, null to go back to the
 * parse). A design study's protocol takes them directly; a live study's only as an amendment (a new
 * version, with its effective date and reason), so screenings keep the version they were made under.
 */
export async function correctCriteria(c: UseCaseContext, studyId: string, input: CorrectionInput): Promise<CorrectionResult> {
  requireAction(c.by, 'criteria.correct', studyId);
  const study = await findStudy(c.db, studyId);
  if (!study) throw new AppError(storeErrors.NOT_FOUND, `No study "${studyId}" exists.`, 'studyId');
  const corrected = (p: Protocol): Protocol => studyProtocol({ ...p, eligibility: applyCorrections(p.eligibility, input.corrections) });
  const ids = Object.keys(input.corrections).join(', ');

  if (study.status === 'design') {
    // Applied to the protocol as locked, so a concurrent change is kept; activation meanwhile is a conflict.
    return audited(c.db, { actor: callerId(c.by), at: c.at, studyId }, async (w) => {
      await w.tx.query('SELECT id FROM studies WHERE id = $1 FOR UPDATE', [studyId]);
      const now = await findStudy(w.tx, studyId);
      if (now?.status !== 'design') throw new AppError(eligibilityErrors.CORRECTION_CONFLICT, `Study ${studyId} went live while the correction was saved; save it again as an amendment.`, 'studyId');
      await w.update(studies, { id: studyId }, { protocol: corrected(now.protocol) }, input.reason?.trim() || `criteria ${ids} corrected by hand`);
      return { studyId, protocolVersion: now.protocolVersion, amendment: null };
    });
  }

  const reason = input.reason?.trim();
  if (!input.effectiveDate || !reason) {
    throw new AppError(
      eligibilityErrors.CORRECTION_NEEDS_AMENDMENT,
      `Study ${studyId} is live: a correction is an amendment and needs ${!input.effectiveDate ? 'an effective date' : 'a reason'}.`,
      !input.effectiveDate ? 'effectiveDate' : 'reason',
    );
  }
  const taken = new Set((await listProtocolVersions(c.db, studyId)).map((v) => v.version));
  const protocol = { ...corrected(study.protocol), version: nextVersion(study.protocolVersion, taken) };
  const amendment = await amendStudy(c, studyId, { protocol, effectiveDate: input.effectiveDate, reason });
  return { studyId, protocolVersion: amendment.version, amendment };
}
