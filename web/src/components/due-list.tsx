import { Link } from './link.js';

/**
 * A week's due visits or doses. Each item names its participant and date; `overdue` items (past
 * their window) are marked in words, not by colour alone.
 */
export interface DueItem {
  readonly participantId?: string;
  readonly code?: string;
  readonly participantCode?: string;
  readonly visitId?: string;
  readonly name?: string;
  readonly visitName?: string;
  readonly day?: number;
  readonly date?: string;
  readonly dose?: number;
  readonly unit?: string;
  readonly overdue?: boolean;
}

function asDueItem(x: unknown): DueItem {
  return typeof x === 'object' && x !== null ? (x as DueItem) : {};
}

export function DueList({ items, empty }: { items: readonly unknown[]; empty: string }) {
  if (items.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="due">
      {items.map(asDueItem).map((item, i) => {
        const who = item.code ?? item.participantCode ?? item.participantId ?? '?';
        const what = item.visitName ?? item.name ?? (item.dose !== undefined ? `${item.dose} ${item.unit ?? ''}`.trim() : `day ${item.day ?? '?'}`);
        return (
          <li key={i} className={item.overdue ? 'overdue' : undefined}>
            {item.participantId ? <Link to={{ kind: 'participant', participantId: item.participantId }}>{who}</Link> : who} — {what}
            {item.date ? ` on ${item.date}` : ''}
            {item.overdue ? <strong className="tag-overdue"> overdue</strong> : null}
          </li>
        );
      })}
    </ul>
  );
}
