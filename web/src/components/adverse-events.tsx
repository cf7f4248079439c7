import { useState } from 'react';
import { api, type AdverseEvent } from '../api.js';
import { can } from '../../../src/access/index.js';
import { useSession } from '../session.js';
import { useLoad } from '../use-load.js';
import { AeDecisionDialog, type Decision } from './ae-decision-dialog.js';
import { AdverseEventForm } from './adverse-event-form.js';
import { Loaded } from './loaded.js';

/**
 * A participant's adverse events (CTCAE v5.0 grade 1–5), the form to report one, and, for the
 * investigator, confirming or dismissing those the server proposed from graded labs. `scope` is the
 * participant's study and site, which the user's roles are checked against (unknown while loading).
 */
export function AdverseEvents({ participantId, scope }: { participantId: string; scope: { readonly studyId: string; readonly siteId: string } | null }) {
  const { session } = useSession();
  const [events, reload] = useLoad(() => api.adverseEvents(participantId), `adverse-events/${participantId}`);
  const [deciding, setDeciding] = useState<Decision | null>(null);
  // Each report draws a fresh form, so no field (the grade above all) carries over to the next event.
  const [reported, setReported] = useState<{ count: number; term: string | null }>({ count: 0, term: null });
  const canDecide = scope !== null && can({ assignments: session.roles }, 'adverse-event.decide', scope);
  return (
    <>
      <Loaded state={events} what="the adverse events">
        {(list) => <AdverseEventTable events={list} onDecide={canDecide ? setDeciding : undefined} />}
      </Loaded>
      {reported.term ? <p role="status">Reported: {reported.term}.</p> : null}
      <AdverseEventForm
        key={reported.count}
        participantId={participantId}
        onAdded={(term) => {
          setReported({ count: reported.count + 1, term });
          reload();
        }}
      />
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
          <th scope="col">End</th>
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
            <td>{ae.endDate ?? 'ongoing'}</td>
            <td>
              <span className={`grade grade-${ae.grade}`}>Grade {ae.grade}</span>
            </td>
            <td>{ae.serious ? `yes${ae.seriousCriteria?.length ? ` (${ae.seriousCriteria.join(', ')})` : ''}` : 'no'}</td>
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
