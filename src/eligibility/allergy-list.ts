import type { Expr, Side } from './expression.js';
import { anyOf } from './combine.js';
import { allergenCode, withoutAllergenNames } from './allergen-names.js';
import { lexicon } from './lexicon.js';
import type { LineParser } from './line-parser.js';

/**
 * "Known allergy to telmisartan or rosuvastatin", "hypersensitivity to local anesthetics": each
 * substance named is an allergy code: a treatment's code when the lexicon names it, else the name as
 * written (like a named condition, never anything broader).
 * The list is read only when every item is a plain name: "any of the study drugs", "components of
 * the investigational product" and other classes left to judgement keep the line attested (a class
 * allergen-names.ts names, such as "food", is read in an exclusion),
 * and so does "and" (both, or either?).
 */
// "Hypersensitivity for propofol", but not "intolerance for physical exercise": only an allergy is "for" a substance.
const CUE =
  /\b(?:allerg(?:y|ies|ic(?: reactions?)?)|hypersensitivit(?:y|ies)|intoleran(?:ce|t))(?:\s*(?:,|or|and\/or)\s*(?:allerg\w*|hypersensitivit\w*|intoleran\w*))*\s+(?:to|against|(?<=(?:allerg\w*|hypersensitivit\w*)\s+)for)\s+/gi;
const VAGUE = new Set(
  (
    'a an the any all some these this those its their his her other others similar related such study studied drug drugs medication medications ' +
    'medicine medicines product products component components ingredient ingredients excipient excipients constituent constituents agent agents ' +
    'substance substances compound compounds material materials investigational intervention interventions treatment treatments therapy therapies ' +
    'placebo food foods used use required given received prior previously one more known including e.g etc class classes formulation derivatives ' +
    'no not non without never free ' +
    // Words of degree, doubt or kind make the name no substance ("Severe latex allergy", "Seasonal allergies").
    'severe mild moderate suspected possible probable serious significant life-threatening seasonal multiple'
  ).split(' '),
);

// "Hypersensitivity to semaglutide or to any of the excipients", "Allergy to pantoprazole or to any component of regimens used in the study".
const EXCIPIENTS = /,?\s+(?:or|and\/or)\s+(?:to\s+)?(?:any|some|one)\s+(?:of\s+)?(?:the\s+|its\s+|their\s+)?(?:excipients?|components?|ingredients?|constituents?)\b(?:(?!,|\bor\b|\band\b).)*$/i;

// "Vancomycin allergy", "Lidocaine or Niacin/Niaspan allergy": the whole line names the substances, then the allergy.
// "Patients with latex allergy": the people named first are no part of the substance.
const AFTER =
  /^\s*(?:(?:patients?|subjects?|participants?|individuals|persons|people|women|men|children)\s+(?:with|having|who have|who has)\s+)?(?:(?:known|documented|history of|a)\s+)*(.+?)\s+(?:allerg(?:y|ies)|hypersensitivit(?:y|ies))(?:\s*\/\s*intoleran(?:ce|ces))?\s*\.?\s*$/i;

/** Read before the lexicon's names, which would take the substances as treatments. */
export function allergyAfter(p: LineParser): void {
  const after = AFTER.exec(p.text);
  const codes = after ? substanceCodes(after[1]!, p.side) : undefined;
  if (after && codes && p.free(0, p.text.length)) p.add(0, p.text.length, anyOf(codes.map((code): Expr => ({ kind: 'has', fact: 'allergies', code }))), 'term');
}

export function allergyList(p: LineParser): void {
  for (const m of p.text.matchAll(CUE)) {
    const from = m.index + m[0].length;
    const whole = /^(?:either\s+)?([^;:.()[\]]*)/i.exec(p.text.slice(from))![1]!;
    // In an exclusion, "X or to any of its excipients": an allergy to X alone suffices; the excipients are left to a person.
    const tail = p.side === 'exclusion' ? EXCIPIENTS.exec(whole) : null;
    // In an exclusion a comma may end the line ("known allergy to amino amide local anesthetics,"): any items after it would be alternatives.
    const clause = tail ? whole.slice(0, tail.index) : p.side === 'exclusion' ? whole.replace(/,\s*$/, '') : whole;
    // The list must end the sentence ("to propofol (soya)" or "GLP-1 (…) analogs" may go on), and nothing may narrow it before ("suspected").
    const next = p.text.slice(from).indexOf(whole) + from + clause.length;
    if ((!tail && !/^\s*(?:[.;]|$)/.test(p.text.slice(next).replace(/^,\s*$/, ''))) || p.content(clauseStart(p.text, m.index), m.index)) continue;
    const codes = substanceCodes(clause, p.side);
    if (!codes) continue;
    const end = next - (clause.length - clause.trimEnd().length);
    if (!p.free(m.index, end)) continue;
    p.add(m.index, end, anyOf(codes.map((code): Expr => ({ kind: 'has', fact: 'allergies', code }))), 'term');
  }
}

const treatments = lexicon.flatMap((t) => (t.kind === 'code' && t.fact === 'treatment' ? [{ whole: new RegExp(`^(?:${t.pattern.source})$`, 'i'), code: t.code }] : []));
const treatmentCode = (name: string): string | undefined => treatments.find((t) => t.whole.test(name))?.code;

/** Where the clause holding position `at` starts (after the last ";", ":", "." or ","). */
const clauseStart = (text: string, at: number): number => Math.max(...[';', ':', '. ', ','].map((c) => text.lastIndexOf(c, at - 1) + 1), 0);

/** The allergy codes of a list of plain substance names ("vancomycin or ascorbic acid"), or undefined if any item is not one. */
function substanceCodes(clause: string, side: Side): string[] | undefined {
  const items = clause.split(/\s*(?:,\s*(?:or\s+|and\/or\s+)?|\s+or\s+|\s+and\/or\s+|\/)\s*/);
  if (/\band\b(?!\/)/i.test(withoutAllergenNames(clause)) || items.length === 0) return undefined;
  const codes: string[] = [];
  for (const item of items) {
    // A brand's mark is no part of its name ("NovoMix® 30"); a number after the name is ("NovoMix 30").
    const name = item.replace(/[®™]/g, '').trim();
    const known = allergenCode(name, side);
    if (known) {
      codes.push(known);
      continue;
    }
    const ws = name.toLowerCase().split(/\s+/);
    if (ws.length === 0 || ws.length > 3 || ws.some((w, k) => !(k > 0 ? /^[a-z0-9][a-z0-9-]*$/ : /^[a-z][a-z0-9-]*$/).test(w) || VAGUE.has(w))) return undefined;
    codes.push(treatmentCode(name) ?? ws.join('-'));
  }
  return codes;
}
