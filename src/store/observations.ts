import { AppError } from '../errors/app-error.js';
import {
  computePanel,
  convertLab,
  getInstrument,
  gradeLab,
  isInstrumentId,
  proposedAdverseEvents,
  scoreInstrument,
  subsetIds,
  validateItems,
  type InstrumentScore,
  type LabAnalyte,
  type LabGrading,
  type LabUnit,
  type PanelInput,
  type SubsetId,
} from '../instruments/index.js';
import type { Protocol, Visit } from '../protocol/schema.js';
import { proposeAdverseEvent } from './adverse-events.js';
import type { AuditedTx } from './audited-tx.js';
import type { Queryable } from './db.js';
import { siteReferenceRanges } from './observations-reference-ranges.js';
import type { Participant } from './participants.js';
import { saveVisitForm, type ObservationEntry } from './visit-forms.js';

export interface LabEntry {
  readonly analyte: LabAnalyte;
  readonly value: number;
  readonly unit: LabUnit;
}

/** What a visit form sends: instrument items by instrument, labs, the immune panel. */
export interface VisitObservationsInput {
  readonly date: string;
  readonly values: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly labs?: readonly LabEntry[] | undefined;
  readonly panel?: PanelInput | undefined;
}

export interface StoredLab extends LabEntry {
  /** Worst CTCAE v5.0 grade over the analyte's terms; null when it could not be graded. */
  readonly grade: number | null;
  readonly term: string | null;
}

/** One visit's saved data. */
export interface VisitData {
  readonly visitId: string;
  readonly date: string;
  readonly values: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly labs: readonly StoredLab[];
  readonly panel: PanelInput | null;
}

export interface SavedVisit {
  readonly visitId: string;
  readonly date: string;
  readonly scores: readonly InstrumentScore[];
  readonly labs: readonly (LabEntry & { readonly gradings: readonly LabGrading[] })[];
  /** Ids of the adverse events proposed by graded labs, for the investigator to confirm or dismiss. */
  readonly proposedAdverseEvents: readonly string[];
}

export function protocolVisit(protocol: Protocol, visitId: string): Visit {
  const visit = protocol.visits.find((v) => v.id === visitId);
  if (!visit) throw new AppError('NotFound', `Visit "${visitId}" is not a visit of protocol ${protocol.id}.`, 404, 'visitId');
  return visit;
}

function instrumentEntries(visit: Visit, values: VisitObservationsInput['values']): { entries: ObservationEntry[]; scores: InstrumentScore[] } {
  const entries: ObservationEntry[] = [];
  const scores: InstrumentScore[] = [];
  for (const [instrument, items] of Object.entries(values)) {
    if (!isInstrumentId(instrument) || !visit.assessments.includes(instrument)) {
      const due = visit.assessments.filter(isInstrumentId);
      throw new AppError('InstrumentNotDue', `Instrument "${instrument}" is not due at visit ${visit.id}; due there: ${due.join(', ') || 'none'}.`, 400, `values.${instrument}`);
    }
    const [issue] = validateItems(getInstrument(instrument), items);
    if (issue) throw new AppError(issue.code, `${issue.message}.`, 400, `values.${instrument}.${issue.item}`);
    const score = scoreInstrument(instrument, items);
    scores.push(score);
    for (const [item, value] of Object.entries(items)) entries.push({ kind: 'item', key: `${instrument}.${item}`, value });
    entries.push({ kind: 'score', key: instrument, value: score.total });
  }
  return { entries, scores };
}

/** The participant's value of each analyte at their earliest visit with labs (the CTCAE baseline). */
async function labBaselines(q: Queryable, participantId: string): Promise<Map<string, { value: number; unit: string }>> {
  const rows = await q.query<{ key: string; value_num: number; unit: string }>(
    `SELECT DISTINCT ON (o.key) o.key, o.value_num, o.unit FROM observations o JOIN visits v ON v.id = o.visit_row_id
      WHERE o.participant_id = $1 AND o.kind = 'lab' ORDER BY o.key, v.visit_date`,
    [participantId],
  );
  return new Map(rows.map((r) => [r.key, { value: r.value_num, unit: r.unit }]));
}

async function gradeLabs(q: Queryable, p: Participant, labs: readonly LabEntry[]) {
  const ranges = await siteReferenceRanges(q, p.studyId, p.siteId);
  const baselines = await labBaselines(q, p.id);
  return labs.map((lab) => {
    const range = ranges.get(lab.analyte);
    // Reference limits and baseline are converted into the unit the result was reported in.
    const inUnit = (v: number | undefined, from: string | undefined) => (v === undefined || from === undefined ? undefined : convertLab(lab.analyte, v, from, lab.unit));
    const lln = inUnit(range?.lln, range?.unit);
    const uln = inUnit(range?.uln, range?.unit);
    const b = baselines.get(lab.analyte);
    const baseline = inUnit(b?.value, b?.unit);
    const gradings = gradeLab({ ...lab, ...(lln === undefined ? {} : { lln }), ...(uln === undefined ? {} : { uln }), ...(baseline === undefined ? {} : { baseline }) });
    const graded = gradings.flatMap((g) => (g.kind === 'graded' ? [g] : []));
    const worst = graded.reduce<(typeof graded)[number] | undefined>((w, g) => (w === undefined || g.grade > w.grade ? g : w), undefined);
    const entry: ObservationEntry = { kind: 'lab', key: lab.analyte, value: lab.value, unit: lab.unit, grade: worst?.grade, gradeTerm: worst?.term };
    return { lab, gradings, entry };
  });
}

/** The panel's values as observations, once the panel passes its range checks (whatever path it came by: form or query correction). */
function panelEntries(panel: PanelInput): ObservationEntry[] {
  computePanel(panel);
  return [
    { kind: 'immune-panel', key: 'lymphocytes', value: panel.lymphocytesPerUl, unit: 'cells/uL' },
    ...Object.entries(panel.percentOfParent).flatMap(([id, pct]) => (pct === undefined ? [] : [{ kind: 'immune-panel' as const, key: id, value: pct, unit: '%' }])),
  ];
}

/**
 * Save a visit's form: items validated and scored, labs graded against the site's reference ranges
 * (grade ≥ 1 proposes an adverse event), the immune panel. Changing a saved value needs `reason`.
 */
export async function saveVisitObservations(w: AuditedTx, p: Participant, protocol: Protocol, visitId: string, input: VisitObservationsInput, reason: string | undefined): Promise<SavedVisit> {
  const visit = protocolVisit(protocol, visitId);
  const { entries, scores } = instrumentEntries(visit, input.values);
  const labs = await gradeLabs(w.tx, p, input.labs ?? []);
  const observations = [...entries, ...labs.map((l) => l.entry), ...(input.panel ? panelEntries(input.panel) : [])];
  const visitRowId = await saveVisitForm(w, p.id, { visitId, date: input.date, observations }, reason);
  const proposed: string[] = [];
  for (const { lab, gradings } of labs) {
    const [obs] = await w.tx.query<{ id: string }>("SELECT id FROM observations WHERE visit_row_id = $1 AND kind = 'lab' AND key = $2", [visitRowId, lab.analyte]);
    for (const ae of proposedAdverseEvents(gradings)) {
      const id = await proposeAdverseEvent(w, p.id, { ...ae, onsetDate: input.date, sourceObservationId: (obs as { id: string }).id });
      if (id) proposed.push(id);
    }
  }
  return { visitId, date: input.date, scores, labs: labs.map(({ lab, gradings }) => ({ ...lab, gradings })), proposedAdverseEvents: proposed };
}

interface ObservationRow {
  visit_id: string;
  visit_date: string;
  kind: ObservationEntry['kind'];
  key: string;
  value_num: number | null;
  unit: string | null;
  grade: number | null;
  grade_term: string | null;
}

/** Every saved visit of the participant with its values, in visit-date order. */
export async function participantVisitData(q: Queryable, participantId: string): Promise<VisitData[]> {
  const rows = await q.query<ObservationRow>(
    `SELECT v.visit_id, v.visit_date, o.kind, o.key, o.value_num, o.unit, o.grade, o.grade_term
       FROM visits v LEFT JOIN observations o ON o.visit_row_id = v.id
      WHERE v.participant_id = $1 ORDER BY v.visit_date, v.visit_id, o.kind, o.key`,
    [participantId],
  );
  const visits = new Map<string, { visitId: string; date: string; values: Record<string, Record<string, number>>; labs: StoredLab[]; panel: { lymphocytesPerUl?: number; percentOfParent: Record<string, number> } }>();
  for (const r of rows) {
    let v = visits.get(r.visit_id);
    if (!v) visits.set(r.visit_id, (v = { visitId: r.visit_id, date: r.visit_date, values: {}, labs: [], panel: { percentOfParent: {} } }));
    if (r.value_num === null) continue;
    if (r.kind === 'item') {
      const dot = r.key.indexOf('.');
      (v.values[r.key.slice(0, dot)] ??= {})[r.key.slice(dot + 1)] = r.value_num;
    } else if (r.kind === 'lab') {
      v.labs.push({ analyte: r.key as LabAnalyte, value: r.value_num, unit: r.unit as LabUnit, grade: r.grade, term: r.grade_term });
    } else if (r.kind === 'immune-panel') {
      if (r.key === 'lymphocytes') v.panel.lymphocytesPerUl = r.value_num;
      else if ((subsetIds as readonly string[]).includes(r.key)) v.panel.percentOfParent[r.key as SubsetId] = r.value_num;
    }
  }
  return [...visits.values()].map(({ panel, ...v }) => ({
    ...v,
    panel: panel.lymphocytesPerUl === undefined ? null : { lymphocytesPerUl: panel.lymphocytesPerUl, percentOfParent: panel.percentOfParent },
  }));
}

/** Scores of a visit's instruments, computed from the saved items. */
export function visitScores(v: Pick<VisitData, 'values'>): InstrumentScore[] {
  return Object.entries(v.values).map(([instrument, items]) => scoreInstrument(instrument, items));
}
