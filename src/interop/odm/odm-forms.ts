import { AppError } from '../../errors/app-error.js';
import { parseFormDefinition, type FormDefinition, type FormEntry, type Item } from '../../forms/definition.js';
import type { OdmItemDef, OdmMetaData } from './odm-document.js';
import { interopErrors } from '../errors.js';

/** A MetaDataVersion as forms of the definition language, and where each ItemDef went. */
export interface OdmFormSet {
  readonly forms: readonly FormDefinition[];
  /** ItemDef OID → the FormDef it is in and the item it became. */
  readonly itemOf: ReadonlyMap<string, { readonly formOid: string; readonly item: Item }>;
}

const oidAt = (kind: string, oid: string) => `${kind}[${oid}]`;
const refuse = (kind: string, oid: string, problem: string) => new AppError(interopErrors.ODM_INVALID, `ODM <${kind} OID="${oid}">: ${problem}.`, oidAt(kind, oid));
const unknown = (kind: string, oid: string, what: string, ref: string) =>
  new AppError(interopErrors.ODM_UNKNOWN_REFERENCE, `ODM <${kind} OID="${oid}"> refers to ${what} ${ref}, which the file does not define.`, oidAt(kind, oid));

/** `F.sledai-2k` → `sledai-2k`: a form id of the language (lower case, digits, hyphens). */
export const formIdOf = (formOid: string) =>
  formOid
    .replace(/^F\./, '')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .replace(/^-+/, '') || 'form';
/** `sledai-2k.seizure` → `sledai-2k_seizure`: an item id of the language. */
const itemIdOf = (name: string) => {
  const id = name.replace(/[^A-Za-z0-9_-]/g, '_');
  return /^[A-Za-z]/.test(id) ? id : `i${id}`;
};

/** RangeChecks as the language's ranges: ODM's GE and LE (inclusive, as the language's ranges are); other comparators have no equivalent. */
function ranges(def: OdmItemDef): Pick<Extract<Item, { type: 'integer' }>, 'hard' | 'soft'> {
  const out: { hard?: { min?: number; max?: number }; soft?: { min?: number; max?: number } } = {};
  for (const r of def.rangeChecks) {
    const v = Number(r.values[0]);
    if (r.values.length !== 1 || !Number.isFinite(v)) throw refuse('ItemDef', def.oid, `a RangeCheck needs one numeric CheckValue, not ${JSON.stringify(r.values)}`);
    if (r.comparator !== 'GE' && r.comparator !== 'LE') throw refuse('ItemDef', def.oid, `RangeCheck Comparator ${r.comparator} has no equivalent in the forms language (GE and LE do)`);
    const range = (out[r.softHard === 'Hard' ? 'hard' : 'soft'] ??= {});
    range[r.comparator === 'GE' ? 'min' : 'max'] = v;
  }
  return out;
}

/** One ItemDef as an item: its DataType, unit, ranges, question, and its CodeList as choices. */
function itemOf(md: OdmMetaData, def: OdmItemDef, required: boolean): Item {
  const common = { id: itemIdOf(def.name), label: def.question ?? def.name, required };
  const units = def.unitOids.map(
    (u) =>
      md.units.get(u) ??
      (() => {
        throw unknown('ItemDef', def.oid, 'MeasurementUnit', u);
      })(),
  );
  if (def.codeListOid !== undefined) {
    const list = md.codeLists.get(def.codeListOid);
    if (!list) throw unknown('ItemDef', def.oid, 'CodeList', def.codeListOid);
    const numeric = ['integer', 'float', 'double'].includes(list.dataType);
    return { ...common, type: 'single-choice', choices: list.items.map((c) => ({ code: numeric ? Number(c.code) : c.code, label: c.decode })) };
  }
  switch (def.dataType) {
    case 'integer':
      return { ...common, type: 'integer', ...ranges(def), ...(units[0] ? { unit: units[0] } : {}) };
    case 'float':
    case 'double':
      return { ...common, type: 'decimal', ...ranges(def), ...(units.length ? { units: units.map((unit) => ({ unit, factor: 1 })) } : {}) };
    case 'text':
    case 'string':
      return { ...common, type: 'text', ...(def.length ? { maxLength: def.length } : {}) };
    case 'date':
      return { ...common, type: 'date' };
    case 'time':
      return { ...common, type: 'time' };
    case 'boolean':
      return { ...common, type: 'yes-no' };
    default:
      throw refuse('ItemDef', def.oid, `DataType ${def.dataType} has no item type in the forms language`);
  }
}

/**
 * The MetaDataVersion's forms in the form definition language (src/forms): each FormDef a form, its
 * ItemGroupDef's items its items (several groups become one section each), each checked by the
 * language's own parser. Derived values (scores) are items like any other: ODM 1.3.2 without a
 * MethodDef does not say how they are computed.
 */
export function odmFormDefinitions(md: OdmMetaData): OdmFormSet {
  const placed = new Map<string, { formOid: string; item: Item }>();
  const forms = md.forms.map((f) => {
    const sections = f.groupOids.map(
      (g) =>
        md.groups.get(g) ??
        (() => {
          throw unknown('FormDef', f.oid, 'ItemGroupDef', g);
        })(),
    );
    const itemsOf = (g: (typeof sections)[number]) =>
      g.items.map((ref) => {
        const def = md.items.get(ref.oid);
        if (!def) throw unknown('ItemGroupDef', g.oid, 'ItemDef', ref.oid);
        const item = itemOf(md, def, ref.mandatory);
        placed.set(def.oid, { formOid: f.oid, item });
        return item;
      });
    const entries: FormEntry[] =
      sections.length === 1 && !sections[0]!.repeating
        ? itemsOf(sections[0]!)
        : sections.map((g) => ({ id: itemIdOf(g.oid), type: 'group', label: g.name, repeating: g.repeating, items: itemsOf(g) }));
    try {
      return parseFormDefinition({ id: formIdOf(f.oid), version: md.oid, title: f.name, items: entries });
    } catch (e) {
      throw e instanceof AppError ? refuse('FormDef', f.oid, `it is not a valid form: ${e.message.replace(/\.$/, '')}`) : e;
    }
  });
  return { forms, itemOf: placed };
}
