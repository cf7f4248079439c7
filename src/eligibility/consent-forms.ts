import type { Expr, Side } from './expression.js';
import { ITEM_NUMBER } from './item-number.js';

/**
 * Lines that state informed consent as given ("Written informed consent", "Subject has signed an
 * informed consent form") or, in an exclusion, as not given ("No consent", "Not signed the informed
 * consent"): the recorded fact informed_consent (status-facts.ts). Only whole statements of that
 * record are read. Ability or willingness ("able to give", "willing to provide", "unable to consent")
 * says nothing of whether consent was given, and refusal ("refusal to give consent") is more than its
 * absence, so they stay attested; so does consent about something else ("consent to contraception").
 *
 * Who consents: the record is the consent signed by the participant or, where the protocol allows,
 * by a legally acceptable representative (ICH E6(R2) 4.8.8, 4.8.12), so "the patient or the legal
 * representative" names the same record. A line that names only someone else ("obtained from both
 * parents", "parental consent") asks for more than the record says (whose signature), and stays attested.
 */

const PERSON = '(?:the |a )?(?:patients?|subjects?|participants?|volunteers?|individuals?|persons?|those|anyone)';
const PROXY =
  "(?:(?:his|her|their|its|the|patients'?|patient's|subject's|participant's) )?(?:parents?|legal(?:ly)? (?:authori[sz]ed |acceptable )?(?:representatives?|guardians?)|authori[sz]ed legal representatives?|legal guardians?)";
// "the patient or the legal representative", "Patient/Legally Authorized Representative": the same record.
const SIGNER = `${PERSON}(?:\\s*(?:\\/|or|and\\/or)\\s*${PROXY})?`;
const ADJ = '(?:signed|written|dated|voluntary|oral|verbal)';
const ADJS = `${ADJ}(?:\\s*,?\\s*(?:and\\s+)?${ADJ})*`;
const NOUN = `(?:inform(?:ed)? (?:${ADJS} )?consents?|informed and ${ADJS} consents?|consents?)`;
const DOC = '(?:\\s*\\((?:ic|icf)\\))?(?: (?:forms?|documents?|documentation)(?:\\s*\\((?:ic|icf)\\))?)?';
const NP = `(?:(?:an?|the) )?(?:(?:voluntarily )?${ADJS} )?${NOUN}${DOC}`;
// Consent to this study (not to a procedure or another study): "to participate in the study", "specific for Study 17972B".
const OBJ =
  '(?: (?:to participate|to participation|for participation|to take part|of participation)(?: in (?:the|this) (?:study|trial|research|protocol))?| (?:for|of|to|with|in) (?:the|this) (?:study|trial|research|protocol)| specific (?:for|to) (?:the |this )?study(?: [\\w-]+)?)?';
const FROM = `(?: (?:from|by|of) ${SIGNER})?`;
const HAVE = '(?:(?:must|should|shall|has to|have to) )?(?:(?:to )?(?:has|have|having) (?:been )?)?(?:voluntarily )?';
const GIVEN = '(?:given|signed(?: and dated)?|provided|obtained|received|gave|signs|gives|provides|signing(?: up)?|giving|providing|obtaining)';
// "Subjects must sign …", "provide informed consent." (a list item): an infinitive is a statement only with a modal, or as the whole line.
const MUST_SIGN = '(?:must|should|shall|has to|have to) (?:voluntarily )?(?:sign(?: and date)?|give|provide)';
const BARE = '(?:sign(?: and date)?|give|provide)';
const NOUN_FORM = '(?:provision|signing|signature|obtaining|acceptation|acceptance|completion|documentation)(?: of)?';
const IS = '(?:(?:is|has been|must be|will be|was|were|to be) )?';
// "… prior to any study-specific procedures": when it was given is not in the record; it stays attested.
const TIMING = '(?<rest>\\s*\\(?\\s*(?:must be (?:available|obtained|signed) )?(?:prior to|before)\\b.*)?';

const line = (body: string): RegExp => new RegExp(`^(?:and )?${body}${TIMING}$`, 'i');
const GIVEN_FORMS: readonly RegExp[] = [
  line(`(?:${SIGNER} (?:who )?)?(?:${HAVE}${GIVEN}|${MUST_SIGN}) ${NP}${OBJ}${FROM}${OBJ}`),
  line(`${NOUN_FORM} ${NP}${OBJ}${FROM}${OBJ}`),
  line(`${NP}${OBJ} ${IS}${GIVEN}${FROM}${OBJ}`),
  line(`${NP}${OBJ}${FROM}`),
];
const BARE_FORM = line(`${BARE} ${NP}${OBJ}`);
const NOT_GIVEN_FORMS: readonly RegExp[] = [
  line(`(?:${SIGNER} )?(?:no|lack of|absence of|without|missing) ${NP}(?: (?:provided|given|signed|obtained))?${OBJ}${FROM}`),
  line(`(?:${SIGNER} )?(?:(?:who|that) )?(?:(?:has|have|had|did|does|do) not|not|never) (?:yet )?(?:signed|given|provided|obtained|give|sign|provide)(?: ${NP})${OBJ}`),
  line(`(?:${SIGNER} )?(?:(?:who|that) )?(?:did|does|do) not consent${OBJ}`),
  line(`(?:failure|failed) to (?:give|provide|sign|obtain) ${NP}${OBJ}`),
  line(`non-?consenting(?: ${PERSON})?`),
];

export interface ConsentStatement {
  /** informed_consent for an inclusion, its negation for an exclusion. */
  readonly expr: Expr;
  /** A time the line puts on the consent ("prior to any study procedure"), left to a person. */
  readonly rest?: string;
}

// "Ability to understand … and provide signed and dated informed consent": a clause of the line may be what someone can do.
const ABILITY = /\b(?:abl[ey]|ability|inability|capable|capacity|competent|willing\w*|understand\w*|unable|cannot|can)\b/i;

/**
 * The reading of a clause that is exactly a statement of consent given (inclusion) or not given
 * (exclusion), or undefined. `line`: the line the clause was cut from, if it is not the whole line;
 * there a bare "sign informed consent" and any word of ability or willingness leave it unread.
 */
export function consentStatement(side: Side, clause: string, line?: string): ConsentStatement | undefined {
  const whole = line === undefined;
  if (!whole && ABILITY.test(line)) return undefined;
  const s = clause
    .replace(ITEM_NUMBER, '')
    .replace(/^[\s\-•*]+|[\s.,;:]+$/g, '')
    .replace(/\s+/g, ' ');
  const forms = side === 'inclusion' ? (whole ? [...GIVEN_FORMS, BARE_FORM] : GIVEN_FORMS) : NOT_GIVEN_FORMS;
  const m = forms.map((re) => re.exec(s)).find((x) => x !== null);
  if (!m) return undefined;
  const expr: Expr = { kind: 'is', fact: 'informed_consent', value: side === 'inclusion' };
  const rest = m.groups?.['rest']?.replace(/^[\s(]+|[\s)]+$/g, '');
  return rest ? { expr, rest } : { expr };
}

/** Why the time put on a consent stays attested. */
export const CONSENT_TIME_REASON = 'when consent was given, relative to the study procedures, is not a recorded fact';
