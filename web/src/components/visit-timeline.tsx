import type { CalendarVisit } from '../api.js';
import { addDays } from '../dates.js';
import { visitState } from '../visit-state.js';
import type { VisitWindow } from '../visit-window.js';
import { Link } from './link.js';
import { VisitWindowFlag } from './visit-window-flag.js';

/**
 * The visit schedule: a drawn timeline over study days (windows as bands) and, for reading and
 * keyboard use, the same visits as a table with each window's dates and, for a visit done early or
 * late (or missed), its flag.
 */
export function VisitTimeline({
  participantId,
  visits,
  today,
  done,
  windows = new Map(),
}: {
  participantId: string;
  visits: readonly CalendarVisit[];
  today: string;
  done: ReadonlySet<string>;
  /** Each visit's window check from the server, by visit id: an early, late or missing visit shows its flag. */
  windows?: ReadonlyMap<string, VisitWindow | null>;
}) {
  const first = Math.min(...visits.map((v) => v.day - v.windowBefore));
  const last = Math.max(...visits.map((v) => v.day + v.windowAfter));
  const span = Math.max(1, last - first);
  const x = (day: number) => 4 + ((day - first) / span) * 92;
  return (
    <div>
      <div className="timeline" aria-hidden="true">
        <div className="timeline-axis" />
        {visits.map((v) => (
          <div key={v.id}>
            <span className="timeline-window" style={{ left: `${x(v.day - v.windowBefore)}%`, width: `${x(v.day + v.windowAfter) - x(v.day - v.windowBefore)}%` }} />
            <span className={`timeline-dot ${done.has(v.id) ? 'done' : 'todo'}`} style={{ left: `${x(v.day)}%` }} />
            <span className="timeline-label" style={{ left: `${x(v.day)}%` }}>
              {v.name.replace(/\s*\(.*\)$/, '')}
            </span>
          </div>
        ))}
      </div>
      <table className="data">
        <thead>
          <tr>
            <th scope="col">Visit</th>
            <th scope="col">Study day</th>
            <th scope="col">Target date</th>
            <th scope="col">Window</th>
            <th scope="col">State</th>
            <th scope="col">Data</th>
          </tr>
        </thead>
        <tbody>
          {visits.map((v) => {
            const state = done.has(v.id) ? 'entered' : visitState(v, today);
            return (
              <tr key={v.id}>
                <th scope="row">{v.name}</th>
                <td className="num">{v.day}</td>
                <td className="date">{v.date}</td>
                <td className="date">
                  {addDays(v.date, -v.windowBefore)} to {addDays(v.date, v.windowAfter)} (−{v.windowBefore}/+{v.windowAfter} days)
                </td>
                <td>
                  <span className={`badge visit-${state}`}>{state === 'closed' ? 'window closed' : state === 'open' ? 'window open' : state}</span> <VisitWindowFlag window={windows.get(v.id)} />
                </td>
                <td>
                  <Link to={{ kind: 'visit', participantId, visitId: v.id }}>Enter data for {v.name}</Link>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
