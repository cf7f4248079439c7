import { useState, type FormEvent } from 'react';
import { api, ApiError, type AdverseEvent, type Relatedness } from '../api.js';
import { localToday } from '../dates.js';
import { useLoad } from '../use-load.js';
import { FieldError, describedBy } from './field-error.js';
import { Loaded } from './loaded.js';

const relatednessOptions: readonly Relatedness[] = ['not-related', 'unlikely', 'possible', 'probable', 'definite'];

/** A participant's adverse events (CTCAE v5.0 grade 1–5) and the form to report one. */
export function AdverseEvents({ participantId }: { participantId: string }) {
  const [events, reload] = useLoad(() => api.adverseEvents(participantId), `adverse-events/${participantId}`);
  return (
    <>
      <Loaded state={events} what="the adverse events">
        {(list) => <AdverseEventTable events={list} />}
      </Loaded>
      <AdverseEventForm participantId={participantId} onAdded={reload} />
    </>
  );
}

function AdverseEventTable({ events }: { events: readonly AdverseEvent[] }) {
  if (events.length === 0) return <p>No adverse events reported.</p>;
  return (
    <table className="data" aria-label="Adverse events">
      <thead>
        <tr>
          <th scope="col">Term</th>
          <th scope="col">Onset</th>
          <th scope="col">CTCAE grade</th>
          <th scope="col">Serious</th>
          <th scope="col">Relatedness</th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {events.map((ae) => (
          <tr key={ae.id}>
            <td>{ae.term}</td>
            <td>{ae.onsetDate}</td>
            <td>
              <span className={`grade grade-${ae.grade}`}>Grade {ae.grade}</span>
            </td>
            <td>{ae.serious ? 'yes' : 'no'}</td>
            <td>{ae.relatedness ?? '—'}</td>
            <td>{ae.status ?? 'confirmed'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AdverseEventForm({ participantId, onAdded }: { participantId: string; onAdded: () => void }) {
  const [term, setTerm] = useState('');
  const [onsetDate, setOnsetDate] = useState(localToday());
  const [grade, setGrade] = useState('1');
  const [serious, setSerious] = useState(false);
  const [relatedness, setRelatedness] = useState<Relatedness>('possible');
  const [error, setError] = useState<ApiError | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    api.addAdverseEvent(participantId, { term: term.trim(), onsetDate, grade: Number(grade), serious, relatedness }).then(
      () => {
        setTerm('');
        onAdded();
      },
      (err: unknown) => setError(err instanceof ApiError ? err : new ApiError('Failed', String(err), 0)),
    );
  };
  const errorAt = (p: string) => (error?.path === p ? error.message : undefined);
  const placed = ['term', 'onsetDate', 'grade', 'relatedness'];
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="ae-title">
      <h3 id="ae-title">Report an adverse event</h3>
      <div className="row">
        <div className="field grow">
          <label htmlFor="ae-term">Term (CTCAE v5.0)</label>
          <input id="ae-term" value={term} onChange={(e) => setTerm(e.target.value)} aria-invalid={errorAt('term') ? true : undefined} aria-describedby={describedBy('ae-term', errorAt('term'))} />
          <FieldError id="ae-term" message={errorAt('term')} />
        </div>
        <div className="field">
          <label htmlFor="ae-onset">Onset date</label>
          <input id="ae-onset" type="date" value={onsetDate} onChange={(e) => setOnsetDate(e.target.value)} aria-describedby={describedBy('ae-onset', errorAt('onsetDate'))} />
          <FieldError id="ae-onset" message={errorAt('onsetDate')} />
        </div>
        <div className="field">
          <label htmlFor="ae-grade">CTCAE grade</label>
          <select id="ae-grade" value={grade} onChange={(e) => setGrade(e.target.value)} aria-describedby={describedBy('ae-grade', errorAt('grade'))}>
            {/* CTCAE v5.0 grades: 1 mild, 2 moderate, 3 severe, 4 life-threatening, 5 death. */}
            {['1 mild', '2 moderate', '3 severe', '4 life-threatening', '5 death'].map((g) => (
              <option key={g} value={g.slice(0, 1)}>
                {g}
              </option>
            ))}
          </select>
          <FieldError id="ae-grade" message={errorAt('grade')} />
        </div>
        <div className="field">
          <label htmlFor="ae-related">Relatedness</label>
          <select id="ae-related" value={relatedness} onChange={(e) => setRelatedness(e.target.value as Relatedness)} aria-describedby={describedBy('ae-related', errorAt('relatedness'))}>
            {relatednessOptions.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
          <FieldError id="ae-related" message={errorAt('relatedness')} />
        </div>
        <label className="choice">
          <input type="checkbox" checked={serious} onChange={(e) => setSerious(e.target.checked)} /> Serious
        </label>
      </div>
      {error && !placed.includes(error.path ?? '') ? (
        <p role="alert" className="error">
          {error.message}
        </p>
      ) : null}
      <button type="submit">Report adverse event</button>
    </form>
  );
}
