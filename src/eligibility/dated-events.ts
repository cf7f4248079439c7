import { contentWords } from './content-words.js';
import { fillerWords, lexicon } from './lexicon.js';
import type { LineParser } from './line-parser.js';
import { isQualifierWord } from './qualifiers.js';
import { flagImpliedAnchor } from './time-windows.js';

/**
 * Events that matter by their date and have no code of their own (dated-event-facts.ts): "Hospitalised
 * within 3 months prior to screening", "Have given birth within the past 3 months", "Severe
 * hypoglycemic event in past 3 months". Read only with the time window right after the name, and
 * only when the words before it in its clause keep its meaning ("Patients who were hospitalised",
 * not "Expected hospitalisation"); words after the window ("for any major medical condition") are
 * left to the remainder, which combine.ts joins as a further condition. An event whose words may
 * name more than its fact (taking part in a drug study, not only being dosed in it) is read only
 * where the narrower fact is safe: in an exclusion (sufficient) or negated in an inclusion (necessary).
 */
const EVENTS: readonly { readonly pattern: RegExp; readonly fact: string; readonly broaderWords?: boolean }[] = [
  { pattern: /\b(?:hospitali[sz]ed|hospitali[sz]ations?)\b/gi, fact: 'last_hospitalisation' },
  { pattern: /\b(?:given|gave) birth\b|\bchildbirth\b/gi, fact: 'last_delivery' },
  // A clinical trial's drug is its investigational product, placebo and comparators included (ICH E6(R2) 1.33);
  // the study's other drugs (a rescue medication) may be named too.
  {
    pattern: /\b(?:(?:taken|used|received) )?(?:any )?(?:other|another) clinical (?:trial|study) (?:drugs?|medications?|products?)\b/gi,
    fact: 'last_investigational_product',
    broaderWords: true,
  },
  // "Participation in another clinical research study with an investigational drug within 4 weeks": one dosed with it took part.
  {
    pattern:
      /\b(?:participation|participating|participated|taking part|took part|enrol?lment|enrol?led) in (?:an?|any )?(?:other|another) (?:clinical )?(?:research )?(?:study|trial) (?:with|of|using|involving|testing) (?:an? |any )?investigational (?:medicinal )?(?:drugs?|products?|agents?)/gi,
    fact: 'last_investigational_product',
    broaderWords: true,
  },
  // An interventional study is narrower than any study (last_other_trial, which the vocabulary would read).
  {
    pattern:
      /\b(?:(?:participation|participating|participated|taking part|took part|enrol?lment|enrol?led) in )?(?:an?|any|other|another|any other) (?:concurrent )?interventional (?:clinical )?(?:stud(?:y|ies)|trials?)/gi,
    fact: 'last_other_interventional_trial',
  },
  // "Severe" is the defined level 3 of the fact (last_severe_hypoglycaemia), not a judgement left open.
  { pattern: /\bsevere hypoglyc(?:a)?emi(?:a|c (?:events?|episodes?))/gi, fact: 'last_severe_hypoglycaemia' },
];
const NEGATION = /\b(?:no|not|non|nor|without|never|neither|none|free|absence|lack)\b/i;
const CLAUSE_END = /[,;.:()]|\b(?:or|and|nor)\b/i;
const REASON = /^\s*(?:\S+\s+){0,3}?(?:for|due to|because of|with|following|after)\b/i;

export function datedEvents(p: LineParser): void {
  for (const { pattern, fact, broaderWords } of EVENTS) {
    for (const m of p.text.matchAll(pattern)) {
      const end = m.index + m[0].length;
      const gap = /^\s*/.exec(p.text.slice(end))![0].length;
      const window = p.windows.find((w) => w.start === end + gap);
      if (!window || !p.free(m.index, window.end)) continue;
      const before = p.text.slice(0, m.index).split(CLAUSE_END).at(-1)!;
      const lead = before.toLowerCase().match(/[a-z][a-z'-]*/g) ?? [];
      if (lead.some((w) => !isQualifierWord(w) && !fillerWords.has(w))) {
        p.reasons.push(`"${before.trim()} ${m[0]}" narrows ${m[0]}; no rule reads the narrower phrase`);
        continue;
      }
      if (broaderWords && (p.side === 'exclusion') === NEGATION.test(before)) continue;
      // "No hospitalisation within 3 months for heart failure": the negation would turn round the words after the window too.
      const after = p.text.slice(window.end);
      const tail = after.slice(0, CLAUSE_END.exec(after)?.index ?? after.length);
      if (NEGATION.test(before) && contentWords(tail).length > 0) {
        p.reasons.push(`"${m[0]}" is negated together with words after its time window that no rule reads`);
        continue;
      }
      // "Hospitalised within 3 months for heart failure": the stay's reason is not a condition of its own (heart failure now);
      // read apart, it would flag a patient with heart failure hospitalised for something else.
      if (REASON.test(tail) && lexicon.some((t) => t.pattern.test(tail))) {
        p.reasons.push(`the reason given for "${m[0]}" names something that, read apart, would be a condition of its own`);
        continue;
      }
      p.add(m.index, window.end, { kind: 'within', fact, amount: window.amount, unit: window.unit, before: window.before }, 'term');
      flagImpliedAnchor(p.flags, p.text, window);
    }
  }
}
