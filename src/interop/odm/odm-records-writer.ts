import type { XmlStream } from '../export-files/xml-stream.js';
import type { ParticipantRecords } from './odm-records.js';

/**
 * A participant's records in the il2trials extension, the last child of SubjectData (ODM 1.3.2
 * SubjectDataElementExtension; schema in src/interop/fixtures/xml-schema/il2trials-odm):
 *
 *   <il2:Records Status="on-treatment">
 *     <il2:StatusStep To="consented" On="2025-01-06"/> …
 *     <il2:Consent FormVersion="1.0" SignedOn="2025-01-06"/> …
 *     <il2:Randomization [RandomizedAt Stratum] [KitNumber] [ArmID] [Sequence StratumIndex [Block]]/>
 *     <il2:Dose Day="1"><il2:DoseWrite Date Status [Reason] [ChangeReason]/> …</il2:Dose> …
 *     <il2:AdverseEvent Status Term OnsetDate [EndDate] Grade Serious [SeriousCriteria] [Relatedness] [ActionTaken] [Outcome] [FromLab]/> …
 *   </il2:Records>
 *
 * Masking (src/randomization/masking.ts): a blinded file says the participant was randomized (when,
 * in which stratum, which kit: none reveals the arm) but not the arm, nor the sequence number,
 * stratum index or block, which place the participant in the allocation sequence.
 */
export function writeParticipantRecords(x: XmlStream, status: string, r: ParticipantRecords, blinded: boolean): void {
  x.el('il2:Records', { Status: status }, () => {
    for (const s of r.steps) x.el('il2:StatusStep', { To: s.to, On: s.on, Reason: s.reason ?? undefined });
    for (const c of r.consents) x.el('il2:Consent', { FormVersion: c.formVersion, SignedOn: c.signedOn });
    const z = r.randomization;
    if (z) {
      const seq = blinded ? null : (z.allocation?.sequence ?? null);
      x.el('il2:Randomization', {
        RandomizedAt: z.allocation?.randomizedAt,
        Stratum: z.allocation?.stratum,
        KitNumber: z.kitNumber ?? undefined,
        ArmID: blinded ? undefined : (z.armId ?? undefined),
        Sequence: seq?.sequence,
        StratumIndex: seq?.stratumIndex,
        Block: seq?.block ?? undefined,
      });
    }
    for (const d of r.doses) {
      x.el('il2:Dose', { Day: d.day }, () => {
        for (const w of d.writes) x.el('il2:DoseWrite', { Date: w.date, Status: w.status, Reason: w.reason ?? undefined, ChangeReason: w.changeReason ?? undefined });
      });
    }
    for (const e of r.adverseEvents) {
      x.el('il2:AdverseEvent', {
        Status: e.status,
        Term: e.term,
        OnsetDate: e.onsetDate,
        EndDate: e.endDate ?? undefined,
        Grade: e.grade,
        Serious: e.serious ? 'Yes' : 'No',
        SeriousCriteria: e.seriousCriteria.length > 0 ? e.seriousCriteria.join(' ') : undefined,
        Relatedness: e.relatedness ?? undefined,
        ActionTaken: e.actionTaken ?? undefined,
        Outcome: e.outcome ?? undefined,
        FromLab: e.fromLab ? 'Yes' : undefined,
      });
    }
  });
}
