import { seededRandom } from '../random/seeded-random.js';
import type { CompareOp, Criterion, Expr } from './expression.js';

/**
 * Random criteria and random patients for the tests that check the screening engines against each
 * other (object evaluation, the columnar CSV path, the SQL query). Every kind of expression appears,
 * per-kg limits and both anchors included; a cell is missing with probability 0.15, and values lie
 * around the limits so that every branch is taken.
 */
const OPS: readonly CompareOp[] = ['<', '<=', '>', '>='];
const CODES = ['infection', 'cancer', 'stroke'];

export interface RandomCase {
  readonly criteria: Criterion[];
  readonly header: string[];
  readonly rows: string[][];
}

export function randomCase(seed: number, patients: number): RandomCase {
  const rnd = seededRandom(seed).uniform;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const leaf = (): Expr => {
    switch (Math.floor(rnd() * 8)) {
      case 0:
        return { kind: 'compare', fact: 'age', op: pick(OPS), value: 30 + Math.floor(rnd() * 4) * 10, unit: pick(['years', 'months']) === 'months' ? 'months' : 'years' };
      case 1:
        return { kind: 'compare', fact: 'weight', op: pick(OPS), value: pick([60, 70, 150]), unit: pick(['kg', 'lb']) };
      case 2:
        return { kind: 'compare', fact: 'steroid_pulse_dose', op: pick(OPS), value: 1.5, unit: 'mg/kg' };
      case 3:
        return { kind: 'is', fact: pick(['pregnant', 'hiv_positive', 'informed_consent']), value: rnd() < 0.5 };
      case 4:
        return { kind: 'equals', fact: 'sex', value: pick(['female', 'male']) };
      case 5:
        return { kind: 'has', fact: 'diagnoses', code: pick(CODES) };
      case 6:
        return { kind: 'within', fact: 'last_vaccination', amount: pick([2, 6]), unit: pick(['weeks', 'months']), before: pick(['screening', 'first-dose']) };
      default:
        return { kind: 'attested', text: 'a person says so' };
    }
  };
  const expr = (depth: number): Expr => {
    const r = rnd();
    if (depth === 0 || r < 0.4) return leaf();
    if (r < 0.55) return { kind: 'not', of: expr(depth - 1) };
    const of = Array.from({ length: 2 + Math.floor(rnd() * 2) }, () => expr(depth - 1));
    return { kind: r < 0.8 ? 'all' : 'any', of };
  };
  const criteria: Criterion[] = Array.from({ length: 6 }, (_, k) => ({
    id: `c-${k + 1}`,
    side: rnd() < 0.5 ? 'inclusion' : 'exclusion',
    text: `criterion ${k + 1}`,
    computability: 'computable',
    expr: expr(3),
    flags: [],
  }));
  const header = [
    'patient_id',
    'age',
    'weight',
    'steroid_pulse_dose',
    'pregnant',
    'hiv_positive',
    'informed_consent',
    'sex',
    'diagnoses',
    'last_vaccination',
    ...criteria.map((c) => `attested.${c.id}`),
  ];
  const cell = (name: string): string => {
    if (rnd() < 0.15) return '';
    if (name.startsWith('attested.')) return `${rnd() < 0.5 ? 'yes' : 'no'}|Dr Test|2024-05-30`;
    switch (name) {
      case 'age':
        return String(20 + Math.floor(rnd() * 5) * 10);
      case 'weight':
        return rnd() < 0.5 ? String(55 + Math.floor(rnd() * 4) * 5) : `${140 + Math.floor(rnd() * 3) * 10} lb`;
      case 'steroid_pulse_dose':
        return String(60 + Math.floor(rnd() * 6) * 10);
      case 'pregnant':
      case 'hiv_positive':
      case 'informed_consent':
        return pick(['yes', 'no']);
      case 'sex':
        return pick(['female', 'male']);
      case 'diagnoses':
        return rnd() < 0.3 ? 'none' : CODES.filter(() => rnd() < 0.4).join(';') || 'none';
      default:
        return rnd() < 0.3 ? 'never' : pick(['2024-05-20', '2024-04-01', '2024-01-15', '2023-06-01']);
    }
  };
  const rows = Array.from({ length: patients }, (_, i) => header.map((h) => (h === 'patient_id' ? `p${i + 1}` : cell(h))));
  return { criteria, header, rows };
}
