import { getInstrument, isInstrumentId, type InstrumentDefinition, type InstrumentId } from '../../instruments/index.js';
import type { Protocol } from '../../protocol/schema.js';

/**
 * The forms of a study as the CDISC exports need them (ODM FormDef/ItemDef, SDTM QS test codes,
 * Define-XML value-level metadata). This is the one adapter between the exports and where forms are
 * defined: today the instruments registry (src/instruments/scores), later the forms-as-data definitions.
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
  /** The instrument's total, derived from the items (not entered). */
  readonly derived: boolean;
}

export interface StudyForm {
  readonly id: InstrumentId;
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
