import { labAnalytes, labUnitTable, subsetIds } from '../../instruments/index.js';
import type { Protocol } from '../../protocol/schema.js';
import { studyForms } from '../form-metadata/form-metadata.js';
import { definedOdmForms } from './defined-forms.js';
import type { OdmForm, OdmItem } from './odm-form.js';

export type { OdmForm, OdmItem } from './odm-form.js';

/** A stored value the fixed forms do not list (a lab or subset entered under another key): still exported, as its kind's item. */
export interface FoundKey {
  readonly kind: string;
  readonly key: string;
  readonly unit: string | null;
  readonly numeric: boolean;
}

/** The forms of observations other than instrument items, by `observations.kind`: any key of theirs is an item (the import takes new ones too). */
export const observationGroups: Readonly<Record<string, { readonly assessment: string; readonly name: string }>> = {
  lab: { assessment: 'labs', name: 'Laboratory tests' },
  'immune-panel': { assessment: 'immune-panel', name: 'Immune panel' },
  vital: { assessment: 'vitals', name: 'Vital signs' },
  other: { assessment: 'other', name: 'Other observations' },
};

/**
 * Range checks are the eCRF's own: lab values finite and not negative (INSTRUMENT_LAB_VALUE_INVALID), panel
 * percentages 0–100 and counts not negative (INSTRUMENT_PANEL_VALUE_INVALID), instrument items as the instrument allows.
 *
 * The forms of a study for ODM: the instrument forms through the one form-metadata adapter, the
 * defined forms (src/forms/builtin) its visits ask for, then one
 * form per other kind of observation (labs with CTCAE's analytes in their canonical units, the immune
 * panel's subsets as % of parent), plus any other key the study holds.
 */
export function odmForms(protocol: Pick<Protocol, 'visits' | 'forms'>, found: readonly FoundKey[]): OdmForm[] {
  const instruments: OdmForm[] = studyForms(protocol).map((f) => ({
    oid: `F.${f.id}`,
    name: f.name,
    assessment: f.id,
    items: f.items.map((i) => ({
      oid: `IT.${i.derived ? 'score' : 'item'}.${i.key}`,
      name: i.key,
      kind: i.derived ? 'score' : 'item',
      key: i.key,
      dataType: i.dataType,
      question: i.question,
      ...(i.unit ? { unit: i.unit } : {}),
      ...(i.range ? { range: i.range } : {}),
      ...(i.choices ? { choices: i.choices } : {}),
    })),
  }));
  const fixed: Record<string, OdmItem[]> = {
    lab: labAnalytes.map((a) => ({ oid: `IT.lab.${a}`, name: a, kind: 'lab', key: a, dataType: 'float' as const, question: a, unit: labUnitTable[a].canonical, range: { min: 0 } })),
    'immune-panel': [
      { oid: 'IT.immune-panel.lymphocytes', name: 'lymphocytes', kind: 'immune-panel', key: 'lymphocytes', dataType: 'float', question: 'Lymphocytes per µL', unit: 'cells/uL', range: { min: 0 } },
      ...subsetIds
        .filter((s) => s !== 'lymphocytes')
        .map((s) => ({ oid: `IT.immune-panel.${s}`, name: s, kind: 'immune-panel', key: s, dataType: 'float' as const, question: `${s} as % of parent`, unit: '%', range: { min: 0, max: 100 } })),
    ],
  };
  const defined = definedOdmForms(protocol);
  const inDefined = new Set(defined.flatMap((f) => f.items.map((i) => `${i.kind}/${i.key}`)));
  for (const f of found) {
    if (f.kind === 'item' || f.kind === 'score' || !observationGroups[f.kind] || inDefined.has(`${f.kind}/${f.key}`)) continue;
    const items = (fixed[f.kind] ??= []);
    if (!items.some((i) => i.key === f.key))
      items.push({ oid: `IT.${f.kind}.${f.key}`, name: f.key, kind: f.kind, key: f.key, dataType: f.numeric ? 'float' : 'text', question: f.key, ...(f.unit ? { unit: f.unit } : {}) });
  }
  const others = Object.entries(fixed).map(([kind, items]) => ({
    oid: `F.${observationGroups[kind]!.assessment}`,
    name: observationGroups[kind]!.name,
    assessment: observationGroups[kind]!.assessment,
    items,
  }));
  return [...instruments, ...defined, ...others];
}

/** Item of a stored value, by `kind/key`. */
export function itemIndex(forms: readonly OdmForm[]): ReadonlyMap<string, { readonly form: OdmForm; readonly item: OdmItem }> {
  return new Map(forms.flatMap((form) => form.items.map((item) => [`${item.kind}/${item.key}`, { form, item }] as const)));
}
