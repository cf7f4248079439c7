import { useState, type FormEvent } from 'react';
import { relatednessLevels } from '../../../src/safety/adverse-event.js';
import { api, ApiError, type AdverseEvent, type Relatedness } from '../api.js';
import { localToday } from '../dates.js';
import { can } from '../../../src/access/index.js';
import { useSession } from '../session.js';
import { useLoad } from '../use-load.js';
import { AeDecisionDialog, type Decision } from './ae-decision-dialog.js';
import { unplacedError } from '../unplaced-error.js';
import { FieldError, describedBy } from './field-error.js';
import { FormActions } from './form-actions.js';
import { Loaded } from './loaded.js';
import { TextField } from './text-field.js';

/**
 * A participant's adverse events (CTCAE v5.0 grade 1–5), the form to report one, and, for the
 * investigator, confirming or dismissing those the server proposed from graded labs. `scope` is the
 * participant's study and site, which the user's roles are checked against (unknown while loading).
 */
export function AdverseEvents({ participantId, scope }: { participantId: string; scope: { readonly studyId: string; readonly siteId: string } | null }) {
  const { session } = useSession();
  const [events, reload] = useLoad(() => api.adverseEvents(participantId), `adverse-events/${participantId}`);
  const [deciding, setDeciding] = useState<Decision | null>(null);
  const canDecide = scope !== null && can({ assignments: session.roles }, 'adverse-event.decide', scope);
  return (
    <>
      <Loaded state={events} what="the adverse events">
        {(list) => <AdverseEventTable events={list} onDecide={canDecide ? setDeciding : undefined} />}
      </Loaded>
      <AdverseEventForm participantId={participantId} onAdded={reload} />
      <AeDecisionDialog
        decision={deciding}
        onCancel={() => setDeciding(null)}
        onDone={() => {
          setDeciding(null);
          reload();
        }}
      />
    </>
  );
}

function AdverseEventTable({ events, onDecide }: { events: readonly AdverseEvent[]; onDecide: ((d: Decision) => void) | undefined }) {
  if (events.length === 0) return <p>No adverse events reported.</p>;
  const deciding = onDecide !== undefined && events.some((ae) => ae.status === 'proposed');
  return (
    <table className="data" aria-label="Adverse events">
      <thead>
        <tr>
          <th scope="col">Term</th>
          <th scope="col">Onset</th>
          <th scope="col">CTCAE grade</th>
          <th scope="col">Serious</th>
          <th scope="col">Relatedness</th>
          <th scope="col">Action taken</th>
          <th scope="col">Outcome</th>
          <th scope="col">Status</th>
          {deciding ? <th scope="col">Decision</th> : null}
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
            <td>{ae.actionTaken ?? '—'}</td>
            <td>{ae.outcome ?? '—'}</td>
            <td>{ae.status ?? 'confirmed'}</td>
            {deciding ? (
              <td>
                {ae.status === 'proposed' ? (
                  <div className="buttons">
                    <button type="button" className="small" aria-label={`Confirm ${ae.term}`} onClick={() => onDecide({ ae, kind: 'confirm' })}>
                      Confirm…
                    </button>
                    <button type="button" className="small secondary" aria-label={`Dismiss ${ae.term}`} onClick={() => onDecide({ ae, kind: 'dismiss' })}>
                      Dismiss…
                    </button>
                  </div>
                ) : null}
              </td>
            ) : null}
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
        <TextField id="ae-term" label="Term (CTCAE v5.0)" grow value={term} onChange={setTerm} error={errorAt('term')} />
        <TextField id="ae-onset" label="Onset date" type="date" value={onsetDate} onChange={setOnsetDate} error={errorAt('onsetDate')} />
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
            {relatednessLevels.map((r) => (
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
      <FormActions error={unplacedError(error, placed)} submit="Report adverse event" />
    </form>
  );
}
