import type { ProtocolChange } from '../protocol/amendments/protocol-diff.js';
import { mentionsArm } from './masking-views.js';

/** What a blinded reader is shown instead of an amendment's reason that speaks of an arm. */
export const WITHHELD_REASON = 'The reason names an arm and is withheld from blinded users.';

/** An amendment as the study's history lists it (src/store/protocol-versions.ts). */
interface AmendmentEntry {
  readonly reason: string;
  readonly changes: readonly ProtocolChange[];
}

/** The list a change path belongs to: `arms[il2-3]` → `arms`, `design.masking` stays. */
const listOf = (path: string) => path.replace(/\[.*$/, '');

/**
 * A change as a blinded reader sees it. Which arm changed, and how, tells what each arm gives (a
 * dose-finding arm's id names its dose), so every arm change reads "arms changed", as the blinded
 * protocol keeps only the arms' ratios (maskProtocol). Another change whose path names an arm term
 * (a visit named after the placebo run-in) keeps only its list's name.
 */
function maskChange(c: ProtocolChange, terms: ReadonlySet<string>): ProtocolChange {
  const list = listOf(c.path);
  if (list === 'arms') return { path: 'arms', kind: 'changed' };
  return mentionsArm(c.path, terms) ? { path: list, kind: 'changed' } : c;
}

/**
 * An amendment without what would reveal the arms to a blinded reader: its arm changes reduced to
 * "arms changed" (once), and a reason naming an arm withheld. `terms` are the study's arm terms (armTerms).
 */
export function maskAmendment<T extends AmendmentEntry>(a: T, terms: ReadonlySet<string>): T {
  const seen = new Set<string>();
  const changes = a.changes
    .map((c) => maskChange(c, terms))
    .filter((c) => {
      const key = `${c.path} ${c.kind}`;
      return seen.has(key) ? false : (seen.add(key), true);
    });
  return { ...a, reason: mentionsArm(a.reason, terms) ? WITHHELD_REASON : a.reason, changes };
}
