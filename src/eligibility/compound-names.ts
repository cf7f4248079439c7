import type { CodeTerm } from './lexicon.js';

/**
 * Names built from an organ or system and a head word ("cardiac surgery", "kidney disease", "lower
 * limb fracture"). The code is the phrase itself (cardiac-surgery): it names exactly what is
 * written, never the broader head ("surgery"). Only the listed organ and system words make such a
 * name; a word of degree or time ("severe", "chronic", "acute") is not one, so "chronic pain"
 * stays attested.
 */
const ORGANS = (
  'abdominal bariatric cardiac heart cardiovascular cardiothoracic thoracic coronary vascular cerebrovascular pulmonary lung respiratory ' +
  'renal kidney hepatic liver biliary pancreatic gastrointestinal bowel intestinal colorectal colonic colon rectal anal gastric stomach ' +
  'esophageal oesophageal endocrine thyroid metabolic neurological neurologic neuromuscular neurodegenerative psychiatric mental cognitive ' +
  'brain cranial intracranial spine spinal back neck head shoulder hip knee ankle foot hand wrist elbow limb extremity musculoskeletal ' +
  'orthopaedic orthopedic bone joint skin dermatological eye ocular ophthalmic retinal ear dental autoimmune inflammatory infectious ' +
  'haematological hematological hematologic bleeding immune genetic congenital rheumatic rheumatological rheumatologic urological urologic ' +
  'urinary bladder prostate gynaecological gynecological pelvic uterine ovarian vaginal obstetric chest viral bacterial fungal lower upper'
).split(' ');
const PROCEDURES: Readonly<Record<string, string>> = { surgery: 'surgery', surgeries: 'surgery', transplant: 'transplant', transplantation: 'transplant' };
const CONDITIONS: Readonly<Record<string, string>> = {
  disease: 'disease',
  diseases: 'disease',
  disorder: 'disorder',
  disorders: 'disorder',
  cancer: 'cancer',
  cancers: 'cancer',
  infection: 'infection',
  infections: 'infection',
  injury: 'injury',
  injuries: 'injury',
  fracture: 'fracture',
  fractures: 'fracture',
  failure: 'failure',
  insufficiency: 'insufficiency',
  malignancy: 'malignancy',
  tumor: 'tumour',
  tumour: 'tumour',
  tumors: 'tumour',
  tumours: 'tumour',
  trauma: 'trauma',
  impairment: 'impairment',
  dysfunction: 'dysfunction',
  illness: 'illness',
  hepatitis: 'hepatitis',
  pain: 'pain',
};
const ORGAN = `(?:${ORGANS.join('|')})`;
export const COMPOUND = new RegExp(`(?<![\\w-])(${ORGAN}(?:[ -]${ORGAN}){0,2})[ -](${[...Object.keys(PROCEDURES), ...Object.keys(CONDITIONS)].join('|')})(?![\\w-])`, 'gi');

/** The code term for a compound name match, or undefined ("lower surgery" names no organ). */
export function compoundTerm(m: RegExpMatchArray): CodeTerm | undefined {
  const organs = m[1]!.toLowerCase().split(/[ -]/);
  if (organs.every((o) => o === 'lower' || o === 'upper')) return undefined;
  const head = m[2]!.toLowerCase();
  const procedure = PROCEDURES[head];
  const code = `${organs.join('-')}-${procedure ?? CONDITIONS[head]}`;
  return { kind: 'code', pattern: COMPOUND, fact: procedure ? 'treatment' : 'condition', code };
}

/** Whether a name is one of the bare head words ("infection", "surgery"), which an organ named nearby may qualify. */
export const generalHead = (name: string): boolean => {
  const w = name.toLowerCase();
  return Object.hasOwn(PROCEDURES, w) || Object.hasOwn(CONDITIONS, w);
};

// Places of the body a list may be about as a whole ("shoulder trauma, fracture, infection"); not organs whose diseases
// a list names beside others ("renal disease, diabetes, cancer").
const SITES = new Set('shoulder hip knee ankle foot hand wrist elbow limb extremity neck back spine spinal eye ocular ear'.split(' '));

const LEADING_COMPOUND = new RegExp(`^\\s*${COMPOUND.source}`, 'i');

/** The body site of a compound name ("shoulder trauma") that starts `text` (after blanks), if one does. */
export function siteLeading(text: string): string | undefined {
  const m = LEADING_COMPOUND.exec(text);
  return m && compoundTerm(m)
    ? m[1]!
        .toLowerCase()
        .split(/[ -]/)
        .find((o) => SITES.has(o))
    : undefined;
}
