import { generalHead, siteLeading } from './compound-names.js';
import { ITEM_NUMBER } from './item-number.js';
import { keepsCode, narrowsInExclusion, readsBroader, readsNarrowed } from './narrowed-names.js';
import type { Side } from './expression.js';

/**
 * What the words around a named condition, treatment or test do to it. A condition is read only
 * when each word next to it is known to keep its meaning (filler, "history of", "active", a
 * negation, a time window, "in a first-degree relative"); any other word narrows it ("middle ear
 * infection", "breast cancer", "requiring treatment", "suspected") and the phrase stays attested.
 */
export type Tense = 'current' | 'history' | 'unstated';

export interface Qualified {
  readonly tense: Tense;
  /** "in a first-degree relative", "parents or siblings with": the relatives' condition. */
  readonly family: boolean;
  /** "non-pregnant", "HIV-negative", "cancer-free": the word itself is negated. */
  readonly negated: boolean;
  /** Where the phrase and the words that qualify it start ("non-") and end. */
  readonly start: number;
  readonly end: number;
  /** "severe" in "severe renal impairment" (an exclusion, narrowed-names.ts): the narrowing words and where they start, read as attested beside the name. */
  readonly narrowed?: { readonly start: number; readonly text: string };
}

export type Qualification = { readonly ok: true; readonly q: Qualified } | { readonly ok: false; readonly reason: string };

const HISTORY = new Set(['history', 'previous', 'previously', 'prior', 'past', 'ever', 'former', 'earlier', 'had', 'suffered', 'pre-treatment', 'pretreatment', 'pretreated', 'pre-treated']);
// "Pre-existing hypertension": there before the study, and so now.
const CURRENT = new Set([
  'current',
  'currently',
  'active',
  'ongoing',
  'existing',
  'pre-existing',
  'preexisting',
  'present',
  'presently',
  'concomitant',
  'concurrent',
  'receiving',
  'taking',
  'using',
  'use',
  'usage',
  'on',
]);
const SAFE_BEFORE = new Set(
  // "diagnosed as hypertension".
  (
    'a an the all any of with for to be is are was were been being has have having who known documented confirmed diagnosed diagnosis as ' +
    'diagnoses established evidence presence personal clinical clinically patients patient subjects subject participants participant people ' +
    'persons individuals women woman men man female females male males adults adult those suffering from positive ' +
    'no not non without absence absent free lack never neither nor unable inability cannot had treated treatment therapy undergoing underwent undergone received ' +
    'receive administration medical must should will also either both self-reported reported of negative meet meets meeting fulfil fulfill fulfils ' +
    'fulfills fulfilling satisfy satisfies urine serum blood plasma used consumption intake ingestion application'
  ).split(' '),
);
const SAFE_AFTER = new Set(
  (
    'history diagnosed diagnosis positive positivity seropositive seropositivity serology status carrier carriers virus infection ' +
    'infections test tests result women woman patients patient subjects participants mothers individuals people persons female ' +
    'females male males men'
  ).split(' '),
);
const BEFORE_STOP = /[,;:()[\]]|\b(?:or|and|nor|and\/or|such as|e\.g\.|i\.e\.|(?:including|for example|for instance)(?:,? but not limited to,?)?|like|especially)(?![\w])|\//gi;
const AFTER_STOP = /[,;:()[\].]|\b(?:or|and|nor|who|which|that|whose|if|when|where|but|as|because|unless|except)\b/i;
// "History of neurological illness including AD and PD", "renal cell carcinoma etc.": examples after the condition, or more
// items; in an exclusion the condition alone is sufficient (in an inclusion "including" and "etc." widen it, "diabetes including
// prediabetes", so it is not necessary there). "etc." only at the end of its clause: "X, Y etc. within 6 months" may bind X to the window.
const EXAMPLES_AFTER = /^\s*(?:including|such as|e\.g\.|for example|for instance|especially|particularly|namely|etc\b\.?(?=\s*(?:[),;]|$)))(?![\w])/i;
// "Contraindications to TMS: history of seizure/epilepsy, …, pregnancy": the conditions after the colon are the contraindications
// the line names, each excluded; "contraindications to the following: …" names what is contraindicated instead.
const CONTRAINDICATIONS_OF = /\bcontraindications?\s+(?:to|for)\s+(?!(?:the\s+)?following\b|any\b|these\b|those\b)[^:]*?\w[^:]*$/i;
// "such as:", "including:": the colon opens the examples of the words before the cue, not a list the head binds.
const CUE_COLON = /\b(?:such as|including(?:,? but not limited to)?|e\.g\.|for example)\s*$/i;
const FAMILY_AFTER = /^\s*(?:in|of|among)\s+(?:a|an|the|any|one|his|her|their|at least one)?\s*(?:first[- ]degree (?:relatives?|family members?)|parents?|siblings?|mother|father|brother|sister)\b/i;
const FAMILY_BEFORE = /\b(?:first[- ]degree (?:relatives?|family members?)|parents?|siblings?|mother|father|brother|sister)\b/i;
const OTHER_KIN = /\bfamily\b|\brelatives?\b|\bgrand(?:parent|mother|father)s?\b|\baunts?\b|\buncles?\b|\bcousins?\b/i;
export const LIST_BINDING =
  /\b(?:treated for|treatment for|being treated|requiring|suspected|suspicion|family|relatives?|risk of|at risk|screening for|scheduled|planned|planning|awaiting|waiting|referred|candidates? for|indication for|contraindicat\w*|intoleran\w*|allerg\w*|failed|failure of|refractory|inadequate|secondary to|due to|caused by|induced|related|associated|severe|serious|significant|uncontrolled|unstable|stable|chronic|long[- ]term|prolonged|acute|recent|other|regular(?:ly)?|daily|changes?|exacerbations?|worsening|less than|fewer than|hypersensitiv\w*)\b/i;
const EXAMPLE_BINDING =
  /\b(?:due to|caused by|causes?|secondary to|suspected|suspicion|possible|probable|family|relatives?|risk of|at risk|screening for|planned|planning|failed|refractory|intoleran\w*|inadequate|allerg\w*|hypersensitiv\w*|changes?|exacerbations?|worsening|flares?|necessitat\w*|requiring)\b/i;
const DEGREE_SUBLIST = /\b(?:any|other)\s+(?:clinically\s+)?(?:significant|severe|serious|uncontrolled|unstable|major|active|relevant)\b/i;
const SUBLIST = /\b(?:requiring|needing|treated (?:with|by)|treatment with|due to|caused by|secondary to|associated with|induced by|related to)\b/i;
// "at screening"; and "for all subjects", which says whom the line applies to (NCT03860597 states it per line), not what.
// "Patients that have had a blood transfusion": "that" after the people it names is "who" (but "that is" is "i.e.", so it is no qualifier word).
const PEOPLE_THAT = /\b(patients?|subjects?|participants?|women|men|those|individuals|persons|people|volunteers)\s+that\b/gi;
const TIME_POINT = /^\s*(?:at|during) (?:the time of )?(?:screening|baseline|enrol?l?ment|inclusion)(?: visit)?|^\s*for all (?:subjects|participants|patients)\b/i;

/** The text with "that" after the people it names blanked out, as "who" is a word that keeps the meaning. */
export const withoutPeopleThat = (s: string): string => s.replace(PEOPLE_THAT, (m, people: string) => people + ' '.repeat(m.length - people.length));

/** Whether `text` has a word that puts what it names in the past ("had", "history", "previous"). */
export const namesThePast = (text: string): boolean => words(text).some((w) => HISTORY.has(w));

/** Words a qualifier reads (so they are no remainder of their own). */
export function isQualifierWord(w: string): boolean {
  return SAFE_BEFORE.has(w) || HISTORY.has(w) || CURRENT.has(w) || SAFE_AFTER.has(w);
}

const CAPACITY_BEFORE = /\b(?:unable to|inability to|cannot|can not|not able to|incapable of)\s+(?:use|take|receive|undergo|tolerate|be given|be treated(?: with)?|have)\s+(?:[\w'-]+\s+){0,2}$/i;
const CONTRAINDICATED_BEFORE = /\bcontra-?indicat\w*\s+(?:to|for|with|against|of)\b/gi;
// The words that open examples of what comes before them.
const EXAMPLE_CUE = /\b(?:such as|including|e\.g\.|i\.e\.|like|for example|for instance)(?![\w])/i;
const LIST_MARKS = new RegExp(`[;:(]|${EXAMPLE_CUE.source}`, 'gi');
function contraindicatedObject(before: string): boolean {
  const clause = before.split(/[;:.](?:\s|$)/).at(-1)!;
  const cue = [...clause.matchAll(CONTRAINDICATED_BEFORE)].at(-1);
  if (cue === undefined) return false;
  const after = clause.slice(cue.index + cue[0].length);
  return !EXAMPLE_CUE.test(after) && !/\([^)]*$/.test(after);
}
const CITES_SOURCE = /^\s*(?:adapted from|according to|as (?:defined|described|published) (?:by|in)|defined by|based on|derived from|modified from|see|ref(?:erence)?s?\b)/i;

const WORD = /[a-z][a-z'-]*|\d+(?:\.\d+)?/g;
const words = (s: string): string[] => s.toLowerCase().match(WORD) ?? [];

/**
 * Qualify the phrase at [start, end). `covered(i)` says whether character i belongs to another
 * reading, `named(i)` whether it is (also) a name the vocabulary knows, read or not, and
 * `windowAt(i)` the end of a time window starting at i (or -1). `condition` is the side of a line
 * that names a condition (or a pregnancy): where readsBroader allows, words that narrow it but keep its code
 * (narrowed-names.ts) are left unread around it, for the remainder.
 */
export function qualify(text: string, start: number, end: number, covered: (i: number) => boolean, named: (i: number) => boolean, windowAt: (i: number) => number, condition?: Side): Qualification {
  const phrase = text.slice(start, end);
  const broader = condition !== undefined && readsBroader(text, start, condition);
  let negated = false;
  // An attached prefix: "non-pregnant" is negated; "pre-diabetes", "anti-HCV" name something else.
  const attached = /([A-Za-z]+)-$/.exec(text.slice(Math.max(0, start - 12), start));
  if (attached) {
    if (attached[1]!.toLowerCase() !== 'non') return { ok: false, reason: `"${attached[0]}${phrase}" is not ${phrase}` };
    negated = true;
  }
  const before = text.slice(0, attached ? start - attached[0].length : start);
  let from = 0;
  let stopWord = '';
  for (const m of before.matchAll(BEFORE_STOP)) {
    from = m.index + m[0].length;
    stopWord = m[0];
  }
  for (let i = before.length - 1; i >= from; i--)
    if (covered(i)) {
      from = i + 1;
      stopWord = '';
      break;
    }
  // "1. diagnosed as HIV positive;" (NCT03860116): an item number opening the line is no word before the name.
  const segment = from === 0 ? before.replace(ITEM_NUMBER, (m) => ' '.repeat(m.length)) : before.slice(from);
  // "Prior to surgery, patient was fasting" (NCT03928678): the procedure is a point in time the line counts from, not one the patient had.
  if (/\b(?:prior to|before|after|following|until|since|during|preceding|ahead of)\s+(?:the\s+|his\s+|her\s+|their\s+)?$/i.test(segment))
    return { ok: false, reason: `"${phrase}" here is a point in time the line counts from, not a fact about the patient` };
  // "unable to use peritoneal dialysis" (NCT03921437): what the patient can be given, not whether it is given now.
  if (CAPACITY_BEFORE.test(segment)) return { ok: false, reason: `"${segment.trim()} ${phrase}" says what the patient can be given, which no fact holds` };
  // "contraindications for anticoagulation therapy(for prevention of cerebral infarction) and antiarrhythmic drugs" (NCT03920917):
  // a name after "contraindications for", even past a parenthesis, is what is contraindicated, not what the patient takes; but
  // its examples ("Contraindications to IUD insertion (active pelvic infection, current pregnancy)") are the patient's.
  if (contraindicatedObject(before)) return { ok: false, reason: `"${phrase}" is named as contraindicated, not as the patient's` };
  // "(adapted from … Consensus Definitions for Sepsis and Septic Shock)" (NCT03865602): a name in the source a parenthesis cites.
  const aside = before.slice(before.lastIndexOf('(') + 1);
  if (before.lastIndexOf('(') > before.lastIndexOf(')') && CITES_SOURCE.test(aside)) return { ok: false, reason: `"${phrase}" is named in the source the line cites, not as the patient's` };
  let tense: Tense = 'unstated';
  const narrowing = condition !== undefined && !negated && readsNarrowed(text, start, condition);
  let narrowedAt = -1;
  // withoutPeopleThat keeps the length, so a word's index is its place in the segment.
  for (const { 0: w, index } of withoutPeopleThat(segment).toLowerCase().matchAll(WORD)) {
    if (/^recent(ly)?$/.test(w)) return { ok: false, reason: `"recent ${phrase}" names no time window` };
    if (HISTORY.has(w)) tense = 'history';
    else if (CURRENT.has(w)) tense = tense === 'history' ? 'history' : 'current';
    else if (!SAFE_BEFORE.has(w) && !FAMILY_BEFORE.test(w) && !/^first[- ]degree$|^relatives?$/.test(w) && !(broader && !negated && keepsCode(w, 'before'))) {
      if (narrowing && narrowsInExclusion(w)) {
        if (narrowedAt < 0) narrowedAt = from + index;
        continue;
      }
      return { ok: false, reason: `"${segment.trim()} ${phrase}" narrows ${phrase}; no rule reads the narrower phrase` };
    }
  }
  // A name narrowed in an exclusion is checked as a bare name after its separator: the words before a list or examples may bind it.
  const upTo = narrowedAt >= 0 ? before.slice(0, from) : before;
  const bare = segment.trim() === '' || narrowedAt >= 0;
  // "Hypersensitivity to dexmedetomidine or any of its components, or to propofol": "or to" repeats the head's preposition.
  if (/\b(?:or|and|nor)\s+to\s+$/i.test(upTo)) {
    const bound = EXAMPLE_BINDING.exec(upTo.split(/[;:]/).at(-1) ?? '');
    if (bound) return { ok: false, reason: `"${bound[0]}" before "${phrase}" may qualify it` };
  }
  // "chronic kidney or liver disease": a word before "or" may qualify both sides.
  if (/^(?:or|and|nor|and\/or|\/)$/i.test(stopWord.trim()) && bare) {
    const prior = /([A-Za-z][\w'-]*)\s*(?:or|and|nor|and\/or|\/)\s*$/i.exec(upTo);
    const i = prior ? prior.index : -1;
    const ellipsis = /^(?:or|\/)$/i.test(stopWord.trim()) && elliptical(upTo.slice(0, i));
    if (prior && !named(i) && !SAFE_BEFORE.has(prior[1]!.toLowerCase()) && !ellipsis) {
      return { ok: false, reason: `"${prior[1]} ${stopWord.trim()} ${phrase}" may share a qualifier` };
    }
    // "or who had recently accepted antidepressants or antipsychotics" (NCT03863951), "hypersensitivity to dexmedetomidine or
    // any of its components, or to propofol": the words before the named item just before the "or" bind this one too.
    if (prior && named(i)) {
      let head = i;
      while (head > 0 && named(head - 1)) head--;
      const lead =
        upTo
          .slice(0, head)
          .split(/[;:(]|\b(?:or|and|nor)\b/i)
          .at(-1) ?? '';
      // "neuromuscular scoliosis and/or kyphosis" (NCT03867240): a word right before the named item, which no rule reads, may be
      // the pair's shared qualifier.
      const last = /([A-Za-z][\w'-]*)\s*$/.exec(lead);
      const lastWord = last?.[1]?.toLowerCase();
      const unread = last && lastWord && !SAFE_BEFORE.has(lastWord) && !HISTORY.has(lastWord) && !CURRENT.has(lastWord) && !named(last.index) ? last : null;
      const bound = LIST_BINDING.exec(lead) ?? EXAMPLE_BINDING.exec(lead) ?? /\brecent(?:ly)?\b/i.exec(lead) ?? unread;
      if (bound) return { ok: false, reason: `"${bound[0]}" before "${prior[1]}" may qualify "${phrase}" too` };
    }
  }
  // "Family history of diabetes, hypertension", "treated for X, Y": words before a list bind each of its items.
  if (bare && /^(?:,|or|and|nor|and\/or|\/)$/i.test(stopWord.trim())) {
    // The list starts after the clause's last ";", ":", "(" or "such as"; its head is the words up to its first item's end.
    const marks = [...upTo.matchAll(LIST_MARKS)].at(-1);
    const from0 = marks ? marks.index + marks[0].length : 0;
    let first = from0;
    while (first < upTo.length && !named(first)) first++;
    const binding = LIST_BINDING.exec(upTo.slice(from0, first));
    // Examples ("such as", "(i.e. …)") are instances of what comes before them: doubt or place still binds them.
    // After a colon the head is the list's own ("chronic use of the following: …"), and binds as the words before a list do.
    const outer =
      !marks || marks[0] === ';' ? null : marks[0] === ':' ? colonHeadBinding(upTo.slice(0, marks.index), condition) : EXAMPLE_BINDING.exec(upTo.slice(0, marks.index).split(/[;:]/).at(-1) ?? '');
    // "infection requiring treatment with antibiotics, antivirals, or antifungals": a participle inside the list starts a sublist that binds the items after it;
    // so does "any" with a degree word ("history of epilepsy, any significant cardiac, …, or psychiatric disease", NCT03922607).
    const within = [...upTo.slice(first)].map((ch, k) => (named(first + k) ? ' ' : ch)).join('');
    const inner = SUBLIST.exec(within) ?? DEGREE_SUBLIST.exec(within);
    const bound = binding ?? outer ?? inner;
    if (bound) return { ok: false, reason: `"${bound[0]}" before the list may qualify "${phrase}"` };
    // "History of shoulder trauma, fracture, …, tumor, infection" (NCT03929276): the body site of the first item may be the
    // place of the bare head words after it (a shoulder infection, not any infection ever).
    const site = generalHead(phrase) ? siteLeading(upTo.slice(first)) : undefined;
    if (site) return { ok: false, reason: `"${site}" in the list's first item may qualify "${phrase}"` };
  }
  // The first example right after "including" / "such as": what comes before it may bind it too ("due to any cause, including head injury").
  if (bare && /^(?:such as|including|e\.g\.|i\.e\.|like|for example|for instance|\()/i.test(stopWord.trim())) {
    const head =
      upTo
        .slice(0, upTo.length - stopWord.length)
        .split(/[;:]/)
        .at(-1) ?? '';
    const bound = EXAMPLE_BINDING.exec(head);
    if (bound) return { ok: false, reason: `"${bound[0]}" before the examples may qualify "${phrase}"` };
  }
  if (bare && stopWord === ':') {
    const bound = colonHeadBinding(upTo.slice(0, from - 1), condition);
    if (bound) return { ok: false, reason: `"${bound[0]}" before the list may qualify "${phrase}"` };
  }
  // "post-traumatic (PTSD) checklist": an abbreviation in parentheses names the words before it, not a condition of its own.
  const abbreviated = stopWord === '(' && bare && /^\s*\)/.test(text.slice(end)) ? /[A-Za-z]\s*\($/.exec(upTo) : null;
  if (abbreviated && !covered(abbreviated.index)) {
    return { ok: false, reason: `"(${phrase})" abbreviates the words before it` };
  }
  let family = FAMILY_BEFORE.test(segment);
  if (OTHER_KIN.test(segment) && !family) return { ok: false, reason: `the degree of kinship for "${phrase}" is not given` };

  let at = end;
  if (/^-[A-Za-z]/.test(text.slice(at)) && !/^-(free|negative|positive)\b/i.test(text.slice(at))) {
    return { ok: false, reason: `"${phrase}${/^-[\w-]+/.exec(text.slice(at))![0]}" is not ${phrase}` };
  }
  const suffix = /^-(free|negative|positive)\b/i.exec(text.slice(at));
  if (suffix) {
    if (suffix[1]!.toLowerCase() !== 'positive') negated = !negated;
    at += suffix[0].length;
  }
  let after: { start: number; end: number } | undefined;
  for (;;) {
    const rest = text.slice(at);
    const w = windowAt(at + (rest.length - rest.trimStart().length));
    if (w >= 0) {
      at = w;
      continue;
    }
    const fam = FAMILY_AFTER.exec(rest) ?? TIME_POINT.exec(rest);
    if (fam) {
      if (FAMILY_AFTER.test(rest)) family = true;
      at += fam[0].length;
      continue;
    }
    const m = /^\s*([A-Za-z][\w'-]*)/.exec(rest);
    if (!m || AFTER_STOP.test(m[1]!) || (condition === 'exclusion' && EXAMPLES_AFTER.test(rest))) break;
    const word = m[1]!.toLowerCase();
    if (word === 'negative') negated = !negated;
    else if (word === 'history') tense = 'history';
    else if (!SAFE_AFTER.has(word)) {
      if (broader && !negated && keepsCode(word, 'after')) break;
      // "ESRD requiring dialysis", "metformin for another indication" in an exclusion: the name, and the words to the end of the
      // clause attested. Not a general head ("surgery on …", "infection at …"), whose record may name only the narrower kind, nor
      // where the words hold another item, a time or a number.
      if (narrowing && keepsCode(word, 'after') && !generalHead(phrase)) {
        const clause = /^[^;.]*/.exec(rest)![0];
        if (!/[,/]|\b(?:or|and|nor|within|during|since|ago|prior|before|after|days?|weeks?|months?|years?)\b|\d/i.test(clause) && ![...clause].some((_, k) => named(at + k))) {
          after = { start: at + clause.search(/\S/), end: at + clause.trimEnd().length };
          at = after.end;
          break;
        }
      }
      if (OTHER_KIN.test(word)) return { ok: false, reason: `the degree of kinship for "${phrase}" is not given` };
      return { ok: false, reason: `"${phrase} ${m[1]}" narrows ${phrase}; no rule reads the narrower phrase` };
    }
    at += m[0].length;
  }
  const words0 = [...(narrowedAt >= 0 ? [text.slice(narrowedAt, start).trim()] : []), ...(after ? [text.slice(after.start, after.end)] : [])];
  const narrowed = words0.length > 0 ? { start: narrowedAt >= 0 ? narrowedAt : start, text: words0.join(' … ') } : undefined;
  return { ok: true, q: { tense, family, negated, start: attached ? start - attached[0].length : start, end: at, ...(narrowed ? { narrowed } : {}) } };
}

/**
 * The binding word, if any, in the head of a list after a colon (`before` ends at the colon): the head binds its list as the
 * words before a list do, but after an example cue ("such as:") only as the words before examples do, and in an exclusion
 * "contraindications to X:" names its conditions as the contraindications (CONTRAINDICATIONS_OF).
 */
function colonHeadBinding(before: string, condition: Side | undefined): RegExpExecArray | null {
  const head = before.split(/[;:]/).at(-1) ?? '';
  const cue = CUE_COLON.exec(head);
  if (cue) return EXAMPLE_BINDING.exec(head.slice(0, cue.index));
  const own = condition === 'exclusion' ? head.replace(CONTRAINDICATIONS_OF, ' ') : head;
  return LIST_BINDING.exec(own) ?? EXAMPLE_BINDING.exec(own);
}

/**
 * "alcohol or drug abuse", "Osteoporosis or gastrointestinal disease", "MEM or amantadine": the word
 * before "or" is an alternative to the phrase or to its first words (it shares the phrase's head),
 * so it qualifies nothing of the phrase; unless a word before it may qualify both ("chronic kidney or
 * liver disease", "Acute vaginitis or cervicitis"). "and" may join the parts of one thing ("head and
 * neck cancer"), so only "or" and "/" are read so.
 */
function elliptical(before: string): boolean {
  // Only words that keep the meaning may come before the pair in its clause: no list ("Relevant cardiac, …, neurologic or psychiatric disease").
  const clause = before.split(/[;:(.]/).at(-1) ?? '';
  return !/,/.test(clause) && words(clause).every((w) => SAFE_BEFORE.has(w) || HISTORY.has(w) || CURRENT.has(w) || w === 'or');
}
