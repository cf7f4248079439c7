import { api } from '../api.js';
import { Link } from '../components/link.js';
import { Loaded } from '../components/loaded.js';
import { Meter } from '../components/meter.js';
import { Page } from '../components/page.js';
import { phaseText } from '../study-design.js';
import { useLoad } from '../use-load.js';

export function StudiesPage() {
  const [studies] = useLoad(() => api.studies(), 'studies');
  return (
    <Page title="Studies">
      <Loaded state={studies} what="the studies">
        {(list) =>
          list.length === 0 ? (
            <p>You have no role in any study yet.</p>
          ) : (
            <table className="data">
              <caption className="visually-hidden">Studies you work on</caption>
              <thead>
                <tr>
                  <th scope="col">Study</th>
                  <th scope="col">Registry</th>
                  <th scope="col">Phase</th>
                  <th scope="col">Enrolment</th>
                </tr>
              </thead>
              <tbody>
                {list.map((s) => (
                  <tr key={s.id}>
                    <td>
                      <Link to={{ kind: 'dashboard', studyId: s.id }}>{s.title}</Link>
                      <div className="muted">{s.protocolId}</div>
                    </td>
                    <td>{s.registryId ?? '—'}</td>
                    <td>{phaseText(s.phase) ?? '—'}</td>
                    <td>
                      <Meter label={`Enrolled in ${s.title}`} value={s.enrolled} max={s.enrolmentTarget} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loaded>
    </Page>
  );
}
