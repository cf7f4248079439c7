import { useState, type ReactNode } from 'react';
import { pageSize, pageWindow } from '../paging.js';

/** Previous, Next and the rows shown, "1–50 of N", named by `what` ("Participants"); nothing for a list of one page. */
function PagerNav({ what, first, end, count, onPage }: { what: string; first: number; end: number; count: number; onPage: (delta: -1 | 1) => void }) {
  if (count <= pageSize) return null;
  return (
    <nav aria-label={`Pages of ${what.toLowerCase()}`} className="pager">
      <button type="button" disabled={first === 0} onClick={() => onPage(-1)}>
        Previous
      </button>
      <span role="status">
        {what} {first + 1}–{end} of {count}
      </span>
      <button type="button" disabled={end >= count} onClick={() => onPage(1)}>
        Next
      </button>
    </nav>
  );
}

/** A long list a page at a time (see paging.ts). `children` renders the rows of the page. */
export function Paged<T>({ items, what, children }: { items: readonly T[]; what: string; children: (shown: readonly T[]) => ReactNode }) {
  const [page, setPage] = useState(0);
  const w = pageWindow(items.length, page);
  return (
    <>
      <PagerNav what={what} first={w.first} end={w.end} count={items.length} onPage={(d) => setPage(w.page + d)} />
      {children(items.slice(w.first, w.end))}
    </>
  );
}

/**
 * A list the server sends a page at a time: `shown` is the page from `offset` of `total` rows;
 * `onPage` asks for the page before or after it.
 */
export function ServerPaged<T>({
  shown,
  offset,
  total,
  what,
  onPage,
  children,
}: {
  shown: readonly T[];
  offset: number;
  total: number;
  what: string;
  onPage: (page: number) => void;
  children: (shown: readonly T[]) => ReactNode;
}) {
  return (
    <>
      <PagerNav what={what} first={offset} end={offset + shown.length} count={total} onPage={(d) => onPage(Math.floor(offset / pageSize) + d)} />
      {children(shown)}
    </>
  );
}
