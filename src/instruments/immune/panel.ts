import { AppError } from '../../errors/app-error.js';
import { gatingHierarchy, subsetIds, type SubsetId } from './gating.js';
import { instrumentsErrors } from '../errors.js';

/** One immune-panel measurement: the lymphocyte count (cells/µL) and each subset as % of its parent. */
export type PanelInput = {
  readonly lymphocytesPerUl: number;
  readonly percentOfParent: Readonly<Partial<Record<Exclude<SubsetId, 'lymphocytes'>, number>>>;
};

export type SubsetValue = {
  readonly id: SubsetId;
  /** null for the root, and for a subset not measured. */
  readonly percentOfParent: number | null;
  /** cells/µL; null when the subset or one of its ancestors was not measured. */
  readonly absolutePerUl: number | null;
};

export type Panel = {
  readonly subsets: Readonly<Record<SubsetId, SubsetValue>>;
  /** Treg / Th17, from absolute counts (equal to the ratio of their % of CD4+); null if either is missing or Th17 is 0. */
  readonly tregTh17Ratio: number | null;
};

export function computePanel(input: PanelInput): Panel {
  const { lymphocytesPerUl, percentOfParent } = input;
  if (typeof lymphocytesPerUl !== 'number' || !Number.isFinite(lymphocytesPerUl) || lymphocytesPerUl < 0) {
    throw new AppError(instrumentsErrors.PANEL_VALUE_INVALID, `The lymphocyte count must be a finite number of cells/µL of zero or more, not ${String(lymphocytesPerUl)}.`, 'lymphocytesPerUl');
  }
  for (const [id, pct] of Object.entries(percentOfParent)) {
    if (!(subsetIds as readonly string[]).includes(id) || id === 'lymphocytes') {
      throw new AppError(instrumentsErrors.PANEL_VALUE_INVALID, `Immune panel has no subset "${id}"; use one of ${subsetIds.slice(1).join(', ')}.`, `percentOfParent.${id}`);
    }
    if (pct !== undefined && (typeof pct !== 'number' || !Number.isFinite(pct) || pct < 0 || pct > 100)) {
      throw new AppError(instrumentsErrors.PANEL_VALUE_INVALID, `Immune panel subset "${id}" must be a percentage of its parent from 0 to 100, not ${String(pct)}.`, `percentOfParent.${id}`);
    }
  }
  const subsets = {} as Record<SubsetId, SubsetValue>;
  // gatingHierarchy lists every parent before its children.
  for (const s of gatingHierarchy) {
    if (s.parent === null) {
      subsets[s.id] = { id: s.id, percentOfParent: null, absolutePerUl: lymphocytesPerUl };
      continue;
    }
    const pct = s.id === 'lymphocytes' ? undefined : percentOfParent[s.id];
    const parentAbs = subsets[s.parent].absolutePerUl;
    subsets[s.id] = {
      id: s.id,
      percentOfParent: pct ?? null,
      absolutePerUl: pct === undefined || parentAbs === null ? null : (pct / 100) * parentAbs,
    };
  }
  const treg = subsets.treg.absolutePerUl;
  const th17 = subsets.th17.absolutePerUl;
  return { subsets, tregTh17Ratio: treg === null || th17 === null || th17 === 0 ? null : treg / th17 };
}

export type Change = { readonly baseline: number; readonly value: number; readonly change: number; readonly foldChange: number | null };

export type PanelChange = {
  /** Change in absolute count (cells/µL) by subset; null where either panel lacks it. */
  readonly absolute: Readonly<Record<SubsetId, Change | null>>;
  /** Change in % of parent (percentage points) by subset. */
  readonly percentOfParent: Readonly<Record<SubsetId, Change | null>>;
  readonly tregTh17Ratio: Change | null;
};

function change(baseline: number | null, value: number | null): Change | null {
  if (baseline === null || value === null) return null;
  return { baseline, value, change: value - baseline, foldChange: baseline === 0 ? null : value / baseline };
}

/** Change and fold change (follow-up / baseline) of every subset and of the Treg/Th17 ratio. */
export function comparePanels(baseline: Panel, followUp: Panel): PanelChange {
  const absolute = {} as Record<SubsetId, Change | null>;
  const percent = {} as Record<SubsetId, Change | null>;
  for (const id of subsetIds) {
    absolute[id] = change(baseline.subsets[id].absolutePerUl, followUp.subsets[id].absolutePerUl);
    percent[id] = change(baseline.subsets[id].percentOfParent, followUp.subsets[id].percentOfParent);
  }
  return { absolute, percentOfParent: percent, tregTh17Ratio: change(baseline.tregTh17Ratio, followUp.tregTh17Ratio) };
}
