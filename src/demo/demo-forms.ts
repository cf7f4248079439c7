import { builtinForm } from '../forms/builtin/index.js';
import type { FormDefinition } from '../forms/definition.js';
import { refuseInvalidForm } from '../forms/refuse-invalid-form.js';
import { storedFormValues } from '../forms/stored-values.js';
import type { FormValues } from '../forms/validate-form.js';
import type { Protocol, Visit } from '../protocol/schema.js';
import type { ObservationEntry } from '../visits/visit-data.js';

/**
 * Values of the built-in defined forms the demo fills (ROADS, NfL, MoCA, EQ-5D-5L) for a participant
 * as ill as `severity` (0 the best, 1 the worst), each value jittered by `jitter()` (−0.5 to 0.5).
 * Pure; the numbers are made up, only kept within what each form allows.
 */
const step = (severity: number, levels: number, jitter: () => number) => Math.min(levels - 1, Math.max(0, Math.round(severity * (levels - 1) + jitter())));
const round2 = (x: number) => Math.round(x * 100) / 100;

const demoValues: Readonly<Record<string, (severity: number, jitter: () => number) => FormValues>> = {
  // ROADS items 0-2, higher is better function (Fournier 2020): a sicker participant scores lower.
  roads: (s, j) => Object.fromEntries(Array.from({ length: 28 }, (_, i) => [`q${i + 1}`, 2 - step(s, 3, j)])),
  // Serum NfL (pg/mL) of tens to a few hundred and CSF NfL of thousands, higher the sicker, within the form's soft
  // ranges (made up). CSF needs a lumbar puncture, so about one visit in three has none.
  nfl: (s, j) => ({
    serum: round2(40 + 200 * s + 20 * j()),
    ...(j() < 0.17 ? { csf: round2(1500 + 8000 * s + 1000 * j()) } : {}),
    assay: 'Simoa NF-light (Quanterix)',
  }),
  // MoCA domain scores, higher is better (Nasreddine 2005): a sicker participant loses points in each.
  moca: (s, j) => ({
    visuospatial: 5 - step(s, 6, j),
    naming: 3 - step(s * 0.6, 4, j),
    attention: 6 - step(s, 7, j),
    language: 3 - step(s, 4, j),
    abstraction: 2 - step(s, 3, j),
    recall: 5 - step(s, 6, j),
    orientation: 6 - step(s * 0.8, 7, j),
    'education-12-or-less': j() < 0,
  }),
  // EQ-5D-5L levels 1 (no problems) to 5, and the EQ VAS, higher is better (Herdman 2011).
  'eq-5d-5l': (s, j) => ({
    mobility: 1 + step(s, 5, j),
    'self-care': 1 + step(s * 0.8, 5, j),
    'usual-activities': 1 + step(s, 5, j),
    'pain-discomfort': 1 + step(s * 0.6, 5, j),
    'anxiety-depression': 1 + step(s, 5, j),
    vas: Math.min(100, Math.max(0, Math.round(95 - 80 * s + 10 * j()))),
  }),
};

/** The built-in forms the demo fills that are due at `visit`. */
function demoFormsDue(visit: Visit): FormDefinition[] {
  return visit.assessments.flatMap((id) => (id in demoValues ? [builtinForm(id)!] : []));
}

/** The built-in forms the demo fills at any visit of `protocol`, each once. */
export function demoFormsOf(protocol: Protocol): FormDefinition[] {
  return [...new Map(protocol.visits.flatMap(demoFormsDue).map((f) => [f.id, f])).values()];
}

/**
 * The observations of every demo form due at `visit`, as saving the form stores them (see
 * saveFormValuesIn): the values checked by the form's own validation, every value and calculated
 * value under the form's id and version, and its score.
 */
export function demoFormEntries(visit: Visit, severity: number, jitter: () => number): ObservationEntry[] {
  return demoFormsDue(visit).flatMap((form) => {
    const checked = refuseInvalidForm(form, demoValues[form.id]!(severity, jitter));
    return storedFormValues(form, checked).map((o) => ({ ...o, form: { id: form.id, version: form.version } }));
  });
}
