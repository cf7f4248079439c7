import { labAnalyteCatalogue } from '../../forms/builtin/lab-analytes.js';
import { roundSignificant } from './lab-units.js';

/** The CTCAE grade of a result of a protocol's extra laboratory analyte (src/forms/builtin/lab-analytes.ts). */
export type FormLabGrading = { readonly kind: 'graded'; readonly term: string; readonly grade: 0 | 1 | 2 | 3 | 4 } | { readonly kind: 'not-graded'; readonly reason: string };

type Step = { readonly grade: 1 | 2 | 3 | 4; readonly above: number; readonly orEqual?: true };

/**
 * CTCAE v5.0 (NCI, 27 Nov 2017), for analytes of the extensible lab list, in the catalogue's first
 * (canonical) unit:
 * - "CPK increased" (Investigations): grade 1 >ULN – 2.5 × ULN; grade 2 >2.5 – 5.0 × ULN;
 *   grade 3 >5.0 – 10.0 × ULN; grade 4 >10.0 × ULN. Steps are multiples of the site's ULN.
 * - "Proteinuria" (Renal and urinary disorders), adult: grade 1 urinary protein ≥ULN – <1.0 g/24 h;
 *   grade 2 1.0 – <3.5 g/24 h; grade 3 ≥3.5 g/24 h (no grade 4). Steps are g/24 h; grade 1 needs the ULN.
 * An analyte CTCAE has no term for (complement C3/C4, anti-dsDNA) is not graded.
 */
const criteria: Readonly<Record<string, { readonly term: string; readonly relative: boolean; readonly steps: readonly Step[] }>> = {
  ck: {
    term: 'CPK increased',
    relative: true,
    steps: [
      { grade: 4, above: 10 },
      { grade: 3, above: 5 },
      { grade: 2, above: 2.5 },
      { grade: 1, above: 1 },
    ],
  },
  'proteinuria-24h': {
    term: 'Proteinuria',
    relative: false,
    steps: [
      { grade: 3, above: 3.5, orEqual: true },
      { grade: 2, above: 1, orEqual: true },
    ],
  },
};

/** Grade one result (`value` in `unit`, `uln` in the same unit when the site gives one). */
export function gradeFormLab(analyte: string, value: number, unit: string, uln?: number): FormLabGrading {
  const c = criteria[analyte];
  if (!c) return { kind: 'not-graded', reason: `CTCAE v5.0 defines no term for ${analyte}.` };
  const factor = labAnalyteCatalogue[analyte]?.units.find((u) => u.unit === unit)?.factor;
  if (factor === undefined) return { kind: 'not-graded', reason: `Unit "${unit}" is not one of ${analyte}'s units.` };
  const v = roundSignificant(value * factor);
  const limit = uln === undefined ? undefined : roundSignificant(uln * factor);
  if (c.relative && limit === undefined) return { kind: 'not-graded', reason: `${c.term} is graded in multiples of the ULN, and the site gives no ULN for ${analyte}.` };
  for (const s of c.steps) {
    const cut = c.relative ? roundSignificant(s.above * (limit as number)) : s.above;
    if (s.orEqual ? v >= cut : v > cut) return { kind: 'graded', term: c.term, grade: s.grade };
  }
  if (analyte === 'proteinuria-24h') {
    // Grade 1 starts at the ULN (≥ULN – <1.0 g/24 h): without it, a value under 1.0 cannot be told from normal.
    if (limit === undefined) return { kind: 'not-graded', reason: 'Proteinuria grade 1 starts at the ULN, and the site gives no ULN for proteinuria-24h.' };
    return { kind: 'graded', term: c.term, grade: v >= limit ? 1 : 0 };
  }
  return { kind: 'graded', term: c.term, grade: 0 };
}
