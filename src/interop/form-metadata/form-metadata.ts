import { getInstrument, isInstrumentId, type InstrumentDefinition, type InstrumentId } from '../../instruments/index.js';
import type { FormDefinition, Item } from '../../forms/definition.js';
import { studyForm } from '../../forms/study-forms.js';
import type { Protocol } from '../../protocol/schema.js';

/**
 * The forms of a study as the CDISC exports need them (ODM FormDef/ItemDef, SDTM QS test codes,
 * Define-XML value-level metadata). This is the one adapter between the exports and where forms are
 * defined: the instruments registry (src/instruments/scores) and the defined forms (src/forms).
 */
export interface FormItem {
  /** The key the value is stored under (`observations.key`, `sledai-2k.seizure`). */
  readonly key: string;
  /** SDTM --TESTCD: at most 8 characters, letters and digits, unique within the study. */
  readonly testCode: string;
  /** SDTM --TEST: at most 40 characters. */
  readonly test: string;
  /** The full question as the form asks it. */
  readonly question: string;
  readonly dataType: 'integer' | 'float';
  readonly unit?: string;
  readonly range?: { readonly min: number; readonly max: number };
  readonly choices?: readonly { readonly value: number; readonly label: string }[];
  /** Unit → factor to `unit`, for a value the form let be entered in another unit (SDTM's standardized result). */
  readonly toCanonical?: Readonly<Record<string, number>>;
  /** The instrument's total, derived from the items (not entered). */
  readonly derived: boolean;
}

export interface StudyForm {
  readonly id: string;
  readonly name: string;
  readonly source: string;
  readonly items: readonly FormItem[];
}

/** --TESTCD stems, four characters so item numbers 01–99 and TOT fit in eight. */
const stems: Readonly<Record<InstrumentId, string>> = {
  'sledai-2k': 'SLED',
  essdai: 'ESSD',
  'alsfrs-r': 'ALSF',
  mrs: 'MRS',
  mrc: 'MRC',
  'alsaq-40': 'ALSQ',
  basdai: 'BASD',
  pga: 'PGA',
};

const short = (s: string, n: number) => (s.length <= n ? s : `${s.slice(0, n - 1).trimEnd()}…`.slice(0, n));
// SDTM --TEST is ASCII in practice (XPT labels and values): the ellipsis becomes three dots' worth cut.
const test40 = (s: string) => short(s.replace(/[^\x20-\x7e]/g, '-'), 40).replace('…', '.');

function formOf(def: InstrumentDefinition): StudyForm {
  const stem = stems[def.id];
  const items: FormItem[] = def.items.map((item, i) => ({
    key: `${def.id}.${item.id}`,
    testCode: `${stem}${String(i + 1).padStart(2, '0')}`,
    test: test40(item.label),
    question: item.label,
    dataType: item.allowed.kind === 'range' && !item.allowed.integer ? 'float' : 'integer',
    ...(item.unit === undefined ? {} : { unit: item.unit }),
    ...(item.allowed.kind === 'range' ? { range: { min: item.allowed.min, max: item.allowed.max } } : { choices: item.allowed.options }),
    derived: false,
  }));
  const total: FormItem = {
    key: def.id,
    testCode: `${stem}TOT`,
    test: test40(`${def.name} total score`),
    question: `${def.name} total score`,
    // Some totals are means or percentages (BASDAI, ALSAQ-40): a total is a float.
    dataType: 'float',
    range: { min: def.total.min, max: def.total.max },
    derived: true,
  };
  return { id: def.id, name: def.name, source: def.source, items: [...items, total] };
}

/** The instrument forms a protocol's visits ask for, in the order they first appear. */
export function studyForms(protocol: Pick<Protocol, 'visits'>): StudyForm[] {
  const ids = [...new Set(protocol.visits.flatMap((v) => v.assessments))].filter(isInstrumentId);
  return ids.map((id) => formOf(getInstrument(id)));
}

/** Every item of the study's forms by its storage key (items and totals). */
export function formItemsByKey(forms: readonly StudyForm[]): ReadonlyMap<string, { readonly form: StudyForm; readonly item: FormItem }> {
  return new Map(forms.flatMap((form) => form.items.map((item) => [item.key, { form, item }] as const)));
}

/** A defined form's numeric items as QS tests (text, dates and repeating rows stay in the CSV and ODM exports). */
function numericItem(item: Item): Pick<FormItem, 'dataType' | 'unit' | 'range' | 'choices' | 'toCanonical'> | undefined {
  switch (item.type) {
    case 'integer':
    case 'decimal': {
      const unit = item.type === 'integer' ? item.unit : item.units?.[0]?.unit;
      const { min, max } = item.hard ?? {};
      const others = item.type === 'decimal' && item.units && item.units.length > 1 ? { toCanonical: Object.fromEntries(item.units.map((u) => [u.unit, u.factor])) } : {};
      return { dataType: item.type === 'integer' ? 'integer' : 'float', ...(unit ? { unit } : {}), ...(min !== undefined && max !== undefined ? { range: { min, max } } : {}), ...others };
    }
    case 'yes-no':
      // Stored as 1/0, as REDCap codes yes/no.
      return {
        dataType: 'integer',
        choices: [
          { value: 1, label: 'Yes' },
          { value: 0, label: 'No' },
        ],
      };
    case 'single-choice':
      return item.choices.every((c) => typeof c.code === 'number') ? { dataType: 'integer', choices: item.choices.map((c) => ({ value: c.code as number, label: c.label })) } : undefined;
    case 'calculated':
      return { dataType: 'float', ...(item.unit ? { unit: item.unit } : {}) };
    default:
      return undefined;
  }
}

function definedFormOf(form: FormDefinition, stem: string): StudyForm {
  const items: FormItem[] = [];
  for (const item of form.items.flatMap((e) => (e.type === 'group' ? (e.repeating ? [] : e.items) : [e]))) {
    const numeric = numericItem(item);
    if (!numeric) continue;
    items.push({
      key: `${form.id}.${item.id}`,
      testCode: `${stem}${String(items.length + 1).padStart(2, '0')}`,
      test: test40(item.label),
      question: item.label,
      ...numeric,
      derived: item.type === 'calculated',
    });
  }
  if (form.scoring) items.push({ key: form.id, testCode: `${stem}TOT`, test: test40(`${form.title} score`), question: `${form.title} score`, dataType: 'float', derived: true });
  return { id: form.id, name: form.title, source: form.source ?? form.title, items };
}

/** The instrument forms, then the defined forms (the study's own and built-in ones) its visits ask for: the QS tests of SDTM and Define-XML. */
export function questionnaireForms(protocol: Pick<Protocol, 'visits' | 'forms'>): StudyForm[] {
  const taken = new Set(Object.values(stems));
  const defined = [...new Set(protocol.visits.flatMap((v) => v.assessments))].flatMap((id) => {
    const form = isInstrumentId(id) ? undefined : studyForm(protocol, id);
    if (!form) return [];
    // Four letters of the id, the last replaced by a digit when another form has them.
    const base = form.id
      .toUpperCase()
      .replace(/[^A-Z0-9]/g, '')
      .slice(0, 4);
    const stem = [base, ...Array.from({ length: 9 }, (_, i) => `${base.slice(0, 3)}${i + 1}`)].find((s) => !taken.has(s))!;
    taken.add(stem);
    return [definedFormOf(form, stem)];
  });
  return [...studyForms(protocol), ...defined];
}
