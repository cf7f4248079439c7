/** Words that narrow a head by degree: what it is said to include is narrowed with it. */
// "Active sleep disorder which is not treated (obstructive sleep apnea, …)" (NCT03922867): untreated narrows as a degree does.
const DEGREE_HEAD =
  /\b(?:severe|serious|significant|uncontrolled|unstable|poorly controlled|advanced|refractory|decompensated|end-stage|untreated|not (?:\w+ )?treated|not (?:well |adequately )?controlled|inadequately controlled)\b/i;
// "i.e." says what the head is, so what follows it is the head itself, not an example of it.
const EXAMPLES_CUE = /\b(?:including|includes|such as|e\.?g\b\.?|for example|especially|particularly|namely)/gi;

/**
 * Where a line gives examples of a head narrowed by degree: "Severe known cardiopulmonary disease
 * (valvular heart disease, CAD, COPD)", "History of clinically significant medical conditions
 * including: Atrial Fibrillation, …". In an exclusion each example read alone would exclude more than
 * the text (any COPD, any atrial fibrillation), so the parser leaves them to a person. A parenthesis
 * is an example list unless it opens with "i.e."; a cue's list runs to the next ";" or the line's end.
 */
export function degreeExampleSpans(text: string): readonly (readonly [number, number])[] {
  const spans: [number, number][] = [];
  for (const m of text.matchAll(/\(([^()]*)\)/g)) {
    const head =
      text
        .slice(0, m.index)
        .split(/[;,.:()[\]]/)
        .at(-1) ?? '';
    if (DEGREE_HEAD.test(head) && !/^\s*i\.?e\b/i.test(m[1]!)) spans.push([m.index, m.index + m[0].length]);
  }
  for (const m of text.matchAll(EXAMPLES_CUE)) {
    const head =
      text
        .slice(0, m.index)
        .split(/[;.()[\]]/)
        .at(-1) ?? '';
    const end = text.indexOf(';', m.index);
    if (DEGREE_HEAD.test(head)) spans.push([m.index, end < 0 ? text.length : end]);
  }
  return spans;
}

/**
 * Conditions serious by their definition, so an example of "serious infection" all the same: sepsis is
 * life-threatening organ dysfunction from infection (Sepsis-3, Singer et al., JAMA 2016;315:801-810),
 * and bacteraemia is infection of the blood itself (the seed records' "Serious infection such as
 * bacteremia, sepsis").
 */
export const SERIOUS_BY_DEFINITION: ReadonlySet<string> = new Set(['sepsis', 'bacteremia']);
