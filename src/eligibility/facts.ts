import type { FactDefinition } from './fact-definition.js';
import { factDictionary } from './fact-dictionary.js';

export type { FactDefinition, FactType } from './fact-definition.js';

const byName = new Map(factDictionary.map((f) => [f.name, f]));

const ATTESTED_PREFIX = 'attested.';
const LAST_PREFIX = 'last.';
const CODE = /^[a-z0-9][a-z0-9-]*$/;

/** The fact that records a human attestation of criterion `criterionId` (e.g. attested.inc-10). */
export function attestationFactName(criterionId: string): string {
  return ATTESTED_PREFIX + criterionId;
}

export function isAttestationFact(name: string): boolean {
  return name.startsWith(ATTESTED_PREFIX);
}

/** The date fact of the latest occurrence of a diagnosis or treatment code (e.g. last.chemotherapy). */
export function lastOccurrenceFactName(code: string): string {
  return LAST_PREFIX + code;
}

/** Whether `value` is a value of the code fact `def`: one of its values, or any code when the criteria name them. */
export function isCodeValue(def: FactDefinition, value: string): boolean {
  return def.values ? def.values.includes(value) : CODE.test(value);
}

export function findFact(name: string): FactDefinition | undefined {
  const known = byName.get(name);
  if (known) return known;
  const code = name.startsWith(LAST_PREFIX) ? name.slice(LAST_PREFIX.length) : '';
  if (!CODE.test(code)) return undefined;
  return { name, type: 'date', description: `Date of the latest ${code} (onset of the diagnosis, or the treatment given), or never.` };
}
