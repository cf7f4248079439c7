import type { FormDefinition, Item } from '../../forms/definition.js';
import { formLevelItems } from '../../forms/form-items.js';
import { studyForm } from '../../forms/study-forms.js';
import type { Protocol } from '../../protocol/schema.js';
import type { OdmForm, OdmItem } from './odm-form.js';

/** What a defined form's item is in ODM: its DataType, unit, ranges and code list, as it is stored (forms/stored-values.ts). */
function odmItem(form: FormDefinition, i: Item): OdmItem {
  const key = `${form.id}.${i.id}`;
  const base = { oid: `IT.other.${key}`, name: key, kind: 'other', key, question: i.label };
  const ranges = (r: { hard?: { min?: number; max?: number }; soft?: { min?: number; max?: number } }) => ({ ...(r.hard ? { range: r.hard } : {}), ...(r.soft ? { soft: r.soft } : {}) });
  switch (i.type) {
    case 'integer':
      return { ...base, dataType: 'integer', ...(i.unit ? { unit: i.unit } : {}), ...ranges(i) };
    case 'decimal':
      return { ...base, dataType: 'float', ...(i.units?.[0] ? { unit: i.units[0].unit } : {}), ...ranges(i) };
    case 'calculated':
      return { ...base, dataType: 'float', ...(i.unit ? { unit: i.unit } : {}) };
    case 'single-choice':
      return { ...base, dataType: typeof i.choices[0]?.code === 'number' ? 'integer' : 'text', choices: i.choices.map((c) => ({ value: c.code, label: c.label })) };
    // Stored as 1 / 0 (REDCap's coding), which xs:boolean writes too.
    case 'yes-no':
      return { ...base, dataType: 'boolean' };
    case 'date':
    case 'time':
      return { ...base, dataType: i.type };
    // Text, a document reference, a multiple choice (stored as its JSON list of codes).
    default:
      return { ...base, dataType: 'text' };
  }
}

/**
 * The defined forms a protocol's visits ask for (its own, else the built-in ones), as ODM forms: each form-level
 * item stored under `<form>.<item>` (kind other), then the score under the form's id. Repeating
 * groups are left out (none of the built-in forms has one).
 */
export function definedOdmForms(protocol: Pick<Protocol, 'visits' | 'forms'>): OdmForm[] {
  const ids = [...new Set(protocol.visits.flatMap((v) => v.assessments))];
  return ids.flatMap((id) => {
    const form = studyForm(protocol, id);
    if (!form) return [];
    const items = formLevelItems(form).map((p) => odmItem(form, p.item));
    const score: OdmItem[] = form.scoring ? [{ oid: `IT.score.${form.id}`, name: form.id, kind: 'score', key: form.id, dataType: 'float', question: `${form.title} score` }] : [];
    return [{ oid: `F.${form.id}`, name: form.title, assessment: form.id, items: [...items, ...score] }];
  });
}
