import { lookupTables } from '../../forms/expression/ast.js';
import { parseExpression } from '../../forms/expression/parse.js';
import type { FormDefinition, FormEntry, Item } from '../../forms/definition.js';
import { formNameOf } from '../../forms/redcap/dictionary-columns.js';
import { isInstrumentId } from '../../instruments/index.js';
import type { Protocol } from '../../protocol/schema.js';
import { studyQuestionnaireForms } from '../fhir/questionnaires.js';
import { renameReferences, variableName } from '../../forms/redcap/variable-names.js';

/** Where a field's value lives in il2trials. */
export type FieldSource =
  | { readonly kind: 'registration'; readonly key: 'site_id' | 'sex' | 'birth_date' }
  | { readonly kind: 'visit-date' }
  | {
      readonly kind: 'value';
      readonly formId: string;
      /** The item as the form defines it (its own id, type and choices). */
      readonly item: Item;
      /** A scored instrument's item (stored as `item`, the total as `score`), else a defined form's value (`other`). */
      readonly scored: boolean;
      /** The scoring total of a scored instrument: its value is the instrument's score. */
      readonly total: boolean;
      /** The repeating group the item is in. */
      readonly group?: string | undefined;
    };

export interface RecordField {
  readonly variable: string;
  readonly source: FieldSource;
  /** Checkbox columns `variable___code` (a multiple choice), by column → choice code; else the one column `variable`. */
  readonly checkboxes?: ReadonlyMap<string, string | number> | undefined;
}

export interface RecordInstrument {
  /** REDCap's unique instrument name (Form Name). */
  readonly name: string;
  readonly repeating: boolean;
  readonly fields: readonly RecordField[];
  /** The instrument as a form of the definition language, renamed, for the data dictionary. */
  readonly form: FormDefinition;
}

export interface RecordEvent {
  /** REDCap's unique event name, `<event>_arm_1`: the project has one REDCap arm (randomization arms are not REDCap arms). */
  readonly name: string;
  readonly label: string;
  readonly visitId: string | null;
  readonly instruments: readonly string[];
}

export interface RecordLayout {
  readonly instruments: readonly RecordInstrument[];
  readonly events: readonly RecordEvent[];
  /** The header of the flat file, in REDCap's order (redcap-format.md §3). */
  readonly columns: readonly string[];
}

export const REGISTRATION = 'registration';
export const VISIT = 'visit';
export const eventName = (visitId: string) => `${visitId.toLowerCase().replace(/[^a-z0-9]/g, '_')}_arm_1`;
export const leadColumns = ['record_id', 'redcap_event_name', 'redcap_repeat_instrument', 'redcap_repeat_instance'] as const;

const registrationForm: FormDefinition = {
  id: REGISTRATION,
  version: '1',
  title: 'Registration',
  assumptions: [],
  lookups: [],
  checks: [],
  items: [
    { id: 'site_id', type: 'text', label: 'Site (il2trials site id)', required: true },
    {
      id: 'sex',
      type: 'single-choice',
      label: 'Sex',
      required: true,
      choices: [
        { code: 'female', label: 'Female' },
        { code: 'male', label: 'Male' },
      ],
    },
    { id: 'birth_date', type: 'date', label: 'Date of birth', required: true },
  ],
};
const visitForm: FormDefinition = {
  id: VISIT,
  version: '1',
  title: 'Visit',
  assumptions: [],
  lookups: [],
  checks: [],
  items: [{ id: 'visit_date', type: 'date', label: 'Visit date', required: true }],
};

/** A form's item renamed to its variable; a calculation REDCap cannot write (a lookup table) becomes a read-only number il2trials computes. */
function renamedItem(form: FormDefinition, item: Item): Item {
  const rename = (id: string) => variableName(form.id, id);
  const showIf = item.showIf === undefined ? {} : { showIf: renameReferences(item.showIf, rename) };
  if (item.type !== 'calculated') return { ...item, id: rename(item.id), ...showIf };
  if (lookupTables(parseExpression(item.expression)).length > 0) {
    return { id: rename(item.id), type: 'decimal', label: item.label, help: 'Calculated by il2trials from a published table (not a REDCap calc field).', required: false, ...showIf };
  }
  return { ...item, id: rename(item.id), expression: renameReferences(item.expression, rename), ...showIf };
}

function checkboxes(variable: string, item: Item): Map<string, string | number> | undefined {
  if (item.type !== 'multiple-choice') return undefined;
  return new Map(
    item.choices.map((c) => [
      `${variable}___${String(c.code)
        .toLowerCase()
        .replace(/[^a-z0-9_]/g, '_')}`,
      c.code,
    ]),
  );
}

function valueFields(form: FormDefinition, items: readonly Item[], group: string | undefined): RecordField[] {
  return items.map((item) => {
    const variable = variableName(form.id, item.id);
    const scored = isInstrumentId(form.id);
    return { variable, source: { kind: 'value', formId: form.id, item, scored, total: scored && form.scoring?.total === item.id, group }, checkboxes: checkboxes(variable, item) };
  });
}

/** A form as its instruments: its items (plain groups as section headers), then one repeating instrument per repeating group. */
function formInstruments(form: FormDefinition): RecordInstrument[] {
  const plain: FormEntry[] = form.items.filter((e) => !(e.type === 'group' && e.repeating));
  const renamedEntries = plain.map((e) =>
    e.type === 'group'
      ? { ...e, showIf: e.showIf === undefined ? undefined : renameReferences(e.showIf, (id) => variableName(form.id, id)), items: e.items.map((i) => renamedItem(form, i)) }
      : renamedItem(form, e),
  );
  const main: RecordInstrument = {
    name: formNameOf(form.id),
    repeating: false,
    fields: valueFields(
      form,
      plain.flatMap((e) => (e.type === 'group' ? e.items : [e])),
      undefined,
    ),
    form: { id: form.id, version: form.version, title: form.title, assumptions: [], lookups: [], checks: [], items: renamedEntries as FormEntry[] },
  };
  const repeats = form.items.flatMap((e) =>
    e.type === 'group' && e.repeating
      ? [
          {
            name: `${formNameOf(form.id)}_${e.id.toLowerCase().replace(/[^a-z0-9]/g, '_')}`,
            repeating: true,
            fields: valueFields(form, e.items, e.id),
            form: {
              id: `${form.id}-${e.id.toLowerCase().replace(/[^a-z0-9]/g, '-')}`,
              version: form.version,
              title: `${form.title}: ${e.label}`,
              assumptions: [],
              lookups: [],
              checks: [],
              items: e.items.map((i) => renamedItem(form, i)),
            },
          },
        ]
      : [],
  );
  return [main, ...repeats];
}

/**
 * The study as a longitudinal REDCap project: a registration event (record id, site, sex, birth
 * date), then one event per protocol visit carrying the visit date and the forms the visit asks for
 * (scored instruments and defined forms; a repeating group as a repeating instrument). Labs, the
 * immune panel, doses and adverse events are not forms and are not in it.
 */
export function recordLayout(protocol: Protocol): RecordLayout {
  const forms = studyQuestionnaireForms(protocol);
  const byForm = new Map(forms.map((f) => [f.id, formInstruments(f)]));
  const registration: RecordInstrument = {
    name: REGISTRATION,
    repeating: false,
    fields: (['site_id', 'sex', 'birth_date'] as const).map((key) => ({ variable: key, source: { kind: 'registration', key } })),
    form: registrationForm,
  };
  const visit: RecordInstrument = { name: VISIT, repeating: false, fields: [{ variable: 'visit_date', source: { kind: 'visit-date' } }], form: visitForm };
  const instruments = [registration, visit, ...forms.flatMap((f) => byForm.get(f.id)!)];
  const events: RecordEvent[] = [
    { name: eventName(REGISTRATION), label: 'Registration', visitId: null, instruments: [REGISTRATION] },
    ...protocol.visits.map((v) => ({ name: eventName(v.id), label: v.name, visitId: v.id, instruments: [VISIT, ...v.assessments.flatMap((a) => (byForm.get(a) ?? []).map((i) => i.name))] })),
  ];
  const columns = [...leadColumns, ...instruments.flatMap((i) => [...i.fields.flatMap((f) => (f.checkboxes ? [...f.checkboxes.keys()] : [f.variable])), `${i.name}_complete`])];
  return { instruments, events, columns };
}
