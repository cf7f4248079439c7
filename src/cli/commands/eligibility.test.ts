import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './run-cli.test-helper.js';

const dir = mkdtempSync(join(tmpdir(), 'il2trials-eligibility-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/**
 * A candidate who meets every sle-il2 criterion, read off the record's lines by hand: age 35 in
 * 18–65; ACR 1997 SLE (inc-1); lupus rash (inc-4); ANA 1:320 > 1:160 (inc-5); SLEDAI 10 ≥ 8 (inc-6);
 * HIV, HBV, HCV and pregnancy tests negative (inc-7–9); NYHA 0, ALT and AST 1 × ULN (exc-1); never a
 * steroid pulse or IV bolus (exc-4); no rituximab (exc-5); PPD 0.5 cm = 5 mm, not above 10 (exc-6);
 * written consent recorded (inc-10).
 * The attested inclusions hold; the attested parts of the exclusions do not.
 */
const attest = (holds: boolean) => `${holds ? 'yes' : 'no'}|dr-wang|2025-06-01`;
const eligible = {
  age: 35,
  diagnoses: ['sle-acr-1997', 'lupus-rash'],
  ana_titre: 320,
  sledai: 10,
  hiv_positive: false,
  hbv_positive: 'no',
  hcv_positive: false,
  pregnancy_test_positive: false,
  nyha_class: 0,
  alt_uln: 1,
  ast_uln: '1 ULN',
  last_steroid_pulse: 'never',
  last_iv_corticosteroid_bolus: 'never',
  prior_treatments: 'none',
  ppd_induration: '0.5 cm',
  informed_consent: 'yes',
  ...Object.fromEntries(['inc-2', 'inc-3'].map((id) => [`attested.${id}`, attest(true)])),
  ...Object.fromEntries(['exc-1', 'exc-2', 'exc-3', 'exc-5', 'exc-7', 'exc-8'].map((id) => [`attested.${id}`, attest(false)])),
};

describe('il2trials eligibility parse FILE', () => {
  it('says which lines it kept as notes rather than criteria', () => {
    const r = cli('eligibility', 'parse', file('none.txt', 'Inclusion Criteria:\n- Age ≥ 18 years\nExclusion Criteria:\n- None\n'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/inc-1 +computable +age ≥ 18 years/);
    expect(r.stdout).toContain('Not criteria (kept as notes):\n  None\n');
  });
});

describe('il2trials eligibility parse FILE --json', () => {
  it('gives each line as computable, partly computable or attested, verbatim, with the reason', () => {
    const text = ['Inclusion Criteria:', '- SLEDAI ≥ 8', '- Able to give informed consent.', 'Exclusion Criteria:', '- Serious infection such as bacteremia, sepsis;'].join('\n');
    const r = cli('eligibility', 'parse', file('criteria.txt', text), '--json');
    expect(r.code, r.stderr).toBe(0);
    const { criteria, notes } = JSON.parse(r.stdout);
    expect(notes).toEqual([]);
    expect(criteria.map((c: { id: string; computability: string }) => [c.id, c.computability])).toEqual([
      ['inc-1', 'computable'],
      ['inc-2', 'attested'],
      ['exc-1', 'partly-computable'],
    ]);
    expect(criteria[0].expr).toEqual({ kind: 'compare', fact: 'sledai', op: '>=', value: 8, unit: '' });
    expect(criteria[1]).toMatchObject({ text: 'Able to give informed consent.', notComputable: expect.stringMatching(/consent/) });
    // "such as" names examples: the named ones are computable, the rest of the class needs a person.
    expect(criteria[2].text).toBe('Serious infection such as bacteremia, sepsis;');
    expect(criteria[2].expr.of).toContainEqual({ kind: 'has', fact: 'diagnoses', code: 'sepsis' });
  });

  it('refuses text without headings, and a missing file, with one sentence and exit 1', () => {
    const bad = cli('eligibility', 'parse', file('plain.txt', 'Adults with lupus.\n'), '--json');
    expect(bad.code).toBe(1);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.trim()).toBe('il2trials: The criteria text has no "Inclusion Criteria:" or "Exclusion Criteria:" heading.');
    const missing = cli('eligibility', 'parse', join(dir, 'nope.txt'), '--json');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`Cannot read the file "${join(dir, 'nope.txt')}".`);
  });
});

describe('il2trials eligibility check ID --facts FILE --json', () => {
  const check = (facts: object) => cli('eligibility', 'check', 'sle-il2', '--facts', file(`facts-${Math.random()}.json`, JSON.stringify(facts)), '--date', '2025-06-02', '--json');

  it('finds the hand-checked candidate eligible, every criterion with its reason', () => {
    const r = check(eligible);
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ protocol: 'sle-il2', reference: { screening: '2025-06-02' }, status: 'eligible', failed: [], missing: [] });
    expect(out.criteria).toHaveLength(19); // age, inc-1…10, exc-1…8
    expect(out.criteria.find((c: { id: string }) => c.id === 'exc-6')).toMatchObject({ status: 'not-met', factsUsed: { ppd_induration: '5 mm' } });
  });

  it('names the failed criterion of an ineligible candidate, and the missing facts of an incomplete one', () => {
    // SLEDAI 6 < 8 fails inc-6.
    expect(JSON.parse(check({ ...eligible, sledai: 6 }).stdout)).toMatchObject({ status: 'ineligible', failed: ['inc-6'] });
    const { sledai: _s, ...noScore } = eligible;
    expect(JSON.parse(check(noScore).stdout)).toMatchObject({ status: 'incomplete', failed: [], missing: ['sledai'] });
  });

  it('refuses a bad fact naming it, with exit 1 and nothing on stdout', () => {
    const r = check({ ...eligible, sledai: 'ten' });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^il2trials: The facts have 1 problem: sledai: "ten" is not a number/);
  });
});
