import { visitWindowFlag, type VisitWindow } from '../visit-window.js';

/** The early / late / missing flag of a visit (nothing when it is in its window or still ahead). */
export function VisitWindowFlag({ window }: { window: VisitWindow | null | undefined }) {
  const flag = visitWindowFlag(window);
  if (!flag) return null;
  return (
    <span className={`badge visit-flag visit-${flag.kind}`} data-visit-flag={flag.kind}>
      {flag.text}
    </span>
  );
}
