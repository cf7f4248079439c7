import { studyForm, type ProtocolForms } from '../../forms/study-forms.js';
import type { FormDefinition, Item } from '../../forms/definition.js';
import type { Protocol, Visit } from '../../protocol/schema.js';
import { labAnalytes, labUnitTable } from '../ctcae/lab-units.js';
import { gatingHierarchy } from '../immune/gating.js';
import type { ItemAllowed } from '../scores/instrument.js';
import { integerChoice } from '../scores/instrument.js';
import { getInstrument, isInstrumentId } from '../scores/registry.js';

/** What a form field accepts: an instrument item's values, or a plain input. */
export type FieldInput = ItemAllowed | { readonly kind: 'number'; readonly min: number } | { readonly kind: 'text' } | { readonly kind: 'date' } | { readonly kind: 'boolean' };

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
  readonly kind: 'instrument' | 'form' | 'labs' | 'immune-panel' | 'adverse-events' | 'not-computable';
  readonly title: string;
  /** True for a list of entries (adverse events): the fields describe one entry. */
  readonly repeating: boolean;
  readonly fields: readonly FormField[];
  readonly note?: string;
  /** A `form` section's definition: what the form renderer draws, and what the forms API validates against. */
  readonly form?: FormDefinition;
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
  'adverse-events': aeSection,
};

/** A form item as a visit-form field (calculated items and repeating groups are drawn by the form renderer from `form`). */
function formField(formId: string, item: Item): FormField[] {
  const base = { id: `${formId}.${item.id}`, label: item.label, required: item.type !== 'calculated' && item.required };
  switch (item.type) {
    case 'integer':
    case 'decimal': {
      const { min, max } = item.hard ?? {};
      const input: FieldInput = min !== undefined && max !== undefined ? { kind: 'range', min, max, integer: item.type === 'integer' } : { kind: 'number', min: min ?? Number.MIN_SAFE_INTEGER };
      const units = item.type === 'decimal' ? item.units?.map((u) => u.unit) : item.unit === undefined ? undefined : [item.unit];
      return [{ ...base, input, ...(units ? { units } : {}) }];
    }
    case 'single-choice':
      return item.choices.every((c) => typeof c.code === 'number')
        ? [{ ...base, input: { kind: 'choice', options: item.choices.map((c) => ({ value: c.code as number, label: c.label })) } }]
        : [{ ...base, input: { kind: 'text' } }];
    case 'date':
      return [{ ...base, input: { kind: 'date' } }];
    case 'yes-no':
      return [{ ...base, input: { kind: 'boolean' } }];
    case 'calculated':
      return [];
    default:
      return [{ ...base, input: { kind: 'text' } }];
  }
}

function formSection(form: FormDefinition): FormSection {
  return {
    assessment: form.id,
    kind: 'form',
    title: form.title,
    repeating: false,
    fields: form.items.flatMap((e) => (e.type === 'group' ? (e.repeating ? [] : e.items.flatMap((i) => formField(form.id, i))) : formField(form.id, e))),
    ...(form.source ? { note: form.source } : {}),
    form,
  };
}

function section(protocol: ProtocolForms, assessment: string): FormSection {
  const form = studyForm(protocol, assessment);
  if (form) return formSection(form);
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

/** A visit's form; `protocol` gives the study's own forms the visit may name. */
export function visitForm(visit: Visit, protocol: ProtocolForms = {}): VisitForm {
  return {
    visitId: visit.id,
    visitName: visit.name,
    day: visit.day,
    windowBefore: visit.windowBefore,
    windowAfter: visit.windowAfter,
    sections: visit.assessments.map((a) => section(protocol, a)),
  };
}

/** One form per visit of the protocol, in study-day order. */
export function visitForms(protocol: Protocol): VisitForm[] {
  return [...protocol.visits].sort((a, b) => a.day - b.day).map((v) => visitForm(v, protocol));
}
