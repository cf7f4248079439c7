import { lazy, Suspense, useMemo, useState, type FormEvent } from 'react';
import { labAnalytes } from '../../../src/instruments/ctcae/lab-units.js';
import { gatingHierarchy } from '../../../src/instruments/immune/gating.js';
import { getInstrument, instruments, scoreInstrument } from '../../../src/instruments/scores/registry.js';
import type { InstrumentDefinition } from '../../../src/instruments/scores/instrument.js';
import { validateItems } from '../../../src/instruments/scores/validate-items.js';
import { api, ApiError, type CalendarVisit, type VisitRow } from '../api.js';
import { FieldQueries } from '../components/field-queries.js';
import { FormActions } from '../components/form-actions.js';
import { ImmunePanelForm } from '../components/immune-panel-form.js';
import { ItemField } from '../components/item-field.js';
import { LabTable } from '../components/lab-table.js';
import { LabsForm } from '../components/labs-form.js';
import { Link } from '../components/link.js';
import { Loaded } from '../components/loaded.js';
import { Page } from '../components/page.js';
import { QueryList } from '../components/query-list.js';
import { RaiseQueryDialog, type QueryTarget } from '../components/raise-query-dialog.js';
import { ReasonDialog } from '../components/reason-dialog.js';
import { SavedValues } from '../components/saved-values.js';
import { TextField } from '../components/text-field.js';
import { itemField, labField, panelField, pendingOn, savedValue, valueText, visitQueries } from '../data-queries.js';
import { localToday } from '../dates.js';
import { changedItems, itemValuesFromText } from '../item-values.js';
import { entryRoles, holdsRole, raiserRoles } from '../roles.js';
import { useSession } from '../session.js';
import { useLoad, type Load } from '../use-load.js';
import { useResetOn } from '../use-reset-on.js';
import { observationsOf, savedVisits, scorePoints } from '../visit-data.js';
import type { Aside } from '../visit-part.js';

const ScorePlot = lazy(() => import('../components/score-plot.js'));

interface VisitContext {
  readonly visit: CalendarVisit;
  readonly assessments: readonly string[];
  readonly allVisits: readonly CalendarVisit[];
  /** The participant's study and site (what the user's roles are checked against); null if the study is not known. */
  readonly scope: { readonly studyId: string; readonly siteId: string } | null;
}


async function loadContext(participantId: string, visitId: string): Promise<VisitContext> {
  const [participant, calendar] = await Promise.all([api.participant(participantId), api.calendar(participantId)]);
  const visit = calendar.visits.find((v) => v.id === visitId);
  if (!visit) throw new Error(`Participant ${participant.code} has no visit "${visitId}".`);
  const protocolVisit = participant.studyId ? (await api.study(participant.studyId)).protocol.visits.find((v) => v.id === visitId) : undefined;
  const scope = participant.studyId ? { studyId: participant.studyId, siteId: participant.siteId } : null;
  return { visit, assessments: protocolVisit?.assessments ?? [], allVisits: calendar.visits, scope };
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
        {(c) => <VisitBody participantId={participantId} context={c} visits={visits} onSaved={reload} />}
      </Loaded>
    </Page>
  );
}

/**
 * The visit's forms (instrument items, labs, immune panel as the protocol lists them) and its data
 * queries: a reviewer raises one beside a saved value, the site answers it, its raiser closes it.
 * Those who may not enter data here (monitors, data managers, statisticians…) see the saved values
 * read-only, without the boxes and Save buttons the server would refuse them.
 */
function VisitBody({ participantId, context, visits, onSaved }: FormProps) {
  const { session } = useSession();
  const { scope, visit } = context;
  const [queries, reloadQueries] = useLoad(() => (scope ? api.queries(scope.studyId) : Promise.resolve([])), `queries/${scope?.studyId ?? ''}`);
  const [raising, setRaising] = useState<QueryTarget | null>(null);
  const saved = visits.kind === 'ready' ? savedVisits(visits.data).find((v) => v.visitId === visit.id) : undefined;
  const here = queries.kind === 'ready' ? visitQueries(queries.data, participantId, visit.id) : [];
  const canRaise = scope !== null && holdsRole(session.roles, raiserRoles, scope.studyId, scope.siteId);
  // Without the study (an unknown scope) the forms stay, and the server decides.
  const entering = scope === null || holdsRole(session.roles, entryRoles, scope.studyId, scope.siteId);
  const aside: Aside = (field, label) => {
    const value = savedValue(saved, field);
    const raise = canRaise && value ? () => setRaising({ participantId, visitId: visit.id, field, label, value: valueText(value) }) : undefined;
    return <FieldQueries label={label} pending={pendingOn(here, field)} onRaise={raise} />;
  };
  const savedValueOf = (field: string) => {
    const value = savedValue(saved, field);
    return value && valueText(value);
  };
  const changed = () => {
    reloadQueries();
    onSaved();
  };
  const date = saved?.date ?? localToday();
  return (
    <>
      <VisitForms participantId={participantId} context={context} visits={visits} onSaved={onSaved} aside={aside} entering={entering} />
      {context.assessments.includes('labs') && visits.kind === 'ready' ? (
        <>
          <h2>Labs</h2>
          {entering ? (
            <LabsForm key={JSON.stringify(saved?.labs ?? [])} participantId={participantId} visitId={visit.id} date={date} saved={saved?.labs ?? []} onSaved={onSaved} aside={aside} />
          ) : (
            <SavedValues visit={saved} fields={labAnalytes.map((a) => ({ field: labField(a), label: a }))} aside={aside} />
          )}
          <LabTable visits={saved ? [saved] : []} visitName={(id) => context.allVisits.find((v) => v.id === id)?.name ?? id} />
        </>
      ) : null}
      {context.assessments.includes('immune-panel') && visits.kind === 'ready' ? (
        <>
          <h2>Immune panel</h2>
          {entering ? (
            <ImmunePanelForm participantId={participantId} visitId={visit.id} date={date} saved={saved?.panel ?? null} onSaved={onSaved} aside={aside} />
          ) : (
            <SavedValues visit={saved} fields={gatingHierarchy.map((s) => ({ field: panelField(s.id), label: s.label }))} aside={aside} />
          )}
        </>
      ) : null}
      <h2>Data queries on this visit</h2>
      <Loaded state={queries} what="the data queries">
        {() => <QueryList queries={here} onChanged={changed} savedValueOf={(q) => savedValueOf(q.field)} />}
      </Loaded>
      <RaiseQueryDialog
        target={raising}
        onCancel={() => setRaising(null)}
        onRaised={() => {
          setRaising(null);
          reloadQueries();
        }}
      />
    </>
  );
}

interface FormProps {
  readonly participantId: string;
  readonly context: VisitContext;
  readonly visits: Load<VisitRow[]>;
  readonly onSaved: () => void;
}

function VisitForms({ participantId, context, visits, onSaved, aside, entering }: FormProps & { aside: Aside; entering: boolean }) {
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
      {entering ? (
        <InstrumentForm key={`${def.id}/${visits.kind}`} participantId={participantId} def={def} context={context} visits={visits} onSaved={onSaved} aside={aside} />
      ) : (
        <InstrumentValues def={def} context={context} visits={visits} aside={aside} />
      )}
    </>
  );
}

function InstrumentForm({ participantId, def, context, visits, onSaved, aside }: FormProps & { def: InstrumentDefinition; aside: Aside }) {
  const rows = visits.kind === 'ready' ? visits.data : [];
  const savedList = observationsOf(savedVisits(rows));
  const saved = savedList.find((o) => o.visitId === context.visit.id && o.instrument === def.id);
  const savedTexts = () => Object.fromEntries(def.items.map((i) => [i.id, saved?.items[i.id] !== undefined ? String(saved.items[i.id]) : '']));
  const [texts, setTexts] = useState<Record<string, string>>(savedTexts);
  const [date, setDate] = useState(saved?.date ?? localToday());
  useResetOn(JSON.stringify(saved ?? null), () => {
    setTexts(savedTexts());
    setDate(saved?.date ?? localToday());
  });
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

  const serverErrorPlaced = serverError && def.items.some((i) => serverError.path === i.id || serverError.path === `items.${i.id}`);

  return (
    <>
      <form onSubmit={submit} noValidate aria-labelledby="form-title">
        <h2 id="form-title">{def.name}</h2>
        <p className="muted">Source: {def.source}</p>
        {def.unverified ? <p className="muted">Note: {def.unverified}</p> : null}
        <TextField id="obs-date" label="Assessment date" type="date" required value={date} onChange={setDate} error={serverError?.path === 'date' ? serverError.message : undefined} />
        <div className="items">
          {def.items.map((item) => (
            <ItemField
              key={item.id}
              fieldId={`item-${item.id}`}
              item={item}
              text={texts[item.id] ?? ''}
              error={errorFor(item.id)}
              onChange={(t) => setTexts((prev) => ({ ...prev, [item.id]: t }))}
              aside={aside(itemField(def.id, item.id), item.label)}
            />
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
        {visits.kind === 'failed' ? (
          <p role="alert" className="error">
            Saving waits: the values saved before could not be read ({visits.error.message})
          </p>
        ) : null}
        <FormActions
          error={serverError && !serverErrorPlaced && serverError.path !== 'date' ? serverError.message : undefined}
          status={status}
          submit={saved ? 'Save changes' : 'Save'}
          disabled={visits.kind !== 'ready'}
        />
        <ScoreOverTime def={def} context={context} visits={visits} />
      </form>
      {/* Outside the form: a form inside a form is not valid HTML, and its submit would reach both. */}
      <ReasonDialog open={asking} changes={changes} onConfirm={(r) => save(r)} onCancel={() => setAsking(false)} />
    </>
  );
}

/** One instrument's saved items at this visit, read-only, with the server's total and the plot over time. */
function InstrumentValues({ def, context, visits, aside }: { def: InstrumentDefinition; context: VisitContext; visits: Load<VisitRow[]>; aside: Aside }) {
  return (
    <section aria-labelledby="form-title">
      <h2 id="form-title">{def.name}</h2>
      <p className="muted">Source: {def.source}</p>
      <Loaded state={visits} what="the saved values">
        {(rows) => {
          const row = rows.find((r) => r.visitId === context.visit.id);
          const saved = row?.saved ?? undefined;
          const total = row?.scores.find((s) => s.instrument === def.id)?.total;
          return (
            <>
              <p>{saved?.values[def.id] ? `Assessed on ${saved.date}.` : `No ${def.name} saved at this visit.`}</p>
              <SavedValues visit={saved} fields={def.items.map((i) => ({ field: itemField(def.id, i.id), label: i.label }))} aside={aside} />
              <p className="card">
                {def.name} total: <strong id="score-total">{total ?? '—'}</strong>{' '}
                <span className="muted">
                  (range {def.total.min}–{def.total.max})
                </span>
              </p>
            </>
          );
        }}
      </Loaded>
      <ScoreOverTime def={def} context={context} visits={visits} />
    </section>
  );
}

/** The instrument's totals as the server scored them, by study day, over the protocol's whole schedule. */
function ScoreOverTime({ def, context, visits }: { def: InstrumentDefinition; context: VisitContext; visits: Load<VisitRow[]> }) {
  const points = visits.kind === 'ready' ? scorePoints(visits.data, def.id) : [];
  return (
    <>
      <h2>{def.name} over time</h2>
      {visits.kind !== 'ready' ? null : points.length === 0 ? (
        <p>No saved {def.name} yet for this participant.</p>
      ) : (
        <Suspense fallback={<p role="status">Loading the plot…</p>}>
          <ScorePlot points={points} label={def.name} lastDay={Math.max(...context.allVisits.map((v) => v.day))} />
        </Suspense>
      )}
    </>
  );
}
