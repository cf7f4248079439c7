import { lazy, Suspense, useMemo, useState, type FormEvent } from 'react';
import { getInstrument, instruments, scoreInstrument } from '../../../src/instruments/scores/registry.js';
import type { InstrumentDefinition } from '../../../src/instruments/scores/instrument.js';
import { validateItems } from '../../../src/instruments/scores/validate-items.js';
import { api, ApiError, type CalendarVisit, type VisitData, type VisitRow } from '../api.js';
import { FieldError, describedBy } from '../components/field-error.js';
import { ItemField } from '../components/item-field.js';
import { LabTable } from '../components/lab-table.js';
import { LabsForm } from '../components/labs-form.js';
import { Link } from '../components/link.js';
import { Loaded } from '../components/loaded.js';
import { Page } from '../components/page.js';
import { ReasonDialog } from '../components/reason-dialog.js';
import { localToday } from '../dates.js';
import { changedItems, itemValuesFromText } from '../item-values.js';
import { useLoad, type Load } from '../use-load.js';
import { observationsOf, savedVisits, scorePoints } from '../visit-data.js';

const ScorePlot = lazy(() => import('../components/score-plot.js'));

interface VisitContext {
  readonly visit: CalendarVisit;
  readonly assessments: readonly string[];
  readonly allVisits: readonly CalendarVisit[];
}

async function loadContext(participantId: string, visitId: string): Promise<VisitContext> {
  const [participant, calendar] = await Promise.all([api.participant(participantId), api.calendar(participantId)]);
  const visit = calendar.visits.find((v) => v.id === visitId);
  if (!visit) throw new Error(`Participant ${participant.code} has no visit "${visitId}".`);
  const protocolVisit = participant.studyId ? (await api.study(participant.studyId)).protocol.visits.find((v) => v.id === visitId) : undefined;
  return { visit, assessments: protocolVisit?.assessments ?? [], allVisits: calendar.visits };
}

export function VisitFormPage({ participantId, visitId }: { participantId: string; visitId: string }) {
  const [context] = useLoad(() => loadContext(participantId, visitId), `visit/${participantId}/${visitId}`);
  // Saved values load apart from the visit: the form computes scores even when they cannot be read,
  // but saving then waits, since a correction needs the saved values to ask for its reason.
  const [visits, reload] = useLoad(() => api.visits(participantId), `visits/${participantId}`);
  const title = context.kind === 'ready' ? `Visit: ${context.data.visit.name}` : 'Visit';
  return (
    <Page title={title}>
      <p>
        <Link to={{ kind: 'participant', participantId }}>Back to the participant</Link>
      </p>
      <Loaded state={context} what="the visit">
        {(c) => (
          <>
            <VisitForms participantId={participantId} context={c} visits={visits} onSaved={reload} />
            {c.assessments.includes('labs') && visits.kind === 'ready' ? <VisitLabs participantId={participantId} context={c} visits={savedVisits(visits.data)} onSaved={reload} /> : null}
          </>
        )}
      </Loaded>
    </Page>
  );
}

function VisitLabs({ participantId, context, visits, onSaved }: { participantId: string; context: VisitContext; visits: readonly VisitData[]; onSaved: () => void }) {
  const saved = visits.find((v) => v.visitId === context.visit.id);
  const names = (id: string) => context.allVisits.find((v) => v.id === id)?.name ?? id;
  return (
    <>
      <h2>Labs</h2>
      <LabsForm key={JSON.stringify(saved?.labs ?? [])} participantId={participantId} visitId={context.visit.id} date={saved?.date ?? localToday()} saved={saved?.labs ?? []} onSaved={onSaved} />
      <LabTable visits={saved ? [saved] : []} visitName={names} />
    </>
  );
}

interface FormProps {
  readonly participantId: string;
  readonly context: VisitContext;
  readonly visits: Load<VisitRow[]>;
  readonly onSaved: () => void;
}

function VisitForms({ participantId, context, visits, onSaved }: FormProps) {
  const due = instruments.filter((i) => context.assessments.includes(i.id));
  const offered = due.length > 0 ? due : instruments;
  const [instrumentId, setInstrumentId] = useState(offered[0]?.id ?? 'essdai');
  const def = getInstrument(instrumentId);
  return (
    <>
      <p>
        Target date {context.visit.date} (study day {context.visit.day}); due here: {context.assessments.length ? context.assessments.join(', ') : 'nothing listed in the protocol'}.
      </p>
      <div className="field inline">
        <label htmlFor="instrument">Instrument</label>
        <select id="instrument" value={instrumentId} onChange={(e) => setInstrumentId(getInstrument(e.target.value).id)}>
          {offered.map((i) => (
            <option key={i.id} value={i.id}>
              {i.name}
            </option>
          ))}
        </select>
      </div>
      <InstrumentForm key={`${def.id}/${visits.kind}`} participantId={participantId} def={def} context={context} visits={visits} onSaved={onSaved} />
    </>
  );
}

function InstrumentForm({ participantId, def, context, visits, onSaved }: FormProps & { def: InstrumentDefinition }) {
  const rows = visits.kind === 'ready' ? visits.data : [];
  const savedList = observationsOf(savedVisits(rows));
  const saved = savedList.find((o) => o.visitId === context.visit.id && o.instrument === def.id);
  const [texts, setTexts] = useState<Record<string, string>>(() =>
    Object.fromEntries(def.items.map((i) => [i.id, saved?.items[i.id] !== undefined ? String(saved.items[i.id]) : ''])),
  );
  const [date, setDate] = useState(saved?.date ?? localToday());
  const [attempted, setAttempted] = useState(false);
  const [serverError, setServerError] = useState<ApiError | null>(null);
  const [asking, setAsking] = useState(false);
  const [status, setStatus] = useState<string | null>(null);

  const values = useMemo(() => itemValuesFromText(texts), [texts]);
  const issues = useMemo(() => validateItems(def, values), [def, values]);
  const complete = issues.length === 0;
  const score = complete ? scoreInstrument(def.id, values) : null;
  const missing = issues.filter((i) => i.code === 'ItemMissing').length;
  const invalid = issues.length - missing;
  const changes = saved ? changedItems(def, saved.items, values) : [];

  const errorFor = (itemId: string): string | undefined => {
    if (serverError?.path === itemId || serverError?.path === `items.${itemId}`) return serverError.message;
    const issue = issues.find((i) => i.item === itemId);
    if (!issue || (issue.code === 'ItemMissing' && !attempted)) return undefined;
    return `${issue.message}.`;
  };

  const save = (reason?: string) => {
    setAsking(false);
    setServerError(null);
    api
      .saveVisit(participantId, context.visit.id, { date, values: { [def.id]: values as Record<string, number> }, ...(reason ? { reason } : {}) })
      .then(
        () => {
          setStatus(`${def.name} saved.`);
          onSaved();
        },
        (err: unknown) => setServerError(err instanceof ApiError ? err : new ApiError('Failed', String(err), 0)),
      );
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAttempted(true);
    setStatus(null);
    if (!complete || visits.kind !== 'ready') return;
    if (saved && changes.length > 0) setAsking(true);
    else if (!saved) save();
    else setStatus('Nothing changed.');
  };

  const points = scorePoints(rows, def.id);
  const serverErrorPlaced = serverError && def.items.some((i) => serverError.path === i.id || serverError.path === `items.${i.id}`);

  return (
    <>
      <form onSubmit={submit} noValidate aria-labelledby="form-title">
        <h2 id="form-title">{def.name}</h2>
        <p className="muted">Source: {def.source}</p>
        {def.unverified ? <p className="muted">Note: {def.unverified}</p> : null}
        <div className="field">
          <label htmlFor="obs-date">Assessment date</label>
          <input id="obs-date" type="date" required value={date} onChange={(e) => setDate(e.target.value)} aria-describedby={describedBy('obs-date', serverError?.path === 'date' ? serverError.message : undefined)} />
          <FieldError id="obs-date" message={serverError?.path === 'date' ? serverError.message : undefined} />
        </div>
        <div className="items">
          {def.items.map((item) => (
            <ItemField key={item.id} fieldId={`item-${item.id}`} item={item} text={texts[item.id] ?? ''} error={errorFor(item.id)} onChange={(t) => setTexts((prev) => ({ ...prev, [item.id]: t }))} />
          ))}
        </div>
        <div className="card" aria-live="polite">
          <span>{def.name} total: </span>
          <output className="score" htmlFor={def.items.map((i) => `item-${i.id}`).join(' ')} id="score-total">
            {score ? score.total : '—'}
          </output>
          <span className="muted">
            {' '}
            (range {def.total.min}–{def.total.max}
            {score ? '' : `; ${missing} item${missing === 1 ? '' : 's'} still to enter${invalid ? `, ${invalid} not accepted` : ''}`})
          </span>
        </div>
        {serverError && !serverErrorPlaced && serverError.path !== 'date' ? (
          <p role="alert" className="error">
            {serverError.message}
          </p>
        ) : null}
        {status ? <p role="status">{status}</p> : null}
        {visits.kind === 'failed' ? (
          <p role="alert" className="error">
            Saving waits: the values saved before could not be read ({visits.error.message})
          </p>
        ) : null}
        <button type="submit" disabled={visits.kind !== 'ready'}>
          {saved ? 'Save changes' : 'Save'}
        </button>
        <h2>{def.name} over time</h2>
        {visits.kind !== 'ready' ? null : points.length === 0 ? (
          <p>No saved {def.name} yet for this participant.</p>
        ) : (
          <Suspense fallback={<p role="status">Loading the plot…</p>}>
            <ScorePlot points={points} label={def.name} lastDay={Math.max(...context.allVisits.map((v) => v.day))} />
          </Suspense>
        )}
      </form>
      {/* Outside the form: a form inside a form is not valid HTML, and its submit would reach both. */}
      <ReasonDialog open={asking} changes={changes} onConfirm={(r) => save(r)} onCancel={() => setAsking(false)} />
    </>
  );
}
