import { AppError } from '../errors/app-error.js';
import { isInstrumentId, type LabAnalyte } from '../instruments/index.js';
import type { VisitData, VisitObservationsInput } from '../visits/visit-data.js';
import { visitDataErrors } from '../store/observations-errors.js';

/**
 * The visit's saved data with one field replaced, ready to save again: `field` is a visit-form field
 * id (`<instrument>.<item>`, `labs.<analyte>`, `immune-panel.<subset>`) whose value was saved.
 */
export function correctedVisitInput(v: VisitData, field: string, value: number): VisitObservationsInput {
  const dot = field.indexOf('.');
  const [section, key] = [field.slice(0, dot), field.slice(dot + 1)];
  const refuse = () => new AppError(visitDataErrors.CORRECTION_NOT_ALLOWED, `Field "${field}" has no saved value at visit ${v.visitId} to correct.`, 'correction');
  const labs = v.labs.map(({ analyte, value, unit }) => ({ analyte, value, unit }));
  const base = { date: v.date, values: v.values, labs, ...(v.panel ? { panel: v.panel } : {}) };
  if (section === 'labs') {
    if (!v.labs.some((l) => l.analyte === key)) throw refuse();
    return { ...base, labs: labs.map((l) => (l.analyte === (key as LabAnalyte) ? { ...l, value } : l)) };
  }
  if (section === 'immune-panel') {
    const panel = v.panel;
    if (!panel) throw refuse();
    if (key === 'lymphocytes') return { ...base, panel: { ...panel, lymphocytesPerUl: value } };
    if (!(key in panel.percentOfParent)) throw refuse();
    return { ...base, panel: { ...panel, percentOfParent: { ...panel.percentOfParent, [key]: value } } };
  }
  const items = v.values[section];
  if (!isInstrumentId(section) || !items || !(key in items)) throw refuse();
  return { ...base, values: { ...v.values, [section]: { ...items, [key]: value } } };
}
