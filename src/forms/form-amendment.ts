import { canonicalJson } from '../audit/canonical-json.js';
import type { FormDefinition } from './form-schema.js';

/**
 * Forms an amendment changes without bumping their version: a version names one definition for the
 * life of a study, since the values saved under it display under it. Pure.
 */
export function formsChangedWithoutVersion(before: readonly FormDefinition[], after: readonly FormDefinition[]): FormDefinition[] {
  const old = new Map(before.map((f) => [f.id, f]));
  return after.filter((f) => {
    const was = old.get(f.id);
    return was !== undefined && was.version === f.version && canonicalJson(was) !== canonicalJson(f);
  });
}
