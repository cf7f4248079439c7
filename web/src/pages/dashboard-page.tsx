import { useState } from 'react';
import { api, type Dashboard, type DashboardPages, type Participant, type StudyDetail } from '../api.js';
import type { ConsentState } from '../api/consents.js';
import { AddParticipantForm } from '../components/add-participant-form.js';
import { ReconsentBadge } from '../components/consent-panel.js';
import { ProtocolHistory } from '../components/protocol-history.js';
import { DosesDueList, VisitsDueList } from '../components/due-list.js';
import { Link } from '../components/link.js';
import { Loaded } from '../components/loaded.js';
import { Meter } from '../components/meter.js';
import { Page } from '../components/page.js';
import { Paged, ServerPaged } from '../components/pager.js';
import { StatusBadge } from '../components/status-badge.js';
import { StudyQueries } from '../components/study-queries.js';
import { localToday } from '../dates.js';
import { can } from '../../../src/access/index.js';
import { pathStages } from '../../../src/enrolment/furthest-stage.js';
import { designText } from '../study-design.js';
import { navigate } from '../router.js';
import { useSession } from '../session.js';
import { useLoad } from '../use-load.js';

export function DashboardPage({ studyId }: { studyId: string }) {
  const { session } = useSession();
  const [date, setDate] = useState(localToday());
  // The page of each of the dashboard's lists; the server sends only those pages.
  const [pages, setPages] = useState<DashboardPages>({ visitsDue: 0, visitsOverdue: 0, dosesDue: 0 });
  const [detail] = useLoad(() => api.study(studyId), `study/${studyId}`);
  const [dashboard] = useLoad(() => api.dashboard(studyId, date, pages), `dashboard/${studyId}/${date}/${JSON.stringify(pages)}`);
  const [participants] = useLoad(() => api.participants(studyId), `participants/${studyId}`);
  const [sites] = useLoad(() => api.sites(studyId), `sites/${studyId}`);
  const title = detail.kind === 'ready' ? detail.data.study.title : studyId;

  return (
    <Page
      title={title}
      actions={
        <>
          <nav aria-label="Study" className="study-links">
            <Link to={{ kind: 'dispensing', studyId }}>Dispensing</Link>
            <Link to={{ kind: 'analysis', studyId }}>Analysis report</Link>
            {can({ assignments: session.roles }, 'audit.read', { studyId }) ? <Link to={{ kind: 'review', studyId }}>Review: audit trail and exports</Link> : null}
            {can({ assignments: session.roles }, 'criteria.correct', { studyId }) ? <Link to={{ kind: 'criteria', studyId }}>Correct criteria</Link> : null}
          </nav>
          <div className="field inline">
            <label htmlFor="dash-date">Week from</label>
            <input
              id="dash-date"
              type="date"
              value={date}
              onChange={(e) => {
                if (!e.target.value) return;
                setDate(e.target.value);
                setPages({ visitsDue: 0, visitsOverdue: 0, dosesDue: 0 });
              }}
            />
          </div>
        </>
      }
    >
      <Loaded state={detail} what="the study">
        {(d) => <StudyFacts detail={d} />}
      </Loaded>
      <Loaded state={sites} what="the sites">
        {(s) => <AddParticipantForm studyId={studyId} sites={s} onAdded={(p) => navigate({ kind: 'screening', participantId: p.id })} />}
      </Loaded>
      <Loaded state={dashboard} what="the dashboard">
        {(d) => <DashboardCards dashboard={d} onPage={(list, page) => setPages({ ...pages, [list]: page })} />}
      </Loaded>
      <ProtocolHistory studyId={studyId} />
      <h2>Participants</h2>
      <Loaded state={participants} what="the participants">
        {(list) => <ParticipantTable participants={list} siteNames={new Map(sites.kind === 'ready' ? sites.data.map((x) => [x.id, x.name]) : [])} />}
      </Loaded>
      <h2>Data queries</h2>
      <Loaded state={sites} what="the data queries">
        {(s) => <StudyQueries studyId={studyId} sites={s} />}
      </Loaded>
    </Page>
  );
}

function StudyFacts({ detail }: { detail: StudyDetail }) {
  const { study, protocol } = detail;
  const m = protocol.design.masking;
  return (
    <dl className="facts">
      <div>
        <dt>Protocol</dt>
        <dd>
          {study.protocolId} v{study.protocolVersion}
          {protocol.identifiers.registryId ? ` · ${protocol.identifiers.registryId}` : ''}
        </dd>
      </div>
      <div>
        <dt>Design</dt>
        <dd>{designText(protocol)}</dd>
      </div>
      <div>
        <dt>Masking</dt>
        <dd>{m.level === 'none' ? 'open label' : `${m.level} (${m.masked.join(', ')})`}</dd>
      </div>
      <div>
        <dt>Conditions</dt>
        <dd>{protocol.conditions.join(', ')}</dd>
      </div>
    </dl>
  );
}

function DashboardCards({ dashboard, onPage }: { dashboard: Dashboard; onPage: (list: keyof DashboardPages, page: number) => void }) {
  const { enrolment, week } = dashboard;
  const funnel = pathStages.map((stage) => ({ stage, reached: enrolment.funnel[stage] }));
  const grades = [1, 2, 3, 4, 5].map((g) => ({ grade: g, n: dashboard.adverseEventsByGrade[String(g)] ?? 0 }));
  const maxGrade = Math.max(1, ...grades.map((g) => g.n));
  const top = funnel[0]?.reached ?? 0;
  return (
    <div className="cards">
      <section className="card" aria-labelledby="c-enrolment">
        <h2 id="c-enrolment">Enrolment</h2>
        <Meter label="Enrolled against target" value={enrolment.enrolled} max={enrolment.target} />
      </section>
      <section className="card" aria-labelledby="c-funnel">
        <h2 id="c-funnel">Screening funnel</h2>
        <table className="bars">
          <tbody>
            {funnel.map((s) => (
              <tr key={s.stage}>
                <th scope="row">{s.stage}</th>
                <td>
                  <span className="bar" style={{ width: `${top ? (s.reached / top) * 100 : 0}%` }} />
                </td>
                <td className="num">{s.reached}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="muted">
          Ineligible {enrolment.byStatus['ineligible'] ?? 0} · withdrawn {enrolment.byStatus['withdrawn'] ?? 0}
        </p>
      </section>
      <section className="card" aria-labelledby="c-visits">
        <h2 id="c-visits">
          Visits due {week.from} to {week.to}
        </h2>
        <ServerPaged shown={dashboard.visitsDue} {...dashboard.paging.visitsDue} what="Visits due" onPage={(page) => onPage('visitsDue', page)}>
          {(shown) => <VisitsDueList items={shown} empty="No visit window is open this week." />}
        </ServerPaged>
      </section>
      <section className="card" aria-labelledby="c-overdue">
        <h2 id="c-overdue">Visits overdue</h2>
        <ServerPaged shown={dashboard.visitsOverdue} {...dashboard.paging.visitsOverdue} what="Visits overdue" onPage={(page) => onPage('visitsOverdue', page)}>
          {(shown) => <VisitsDueList items={shown} empty="No visit is overdue." />}
        </ServerPaged>
      </section>
      <section className="card" aria-labelledby="c-doses">
        <h2 id="c-doses">
          Doses due {week.from} to {week.to}
        </h2>
        <ServerPaged shown={dashboard.dosesDue} {...dashboard.paging.dosesDue} what="Doses due" onPage={(page) => onPage('dosesDue', page)}>
          {(shown) => <DosesDueList items={shown} />}
        </ServerPaged>
      </section>
      <section className="card" aria-labelledby="c-queries">
        <h2 id="c-queries">Open queries</h2>
        <p className="big-number">{dashboard.openQueries}</p>
      </section>
      <section className="card" aria-labelledby="c-aes">
        <h2 id="c-aes">Adverse events by CTCAE grade</h2>
        <table className="bars">
          <tbody>
            {grades.map((g) => (
              <tr key={g.grade}>
                <th scope="row">Grade {g.grade}</th>
                <td>
                  <span className={`bar grade-${g.grade}`} style={{ width: `${(g.n / maxGrade) * 100}%` }} />
                </td>
                <td className="num">{g.n}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}

function ParticipantTable({ participants, siteNames }: { participants: readonly (Participant & ConsentState)[]; siteNames: ReadonlyMap<string, string> }) {
  if (participants.length === 0) return <p>No participants yet.</p>;
  return (
    <Paged items={participants} what="Participants">
      {(shown) => <ParticipantRows participants={shown} siteNames={siteNames} />}
    </Paged>
  );
}

function ParticipantRows({ participants, siteNames }: { participants: readonly (Participant & ConsentState)[]; siteNames: ReadonlyMap<string, string> }) {
  return (
    <table className="data" aria-label="Participants">
      <thead>
        <tr>
          <th scope="col">Code</th>
          <th scope="col">Site</th>
          <th scope="col">Status</th>
          <th scope="col">Enrolled on</th>
          <th scope="col">Day 1</th>
        </tr>
      </thead>
      <tbody>
        {participants.map((p) => (
          <tr key={p.id}>
            <td>
              <Link to={p.status === 'screening' ? { kind: 'screening', participantId: p.id } : { kind: 'participant', participantId: p.id }}>{p.code}</Link>
            </td>
            <td>{siteNames.get(p.siteId) ?? p.siteId}</td>
            <td>
              <StatusBadge status={p.status} /> <ReconsentBadge version={p.reconsentNeeded} />
            </td>
            <td>{p.enrolledOn ?? '—'}</td>
            <td>{p.startDate ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
