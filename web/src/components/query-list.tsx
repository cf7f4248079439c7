import { useState } from 'react';
import { api, toApiError, type ApiError, type DataQuery } from '../api.js';
import { queryHistory, sortQueries } from '../data-queries.js';
import { localDateTime } from '../dates.js';
import { can } from '../../../src/access/index.js';
import { useSession } from '../session.js';
import { AnswerQueryDialog } from './answer-query-dialog.js';
import { Link } from './link.js';

/**
 * Data queries with their status and history, open ones first (the site's to-do list, then the
 * raiser's). The site's staff answer an open query; the user who raised one closes it once answered.
 * `savedValueOf` tells the value now on file, where the page knows it.
 */
export function QueryList({ queries, onChanged, savedValueOf }: { queries: readonly DataQuery[]; onChanged: () => void; savedValueOf?: (q: DataQuery) => string | undefined }) {
  const { session } = useSession();
  const [answering, setAnswering] = useState<DataQuery | null>(null);
  const [closeError, setCloseError] = useState<{ id: string; error: ApiError } | null>(null);
  if (queries.length === 0) return <p>No data queries.</p>;
  const close = (q: DataQuery) => {
    setCloseError(null);
    api.closeQuery(q.id).then(onChanged, (err: unknown) => setCloseError({ id: q.id, error: toApiError(err) }));
  };
  return (
    <>
      <table className="data" aria-label="Data queries">
        <thead>
          <tr>
            <th scope="col">Participant</th>
            <th scope="col">Visit</th>
            <th scope="col">Field</th>
            <th scope="col">Query</th>
            <th scope="col">Status</th>
            <th scope="col">History</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {sortQueries(queries).map((q) => (
            <tr key={q.id}>
              <td>
                <Link to={{ kind: 'participant', participantId: q.participantId }}>{q.participantCode || 'participant'}</Link>
              </td>
              <td>{q.visitId ?? '—'}</td>
              <td>{q.field}</td>
              <td>{q.text}</td>
              <td>
                <span className={`badge query-${q.status}`}>{q.status}</span>
              </td>
              <td>
                <ol className="history">
                  {queryHistory(q, session.user.id).map((s) => (
                    <li key={s.step}>
                      {s.step} {localDateTime(s.at)}
                      {s.by ? ` by ${s.by}` : ''}
                      {s.text ? `: ${s.text}` : ''}
                    </li>
                  ))}
                </ol>
              </td>
              <td>
                {q.status === 'open' && can({ assignments: session.roles }, 'query.answer', { studyId: q.studyId, siteId: q.siteId }) ? (
                  <button type="button" className="small" aria-label={`Answer the query on ${q.field}`} onClick={() => setAnswering(q)}>
                    Answer
                  </button>
                ) : null}
                {q.status === 'answered' && q.raisedBy === session.user.id ? (
                  <button type="button" className="small" aria-label={`Close the query on ${q.field}`} onClick={() => close(q)}>
                    Close
                  </button>
                ) : null}
                {closeError?.id === q.id ? (
                  <p role="alert" className="error">
                    {closeError.error.message}
                  </p>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <AnswerQueryDialog
        query={answering}
        savedValue={answering && savedValueOf ? savedValueOf(answering) : undefined}
        onCancel={() => setAnswering(null)}
        onAnswered={() => {
          setAnswering(null);
          onChanged();
        }}
      />
    </>
  );
}
