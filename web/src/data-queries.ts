import type { DataQuery, QueryStatus, VisitData } from './api.js';

/*
 * A query names one saved value by its visit-form field id, as the server reads it when it applies a
 * correction: `<instrument>.<item>`, `labs.<analyte>`, `immune-panel.<subset>` (`lymphocytes` for the count).
 */
export const itemField = (instrument: string, item: string): string => `${instrument}.${item}`;
export const labField = (analyte: string): string => `labs.${analyte}`;
export const panelField = (subset: string): string => `immune-panel.${subset}`;

export interface SavedValue {
  readonly value: number;
  readonly unit?: string;
}

/** The value saved at the visit for a field id; undefined when there is none to query or correct. */
export function savedValue(visit: VisitData | undefined, field: string): SavedValue | undefined {
  const dot = field.indexOf('.');
  if (!visit || dot < 0) return undefined;
  const [section, key] = [field.slice(0, dot), field.slice(dot + 1)];
  if (section === 'labs') {
    const lab = visit.labs.find((l) => l.analyte === key);
    return lab && { value: lab.value, unit: lab.unit };
  }
  if (section === 'immune-panel') {
    const panel = visit.panel;
    if (!panel) return undefined;
    if (key === 'lymphocytes') return { value: panel.lymphocytesPerUl, unit: 'cells/µL' };
    const pct = (panel.percentOfParent as Readonly<Record<string, number | undefined>>)[key];
    return pct === undefined ? undefined : { value: pct, unit: '%' };
  }
  const value = visit.values[section]?.[key];
  return value === undefined ? undefined : { value };
}

/**
 * Why a corrected value cannot stand, checked here because the server saves a correction as given:
 * immune-panel percentages are 0–100 of their parent, counts and lab values 0 or more. Instrument
 * items are the server's to check (each instrument has its own allowed values).
 */
export function correctionIssue(field: string, value: number): string | undefined {
  if (field === panelField('lymphocytes') || field.startsWith('labs.')) return value < 0 ? `The corrected value must be 0 or more, not ${value}.` : undefined;
  if (field.startsWith('immune-panel.')) return value < 0 || value > 100 ? `The corrected value is a percentage of the parent gate: from 0 to 100, not ${value}.` : undefined;
  return undefined;
}

export const valueText = (v: SavedValue): string => (v.unit ? `${v.value} ${v.unit}` : String(v.value));

const order: Readonly<Record<QueryStatus, number>> = { open: 0, answered: 1, closed: 2 };

/** Open first (the site's to-do), then answered (the raiser's), then closed; oldest first within each. */
export function sortQueries(queries: readonly DataQuery[]): DataQuery[] {
  return [...queries].sort((a, b) => order[a.status] - order[b.status] || a.raisedAt.localeCompare(b.raisedAt));
}

/** The queries of one visit of one participant. */
export function visitQueries(queries: readonly DataQuery[], participantId: string, visitId: string): DataQuery[] {
  return queries.filter((q) => q.participantId === participantId && q.visitId === visitId);
}

/** The visit's queries on one field still waiting for someone (open: the site; answered: the raiser). */
export function pendingOn(queries: readonly DataQuery[], field: string): DataQuery[] {
  return queries.filter((q) => q.field === field && q.status !== 'closed');
}

export interface HistoryStep {
  readonly step: 'Raised' | 'Answered' | 'Closed';
  readonly at: string;
  /** Who took the step: "you" for the signed-in user, else their display name (absent when the response named nobody). */
  readonly by?: string;
  readonly text?: string;
}

/** What happened to a query, in order: raised, answered (with the answer), closed. */
export function queryHistory(q: DataQuery, userId: string): HistoryStep[] {
  const who = (id: string | null, name: string | null | undefined) => (id === userId ? { by: 'you' } : name ? { by: name } : {});
  const steps: HistoryStep[] = [{ step: 'Raised', at: q.raisedAt, ...who(q.raisedBy, q.raisedByName) }];
  if (q.answeredAt !== null) steps.push({ step: 'Answered', at: q.answeredAt, ...who(q.answeredBy, q.answeredByName), ...(q.answer === null ? {} : { text: q.answer }) });
  if (q.closedAt !== null) steps.push({ step: 'Closed', at: q.closedAt, ...who(q.closedBy, q.closedByName) });
  return steps;
}

/**
 * Which field of the answer form an error from the server belongs beside. A corrected value that the
 * visit's own checks refuse comes back with the saved value's path (values.…, labs.…, panel.…), so it
 * goes beside the corrected value; anything else without a field (not found, no longer open) above the form.
 */
export function answerErrorField(path: string | undefined, corrected: boolean): 'text' | 'correction' | undefined {
  if (path === 'text') return 'text';
  if (path === 'correction') return 'correction';
  return corrected && path !== undefined && /^(values|labs|panel|percentOfParent|lymphocytesPerUl)(\.|$)/.test(path) ? 'correction' : undefined;
}
