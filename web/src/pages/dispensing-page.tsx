import { useState } from 'react';
import { api, type ApiError, toApiError, type DispensingRow } from '../api.js';
import { ArmName } from '../components/arm-name.js';
import { Link } from '../components/link.js';
import { Loaded } from '../components/loaded.js';
import { Page } from '../components/page.js';
import { useLoad } from '../use-load.js';

/**
 * The unblinded pharmacist's list: which kit each randomized participant is to receive, and the
 * record that it was handed out. Other roles get the server's refusal, shown as it comes.
 */
export function DispensingPage({ studyId }: { studyId: string }) {
  const [rows, reload] = useLoad(() => api.dispensing(studyId), `dispensing/${studyId}`);
  return (
    <Page title="Dispensing">
      <p>
        <Link to={{ kind: 'dashboard', studyId }}>Back to the study</Link>
      </p>
      <Loaded state={rows} what="the kits to dispense">
        {(list) => <DispensingTable studyId={studyId} rows={list} onChanged={reload} />}
      </Loaded>
    </Page>
  );
}

function DispensingTable({ studyId, rows, onChanged }: { studyId: string; rows: readonly DispensingRow[]; onChanged: () => void }) {
  const [error, setError] = useState<ApiError | null>(null);
  if (rows.length === 0) return <p>No randomized participant is waiting for a kit.</p>;
  const dispense = (r: DispensingRow) => {
    setError(null);
    api.dispense(r.participantId, r.kitNumber).then(onChanged, (err: unknown) => setError(toApiError(err)));
  };
  return (
    <>
      {error ? (
        <p role="alert" className="error">
          {error.message}
        </p>
      ) : null}
      <table className="data">
        <thead>
          <tr>
            <th scope="col">Participant</th>
            <th scope="col">Kit number</th>
            <th scope="col">Arm</th>
            <th scope="col">Dispensed</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.participantId}>
              <td>{r.code}</td>
              <td>{r.kitNumber}</td>
              <td>{r.armId ? <ArmName studyId={studyId} armId={r.armId} /> : '—'}</td>
              <td>
                {r.dispensedAt ? (
                  r.dispensedAt
                ) : (
                  <button type="button" onClick={() => dispense(r)} aria-label={`Record kit ${r.kitNumber} dispensed to ${r.code}`}>
                    Record dispensed
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
