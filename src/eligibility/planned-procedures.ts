import { COMPOUND, compoundTerm } from './compound-names.js';
import { contentWords } from './content-words.js';
import type { Expr, Side } from './expression.js';
import { lexicon } from './lexicon.js';
import type { LineParser } from './line-parser.js';
import { NEGATION, PROCEDURE } from './line-tense.js';

/**
 * "Patients scheduled for elective laparoscopic cholecystectomy", "Undergoing cardiac surgery",
 * "Elective total knee arthroplasty": the procedure the patient is to undergo in the care episode
 * the study enrols, the fact planned_procedures. Its names are the lexicon's procedures (code as
 * for prior_treatments), and the few below that only a plan reads.
 *
 * - After a cue ("scheduled for", "undergoing", "planned to undergo", "will undergo"), or after
 *   "elective" at the start of an inclusion, the procedure may be narrowed by the closed list of
 *   words below ("elective", "primary", "laparoscopic"): in an inclusion the procedure named is still
 *   necessary, and the narrowing words stay in the attested remainder (combine.ts joins them with
 *   "and"). In an exclusion no narrowing word is allowed: "emergency surgery" is not all surgery.
 * - "or" and "/" after it name alternatives the cue binds ("scheduled for total pancreatectomy or
 *   pancreaticoduodenectomy"); "and" and commas are left to the lexicon (they may join two patients' lists).
 *   Two alternatives may share the rest of the name ("general or regional anaesthesia", "total hip or knee
 *   replacement"): read only when each, with the shared words, is a name of the vocabulary.
 * - "to be operated" after the patient named, in an inclusion, is a planned surgery, the broadest procedure code.
 * - In an inclusion, "under/with general anaesthesia" right after a planned procedure is planned too.
 * - A line that is the name and "planned" ("General anesthesia planned") is read whole, on either side.
 * - Not after a numbered item nor after a kind of patient ("Surgical patients …"): the line may be one
 *   cohort of several, and the procedure not every participant's.
 * - Not after a negation, nor in a line that speaks of the past or gives a time window ("undergoing
 *   vascular surgery in the last 3 months" is dated, read by the lexicon). "before surgery" and
 *   "at the time of surgery" have no cue: qualifiers.ts reads them as time anchors.
 */

/** Procedures only read as planned: as a treatment line-tense.ts would read "general anaesthesia" as current. */
const PLANNED_ONLY: readonly (readonly [RegExp, string])[] = [
  [/general an(?:a)?esthesia/iy, 'general-anaesthesia'],
  [/spinal an(?:a)?esthesia/iy, 'spinal-anaesthesia'],
  [/regional an(?:a)?esthesia/iy, 'regional-anaesthesia'],
  // -scopy, -plasty and the rest: names whose ending line-tense.ts does not know as a procedure.
  [/colonoscopy/iy, 'colonoscopy'],
  [/knee arthroscopy/iy, 'knee-arthroscopy'],
  [/septoplasty/iy, 'septoplasty'],
  [/(?:posterior )?spinal fusion/iy, 'spinal-fusion'],
  [/inguinal hernia repair/iy, 'inguinal-hernia-repair'],
  [/transcatheter aortic valve (?:implantation|replacement)|TAVI\b|TAVR\b/iy, 'transcatheter-aortic-valve-implantation'],
  // An operation that cannot wait for a scheduled list (NCEPOD classification of intervention, 2004: "immediate" or "urgent").
  [/emergency surger(?:y|ies)/iy, 'emergency-surgery'],
];
// Codes of the lexicon's treatments that name a procedure, done once (line-tense.ts's test).
const PROCEDURES = lexicon.flatMap((t) => (t.kind === 'code' && t.fact === 'treatment' && PROCEDURE.test(t.code) ? [[new RegExp(t.pattern.source, 'iy'), t.code] as const] : []));
const COMPOUND_AT = new RegExp(COMPOUND.source, 'iy');

// "Patient is a planned recipient of a kidney transplant", "Planning on kidney transplantation surgery" (NCT03923556), "the patient will be operated with spinal anesthesia" (NCT03869775),
// "Surgical plan for total hip replacement" (NCT03860324), "a planned operation of coronary artery bypass grafting" (NCT03860545), "Scheduled surgery for primary total hip or knee replacement" (NCT03863743).
const CUE =
  /\b(?:(?:electively\s+)?scheduled\s+(?:for|to\s+undergo|to\s+have)|planned\s+(?:for|to\s+undergo)|plan(?:s|ning)?\s+to\s+undergo|(?:who|that)\s+(?:will\s+)?undergo(?:es)?|will\s+undergo|undergoing|planning\s+on|a\s+planned\s+recipient\s+of|receiving(?=\s+elective\b)|will\s+be\s+operated\s+(?:under|with)|^\s*under|surgical\s+plan\s+for|(?:scheduled|planned)\s+(?:surgery|operation)\s+(?:for|of)|(?:a\s+)?planned\s+operation\s+of)\s+/gi;
// Words that narrow a procedure and keep its code (and articles).
const NARROWING =
  /^(?:(?:a|an|the|elective|primary|first-time|non-emergent|non-urgent|unilateral|bilateral|simultaneous|total|partial|open|laparoscopic|robotic|robot-assisted|minimally invasive|redo|planned)(?:\s+|\s*,\s*(?=(?:elective|primary)\b)))*/i;
const FILLER = /^(?:a|an|the)$/i;
const PAST = /\b(?:history|previous(?:ly)?|prior|past|had|underwent|undergone|ago|since|recent(?:ly)?|post)\b/i;
const GROUP = /^\s*(?:\d{1,2}[.)]\s+)?([A-Za-z][\w'-]*)\s+(?:patients|subjects|cases|controls|participants|volunteers|group)\b/i;
const ANAESTHESIA = /^\s*(?:under|with)\s+(?:an?\s+)?/i;

interface Found {
  readonly end: number;
  readonly code: string;
}

/** The longest procedure name that starts at `at`, or undefined. */
function procedureAt(text: string, at: number): Found | undefined {
  let best: Found | undefined;
  const consider = (end: number, code: string) => {
    if (!best || end > best.end) best = { end, code };
  };
  for (const [re, code] of [...PLANNED_ONLY, ...PROCEDURES]) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (m) consider(at + m[0].length, code);
  }
  COMPOUND_AT.lastIndex = at;
  const c = COMPOUND_AT.exec(text);
  const term = c && compoundTerm(c);
  if (c && term?.fact === 'treatment') consider(at + c[0].length, term.code);
  // A name must end at a word's end ("surgery" is not "surgery-free").
  return best && !/^[\w-]/.test(text.slice(best.end)) ? best : undefined;
}

// "total hip or knee replacement", "general or regional anesthesia": a word (after at most one more) and its alternative share the rest of the name.
const SHARED = /(?:([\w-]+\s+))??([\w-]+)\s+or\s+([\w-]+)(?=\s)/iy;

/**
 * Two names that share their head after "or" at `at` ("total hip or knee replacement"), each a name of its own, or undefined.
 * A word before the first ("total") may or may not reach past the "or": the exclusion reads it on both sides (sufficient
 * either way), the inclusion only on the first and leaves it to the remainder (necessary either way: a total knee
 * replacement is a knee replacement), so the second must be a name without it.
 */
function sharedHeadAt(text: string, at: number, side: Side): { start: number; end: number; codes: string[] } | undefined {
  SHARED.lastIndex = at;
  const m = SHARED.exec(text);
  if (!m) return undefined;
  const tail = at + m[0].length;
  const prefix = m[1] ?? '';
  const own = side === 'inclusion' && prefix !== '';
  const ends = [m[2]!, m[3]!].map((word, k) => {
    const head = (k === 1 && own ? '' : prefix) + word;
    const name = procedureAt(head + text.slice(tail), 0);
    // The name must take in the shared words, not stop at the alternative's own.
    return name && name.end > head.length ? { end: tail + name.end - head.length, code: name.code } : undefined;
  });
  const [a, b] = ends;
  return a && b && a.end === b.end ? { start: own ? at + prefix.length : at, end: a.end, codes: [...new Set([a.code, b.code])] } : undefined;
}

const planned = (code: string): Expr => ({ kind: 'has', fact: 'planned_procedures', code });

export function plannedProcedures(p: LineParser): void {
  const { text, side } = p;
  // "Surgical patients scheduled for colorectal surgery" beside "Collaborative ICU patients …" and "Healthy subjects" (NCT03922113): a kind of patient named first may be one cohort of several.
  const group = GROUP.exec(text);
  if (PAST.test(text) || p.windows.length > 0 || (group && contentWords(group[1]!).length > 0)) return;
  const starts: { cue: [number, number] | undefined; at: number }[] = [...text.matchAll(CUE)].map((m) => ({ cue: [m.index, m.index + m[0].length], at: m.index + m[0].length }));
  // "Elective laparoscopic cholecystectomy, ASA 1-2": a line of an inclusion that opens with the elective procedure.
  // Not after an item number: "1. elective total knee arthroplasty", "2. elective total hip arthroplasty" (NCT03869203) are alternative cohorts.
  const elective = /^\s*(?=elective\b)/i.exec(text);
  if (side === 'inclusion' && elective && starts.length === 0) starts.push({ cue: undefined, at: elective[0].length });
  // "General anesthesia planned" (NCT03861377): the whole line, the cue after the name.
  const tail = /\s+(?:is\s+)?(?:planned|scheduled)\s*\.?\s*$/i.exec(text);
  const whole = tail && procedureAt(text, 0);
  if (tail && whole?.end === tail.index) {
    p.cover(tail.index, text.length);
    p.add(0, whole.end, planned(whole.code), 'term');
    return;
  }
  // "newborn to be operated with the diagnosis of congenital heart disease" (NCT03923543): the plan is an operation, a surgery.
  // Only after the patient named: "refused to be operated", "fit to be operated", "need to be operated" are no plan.
  const operated =
    /(?<=\b(?:patients?|subjects?|participants?|child(?:ren)?|infants?|newborns?|neonates?|adults?|(?:who|that)\s+(?:is|are))\s+)to\s+be\s+operated\b(?!\s+(?:under|with)\s+(?:an?\s+)?(?:general|spinal|regional)\b)/i.exec(
      text,
    );
  if (side === 'inclusion' && operated && p.free(operated.index, operated.index + operated[0].length) && !NEGATION.test(text.slice(0, operated.index))) {
    p.add(operated.index, operated.index + operated[0].length, planned('surgery'), 'term');
  }
  for (const { cue, at } of starts) {
    const clause =
      text
        .slice(0, cue ? cue[0] : at)
        .split(/[;.]\s/)
        .at(-1) ?? '';
    if (NEGATION.test(clause)) continue;
    let from = at;
    const read: [number, number, readonly string[]][] = [];
    for (;;) {
      // The earliest name among the narrowing words: "total knee arthroplasty", "laparoscopic surgery" are names of their own.
      const narrowing = NARROWING.exec(text.slice(from))![0];
      const found = [...narrowing.matchAll(/(?:^|\s)(?=\S)/g)]
        .map((w) => from + w.index + w[0].length)
        .concat(from + narrowing.length)
        .map((i) => {
          const one = procedureAt(text, i);
          const two = one ? undefined : sharedHeadAt(text, i, side);
          return { at: two?.start ?? i, name: one ? { end: one.end, codes: [one.code] } : two };
        })
        .find((f) => f.name);
      const at = found?.at;
      const name = found?.name;
      if (at === undefined || !name || !p.free(at, name.end)) break;
      const narrowed = text
        .slice(from, at)
        .split(/\s+/)
        .some((w) => w !== '' && !FILLER.test(w));
      // The cue's "elective" is itself a narrowing word.
      if (side === 'exclusion' && (narrowed || !cue)) break;
      read.push([at, name.end, name.codes]);
      const or = /^\s*(?:or|\/)\s*/i.exec(text.slice(name.end));
      if (!or || name.codes.length > 1) break;
      from = name.end + or[0].length;
    }
    if (read.length === 0) continue;
    if (cue) p.cover(cue[0], cue[1]);
    for (const [start, end, codes] of read) p.add(start, end, codes.length > 1 ? { kind: 'any', of: codes.map(planned) } : planned(codes[0]!), 'term');
    // "under general anaesthesia": part of the plan, so necessary with it in an inclusion.
    const last = read.at(-1)!;
    const under = side === 'inclusion' && read.length === 1 ? ANAESTHESIA.exec(text.slice(last[1])) : null;
    const how = under && procedureAt(text, last[1] + under[0].length);
    if (under && how?.code.endsWith('-anaesthesia') && p.free(last[1], how.end)) {
      p.cover(last[1], last[1] + under[0].length);
      p.add(last[1] + under[0].length, how.end, planned(how.code), 'term');
    }
  }
}
