import type { DoseDue, VisitDue } from '../api.js';
import { Link } from './link.js';

export function VisitsDueList({ items, empty }: { items: readonly VisitDue[]; empty: string }) {
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="due">
      {items.map((v) => (
        <li key={`${v.participantId}/${v.visitId}`}>
          <Link to={{ kind: 'visit', participantId: v.participantId, visitId: v.visitId }}>
            {v.code} — {v.name}
          </Link>{' '}
          (target {v.date}; window {v.earliest} to {v.latest})
        </li>
      ))}
    </ul>
  );
}

export function DosesDueList({ items }: { items: readonly DoseDue[] }) {
  if (items.length === 0) return <p className="muted">No dose is due.</p>;
  return (
    <ul className="due">
      {items.map((d) => (
        <li key={`${d.participantId}/${d.day}`}>
          <Link to={{ kind: 'participant', participantId: d.participantId }}>{d.code}</Link> — study day {d.day} ({d.date})
        </li>
      ))}
    </ul>
  );
}
