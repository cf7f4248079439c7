import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatExpr } from './expression.js';
import { parseCriteriaText } from './parse-criteria.js';

/** The record's eligibility criteria text, as stored beside this test (fixtures/ctgov/SOURCE.md). */
const ctgov = (nct: string): string => readFileSync(new URL(`./fixtures/ctgov/${nct}-eligibility.txt`, import.meta.url), 'utf8');

describe('criteria text from ClinicalTrials.gov records', () => {
  it('NCT02552212: bullets and sub-bullets, escaped markup (\\>=)', () => {
    const { criteria } = parseCriteriaText(ctgov('NCT02552212'));
    expect(criteria.filter((c) => c.side === 'inclusion')).toHaveLength(8);
    expect(criteria.filter((c) => c.side === 'exclusion')).toHaveLength(11);
    const byText = (t: string) => criteria.find((c) => c.text.startsWith(t));
    // "at the start of Screening Visit" is left to a person: the age fact is taken at screening, but the record says so in words.
    expect(formatExpr(byText('At least 18 years old')!.expr)).toBe('age ≥ 18 years and attested: "at the start of Screening Visit"');
    expect(byText('Bath Ankylosing')!.expr).toEqual({ kind: 'compare', fact: 'basdai', op: '>=', value: 4, unit: '' });
    // "Recent live vaccination" gives no window: not made computable.
    expect(byText('Recent live vaccination')!.computability).toBe('attested');
    expect(byText('Recent live vaccination')!.notComputable).toMatch(/no time window/);
    expect(byText("Subjects with any other condition which, in the investigator's judgment")!.computability).toBe('attested');
  });
  it('NCT02210780: numbered lines under "Key ... Criteria", the closing paragraph kept as a note', () => {
    const { criteria, notes } = parseCriteriaText(ctgov('NCT02210780'));
    expect(criteria.map((c) => c.id)).toEqual(['inc-1', 'inc-2', 'inc-3', 'inc-4', 'inc-5', 'exc-1', 'exc-2', 'exc-3', 'exc-4', 'exc-5', 'exc-6', 'exc-7']);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^The information listed above/);
    expect(criteria[2]!.expr).toEqual({
      kind: 'all',
      of: [
        { kind: 'compare', fact: 'easi', op: '>=', value: 16, unit: '' },
        { kind: 'attested', text: 'at the screening visit and the baseline visit' },
      ],
    });
    // The drug's code names stay for a person to read; "at least 3 years" of disease is not taken for an age.
    expect(criteria[5]!.expr).toEqual({
      kind: 'any',
      of: [
        { kind: 'has', fact: 'prior_treatments', code: 'dupilumab' },
        { kind: 'attested', text: 'Prior treatment with REGN668/ SAR231893' },
      ],
    });
    expect(formatExpr(criteria[0]!.expr)).toMatch(/^age ≥ 18 years and age ≤ 64 years and attested: "Male or female adults with Chronic AD/);
  });
  it('NCT03860025: a lone "-" under "Exclusion Criteria:" is no criterion', () => {
    const text = 'Inclusion Criteria:\n  -  controls with a primary THA without events of hip dislocation\nExclusion Criteria:\n-\n';
    expect(parseCriteriaText(text).criteria.map((c) => c.id)).toEqual(['inc-1']);
  });
  it('refuses text without headings', () => {
    expect(() => parseCriteriaText('- ESSDAI >= 6')).toThrow(/no "Inclusion Criteria:"/);
  });
});
