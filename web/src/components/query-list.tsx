import type { DataQuery } from '../api.js';
import { Link } from './link.js';

/** The study's data queries, open ones first (the monitor's and the site's to-do list). */
export function QueryList({ queries }: { queries: readonly DataQuery[] }) {
  if (queries.length === 0) return <p>No data queries.</p>;
  const order = { open: 0, answered: 1, closed: 2 } as const;
  const sorted = [...queries].sort((a, b) => order[a.status] - order[b.status]);
  return (
    <table className="data" aria-label="Data queries">
      <thead>
        <tr>
          <th scope="col">Participant</th>
          <th scope="col">Visit</th>
          <th scope="col">Field</th>
          <th scope="col">Query</th>
          <th scope="col">Status</th>
          <th scope="col">Answer</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((q) => (
          <tr key={q.id}>
            <td>
              <Link to={{ kind: 'participant', participantId: q.participantId }}>{q.participantCode || 'participant'}</Link>
            </td>
            <td>{q.visitId ?? '—'}</td>
            <td>{q.field ?? '—'}</td>
            <td>{q.text}</td>
            <td>{q.status}</td>
            <td>{q.answer ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
