import type { VisitData } from '../api.js';

/** Saved labs by visit with their CTCAE v5.0 grade (the server grades them against the site's ranges). */
export function LabTable({ visits, visitName }: { visits: readonly VisitData[]; visitName: (visitId: string) => string }) {
  const rows = visits.flatMap((v) => v.labs.map((l) => ({ ...l, visitId: v.visitId, date: v.date })));
  if (rows.length === 0) return <p>No labs recorded yet.</p>;
  return (
    <table className="data" aria-label="Labs">
      <thead>
        <tr>
          <th scope="col">Visit</th>
          <th scope="col">Date</th>
          <th scope="col">Analyte</th>
          <th scope="col">Value</th>
          <th scope="col">CTCAE grade</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={`${r.visitId}/${r.analyte}`}>
            <td>{visitName(r.visitId)}</td>
            <td>{r.date}</td>
            <td>{r.analyte}</td>
            <td>
              {r.value} {r.unit}
            </td>
            <td>{r.grade === null ? 'not graded' : `Grade ${r.grade}${r.term ? ` (${r.term})` : ''}`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
