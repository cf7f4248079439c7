import type { Protocol, Visit } from '../../protocol/schema.js';
import { labAnalytes, labUnitTable } from '../ctcae/lab-units.js';
import { gatingHierarchy } from '../immune/gating.js';
import type { ItemAllowed } from '../scores/instrument.js';
import { integerChoice } from '../scores/instrument.js';
import { getInstrument, isInstrumentId } from '../scores/registry.js';

/** What a form field accepts: an instrument item's values, or a plain input. */
export type FieldInput =
  | ItemAllowed
  | { readonly kind: 'number'; readonly min: number }
  | { readonly kind: 'text' }
  | { readonly kind: 'date' }
  | { readonly kind: 'boolean' };

export type FormField = {
  readonly id: string;
  readonly label: string;
  readonly input: FieldInput;
  /** The unit of the value, or the units the site may choose from (first is the default). */
  readonly units?: readonly string[];
  readonly required: boolean;
};

export type FormSection = {
  readonly assessment: string;
  readonly kind: 'instrument' | 'labs' | 'immune-panel' | 'nfl' | 'adverse-events' | 'not-computable';
  readonly title: string;
  /** True for a list of entries (adverse events): the fields describe one entry. */
  readonly repeating: boolean;
  readonly fields: readonly FormField[];
  readonly note?: string;
};

export type VisitForm = {
  readonly visitId: string;
  readonly visitName: string;
  readonly day: number;
  readonly windowBefore: number;
  readonly windowAfter: number;
  readonly sections: readonly FormSection[];
};

const nonNegative: FieldInput = { kind: 'number', min: 0 };

const labsSection: FormSection = {
  assessment: 'labs',
  kind: 'labs',
  title: 'Safety laboratory (graded with CTCAE v5.0 against the site reference range)',
  repeating: false,
  fields: labAnalytes.map((a) => {
    const { canonical, factors } = labUnitTable[a];
    // canonical unit first, as the default
    const units = [canonical, ...Object.keys(factors).filter((u) => u !== canonical)];
    return { id: `labs.${a}`, label: a, input: nonNegative, units, required: true };
  }),
};

const immuneSection: FormSection = {
  assessment: 'immune-panel',
  kind: 'immune-panel',
  title: 'Immune panel (flow cytometry)',
  repeating: false,
  fields: gatingHierarchy.map((s) =>
    s.parent === null
      ? { id: `immune-panel.${s.id}`, label: `${s.label}, absolute count`, input: nonNegative, units: ['cells/uL'], required: true }
      : { id: `immune-panel.${s.id}`, label: `${s.label} (${s.phenotype}), % of ${s.parent}`, input: { kind: 'range', min: 0, max: 100, integer: false }, units: ['%'], required: true },
  ),
};

const nflSection: FormSection = {
  assessment: 'nfl',
  kind: 'nfl',
  title: 'Neurofilament light chain',
  repeating: false,
  fields: [
    { id: 'nfl.serum', label: 'Serum NfL', input: nonNegative, units: ['pg/mL'], required: true },
    { id: 'nfl.csf', label: 'CSF NfL', input: nonNegative, units: ['pg/mL'], required: true },
  ],
};

const aeSection: FormSection = {
  assessment: 'adverse-events',
  kind: 'adverse-events',
  title: 'Adverse events since the last visit',
  repeating: true,
  fields: [
    { id: 'term', label: 'CTCAE term', input: { kind: 'text' }, required: true },
    { id: 'grade', label: 'CTCAE v5.0 grade', input: integerChoice(1, 5), required: true },
    { id: 'serious', label: 'Serious', input: { kind: 'boolean' }, required: true },
    { id: 'related', label: 'Related to study drug', input: { kind: 'boolean' }, required: true },
    { id: 'onsetDate', label: 'Onset date', input: { kind: 'date' }, required: true },
    { id: 'resolvedDate', label: 'Resolution date', input: { kind: 'date' }, required: false },
  ],
};

/** Assessments with a form of their own besides the scored instruments. */
export const fixedSections: Readonly<Record<string, FormSection>> = {
  labs: labsSection,
  'immune-panel': immuneSection,
  nfl: nflSection,
  'adverse-events': aeSection,
};

function section(assessment: string): FormSection {
  if (isInstrumentId(assessment)) {
    const def = getInstrument(assessment);
    return {
      assessment,
      kind: 'instrument',
      title: def.name,
      repeating: false,
      fields: def.items.map((i) => ({ id: `${assessment}.${i.id}`, label: i.label, input: i.allowed, ...(i.unit === undefined ? {} : { units: [i.unit] }), required: i.required })),
      note: def.source,
    };
  }
  return (
    fixedSections[assessment] ?? {
      assessment,
      kind: 'not-computable',
      title: assessment,
      repeating: false,
      fields: [],
      note: `il2trials has no definition of "${assessment}"; it is listed as due but must be recorded outside the eCRF.`,
    }
  );
}

export function visitForm(visit: Visit): VisitForm {
  return {
    visitId: visit.id,
    visitName: visit.name,
    day: visit.day,
    windowBefore: visit.windowBefore,
    windowAfter: visit.windowAfter,
    sections: visit.assessments.map(section),
  };
}

/** One form per visit of the protocol, in study-day order. */
export function visitForms(protocol: Protocol): VisitForm[] {
  return [...protocol.visits].sort((a, b) => a.day - b.day).map(visitForm);
}
