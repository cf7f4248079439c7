import { describe, expect, it } from 'vitest';
import { compileCriteria, NO, UNKNOWN, YES } from './compile.js';
import { evaluateEligibility } from './evaluate.js';
import type { Criterion, Expr } from './expression.js';
import { readFacts } from './patient-facts.js';

const ref = { screening: '2024-03-31', firstDose: '2024-04-29' };
const crit = (id: string, side: 'inclusion' | 'exclusion', expr: Expr): Criterion => ({ id, side, text: id, computability: 'computable', expr, flags: [] });
const truth = (expr: Expr, facts: Record<string, unknown>, r: { screening: string; firstDose?: string } = ref) =>
  compileCriteria([crit('inc-1', 'inclusion', expr)], r)[0]!.root.test(readFacts(facts));

describe('each kind of expression: met, not met, unknown', () => {
  it('compare, with the threshold converted to the canonical unit', () => {
    // leukocytes < 2000/mm³ = < 2.0 × 10⁹/L (2000 × 10⁻³).
    const e: Expr = { kind: 'compare', fact: 'leukocytes', op: '<', value: 2000, unit: '/mm3' };
    expect(truth(e, { leukocytes: 1.9 })).toBe(YES);
    expect(truth(e, { leukocytes: 2.0 })).toBe(NO); // strictly less
    expect(truth(e, {})).toBe(UNKNOWN);
    // and the other way: a value given in /mm³ against a threshold in 10⁹/L.
    const f: Expr = { kind: 'compare', fact: 'platelets', op: '<', value: 100, unit: '10^9/l' };
    expect(truth(f, { platelets: '99000 /mm3' })).toBe(YES);
    expect(truth(f, { platelets: '100000/mm³' })).toBe(NO);
  });
  it('compare in pounds and µkat/L', () => {
    const w: Expr = { kind: 'compare', fact: 'weight', op: '<', value: 45, unit: 'kg' };
    // 99 lb × 0.45359237 = 44.906 kg < 45; 100 lb = 45.359 kg.
    expect(truth(w, { weight: '99 lb' })).toBe(YES);
    expect(truth(w, { weight: { value: 100, unit: 'lb' } })).toBe(NO);
    const ast: Expr = { kind: 'compare', fact: 'ast', op: '>', value: 200, unit: 'iu/l' };
    // 3.4 µkat/L × 60 = 204 U/L > 200; 3.3 µkat/L = 198 U/L.
    expect(truth(ast, { ast: '3.4 µkat/L' })).toBe(YES);
    expect(truth(ast, { ast: '3.3 ukat/L' })).toBe(NO);
  });
  it('a per-kg threshold scales with weight, and is unknown without it', () => {
    const e: Expr = { kind: 'compare', fact: 'steroid_pulse_dose', op: '>', value: 1.5, unit: 'mg/kg' };
    // 60 kg × 1.5 mg/kg = 90 mg.
    expect(truth(e, { steroid_pulse_dose: 91, weight: 60 })).toBe(YES);
    expect(truth(e, { steroid_pulse_dose: 90, weight: 60 })).toBe(NO);
    expect(truth(e, { steroid_pulse_dose: 91 })).toBe(UNKNOWN);
  });
  it('is, equals, has', () => {
    expect(truth({ kind: 'is', fact: 'hiv_positive', value: false }, { hiv_positive: 'no' })).toBe(YES);
    expect(truth({ kind: 'is', fact: 'hiv_positive', value: false }, { hiv_positive: true })).toBe(NO);
    expect(truth({ kind: 'is', fact: 'hiv_positive', value: false }, {})).toBe(UNKNOWN);
    expect(truth({ kind: 'equals', fact: 'sex', value: 'female' }, { sex: 'Female' })).toBe(YES);
    expect(truth({ kind: 'equals', fact: 'sex', value: 'female' }, { sex: 'male' })).toBe(NO);
    expect(truth({ kind: 'equals', fact: 'sex', value: 'female' }, {})).toBe(UNKNOWN);
    const dx: Expr = { kind: 'has', fact: 'diagnoses', code: 'infection' };
    expect(truth(dx, { diagnoses: 'primary-sjogren;infection' })).toBe(YES);
    expect(truth(dx, { diagnoses: ['primary-sjogren'] })).toBe(NO);
    expect(truth(dx, { diagnoses: 'none' })).toBe(NO);
    expect(truth(dx, {})).toBe(UNKNOWN);
  });
  it('within: both ends inclusive, never is not within, no anchor date is unknown', () => {
    // 4 weeks before 2024-04-29 is 2024-04-01 (28 days): inside; 2024-03-31 (29 days): outside.
    const e: Expr = { kind: 'within', fact: 'last_live_vaccination', amount: 4, unit: 'weeks', before: 'first-dose' };
    expect(truth(e, { last_live_vaccination: '2024-04-01' })).toBe(YES);
    expect(truth(e, { last_live_vaccination: '2024-03-31' })).toBe(NO);
    expect(truth(e, { last_live_vaccination: '2024-04-29' })).toBe(YES);
    expect(truth(e, { last_live_vaccination: '2024-04-30' })).toBe(NO); // after the anchor is not "before"
    expect(truth(e, { last_live_vaccination: 'never' })).toBe(NO);
    expect(truth(e, {})).toBe(UNKNOWN);
    expect(truth(e, { last_live_vaccination: '2024-04-01' }, { screening: '2024-03-31' })).toBe(UNKNOWN);
  });
  it('within months: calendar months, clamped to the month end', () => {
    // 2 months before 2024-03-31 is 2024-01-31; 1 month before is 2024-02-29 (leap year, clamped).
    const two: Expr = { kind: 'within', fact: 'last_steroid_pulse', amount: 2, unit: 'months', before: 'screening' };
    expect(truth(two, { last_steroid_pulse: '2024-01-31' })).toBe(YES);
    expect(truth(two, { last_steroid_pulse: '2024-01-30' })).toBe(NO);
    const one: Expr = { kind: 'within', fact: 'last_steroid_pulse', amount: 1, unit: 'months', before: 'screening' };
    expect(truth(one, { last_steroid_pulse: '2024-02-29' })).toBe(YES);
    expect(truth(one, { last_steroid_pulse: '2024-02-28' })).toBe(NO);
  });
  it('all / any / not in three-valued logic', () => {
    const a: Expr = { kind: 'is', fact: 'pregnant', value: true };
    const b: Expr = { kind: 'is', fact: 'breastfeeding', value: true };
    const any: Expr = { kind: 'any', of: [a, b] };
    const all: Expr = { kind: 'all', of: [a, b] };
    expect(truth(any, { pregnant: false, breastfeeding: true })).toBe(YES);
    expect(truth(any, { pregnant: false, breastfeeding: false })).toBe(NO);
    expect(truth(any, { pregnant: false })).toBe(UNKNOWN);
    expect(truth(any, { breastfeeding: true })).toBe(YES); // one YES decides
    expect(truth(all, { pregnant: false })).toBe(NO); // one NO decides
    expect(truth(all, { pregnant: true })).toBe(UNKNOWN);
    expect(truth(all, { pregnant: true, breastfeeding: true })).toBe(YES);
    expect(truth({ kind: 'not', of: a }, { pregnant: true })).toBe(NO);
    expect(truth({ kind: 'not', of: a }, { pregnant: false })).toBe(YES);
    expect(truth({ kind: 'not', of: a }, {})).toBe(UNKNOWN);
  });
  it('attested: a fact with who and when', () => {
    const e: Expr = { kind: 'attested', text: 'Written informed consent form.' };
    expect(truth(e, { 'attested.inc-1': { holds: true, by: 'Dr Li', at: '2024-03-30' } })).toBe(YES);
    expect(truth(e, { 'attested.inc-1': 'no|Dr Li|2024-03-30' })).toBe(NO);
    expect(truth(e, {})).toBe(UNKNOWN);
    expect(() => readFacts({ 'attested.inc-1': { holds: true, by: 'Dr Li' } })).toThrow(/needs holds.*by.*at/);
  });
});

describe('overall decision', () => {
  const criteria = [crit('inc-1', 'inclusion', { kind: 'compare', fact: 'essdai', op: '>=', value: 6, unit: '' }), crit('exc-1', 'exclusion', { kind: 'is', fact: 'pregnant', value: true })];
  it('eligible when every inclusion is met and no exclusion is', () => {
    const r = evaluateEligibility(criteria, readFacts({ essdai: 7, pregnant: false }), ref);
    expect(r.status).toBe('eligible');
    expect(r.criteria[0]!.factsUsed).toEqual({ essdai: '7' });
  });
  it('a met exclusion makes the patient ineligible, even with another criterion unknown', () => {
    const r = evaluateEligibility(criteria, readFacts({ pregnant: true }), ref);
    expect(r.status).toBe('ineligible');
    expect(r.failed).toEqual(['exc-1']);
    expect(r.missing).toEqual(['essdai']);
  });
  it('an unknown never counts as met: an unknown exclusion leaves the patient incomplete, naming the fact', () => {
    const r = evaluateEligibility(criteria, readFacts({ essdai: 9 }), ref);
    expect(r.status).toBe('incomplete');
    expect(r.missing).toEqual(['pregnant']);
    expect(r.criteria[1]!.reason).toBe('unknown (missing pregnant): pregnant');
  });
  it('an inclusion not met fails', () => {
    const r = evaluateEligibility(criteria, readFacts({ essdai: 5, pregnant: false }), ref);
    expect(r.status).toBe('ineligible');
    expect(r.failed).toEqual(['inc-1']);
    expect(r.criteria[0]!.reason).toBe('not-met: essdai ≥ 6');
  });
});

describe('reading facts', () => {
  it('reports every bad value with its name', () => {
    expect(() => readFacts({ weight: '70 stone', age: 'old', last_vaccination: '2024-02-30' })).toThrow(
      /3 problems: weight: unit "stone" is not accepted.*age: "old" is not a number.*last_vaccination: "2024-02-30" is not a date/,
    );
    expect(() => readFacts({ shoe_size: 42 })).toThrow(/"shoe_size" is not a fact/);
  });
  it('converts a per-kg dose with the weight given in the same document', () => {
    // 0.5 mg/kg/day × 80 kg = 40 mg/day.
    expect(readFacts({ prednisone_dose: '0.5 mg/kg/day', weight: 80 }).prednisone_dose).toBe(40);
  });
});
