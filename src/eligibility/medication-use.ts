import type { LineParser } from './line-parser.js';

/**
 * "Taking medication", "Prescription medications": a line that names only the use of medication in
 * general is the yes/no fact takes_medication (or takes_prescription_medication). Read only as the
 * whole line: any word more ("medications that could alter brain function", "regular medication",
 * "within 4 weeks") says which medication or when, and leaves the line to a person.
 */
const WHOLE = /^\s*(?:(?:current|ongoing|concomitant)\s+)?(?:(?:taking|using|use of|on)\s+)?(?:any\s+)?(?:(prescription|prescribed)\s+)?(?:medications?|medicines?)\s*\.?\s*$/i;

export function medicationUse(p: LineParser): void {
  const m = WHOLE.exec(p.text);
  if (!m || !p.free(0, p.text.length)) return;
  p.add(0, p.text.length, { kind: 'is', fact: m[1] ? 'takes_prescription_medication' : 'takes_medication', value: true }, 'term');
}
