import type { Criterion } from '../../src/eligibility/expression.js';
import type { ProtocolView } from './api.js';

/**
 * The protocol's criteria as the eligibility module evaluates them. Interim, until the module's
 * registry-text parser lands: the structured age and sex limits become computable criteria and every
 * text line is left to a person's attestation (never guessed).
 */
export function protocolCriteria(protocol: ProtocolView): Criterion[] {
  const e = protocol.eligibility;
  const limits: Criterion[] = [];
  const age = [
    ...(e.minAge ? [{ kind: 'compare', fact: 'age', op: '>=', value: e.minAge.value, unit: e.minAge.unit } as const] : []),
    ...(e.maxAge ? [{ kind: 'compare', fact: 'age', op: '<=', value: e.maxAge.value, unit: e.maxAge.unit } as const] : []),
  ];
  if (age.length > 0) {
    const text = `Age ${e.minAge ? `${e.minAge.value} ${e.minAge.unit}` : 'any'} to ${e.maxAge ? `${e.maxAge.value} ${e.maxAge.unit}` : 'any'}`;
    limits.push({ id: 'age', side: 'inclusion', text, computability: 'computable', expr: { kind: 'all', of: age }, flags: [] });
  }
  if (e.sex !== 'all') {
    limits.push({ id: 'sex', side: 'inclusion', text: `Sex: ${e.sex}`, computability: 'computable', expr: { kind: 'equals', fact: 'sex', value: e.sex }, flags: [] });
  }
  const attested = (side: 'inclusion' | 'exclusion') => (c: { id: string; text: string }): Criterion => ({
    id: c.id,
    side,
    text: c.text,
    computability: 'attested',
    expr: { kind: 'attested', text: c.text },
    notComputable: 'not yet parsed',
    flags: [],
  });
  return [...limits, ...e.inclusion.map(attested('inclusion')), ...e.exclusion.map(attested('exclusion'))];
}
