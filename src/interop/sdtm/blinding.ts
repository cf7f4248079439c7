import type { Arm, Protocol } from '../../protocol/schema.js';
import { BLINDED_LABEL, dosesDifferBetweenArms } from '../../randomization/masking-views.js';

/**
 * What an SDTM export may say about the arms. Blinded, every participant's ARM and ACTARM is the one
 * blinded label, the trial design has one "BLINDED" arm, EXTRT names no drug that differs between arms,
 * and EXDOSE is left out when the arms' doses differ (a dose that tells the arm apart is the arm).
 */
export interface Blinding {
  readonly blinded: boolean;
  readonly randomized: boolean;
  /** The arms the trial design datasets list. */
  arms(p: Protocol): readonly ArmName[];
  /** A participant's arm as DM shows it. */
  armOf(p: Protocol, armId: string | null): ArmName | null;
  /** Treatment names for TS TRT and EX EXTRT. */
  treatments(p: Protocol): readonly string[];
  treatmentOf(p: Protocol, armId: string): string;
  /** Whether EX may carry the dose amount and unit. */
  dosesShown(p: Protocol): boolean;
}

export interface ArmName {
  readonly code: string;
  readonly label: string;
}

/** ARMCD is at most 20 characters (SDTMIG 3.4 DM). */
const armName = (a: Arm): ArmName => ({ code: a.id.toUpperCase().replace(/-/g, '_').slice(0, 20), label: a.label });
const blindedArm: ArmName = { code: 'BLINDED', label: BLINDED_LABEL };
const drugs = (a: Arm) => a.interventions.map((i) => i.drug).join(' + ');

export function blinding(blinded: boolean, p: Protocol): Blinding {
  const randomized = p.design.allocation === 'randomized';
  const sameDoses = !dosesDifferBetweenArms(p);
  if (!blinded) {
    return {
      blinded,
      randomized,
      arms: (q) => q.arms.map(armName),
      armOf: (q, id) => {
        const arm = q.arms.find((a) => a.id === id);
        return arm ? armName(arm) : null;
      },
      treatments: (q) => q.arms.filter((a) => !a.interventions.every((i) => i.placebo)).map(drugs),
      treatmentOf: (q, id) => drugs(q.arms.find((a) => a.id === id) ?? q.arms[0]!),
      dosesShown: () => true,
    };
  }
  return {
    blinded,
    randomized,
    arms: () => [blindedArm],
    armOf: (_q, id) => (id === null ? null : blindedArm),
    treatments: () => [BLINDED_LABEL],
    treatmentOf: () => BLINDED_LABEL,
    dosesShown: () => sameDoses,
  };
}
