import type { Criterion, Expr, Side } from './expression.js';
import { allOf, anyOf } from './combine.js';
import { lexicon } from './lexicon.js';
import { NEGATION } from './line-tense.js';
import { negate } from './negation.js';

/** Why a line with an exception stays attested when the reader below cannot split it soundly. */
export const EXCEPTION_REASON = 'it makes exceptions that the facts cannot express';
const EXCEPTED_REASON = 'whether the condition it names is only one of the exceptions it makes is left to a person';

const CUE = /\b(?:except(?: for)?|with the exception of|excluding|apart from|other than)\b/gi;
// "unless" reverses the rule under a condition, which needs judgement; "exception" outside the cue above too.
const OTHER_CUE = /\bunless\b|\bexception\b(?<!with the exception)(?! of)/i;
// The main part is one condition: an exception after a list ("gastrointestinal diseases or surgery (excluding appendectomy)")
// may carve from its last item only (NCT03864432), and one in a name ("mycobacteria other than tuberculosis") from a word.
const LIST = /[,;，；/]|\.\s|\b(?:or|and|nor)\b/i;
// "a known present or a history of malignancy": two tenses of one condition, no list.
const TENSES = /\b(?:current|present) or (?:a )?(?:past |prior )?history of\b/i;
// An inclusion's main part is negated as a whole, "No diagnosis of malignancy (except …)", and an exclusion's not at all: a negation
// inside the main part would turn the exception round with it.
const NEGATED_HEAD = /^(?:no|without|free (?:of|from)|absence of|never)\b/i;
// A patient's own narrowing of an excepted item ("treated", "successfully treated or excised", "non-metastatic"): dropped, which makes
// the exception broader, never narrower (a treated non-melanoma skin cancer is a non-melanoma skin cancer).
const NARROWING =
  /^(?:(?:the|a|an|any)\s+)?(?:(?:(?:adequately|successfully|curatively|completely|surgically|previously)\s+)?(?:treated|resected|excised|removed|cured)(?:\s+(?:or|and(?:\/or)?)\s+(?:treated|resected|excised|removed|cured))?\s+)?(?:non[- ]?metastatic\s+|localized\s+)?/i;
// Where on the body it is ("basal cell carcinoma of the skin", "of any organ"): dropped, which makes the exception broader too.
const PLACE = /\s+(?:of|in|on) (?:the )?(?:skin|uterine cervix|cervix|any organ|any site)$/i;
// "basal or squamous cell carcinoma": the first item shares the head of the second.
const SHARED_HEAD = /\b(basal|squamous)(?: cell)? (or|and|and\/or) (basal|squamous) cell (?:carcinoma|cancer)s?\b/gi;
const ITEM_SEPARATOR = /\s*[,，;；]\s*(?:and\/or\s+|and\s+|or\s+)?|\s+(?:and\/or|and|or)\s+/i;

interface Exception {
  /** The line without the exception: the condition the exception carves from. */
  readonly main: string;
  /** The excepted items, each one condition. */
  readonly items: readonly string[];
  /** The exception as written, for the attested part. */
  readonly text: string;
}

/** The line split at its one exception cue, or undefined when it has none, more than one, or a form read no further. */
function splitException(text: string): Exception | undefined {
  const cues = [...text.matchAll(CUE)];
  if (cues.length !== 1 || OTHER_CUE.test(text)) return undefined;
  const cue = cues[0]!;
  const before = text.slice(0, cue.index);
  const after = text.slice(cue.index + cue[0].length).replace(/^\s*:/, '');
  // "Pre-existing cancer (except non-melanoma skin cancer)": the parenthesis bounds the exception; what follows it is the main part's.
  const open = /\(\s*$/.exec(before);
  let main: string;
  let excepted: string;
  if (open) {
    const close = closingParen(after);
    if (close < 0) return undefined;
    excepted = after.slice(0, close);
    main = `${before.slice(0, open.index).trimEnd()} ${after.slice(close + 1).trim()}`;
  } else {
    if (/[()]/.test(before.replace(/\([^()]*\)/g, '') + after.replace(/\([^()]*\)/g, ''))) return undefined;
    excepted = after;
    main = before;
  }
  main = main
    .replace(/[\s,;，]+$/, '')
    .replace(/[\s.]+$/, '')
    .trim();
  excepted = excepted.replace(/[\s.]+$/, '').trim();
  if (main === '' || excepted === '' || LIST.test(main.replace(TENSES, ''))) return undefined;
  const items = excepted
    .replace(NARROWING, '')
    .replace(SHARED_HEAD, '$1 cell carcinoma $2 $3 cell carcinoma')
    .split(ITEM_SEPARATOR)
    .map((i) => i.replace(NARROWING, '').replace(PLACE, '').trim());
  if (items.some((i) => i === '')) return undefined;
  return { main, items, text: `${cue[0]} ${excepted}` };
}

/** Where the parenthesis open before `s` closes in it, or -1. */
function closingParen(s: string): number {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')' && depth-- === 0) return i;
  }
  return -1;
}

/**
 * An excepted item as a condition true whenever the patient has it: the item's inclusion reading, which is necessary of its text, with
 * the facts widened to the past (a non-melanoma skin cancer excepted from "history of malignancy" may be one of years ago; `history`
 * holds the current conditions too, `prior_treatments` the current treatments). Undefined when the item is not read in full.
 */
function exceptedItem(item: string, parse: (side: Side, text: string) => Criterion): Expr | undefined {
  // "paracetamol" alone is named without a tense, which "history of" gives: ever received, the widest. "alcohol use disorders":
  // any of them is one, which the singular names.
  const one = item.replace(/\b(disorder|disease|syndrome|infection|cancer|carcinoma)s$/i, '$1');
  for (const t of [one, `history of ${one}`]) {
    const read = parse('inclusion', t);
    const e = read.computability === 'computable' ? widened(read.expr) : undefined;
    if (e) return e;
  }
  return undefined;
}

// A code the vocabulary gives. One built from the item's own words ("hormonally-corrected-hypothyroidism", NCT03922685) may be
// narrower than what the record holds for the excepted item, and then the item would not be seen.
const VOCABULARY_CODES = new Set(lexicon.flatMap((t) => (t.kind === 'code' ? [t.code] : [])));

function widened(e: Expr): Expr | undefined {
  switch (e.kind) {
    case 'has':
      if (!VOCABULARY_CODES.has(e.code)) return undefined;
      if (e.fact === 'diagnoses' || e.fact === 'history') return { ...e, fact: 'history' };
      if (e.fact === 'current_treatments' || e.fact === 'prior_treatments') return { ...e, fact: 'prior_treatments' };
      return undefined;
    case 'any':
    case 'all': {
      const of = e.of.map(widened);
      return of.every((x) => x !== undefined) ? { kind: e.kind, of: of as Expr[] } : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * "M except E1, …, En", read with the main part M as the parser reads it alone and each E as a condition true whenever the patient has
 * the excepted item (broader is allowed, narrower never). An attested leaf is unknown.
 * - Exclusion: M and (not (E1 or … or En) or attested). Flagged only when M holds (so the main condition is there, M being sufficient)
 *   and no E holds (so no excepted item is, each E being necessary of its item): the main condition is there and is none of the
 *   exceptions, so the text excludes.
 * - Inclusion "No M except E": (No M) or ((E1 or … or En) and attested). A patient the text admits has no M, and then the reading of
 *   "No M" holds (it is necessary), or has M only as excepted items, and then some E holds and the attested part is the text itself.
 * A positive inclusion ("M other than E") and an exclusion with a negated main part ("not on any drug except E") stay attested.
 */
export function readException(id: string, side: Side, verbatim: string, text: string, parse: (side: Side, text: string) => Criterion): Criterion | undefined {
  const split = splitException(text);
  if (!split) return undefined;
  const head = NEGATED_HEAD.exec(split.main)?.[0] ?? '';
  if ((side === 'inclusion') !== (head !== '') || NEGATION.test(split.main.slice(head.length))) return undefined;
  const main = parse(side, split.main);
  if (main.computability === 'attested') return undefined;
  const items = split.items.map((i) => exceptedItem(i, parse));
  if (items.some((e) => e === undefined)) return undefined;
  const excepted = anyOf(items as Expr[]);
  const rest: Expr = { kind: 'attested', text: split.text };
  const expr = side === 'exclusion' ? allOf([main.expr, anyOf([negate(excepted), rest])]) : anyOf([main.expr, allOf([excepted, rest])]);
  const notComputable = [main.notComputable, EXCEPTED_REASON].filter((r) => r).join('; ');
  return { id, side, text: verbatim, computability: 'partly-computable', expr, notComputable, flags: main.flags };
}
