import type { Expr, Side } from './expression.js';
import { anyOf } from './combine.js';
import { negate } from './negation.js';

/**
 * Lines that are exactly a recorded administrative status (status-facts.ts), or an exclusion list
 * of them: "Prisoners", "Incarcerated or in police custody", "Person deprived of liberty or legal
 * protection measure", "Affiliation to a social security scheme". A status named with anything
 * else ("Prisoners or any other high-risk population group", "Protected adults (individuals under
 * guardianship by court order)") is left to the usual rules; so is one measure of protection named
 * alone ("Guardianship"), which is narrower than the legal_protection fact.
 */

const STATUSES: readonly (readonly [string, string])[] = [
  ['prisoner', '(?:(?:currently|involuntarily) )*(?:prisoners?|incarcerat(?:ed|ion)|in (?:police )?custody)'],
  [
    'deprived_of_liberty',
    'deprived of (?:their |his or her |his\\/her )?liberty(?: (?:by|through) (?:an? )?(?:administrative or judicial|judicial or administrative) decision|\\s*\\((?:administrative or judicial|judicial or administrative)\\))?',
  ],
  ['legal_protection', '(?:(?:subject to|under|placed under) )?(?:a )?legal protection measures?|protected adults?|(?:under|placed under) legal protection'],
  ['social_security', '(?:affiliat(?:ed|ion)|beneficiar(?:y|ies)) (?:to|with|of) (?:a |the |any )?(?:french )?social security(?: (?:system|scheme|regime))?'],
];
const SUBJECT = '(?:(?:the |a )?(?:patients?|subjects?|participants?|persons?|people|individuals?|adults?)(?: (?:who|that) (?:are|is|has|have))? )?';
const NEGATION = '(?:not|non-?|no|without)\\s*';
const status = STATUSES.map(([, source]) => `(?:${source})`).join('|');
const ITEM = new RegExp(`^${SUBJECT}(?<neg>${NEGATION})?(?<status>${status})$`, 'i');

/** The reading of a line that is exactly a status, or an exclusion's list of them ("or", "/", ","); or undefined. */
export function statusStatement(side: Side, text: string): Expr | undefined {
  const s = text.replace(/^[\s\-•*]+|[\s.,;:]+$/g, '').replace(/\s+/g, ' ');
  // Not inside parentheses: "(administrative or judicial)".
  const items = side === 'exclusion' ? s.split(/\s*(?:,\s*(?:or\s+)?|\s+or\s+|\/)\s*(?![^()]*\))/i) : [s];
  const read: Expr[] = [];
  for (const item of items) {
    const m = ITEM.exec(item);
    const named = m ? STATUSES.find(([, source]) => new RegExp(`^(?:${source})$`, 'i').test(m.groups!['status']!)) : undefined;
    if (!m || !named) return undefined;
    // "Incarceration" alone may be a hernia's (an exclusion of a hernia trial); a person, or prison named beside it, says whose.
    if (/^(?:\W*)incarcerat/i.test(item) && !/prisoner|custody/i.test(s)) return undefined;
    const expr: Expr = { kind: 'is', fact: named[0], value: true };
    const value = m.groups!['neg'] ? negate(expr) : expr;
    // "Prisoners or subjects who are involuntarily incarcerated": one status named twice.
    if (!read.some((r) => JSON.stringify(r) === JSON.stringify(value))) read.push(value);
  }
  return anyOf(read);
}
