import type { Side } from './expression.js';
import type { CodeTerm } from './lexicon.js';
import { keepsCode } from './narrowed-names.js';

/**
 * A condition the lexicon does not know, named after "history of", "diagnosis of", "diagnosed with",
 * "suffering from", "presence of", "patients with", "known", "active" (…), or alone on its line ("history of lead
 * poisoning", "diagnosis of sarcoidosis", "Narrow-angle glaucoma"). Its last word must be a medical
 * head word (disease, syndrome, …) or end as one (-itis, -osis, -oma, …). The code is
 * the name as written (lead-poisoning), so it never stands for anything broader; the protocol's
 * columns list it among the codes a screener records. A name with a word of degree, time, doubt or
 * vagueness ("severe", "chronic", "suspected", "other", "condition") is not taken.
 */
// The cues before the start of the line ("^"), so that a line opening with a cue is read by it.
const CUE =
  /\b(?:(?:personal |past medical |medical |documented |known |prior |previous )?history of|(?:clinical |confirmed |established |definite )?diagnosis of|diagnosed with|suffering from|presence of|(?:clinical |radiological )?evidence of|(?:patients?|subjects?|participants?|individuals|people|persons|women|men|children|adults|infants|neonates) (?:with|having|who have|who has)|(?:have|has|had) (?:an? )?|known|active|current|present|documented)\s+(?:an? |the )?|^/gi;
const HEAD =
  /(?:disease|diseases|disorder|disorders|dysfunction|impairment|intolerance|disability|instability|diathesis|deformity|deformities|syndrome|cancer|carcinoma|tumou?r|infection|failure|injury|fracture|pain|poisoning|deficiency|insufficiency|ulcer|ulcers|stenosis|lesion|lesions|palsy|dystrophy|atrophy|hernia|aneurysm|embolism|thrombosis|infarction|stroke|seizures|epilepsy|dementia|anomaly|anomalies|malformation|malformations|defect|defects|obstruction|bleeding|haemorrhage|hemorrhage|dislocation|rupture|tear|sprain|burns?|wounds?|addiction|dependence|abuse|itis|osis|emia|aemia|oma|omas|pathy|plasia|algia|ectasis|trophy|plegia|paresis|uria|rrhea|rrhoea|cele|spasm|sclerosis|sclerosus|phobia|mania|pnea|pnoea|apnea|apnoea|ism|iasis|effusions?|metastas[ie]s|paralysis|emphysema|o?edema|pneumothorax|arrhythmias?|fistulas?|varices|perforation|hypoxia|prolapse|cyst|cysts|polyps?)$/i;
const WORD = /^[A-Za-z][A-Za-z'-]*$/;
const ENDS = new Set(
  (
    'of to for with who that which in on at by from than as is are was were be been has have had or and nor but not no if when after before ' +
    'during since within until while because due such including like etc the a an this these those their his her its requiring needing ' +
    'treated confirmed defined according based without except'
  ).split(' '),
);
const VAGUE = new Set(
  (
    'severe severity mild moderate chronic acute recent recently uncontrolled significant clinically other any known suspected possible ' +
    'probable active current currently present experiencing ongoing previous prior past history diagnosis condition conditions illness illnesses problem problems issue issues ' +
    'abnormality abnormalities medical comorbidity comorbidities contraindication contraindications symptom symptoms sign signs study ' +
    'trial treatment treatments therapy therapies medication medications drug drugs use procedure procedures following disease diseases ' +
    'disorder disorders event events episode episodes major minor serious relevant unstable poorly well stable certain specific ' +
    'underlying concomitant systemic primary secondary newly new rare progressive residual measurable evaluable ' +
    'having diagnosed pre-existing preexisting another additional associated unspecified unilateral bilateral local malignant'
  ).split(' '),
);

const HEAD_AFTER_NAME = new Set(['disease', 'diseases', 'disorder', 'disorders']);

export interface NamedCondition {
  readonly start: number;
  readonly end: number;
  readonly term: CodeTerm;
}

/**
 * Conditions named after a cue, each with the span of its name. In an inclusion the name stops at a word that narrows a
 * condition but keeps its code (narrowed-names.ts: "biopsy-proven lupus nephritis" is recorded as lupus nephritis, and
 * the code biopsy-proven-lupus-nephritis would turn that patient away); in an exclusion the whole phrase is a code that
 * can only flag the patients it names.
 */
export function namedConditions(text: string, side: Side): NamedCondition[] {
  const out: NamedCondition[] = [];
  for (const m of text.matchAll(CUE)) {
    const start = m.index + m[0].length;
    const words: string[] = [];
    let end = start;
    if (m[0] === '' && start !== 0) continue;
    let vague = false;
    for (const w of text.slice(start).matchAll(/[^\s,;:().]+/g)) {
      const lower = w[0].toLowerCase();
      // Only words right after one another (a comma or parenthesis ends the name).
      if (/[,;:().]/.test(text.slice(end, start + w.index)) || ENDS.has(lower) || words.length === 4) break;
      // "Wilson disease", "panic disorder": a head word vague alone names a condition after a specific word.
      const namedHead = HEAD_AFTER_NAME.has(lower) && words.length > 0;
      if (!WORD.test(w[0]) || (VAGUE.has(lower) && !namedHead) || (side === 'inclusion' && keepsCode(lower, 'before'))) {
        vague = true;
        break;
      }
      words.push(lower);
      end = start + w.index + w[0].length;
    }
    if (vague || words.length === 0 || !HEAD.test(words.at(-1)!)) continue;
    // Alone on its line, the name must be the whole line.
    if (m[0] === '' && text.slice(end).replace(/[\s.;,]+/g, '') !== '') continue;
    const code = words
      .join('-')
      .replace(/'s\b/g, '')
      .replace(/'/g, '')
      .replace(/-(disease|disorder)s$/, '-$1');
    out.push({ start, end, term: { kind: 'code', pattern: CUE, fact: 'condition', code } });
  }
  return out;
}
