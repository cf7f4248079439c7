import { isoDay } from '../dates/iso-date.js';
import { checkLabHardLimits } from '../edit-checks/lab-hard-limits.js';
import { checkPlausibleDate, participantDateRange } from '../edit-checks/plausible-date.js';
import type { Participant } from '../enrolment/participant.js';
import { gradeParticipantLabs } from '../instruments/index.js';
import { baselineVisitId } from '../protocol/baseline-visit.js';
import type { Protocol } from '../protocol/schema.js';
import { audited, type AuditedTx } from '../store/audited-tx.js';
import type { Db } from '../store/db.js';
import { observations } from '../store/schema/index.js';
import { labAdverseEvents, reconcileLabAdverseEvents } from '../store/lab-adverse-events.js';
import { participantLabs, type LabRow } from '../store/observations.js';
import { siteReferenceRanges } from '../store/reference-ranges.js';
import { saveVisitForm } from '../store/visit-forms.js';
import type { ObservationEntry, SavedVisit, VisitObservationsInput } from '../visits/visit-data.js';
import { instrumentEntries, panelEntries, protocolVisit } from '../visits/visit-entries.js';
import type { Actor } from './actor.js';

const asLab = (r: LabRow) => ({ id: r.id, visitId: r.visit_id, analyte: r.key, value: r.value_num, unit: r.unit });

/**
 * Save a visit's form inside a transaction: items validated and scored, the immune panel, and the
 * labs graded (CTCAE v5.0) with every lab the participant has, against the site's ranges and the
 * protocol's baseline visit, whatever was saved first. Saving regrades the other visits' results
 * (a baseline entered or corrected changes them) and brings their proposed adverse events in line,
 * audited; a baseline result proposes none. Changing a saved value needs `reason`.
 */
export async function saveVisitObservationsIn(w: AuditedTx, p: Participant, protocol: Protocol, visitId: string, input: VisitObservationsInput, reason: string | undefined): Promise<SavedVisit> {
  const { entries, scores } = instrumentEntries(protocolVisit(protocol, visitId), input.values);
  checkPlausibleDate('date', input.date, participantDateRange(p.birthDate, isoDay(w.ctx.at)));
  checkLabHardLimits(input.labs ?? []);
  const newLabs = input.labs ?? [];
  const baseline = baselineVisitId(protocol);
  const others = (await participantLabs(w.tx, p.id)).filter((r) => !(r.visit_id === visitId && newLabs.some((l) => l.analyte === r.key)));
  const incoming = newLabs.map((l, i) => ({ id: `new-${i}`, visitId, ...l }));
  const grades = gradeParticipantLabs([...others.map(asLab), ...incoming], await siteReferenceRanges(w.tx, p.studyId, p.siteId), baseline);
  const labEntries = incoming.map((l): ObservationEntry => {
    const worst = grades.get(l.id)!.worst;
    return { kind: 'lab', key: l.analyte, value: l.value, unit: l.unit, grade: worst?.grade, gradeTerm: worst?.term };
  });
  const saved = await saveVisitForm(w, p.id, { visitId, date: input.date, observations: [...entries, ...labEntries, ...(input.panel ? panelEntries(input.panel) : [])] }, reason);

  // Every lab of the participant now, without reading them again: the others (this visit's at its saved date) and the new ones, in visit-date and analyte order.
  const rows = [
    ...others.map((r) => ({ ...r, visit_date: r.visit_id === visitId ? input.date : r.visit_date, mine: undefined, created: false })),
    ...incoming.map((l) => {
      const o = saved.observations.get(`lab/${l.analyte}`)!;
      return { id: o.id, visit_id: visitId, visit_date: input.date, key: l.analyte, grade: null, grade_term: null, mine: l, created: o.created };
    }),
  ].sort((a, b) => (a.visit_date === b.visit_date ? (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) : a.visit_date < b.visit_date ? -1 : 1));
  // A result this save created sourced no event yet.
  const events = await labAdverseEvents(
    w.tx,
    rows.filter((r) => !r.created).map((r) => r.id),
  );
  const regradeReason = `CTCAE v5.0 regrade after the ${visitId} labs were saved (baseline: ${baseline})`;
  const proposed: string[] = [];
  const withdrawn: string[] = [];
  for (const row of rows) {
    const grading = grades.get(row.mine?.id ?? row.id)!;
    if (row.mine === undefined && (row.grade !== (grading.worst?.grade ?? null) || row.grade_term !== (grading.worst?.term ?? null))) {
      await w.update(observations, { id: row.id }, { grade: grading.worst?.grade ?? null, grade_term: grading.worst?.term ?? null }, regradeReason);
    }
    const changes = await reconcileLabAdverseEvents(w, p.id, row.id, events.get(row.id) ?? [], row.visit_date, grading, regradeReason);
    proposed.push(...changes.proposed);
    withdrawn.push(...changes.withdrawn);
  }
  const labs = incoming.map(({ id, visitId: _visit, ...lab }) => ({ ...lab, gradings: grades.get(id)!.gradings }));
  return { visitId, date: input.date, scores, labs, proposedAdverseEvents: proposed, withdrawnAdverseEvents: withdrawn };
}

/** Save a visit's form (see saveVisitObservationsIn), audited. */
export function saveVisitObservations(db: Db, who: Actor, p: Participant, protocol: Protocol, visitId: string, input: VisitObservationsInput, reason: string | undefined): Promise<SavedVisit> {
  return audited(db, { ...who, studyId: p.studyId }, (w) => saveVisitObservationsIn(w, p, protocol, visitId, input, reason));
}
