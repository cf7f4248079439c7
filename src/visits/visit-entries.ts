import { AppError } from '../errors/app-error.js';
import { computePanel, getInstrument, isInstrumentId, scoreInstrument, validateItems, type InstrumentScore, type PanelInput } from '../instruments/index.js';
import type { Protocol, Visit } from '../protocol/schema.js';
import type { ObservationEntry, VisitData, VisitObservationsInput } from './visit-data.js';
import { storeErrors } from '../store/errors.js';
import { visitDataErrors } from '../store/observations-errors.js';
import { entryByCode } from '../errors/define-errors.js';
import { instrumentsErrors } from '../instruments/errors.js';

/** The protocol's visit `visitId`; a 404 naming the protocol when it has none. */
export function protocolVisit(protocol: Protocol, visitId: string): Visit {
  const visit = protocol.visits.find((v) => v.id === visitId);
  if (!visit) throw new AppError(storeErrors.NOT_FOUND, `Visit "${visitId}" is not a visit of protocol ${protocol.id}.`, 'visitId');
  return visit;
}

/** The instruments' items validated and scored, as observations (each item, then the total). Only instruments due at the visit. */
export function instrumentEntries(visit: Visit, values: VisitObservationsInput['values']): { entries: ObservationEntry[]; scores: InstrumentScore[] } {
  const entries: ObservationEntry[] = [];
  const scores: InstrumentScore[] = [];
  for (const [instrument, items] of Object.entries(values)) {
    if (!isInstrumentId(instrument) || !visit.assessments.includes(instrument)) {
      const due = visit.assessments.filter(isInstrumentId);
      throw new AppError(visitDataErrors.INSTRUMENT_NOT_DUE, `Instrument "${instrument}" is not due at visit ${visit.id}; due there: ${due.join(', ') || 'none'}.`, `values.${instrument}`);
    }
    const [issue] = validateItems(getInstrument(instrument), items);
    if (issue) throw new AppError(entryByCode(instrumentsErrors, issue.code), `${issue.message}.`, `values.${instrument}.${issue.item}`);
    const score = scoreInstrument(instrument, items);
    scores.push(score);
    for (const [item, value] of Object.entries(items)) entries.push({ kind: 'item', key: `${instrument}.${item}`, value });
    entries.push({ kind: 'score', key: instrument, value: score.total });
  }
  return { entries, scores };
}

/** The panel's values as observations, once the panel passes its range checks (whatever path it came by: form or query correction). */
export function panelEntries(panel: PanelInput): ObservationEntry[] {
  computePanel(panel);
  return [
    { kind: 'immune-panel', key: 'lymphocytes', value: panel.lymphocytesPerUl, unit: 'cells/uL' },
    ...Object.entries(panel.percentOfParent).flatMap(([id, pct]) => (pct === undefined ? [] : [{ kind: 'immune-panel' as const, key: id, value: pct, unit: '%' }])),
  ];
}

/** Scores of a visit's instruments, computed from the saved items. */
export function visitScores(v: Pick<VisitData, 'values'>): InstrumentScore[] {
  return Object.entries(v.values).map(([instrument, items]) => scoreInstrument(instrument, items));
}
