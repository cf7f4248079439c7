import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.js';
import { getBuiltinProtocol } from '../protocol/builtin/index.js';
import { parseProtocol, protocolIssues } from '../protocol/parse-protocol.js';
import { applyCorrections } from './apply-corrections.js';
import { evaluateEligibility } from './evaluate.js';
import { protocolCriteria } from './protocol-criteria.js';
import { readFacts } from './patient-facts.js';

const ref = { screening: '2025-06-02' };
// ss-il2 exc-6 stays attested by the parser: "relevant" is a judgement.
const exc6 = 'Relevant cardiac, pulmonary, neurologic or psychiatric disease';
const correction = 'diagnoses has heart-failure or diagnoses has copd or diagnoses has epilepsy or diagnoses has schizophrenia';
const ss = () => getBuiltinProtocol('ss-il2');
const criterion = (eligibility: ReturnType<typeof ss>['eligibility'], id: string) => protocolCriteria(eligibility).find((c) => c.id === id)!;

const codeOf = (f: () => unknown): string => {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return `${e.code} ${e.status} ${e.path}: ${e.message}`;
    throw e;
  }
  throw new Error('no error');
};

describe('a corrected criterion', () => {
  it('is screened by its expression instead of the parse of its text, which stays verbatim', () => {
    const before = criterion(ss().eligibility, 'exc-6');
    expect(before).toMatchObject({ text: exc6, computability: 'attested' });
    const eligibility = applyCorrections(ss().eligibility, { 'exc-6': correction });
    const after = criterion(eligibility, 'exc-6');
    expect(after).toEqual({
      id: 'exc-6',
      side: 'exclusion',
      text: exc6,
      computability: 'computable',
      corrected: true,
      flags: [],
      expr: { kind: 'any', of: ['heart-failure', 'copd', 'epilepsy', 'schizophrenia'].map((code) => ({ kind: 'has', fact: 'diagnoses', code })) },
    });
    // Without an attestation the parse leaves the exclusion unknown; the correction decides it from the diagnoses.
    const sjogrenOnly = readFacts({ diagnoses: ['primary-sjogren'] });
    expect(evaluateEligibility([before], sjogrenOnly, ref).status).toBe('incomplete');
    expect(evaluateEligibility([after], sjogrenOnly, ref)).toMatchObject({ status: 'eligible', criteria: [{ status: 'not-met', factsUsed: { diagnoses: 'primary-sjogren' } }] });
    expect(evaluateEligibility([after], readFacts({ diagnoses: ['primary-sjogren', 'copd'] }), ref)).toMatchObject({ status: 'ineligible', failed: ['exc-6'] });
    // The other criteria are untouched.
    expect(protocolCriteria(eligibility).filter((c) => c.id !== 'exc-6')).toEqual(protocolCriteria(ss().eligibility).filter((c) => c.id !== 'exc-6'));
  });

  it('keeps an attested part for a person, named as the reason', () => {
    const eligibility = applyCorrections(ss().eligibility, { 'exc-6': 'diagnoses has heart-failure or attested: "another relevant disease"' });
    expect(criterion(eligibility, 'exc-6')).toMatchObject({ computability: 'partly-computable', notComputable: `the correction leaves "another relevant disease" to a person's attestation` });
    expect(criterion(applyCorrections(ss().eligibility, { 'exc-6': 'attested: "judged by the investigator"' }), 'exc-6').computability).toBe('attested');
  });

  it('goes back to the parse when its correction is removed (null)', () => {
    const corrected = applyCorrections(ss().eligibility, { 'exc-6': correction });
    expect(applyCorrections(corrected, { 'exc-6': null })).toEqual(ss().eligibility);
  });

  it('refuses a bad expression naming the criterion and the character, and an unknown id, changing nothing', () => {
    const e = ss().eligibility;
    expect(codeOf(() => applyCorrections(e, { 'inc-2': 'essdai ≥ 6', 'exc-6': 'diagnoses has heart-failure or cardiac' }))).toBe(
      'ELIGIBILITY_BAD_EXPRESSION 400 criteria.exc-6: Criterion exc-6: Character 32 of the expression: "cardiac" is not a fact of the dictionary.',
    );
    expect(codeOf(() => applyCorrections(e, { 'exc-60': 'pregnant' }))).toMatch(
      /^ELIGIBILITY_UNKNOWN_CRITERION 400 criteria.exc-60: The protocol has no criterion "exc-60" \(its criteria are inc-1, inc-2, /,
    );
    expect(codeOf(() => applyCorrections(e, {}))).toBe('ELIGIBILITY_NO_CORRECTION 400 criteria: Give at least one criterion id with its expression.');
    expect(e).toEqual(ss().eligibility);
  });
});

describe('the protocol file', () => {
  it('carries the expression next to the text, and a bad one is refused with its path and character', () => {
    const p = ss();
    const withExpression = { ...p, eligibility: { ...p.eligibility, exclusion: p.eligibility.exclusion.map((c) => (c.id === 'exc-6' ? { ...c, expression: correction } : c)) } };
    expect(parseProtocol(withExpression).eligibility.exclusion[5]).toEqual({ id: 'exc-6', text: exc6, expression: correction });
    const bad = { ...p, eligibility: { ...p.eligibility, exclusion: p.eligibility.exclusion.map((c) => (c.id === 'exc-6' ? { ...c, expression: 'weight < 110' } : c)) } };
    expect(protocolIssues(bad)).toEqual([{ path: 'eligibility.exclusion[5].expression', message: 'criterion exc-6: Character 13 of the expression: the weight limit needs its unit (kg, g, lb)' }]);
  });
});
