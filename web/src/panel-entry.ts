import { gatingHierarchy, type SubsetId } from '../../src/instruments/immune/gating.js';
import type { PanelInput } from '../../src/instruments/immune/panel.js';
import { itemValuesFromText } from './item-values.js';

/** What the panel form's boxes hold: `lymphocytes` is the count (cells/µL), every other subset its % of parent. */
export type PanelTexts = Readonly<Partial<Record<SubsetId, string>>>;

export interface PanelEntry {
  /** null while nothing is entered or something is refused. */
  readonly panel: PanelInput | null;
  /** A refused box's message, by subset. */
  readonly issues: Readonly<Partial<Record<SubsetId, string>>>;
  /** Subsets are entered but not the lymphocyte count every absolute count follows from. */
  readonly missingCount: boolean;
}

const labelOf = (id: SubsetId): string => gatingHierarchy.find((s) => s.id === id)?.label ?? id;

/** The parent gate a subset's percentage is of, in words ("% of CD4+ T cells"). */
export function percentOf(id: SubsetId): string {
  const parent = gatingHierarchy.find((s) => s.id === id)?.parent;
  return parent ? `% of ${labelOf(parent)}` : 'cells/µL';
}

const valueOf = (p: PanelInput, id: SubsetId): number | undefined => (id === 'lymphocytes' ? p.lymphocytesPerUl : p.percentOfParent[id]);
const unitOf = (id: SubsetId): string => (id === 'lymphocytes' ? 'cells/µL' : '%');

/**
 * Reads the boxes the way the server checks the panel: the lymphocyte count is 0 or more cells/µL,
 * each subset 0–100 % of its parent; an empty box is a subset not measured. A value saved before
 * cannot be emptied (saving keeps what it is not sent), so an emptied box is refused.
 */
export function panelFromTexts(texts: PanelTexts, saved: PanelInput | null = null): PanelEntry {
  const values = itemValuesFromText(texts as Readonly<Record<string, string>>);
  const issues: Partial<Record<SubsetId, string>> = {};
  const percentOfParent: Partial<Record<Exclude<SubsetId, 'lymphocytes'>, number>> = {};
  let count: number | undefined;
  for (const { id } of gatingHierarchy) {
    const v = values[id];
    const before = saved && valueOf(saved, id);
    if (v === undefined && before !== null && before !== undefined) issues[id] = `${labelOf(id)} was saved as ${before} ${unitOf(id)}: enter the corrected value, a saved value cannot be emptied.`;
    if (v === undefined) continue;
    if (typeof v !== 'number') issues[id] = `${labelOf(id)} must be a number, not "${String(v)}".`;
    else if (id === 'lymphocytes') {
      if (v < 0) issues[id] = `Lymphocytes must be a count of 0 cells/µL or more, not ${v}.`;
      else count = v;
    } else if (v < 0 || v > 100) issues[id] = `${labelOf(id)} must be from 0 to 100 ${percentOf(id)}, not ${v}.`;
    else percentOfParent[id] = v;
  }
  const anySubset = Object.keys(values).some((id) => id !== 'lymphocytes');
  const missingCount = anySubset && values['lymphocytes'] === undefined;
  const ok = Object.keys(issues).length === 0 && count !== undefined;
  return { panel: ok ? { lymphocytesPerUl: count as number, percentOfParent } : null, issues, missingCount };
}

/** The boxes as a saved panel fills them. */
export function panelTexts(saved: PanelInput | null): PanelTexts {
  if (!saved) return {};
  return { lymphocytes: String(saved.lymphocytesPerUl), ...Object.fromEntries(Object.entries(saved.percentOfParent).flatMap(([id, v]) => (v === undefined ? [] : [[id, String(v)]]))) };
}

/** Saved values the entered panel changes, described for the reason-for-change dialog. */
export function panelChanges(saved: PanelInput, now: PanelInput): string[] {
  return gatingHierarchy.flatMap(({ id }) => {
    const [before, after] = [valueOf(saved, id), valueOf(now, id)];
    return before === undefined || after === undefined || before === after ? [] : [`${labelOf(id)}: ${before} ${unitOf(id)} → ${after} ${unitOf(id)}`];
  });
}
