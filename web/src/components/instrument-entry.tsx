import { lazy, Suspense, useMemo, useState, type FormEvent } from 'react';
import type { InstrumentDefinition } from '../../../src/instruments/scores/instrument.js';
import { scoreInstrument } from '../../../src/instruments/scores/registry.js';
import { validateItems } from '../../../src/instruments/scores/validate-items.js';
import { api, type ApiError, toApiError, type VisitRow } from '../api.js';
import { itemField } from '../data-queries.js';
import { defaultAssessmentDate } from '../assessment-date.js';
import { localToday } from '../dates.js';
import { changedItems, itemValuesFromText } from '../item-values.js';
import type { Load } from '../use-load.js';
import { useResetOn } from '../use-reset-on.js';
import type { FormProps, VisitContext } from '../visit-context.js';
import { observationsOf, savedVisits, scorePoints } from '../visit-data.js';
import type { Aside } from '../visit-part.js';
import { FormActions } from './form-actions.js';
import { ItemField } from './item-field.js';
import { Loaded } from './loaded.js';
import { ReasonDialog } from './reason-dialog.js';
import { SavedValues } from './saved-values.js';
import { TextField } from './text-field.js';

const ScorePlot = lazy(() => import('./score-plot.js'));

/** One instrument's form at the visit: items, the score as typed, the reason asked when saved values change. */
export function InstrumentForm({ participantId, def, context, visits, onSaved, aside }: FormProps & { def: InstrumentDefinition; aside: Aside }) {
  const rows = visits.kind === 'ready' ? visits.data : [];
  const savedList = observationsOf(savedVisits(rows));
  const saved = savedList.find((o) => o.visitId === context.visit.id && o.instrument === def.id);
  const savedTexts = () => Object.fromEntries(def.items.map((i) => [i.id, saved?.items[i.id] !== undefined ? String(saved.items[i.id]) : '']));
  const [texts, setTexts] = useState<Record<string, string>>(savedTexts);
  const startDate = () => defaultAssessmentDate(saved?.date, context.visit.date, localToday());
  const [date, setDate] = useState(startDate);
  useResetOn(JSON.stringify(saved ?? null), () => {
    setTexts(savedTexts());
    setDate(startDate());
  });
  const [attempted, setAttempted] = useState(false);
  const [serverError, setServerError] = useState<ApiError | null>(null);
  const [asking, setAsking] = useState(false);
  const [status, setStatus] = useState<string | null>(null);

  const values = useMemo(() => itemValuesFromText(texts), [texts]);
  const issues = useMemo(() => validateItems(def, values), [def, values]);
  const complete = issues.length === 0;
  const score = complete ? scoreInstrument(def.id, values) : null;
  const missing = issues.filter((i) => i.code === 'INSTRUMENT_ITEM_MISSING').length;
  const invalid = issues.length - missing;
  const changes = saved ? changedItems(def, saved.items, values) : [];

  const errorFor = (itemId: string): string | undefined => {
    if (serverError?.path === itemId || serverError?.path === `items.${itemId}`) return serverError.message;
    const issue = issues.find((i) => i.item === itemId);
    if (!issue || (issue.code === 'INSTRUMENT_ITEM_MISSING' && !attempted)) return undefined;
    return `${issue.message}.`;
  };

  const save = (reason?: string) => {
    setAsking(false);
    setServerError(null);
    api.saveVisit(participantId, context.visit.id, { date, values: { [def.id]: values as Record<string, number> }, ...(reason ? { reason } : {}) }).then(
      () => {
        setStatus(`${def.name} saved.`);
        onSaved();
      },
      (err: unknown) => setServerError(toApiError(err)),
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
export function InstrumentValues({ def, context, visits, aside }: { def: InstrumentDefinition; context: VisitContext; visits: Load<VisitRow[]>; aside: Aside }) {
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
