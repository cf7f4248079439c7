import type { Expr } from './expression.js';
import { anyOf } from './combine.js';
import { lexicon } from './lexicon.js';
import type { LineParser } from './line-parser.js';

/**
 * "Known allergy to telmisartan or rosuvastatin", "hypersensitivity to local anesthetics": each
 * substance named is an allergy code: a treatment's code when the lexicon names it, else the name as
 * written (like a named condition, never anything broader).
 * The list is read only when every item is a plain name: "any of the study drugs", "components of
 * the investigational product", "food" and other classes left to judgement keep the line attested,
 * and so does "and" (both, or either?).
 */
const CUE = /\b(?:allerg(?:y|ies|ic(?: reactions?)?)|hypersensitivit(?:y|ies)|intoleran(?:ce|t))(?:\s*(?:,|or|and\/or)\s*(?:allerg\w*|hypersensitivit\w*|intoleran\w*))*\s+(?:to|against)\s+/gi;
const VAGUE = new Set(
  (
    'a an the any all some these this those its their his her other others similar related such study studied drug drugs medication medications ' +
    'medicine medicines product products component components ingredient ingredients excipient excipients constituent constituents agent agents ' +
    'substance substances compound compounds material materials investigational intervention interventions treatment treatments therapy therapies ' +
    'placebo food foods used use required given received prior previously one more known including e.g etc class classes formulation derivatives ' +
    'no not non without never free'
  ).split(' '),
);

// "Vancomycin allergy", "Lidocaine or Niacin/Niaspan allergy": the whole line names the substances, then the allergy.
const AFTER = /^\s*(?:(?:known|documented|history of)\s+)*(.+?)\s+(?:allerg(?:y|ies)|hypersensitivit(?:y|ies))\s*\.?\s*$/i;

/** Read before the lexicon's names, which would take the substances as treatments. */
export function allergyAfter(p: LineParser): void {
  const after = AFTER.exec(p.text);
  const codes = after ? substanceCodes(after[1]!) : undefined;
  if (after && codes && p.free(0, p.text.length)) p.add(0, p.text.length, anyOf(codes.map((code): Expr => ({ kind: 'has', fact: 'allergies', code }))), 'term');
}

export function allergyList(p: LineParser): void {
  for (const m of p.text.matchAll(CUE)) {
    const from = m.index + m[0].length;
    const clause = /^(?:either\s+)?([^;:.()[\]]*)/i.exec(p.text.slice(from))![1]!;
    // The list must end the sentence ("to propofol (soya)" or "GLP-1 (…) analogs" may go on), and nothing may narrow it before ("suspected").
    const next = p.text.slice(from).indexOf(clause) + from + clause.length;
    if (!/^\s*(?:[.;]|$)/.test(p.text.slice(next)) || p.content(clauseStart(p.text, m.index), m.index)) continue;
    const codes = substanceCodes(clause);
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
function substanceCodes(clause: string): string[] | undefined {
  const items = clause.split(/\s*(?:,\s*(?:or\s+|and\/or\s+)?|\s+or\s+|\s+and\/or\s+|\/)\s*/);
  if (/\band\b(?!\/)/i.test(clause) || items.length === 0) return undefined;
  const codes: string[] = [];
  for (const item of items) {
    const ws = item.trim().toLowerCase().split(/\s+/);
    if (ws.length === 0 || ws.length > 3 || ws.some((w) => !/^[a-z][a-z0-9-]*$/.test(w) || VAGUE.has(w))) return undefined;
    codes.push(treatmentCode(item.trim()) ?? ws.join('-'));
  }
  return codes;
}
