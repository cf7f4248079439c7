import { useState, type ReactNode } from 'react';
import { pageWindow } from '../paging.js';

/**
 * A long list a page at a time (see paging.ts), with Previous and Next and the rows shown, "1–50 of
 * N", named by `what` ("Participants"). `children` renders the rows of the page.
 */
export function Paged<T>({ items, what, children }: { items: readonly T[]; what: string; children: (shown: readonly T[]) => ReactNode }) {
  const [page, setPage] = useState(0);
  const w = pageWindow(items.length, page);
  return (
    <>
      {w.pages > 1 ? (
        <nav aria-label={`Pages of ${what.toLowerCase()}`} className="pager">
          <button type="button" disabled={w.page === 0} onClick={() => setPage(w.page - 1)}>
            Previous
          </button>
          <span role="status">
            {what} {w.first + 1}–{w.end} of {items.length}
          </span>
          <button type="button" disabled={w.page === w.pages - 1} onClick={() => setPage(w.page + 1)}>
            Next
          </button>
        </nav>
      ) : null}
      {children(items.slice(w.first, w.end))}
    </>
  );
}
