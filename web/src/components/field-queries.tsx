import type { DataQuery } from '../api.js';

/** Beside a saved value: the queries on it still waiting for someone, and the action to raise one. */
export function FieldQueries({ label, pending, onRaise }: { label: string; pending: readonly DataQuery[]; onRaise: (() => void) | undefined }) {
  if (pending.length === 0 && !onRaise) return null;
  return (
    <p className="field-queries">
      {pending.map((q) => (
        <span key={q.id} className={`badge query-${q.status}`} title={q.text}>
          Query {q.status}
        </span>
      ))}
      {onRaise ? (
        <button type="button" className="link" aria-label={`Raise a query on ${label}`} onClick={onRaise}>
          Raise query
        </button>
      ) : null}
    </p>
  );
}
