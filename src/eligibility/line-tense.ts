const PRIOR = /pre-?treatment with|history of|prior treatment|previous(?:ly)?|ever received/gi;

// The end of a sentence: not an abbreviation ("e.g. ", "etc. ").
const SENTENCE_END = /(?<!\b[A-Za-z]|\b(?:etc|vs|approx|incl|resp))\.\s+(?=[A-Z(\d])/g;

/**
 * Whether a line speaks of the past ("history of", "prior treatment") or the present ("currently"), by whichever comes last in
 * its sentence: "(2) a history of chemotherapy. (3) patients on long-term steroids, or bisphosphonates" (NCT03866031) says
 * nothing of the past for the bisphosphonates.
 */
export function lineTense(line: string): 'history' | 'current' | 'unstated' {
  const before = line.slice(([...line.matchAll(SENTENCE_END)].at(-1)?.index ?? -1) + 1);
  const prior = [...before.matchAll(PRIOR)].pop();
  const current = [...before.matchAll(/receiving|currently|current/gi)].pop();
  if (!prior && !current) return 'unstated';
  return (prior?.index ?? -1) > (current?.index ?? -1) ? 'history' : 'current';
}

/**
 * The tense a name without one takes from earlier in its line (`lineTense`). "history of" said after another item of the
 * list ("ASA 3 or 4, mental retardation, history of malignant hyperthermia, neurological disease", NCT03862391) may be that
 * item's own, so in an exclusion the names after it are read as current: sufficient whichever was meant, since whoever has
 * the disease now has had it. (In an inclusion the history reading is necessary either way.)
 */
export function inheritedTense(before: string, side: 'inclusion' | 'exclusion'): 'history' | 'current' | 'unstated' {
  const tense = lineTense(before);
  if (tense !== 'history' || side !== 'exclusion') return tense;
  const prior = [...before.matchAll(PRIOR)].pop()!;
  // "Current or past history of drug or alcohol dependency" (NCT03863366): a pair of tenses is no item.
  const clause = before
    .slice(0, prior.index)
    .split(/[;:.]/)
    .at(-1)!
    .replace(/\b(?:current(?:ly)?|past|prior|previous|present)\s+(?:or|and(?:\/or)?)\s+/gi, ' ');
  return /,|\b(?:or|and)\b/i.test(clause) ? 'current' : tense;
}

// A procedure is done once: "current" says nothing of it ("Bilateral oophorectomy" is one done before).
export const PROCEDURE = /surgery|transplant|ectomy|section|arthroplasty|intervention|graft|donation|ablation|ostomy|otomy/;
export const NEGATION = /\b(?:no|not|non|nor|without|never|neither|none|free|absence|absent|lack|negative|unable|inability|cannot)\b/i;

/**
 * The tense a treatment named without one is read in. In an exclusion, current treatment: it is the
 * narrowest reading (whoever receives X now has received it within any window, and ever), so it is
 * sufficient whatever the text meant. Not under a negation in its clause ("not on X", "non-X"),
 * where the narrowest reading turns round; never for a procedure, done once; and never in an inclusion, where it would not be necessary.
 */
export function treatmentTense(code: string, tense: 'history' | 'current' | 'unstated', side: 'inclusion' | 'exclusion', negated: boolean, before: string): 'history' | 'current' | 'unstated' {
  if (tense !== 'unstated' || side !== 'exclusion' || negated || PROCEDURE.test(code)) return tense;
  const clause = before.split(/[;.:]/).at(-1) ?? '';
  return NEGATION.test(clause) ? 'unstated' : 'current';
}
