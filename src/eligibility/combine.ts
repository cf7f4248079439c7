import { OP_SOURCE } from './comparisons.js';
import type { Expr, Side } from './expression.js';
import { namesOtherNumericFact } from './numeric-terms.js';

// "menstrual irregularities (absence of menstrual cycle at least 2 months)" (NCT03921580): a parenthesis that says what is meant.
const QUALIFYING_ASIDE =
  /^\s*\(\s*(?:with|without|requiring|needing|due to|except|excluding|other than|only|if|when|unless|at least|more than|less than|under|treated|not|absence of|absent|lack of|loss of|defined)(?![\w])/i;

/**
 * How a line's readings combine, so that the computable part is a necessary condition of an
 * inclusion and a sufficient condition of an exclusion. Readings with no separator between them
 * form one item and hold together (all). Items joined by "or" are alternatives. For an inclusion,
 * items joined by "and" or ";" must all hold, and a bare list of commas is read as alternatives
 * (the weaker reading, which any reading of the text implies). For an exclusion, the items are the
 * excluded groups (any). An item with words no rule reads next to it ("diabetes who needs
 * insulin") is "restricted": alone it is neither necessary nor sufficient, so among alternatives it
 * goes to the attested remainder.
 */
export interface Reading {
  readonly start: number;
  readonly end: number;
  readonly expr: Expr;
}

export interface Combined {
  /** The computable readings kept, joined with the remainder flag in `remainderWith`. */
  readonly kept: readonly Reading[];
  readonly dropped: readonly Reading[];
  /** The line's expression; the remainder alone where commas leave open whether the rest is one more alternative or a further condition. */
  readonly expr: (remainder: Expr | undefined) => Expr;
  /** An inclusion's readings are joined by commas alone, as alternatives (see `expr`). */
  readonly commasOnly: boolean;
}

// "etc." ends an item ("renal cell carcinoma etc."): the list goes on, the item is not qualified.
const SEPARATOR =
  /[,;:()]|\b(?:or|and|nor|and\/or|such as|e\.g\.|i\.e\.|including,? but not limited to|including|for example(?:,? but not limited to)?|for instance|like|especially|whether|etc)(?![\w])|\//i;
const OR = /\bor\b|\bnor\b|\//i;
const AND = /\band\b(?!\/)|;|:|\bi\.e\.|\bwith\b/i;
const RESTRICTIVE =
  /\b(?:that|which|who|whose|where|without|requiring|needing|lasting|persisting|longer than|for|leading to|result\w*|causing|interfer\w*|preclud\w*|prevent\w*|making|likely to|could|may|would|might|sufficient to|severe enough|allerg\w*|hypersensitiv\w*|contraindicat\w*|inability|unable|capable|daily|regular(?:ly)?|defined|at (?:the )?sites?)\b/gi;
/** "due to", "because of" …: what follows names the causes of what comes before. */
export const CAUSE = /\b(?:due to|because of|secondary to|caused by|as a result of|owing to|attributable to)\b/i;
const ALTERNATIVES = /at least one|one of the following|any of the following|\beither\b/i;
const EXAMPLES = /\bincluding\b|such as|\be\.g\./i;

/**
 * Whether an inclusion's readings are alternatives because the line lists them as such. Examples
 * ("such as", "including") are alternatives of their head only: "Autoimmune disease such as lupus,
 * RA" admits any lupus patient, but "Bone scan positive, with clinical symptoms, including bone pain"
 * (NCT03924609) and "balance and coordination of neurological disease such as Parkinson"
 * (NCT03928405) ask more of a patient than the example, and "Non-smoker (including the use of
 * vaporisers)" (NCT03863431) widens what is negated, so its reading is not enough alone.
 */
function listedAsAlternatives(text: string, readings: readonly Reading[]): boolean {
  if (ALTERNATIVES.test(text)) return true;
  const cue = EXAMPLES.exec(text);
  if (!cue) return false;
  const head = readings.filter((r) => r.start < cue.index);
  if (head.length > 0) return head.every((r) => !negated(r.expr));
  return !SEPARATOR.test(text.slice(0, cue.index));
}

export const anyOf = (of: readonly Expr[]): Expr => (of.length === 1 ? of[0]! : { kind: 'any', of });
export const allOf = (of: readonly Expr[]): Expr => (of.length === 1 ? of[0]! : { kind: 'all', of });

interface Item {
  readonly readings: Reading[];
  restricted: boolean;
}

// What binds the alternatives of an inclusion: the exclusion's restrictive words and a "with" or a lasting time.
const INCLUSION_BINDING = new RegExp(String.raw`${RESTRICTIVE.source}|\b(?:with|treated|on|after|since|at least|more than|over the|in the (?:last|past))\b`, 'gi');
const LEADS_TO = /\b(?:result\w*|leading|led|caus\w*|due to|secondary to|evidenced|characteri[sz]ed)\b/i;
const lastJoinIsOr = (before: string) =>
  [
    ...before
      .replace(/\([^()]*\)/g, '')
      .replace(BOTH_SEXES, ' ')
      .matchAll(/\band\/or\b|\bor\b|\band\b/gi),
  ]
    .at(-1)?.[0]
    .toLowerCase()
    .endsWith('or') ?? false;
const OTHER_ITEM = /\b(?:and|or)\s+(?:any\s+)?other\b(?:(?!\b(?:and|or)\b)[^,;:()])*$/i;
/** A single item's readings all go to the attested remainder: alone they are neither necessary nor sufficient. */
const leftToPerson = (item: Item): Combined => ({ kept: [], dropped: item.readings, expr: (remainder) => remainder ?? anyOf([]), commasOnly: false });
const sentenceBefore = (text: string, item: Item) =>
  text
    .slice(0, item.readings[0]!.start)
    .split(/[;.](?:\s|$)/)
    .at(-1)!;

/**
 * Whether words before an inclusion's first alternative ask something of their own ("a dementia caregiver with any
 * duration, able to speak English or Spanish", "High risk pregnancies: DM, or GDM, or hypertension", "Undergoing surgical
 * intervention for non-congenital spinal stenosis and/or spondyloarthropathy"): a clause set off by a comma or a colon,
 * or more than a short unread alternative ("type 1 or type 2 diabetes", "overweight or obesity").
 */
function ledByRequirement(text: string, item: Item, content: (from: number, to: number) => boolean): boolean {
  const lead = sentenceBefore(text, item);
  const from = item.readings[0]!.start - lead.length;
  const sets = [...lead.matchAll(/[,:;]\s*(?:(?:or|and\/or)\b)?/gi)];
  // "significant abnormalities with …, or diagnoses of immune-mediated ALS syndrome": a clause set off by ", or" is one more alternative.
  const first = sets[0];
  if (first && content(from, from + first.index) && !/\bor\b/i.test(first[0])) return true;
  const last = sets.at(-1);
  const start = last ? last.index + last[0].length : 0;
  const words = [...lead.slice(start).matchAll(/[A-Za-z][\w'-]*/g)].filter((w) => content(from + start + w.index, from + start + w.index + w[0].length));
  return words.length > 3;
}

/** `content(from, to)` says whether uncovered words other than filler lie in [from, to). */
export function combine(text: string, side: Side, readings: readonly Reading[], content: (from: number, to: number) => boolean): Combined {
  const sorted = [...readings].sort((a, b) => a.start - b.start);
  const items: Item[] = [];
  const gaps: string[] = [];
  for (const r of sorted) {
    const last = items.at(-1);
    const prevEnd = last?.readings.at(-1)?.end ?? -1;
    const gap = prevEnd < 0 ? '' : text.slice(prevEnd, r.start);
    if (last && !SEPARATOR.test(gap)) {
      if (content(prevEnd, r.start)) last.restricted = true;
      last.readings.push(r);
    } else {
      if (last) gaps.push(gap);
      items.push({ readings: [r], restricted: false });
    }
  }
  // Words right before the first and after the last reading of an item, up to a separator.
  for (const item of items) {
    const first = item.readings[0]!;
    const lastR = item.readings.at(-1)!;
    const before = text.slice(0, first.start);
    const cut = lastIndexOfSeparator(before);
    if (content(cut, first.start)) item.restricted = true;
    // "inability to give consent due to impaired mental status, cognitive impairment or …": the causes of an unread state.
    const cause = CAUSE.exec(before);
    if (cause && content(0, cause.index)) item.restricted = true;
    const after = text.slice(lastR.end);
    const next = SEPARATOR.exec(after);
    if (content(lastR.end, lastR.end + (next ? next.index : after.length))) item.restricted = true;
    // "Liver dysfunction, child pugh B or worse", "Ongoing immunosuppressive therapy: prednisone > 10 mg/day, …":
    // a grade after it, or a list after its colon, defines it more narrowly.
    if (/^\s*:\s*\S/.test(after) || /^[^;.]*\bor (?:worse|higher|above|greater)\b/i.test(after)) item.restricted = true;
    // "heart failure (EF < 40%)", "liver cirrhosis (Child-pugh class 2 or 3)": a limit or a class in parentheses right after it narrows it.
    if (/^\s*\([^()]*(?:[<>=]|\b(?:class|grade|stage)\b)/i.test(after)) item.restricted = true;
    // "Previous neurological disease (with lesions)": in an exclusion, a parenthesis that opens with a qualifier narrows it too.
    if (side === 'exclusion' && QUALIFYING_ASIDE.test(after)) item.restricted = true;
    // "Acute infection (fungal, bacterial, viral) of the vulva, vagina or bladder": words after the parentheses bind what is
    // before them, so for an exclusion it is not sufficient alone (for an inclusion it stays necessary).
    const aside = side === 'exclusion' ? /^\s*\([^()]*\)/.exec(after) : null;
    if (aside) {
      const tail = after.slice(aside[0].length);
      const stop = SEPARATOR.exec(tail);
      if (content(lastR.end + aside[0].length, lastR.end + aside[0].length + (stop ? stop.index : tail.length))) item.restricted = true;
    }
    // "a device (pacemaker or ICD) capable of AF monitoring": words after the parentheses bind what is inside.
    const close = /^[^()]*\)/.exec(after);
    if (close && /\([^()]*$/.test(before)) {
      const tail = text.slice(lastR.end + close[0].length);
      const stop = SEPARATOR.exec(tail);
      if (content(lastR.end + close[0].length, lastR.end + close[0].length + (stop ? stop.index : tail.length))) item.restricted = true;
    }
  }
  // "Mental disorder or drug abuse that could interfere with …": a clause after a list may bind every
  // item of it, so for an exclusion no item before such a clause is sufficient alone.
  const boundByClause = (item: Item, clause: RegExp) => {
    const from = item.readings.at(-1)!.end;
    const sentence = text.slice(from).split(/[;.](?:\s|$)/)[0]!;
    for (const m of sentence.matchAll(clause)) {
      const at = from + m.index;
      // In an inclusion, "MMN, Lewis-Sumner syndrome, and other ALS-like syndromes with an immune background": the clause
      // is the last item's own, and the "other" says the items before are such syndromes.
      if (!sorted.some((r) => at >= r.start && at < r.end) && !(side === 'inclusion' && OTHER_ITEM.test(sentence.slice(0, m.index)))) return true;
    }
    return false;
  };
  if (side === 'exclusion') for (const item of items) if (boundByClause(item, RESTRICTIVE)) item.restricted = true;
  const itemExpr = (i: Item): Expr => allOf(i.readings.map((r) => r.expr));
  const flat = (list: Item[]): Reading[] => list.flatMap((i) => i.readings);

  let connective: 'any' | 'all';
  // An inclusion's items joined by commas alone: alternatives when they are codes of one list fact
  // ("rheumatoid arthritis, psoriatic arthritis"), all required otherwise ("aged 18-45 years, BMI
  // 18-30 kg/m2", "systolic blood pressure < 150 mmHg, HR < 100": a profile). Beside unread words, the
  // commas after codes leave open whether those words are one more alternative or a condition on the
  // rest ("type 2 diabetes, treated with metformin"), so neither reading is necessary: the line stays attested.
  const codesOfOneFact = (list: readonly Item[]) => {
    const leaves = list.flatMap((i) => i.readings.flatMap((r) => leavesOf(r.expr)));
    return leaves.every((l) => l.kind === 'has') && new Set(leaves.map((l) => (l.kind === 'has' ? l.fact : ''))).size === 1;
  };
  let commasOnly = false;
  if (items.length === 1) {
    const item = items[0]!;
    const around = separatorsAround(text, item);
    // "Mental illness limiting self-care or any condition limiting … life expectancy < 12 months": a restricted
    // reading beside an "or" may be one alternative of several, so it is neither necessary nor sufficient.
    // "Media opacity (cataract, corneal scar) that may interfere": an example in parentheses is no requirement of an inclusion.
    if (item.restricted && (OR.test(outside(text, item, side)) || (side === 'inclusion' && inParentheses(text, item)) || (side === 'exclusion' && hasSiblings(text, item)))) return leftToPerson(item);
    if (item.restricted) connective = 'all';
    else if (side === 'exclusion') connective = andedToLimit(text, item) ? 'all' : 'any';
    else if (OR.test(around) || listedAsAlternatives(text, item.readings)) connective = 'any';
    else {
      commasOnly = !AND.test(around) && /,/.test(around) && codesOfOneFact(items);
      connective = commasOnly ? 'any' : 'all';
      // "evidenced by 1) self-injury and/or 2) substance use disorder" (NCT03861858): an "or" farther off may make it one alternative.
      if (connective === 'all' && (lastJoinIsOr(sentenceBefore(text, item)) || unreadAlternativesAfter(text, item, sorted))) return leftToPerson(item);
    }
  } else if (side === 'exclusion') connective = limitsAnded(items, gaps) ? 'all' : 'any';
  else if (listedAsAlternatives(text, sorted) || gaps.some((g) => OR.test(g))) connective = 'any';
  else if (gaps.every((g) => AND.test(g))) connective = 'all';
  else {
    commasOnly = codesOfOneFact(items);
    connective = commasOnly ? 'any' : 'all';
  }

  // "RA or PsA, with active disease (DAS28 > 3.2)" (an inclusion read as alternatives): a clause after the list, or
  // one before it that the list completes ("SCI resulting in … paraplegia or tetraplegia"), may bind every item, so
  // no item is enough alone.
  if (side === 'inclusion' && connective === 'any' && items.length > 0) {
    const ledBy = ledByRequirement(text, items[0]!, content);
    for (const item of items) if (ledBy || boundByClause(item, INCLUSION_BINDING) || LEADS_TO.test(sentenceBefore(text, item))) item.restricted = true;
  }
  // In an inclusion, an item the unread alternatives after it belong with is not required alone.
  const alternative = (i: Item) => side === 'inclusion' && unreadAlternativesAfter(text, i, sorted);
  const keptItems = connective === 'all' ? items.filter((i) => !alternative(i)) : items.filter((i) => !i.restricted);
  const droppedItems = connective === 'all' ? items.filter(alternative) : items.filter((i) => i.restricted);
  const exprs = keptItems.map(itemExpr);
  return {
    kept: flat(keptItems),
    dropped: flat(droppedItems),
    commasOnly,
    expr: (remainder) => {
      if (remainder && commasOnly) return remainder;
      const parts = remainder ? [...exprs, remainder] : exprs;
      return connective === 'all' ? allOf(parts) : anyOf(parts);
    },
  };
}

// A limit: words naming a quantity, then a comparison and a number ("platelets <20,000", "INR >5").
const NAMED_LIMIT = new RegExp(String.raw`^\s*(.*?)(?:${OP_SOURCE}|[<>≤≥=])\s*\d`, 'i');
const BARE_AND = /^\s*and\s*$/i;
const LIST_MARK = /[,;:()/]|\b(?:or|and)\b/i;
/**
 * "Severe coagulopathy platelets <20,000 and INR >5" (NCT03866083): limits of different quantities joined
 * by "and" alone are, read as written, all required, so in an exclusion one of them is not sufficient
 * alone. "younger than 6 months and older than 80 years" names no other quantity: no patient is both,
 * so the "and" lists the excluded ranges. `andedToLimit` is for one read limit beside an unread one.
 */
function andedToLimit(text: string, item: Item): boolean {
  const expr = item.readings.length === 1 ? item.readings[0]!.expr : undefined;
  if (expr?.kind !== 'compare') return false;
  const before = text.slice(0, item.readings[0]!.start);
  const after = text.slice(item.readings[0]!.end);
  const joinBefore = /\band\s*$/i.exec(before);
  const joinAfter = /^\s*and\b/i.exec(after);
  // The line is the two limits and a head over them: no other item the read limit could be one of.
  let other: string;
  if (joinBefore && /^[\s.]*$/.test(after)) other = before.slice(0, joinBefore.index);
  else if (!joinBefore && joinAfter && !LIST_MARK.test(before)) other = after.slice(joinAfter[0].length);
  else return false;
  const named = LIST_MARK.test(other) ? null : NAMED_LIMIT.exec(other);
  return named !== null && namesOtherNumericFact(named[1]!, expr.fact);
}

/** Read limits of different quantities joined by "and" alone (see `andedToLimit`). */
function limitsAnded(items: readonly Item[], gaps: readonly string[]): boolean {
  const facts = items.map((i) => (i.readings.length === 1 && i.readings[0]!.expr.kind === 'compare' ? i.readings[0]!.expr.fact : undefined));
  return gaps.every((g) => BARE_AND.test(g)) && facts.every((f) => f !== undefined) && new Set(facts).size === facts.length;
}

/**
 * "… with the diagnosis of essential thrombocytosis, prefibrotic myelofibrosis or overt myelofibrosis" (NCT03869476): a
 * list that goes on after the item, with words no rule reads, up to an "or", makes the item one of its alternatives.
 */
const CLAUSE_WORD = /^(?:with|for|to|by|in|on|at|of|who|which|that|\w+ing|\w+ed)$/i;
function unreadAlternativesAfter(text: string, item: Item, readings: readonly Reading[]): boolean {
  const from = item.readings.at(-1)!.end;
  const list = /^\s*,([^;.()]*?)\b(?:or|and\/or)\b/i.exec(text.slice(from).split(/[;.](?:\s|$)/)[0]!);
  if (list === null) return false;
  // Names only, up to four words each: ", undergoing VATS for lobectomy or wedge" (NCT03860480) is a clause, whose "or" is its own.
  const names = list[1]!.split(',').map((part) => part.trim().split(/\s+/).filter(Boolean));
  if (!names.every((words) => words.length <= 4 && !words.some((w) => CLAUSE_WORD.test(w)))) return false;
  return !readings.some((r) => r.start >= from && r.start < from + list[0].length);
}

/** A negation, or a flag read as false ("non-smoker"). */
const negated = (e: Expr): boolean => e.kind === 'not' || (e.kind === 'is' && !e.value);

// "pregnancy, presence of a urinary tract infection and previous treatment for SI" (NCT03866356), "Non-English Speaking. Any
// patient who is not able to …" (NCT03863277), "comorbidities such as diabetics with an HbA1c of >8%": in an exclusion the
// words beside a restricted reading may be excluded groups of their own, or examples of one, so the reading is not necessary either.
const EXCLUDED_SIBLINGS = /\band\b|,|;|[.:](?:\s|$)\s*\S|\bsuch as\b|\be\.g\.|\bincluding\b|\bnot\b|\bno\b|\bnon\b/i;
// A restrictive clause ("that will affect muscle strength, balance and coordination") runs to the end of its sentence; its words are its own.
const CLAUSE_TO_SENTENCE_END = new RegExp(String.raw`,?\s*(?:${RESTRICTIVE.source})[^.;]*`, 'gi');
const hasSiblings = (text: string, item: Item): boolean =>
  EXCLUDED_SIBLINGS.test(
    outside(text, item, 'exclusion')
      .replace(/\([^()]*\)/g, ' ')
      .replace(CLAUSE_TO_SENTENCE_END, ' '),
  );

/** The leaves of an expression; a negation is a leaf of its own (a negated code is no code of the list). */
const leavesOf = (e: Expr): Expr[] => (e.kind === 'all' || e.kind === 'any' ? e.of.flatMap(leavesOf) : [e]);

const BOTH_SEXES = /\b(?:males?|females?|men|women|man|woman|boys?|girls?)\s+(?:or|and\/or)\s+(?:males?|females?|men|women|man|woman|boys?|girls?)\b/gi;

/**
 * The text outside an item's readings ("male or female" is no alternative): for an inclusion within
 * the item's sentence (sentences are conditions that all hold), for an exclusion the whole line.
 */
function outside(text: string, item: Item, side: Side): string {
  let out = '';
  let at = side === 'inclusion' ? item.readings[0]!.start - sentenceBefore(text, item).length : 0;
  for (const r of item.readings) {
    out += `${text.slice(at, r.start)} `;
    at = r.end;
  }
  const rest = text.slice(at);
  const stop = side === 'inclusion' ? /[.;](?:\s|$)/.exec(rest) : null;
  return (out + (stop ? rest.slice(0, stop.index) : rest)).replace(BOTH_SEXES, ' ');
}

function lastIndexOfSeparator(before: string): number {
  let cut = 0;
  for (const m of before.matchAll(new RegExp(SEPARATOR.source, 'gi'))) cut = m.index + m[0].length;
  return cut;
}

/** The separator text just before and just after an item. */
function separatorsAround(text: string, item: Item): string {
  const first = item.readings[0]!;
  const last = item.readings.at(-1)!;
  const before = text.slice(0, first.start);
  // "mild cognitive impairment (MCI) or …": the separator after an abbreviation in parentheses is the item's.
  const after = text.slice(last.end).replace(/^\s*\([^()]*\)/, '');
  const b = [...before.matchAll(new RegExp(SEPARATOR.source, 'gi'))].at(-1);
  const a = new RegExp(`^[^A-Za-z]*(?:${SEPARATOR.source})+`, 'i').exec(after) ?? SEPARATOR.exec(after);
  return `${b ? b[0] : ''} ${a ? a[0] : ''}`;
}

/** Whether an item is one of a list in parentheses ("(cataract, corneal scar)"). */
function inParentheses(text: string, item: Item): boolean {
  const open = /\(([^()]*)$/.exec(text.slice(0, item.readings[0]!.start));
  const close = /^([^()]*)\)/.exec(text.slice(item.readings.at(-1)!.end));
  return open !== null && close !== null && /,|\bor\b/i.test(`${open[1]} ${close[1]}`);
}
