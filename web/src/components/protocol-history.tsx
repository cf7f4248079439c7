import { consentApi } from '../api/consents.js';
import { useLoad } from '../use-load.js';
import { Loaded } from './loaded.js';

/** The study's protocol versions: each amendment from which version to which, when, why, and what it changed. */
export function ProtocolHistory({ studyId }: { studyId: string }) {
  const [history] = useLoad(() => consentApi.protocolHistory(studyId), `protocol-history/${studyId}`);
  return (
    <section aria-labelledby="versions-title">
      <h2 id="versions-title">Protocol versions</h2>
      <Loaded state={history} what="the protocol versions">
        {(h) =>
          h.amendments.length === 0 ? (
            <p>Version {h.current}, not amended.</p>
          ) : (
            <table className="data" aria-label="Protocol versions">
              <thead>
                <tr>
                  <th scope="col">Version</th>
                  <th scope="col">Effective</th>
                  <th scope="col">Reason</th>
                  <th scope="col">Changes</th>
                  <th scope="col">Re-consent</th>
                </tr>
              </thead>
              <tbody>
                {h.amendments.map((a) => (
                  <tr key={a.version}>
                    <td>
                      {a.fromVersion ?? '?'} → {a.version}
                    </td>
                    <td>{a.effectiveDate}</td>
                    <td>{a.reason}</td>
                    <td>{a.changes.map((c) => `${c.path} ${c.kind}`).join('; ')}</td>
                    <td>{a.reconsentVersion ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loaded>
    </section>
  );
}
