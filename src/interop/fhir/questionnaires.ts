import type { FormDefinition, Item } from '../../forms/definition.js';
import { studyForm } from '../../forms/study-forms.js';
import { instrumentForms, isInstrumentId } from '../../instruments/index.js';
import type { Protocol } from '../../protocol/schema.js';
import { fhirId, type FhirResource } from './fhir-resource.js';

/** The forms a study's visits ask for (scored instruments and defined forms), in the order they first appear. */
export function studyQuestionnaireForms(protocol: Protocol): FormDefinition[] {
  const ids = [...new Set(protocol.visits.flatMap((v) => v.assessments))];
  return ids.flatMap((id) => {
    const form = isInstrumentId(id) ? instrumentForms[id] : studyForm(protocol, id);
    return form ? [form] : [];
  });
}

/** A form's canonical URL: what a QuestionnaireResponse names (with `|version`). */
export const questionnaireUrl = (form: Pick<FormDefinition, 'id'>) => `urn:il2trials:form:${form.id}`;

/** Questionnaire.item.type (R4 item-type value set) of a form item. */
const itemType: Readonly<Record<Item['type'], string>> = {
  integer: 'integer',
  decimal: 'decimal',
  text: 'string',
  date: 'date',
  time: 'time',
  'single-choice': 'choice',
  'multiple-choice': 'choice',
  'yes-no': 'boolean',
  file: 'attachment',
  calculated: 'decimal',
};

function questionItem(item: Item): Record<string, unknown> {
  return {
    linkId: item.id,
    text: item.label,
    type: itemType[item.type],
    ...(item.type !== 'calculated' && item.required ? { required: true } : {}),
    ...(item.type === 'multiple-choice' ? { repeats: true } : {}),
    ...(item.type === 'calculated' ? { readOnly: true } : {}),
    ...(item.type === 'single-choice' || item.type === 'multiple-choice' ? { answerOption: item.choices.map((c) => ({ valueCoding: { code: String(c.code), display: c.label } })) } : {}),
  };
}

/** A form as a FHIR Questionnaire: groups as group items (a repeating group `repeats`), each item with its answer type and options. */
export function questionnaireOf(form: FormDefinition): FhirResource {
  return {
    resourceType: 'Questionnaire',
    id: fhirId('form', form.id),
    url: questionnaireUrl(form),
    version: form.version,
    name: form.id.replace(/[^A-Za-z0-9]/g, '_'),
    title: form.title,
    status: 'active',
    ...(form.source ? { description: form.source } : {}),
    item: form.items.map((e) => (e.type === 'group' ? { linkId: e.id, text: e.label, type: 'group', ...(e.repeating ? { repeats: true } : {}), item: e.items.map(questionItem) } : questionItem(e))),
  };
}

/** One answer of a stored value (numbers, codes, yes/no as 1/0, a multiple choice as its JSON list). */
function answers(item: Item, value: number | string): Record<string, unknown>[] {
  switch (item.type) {
    case 'integer':
      return [{ valueInteger: Math.round(Number(value)) }];
    case 'decimal':
    case 'calculated':
      return [{ valueDecimal: Number(value) }];
    case 'yes-no':
      return [{ valueBoolean: Number(value) === 1 }];
    case 'single-choice': {
      const c = item.choices.find((x) => String(x.code) === String(value));
      return [{ valueCoding: { code: String(value), ...(c ? { display: c.label } : {}) } }];
    }
    case 'multiple-choice': {
      const codes = (typeof value === 'string' ? (JSON.parse(value) as unknown[]) : [value]).map(String);
      return codes.map((code) => ({ valueCoding: { code, ...(item.choices.find((x) => String(x.code) === code) ? { display: item.choices.find((x) => String(x.code) === code)!.label } : {}) } }));
    }
    case 'date':
      return [{ valueDate: String(value) }];
    case 'time':
      return [{ valueTime: String(value).length === 5 ? `${value}:00` : String(value) }];
    case 'file':
      return [{ valueAttachment: { title: String(value) } }];
    case 'text':
      return [{ valueString: String(value) }];
  }
}

/**
 * A form's stored values at one visit as QuestionnaireResponse items, in the form's order: `key` is
 * the path after the form id (`item`, or `group[2].item` for a repeating group's third row).
 */
export function responseItems(form: FormDefinition, values: ReadonlyMap<string, number | string>): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const answered = (item: Item, path: string) => {
    const v = values.get(path);
    return v === undefined ? [] : [{ linkId: item.id, text: item.label, answer: answers(item, v) }];
  };
  for (const e of form.items) {
    if (e.type !== 'group') {
      out.push(...answered(e, e.id));
    } else if (!e.repeating) {
      const inner = e.items.flatMap((i) => answered(i, i.id));
      if (inner.length > 0) out.push({ linkId: e.id, text: e.label, item: inner });
    } else {
      const rows = new Set([...values.keys()].flatMap((k) => (k.startsWith(`${e.id}[`) ? [Number(/^[^[]+\[(\d+)\]/.exec(k)![1])] : [])));
      for (const r of [...rows].sort((a, b) => a - b)) {
        const inner = e.items.flatMap((i) => answered(i, `${e.id}[${r}].${i.id}`));
        if (inner.length > 0) out.push({ linkId: e.id, text: e.label, item: inner });
      }
    }
  }
  return out;
}
