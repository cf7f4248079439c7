import { lazy, Suspense, useState, type FormEvent } from 'react';
import { can } from '../../../src/access/index.js';
import { api, ApiError, toApiError, type Calendar, type ImmunePanelRow, type Participant, type ParticipantStatus, type VisitRow } from '../api.js';
import type { ConsentState } from '../api/consents.js';
import { AdverseEvents } from '../components/adverse-events.js';
import { ConsentPanel, ReconsentBadge } from '../components/consent-panel.js';
import { DosingCalendar } from '../components/dosing-calendar.js';
import { EligibilityOverride } from '../components/eligibility-override.js';
import { FormActions } from '../components/form-actions.js';
import { LabTable } from '../components/lab-table.js';
import { Link } from '../components/link.js';
import { Loaded } from '../components/loaded.js';
import { Page } from '../components/page.js';
import { RandomizationPanel } from '../components/randomization-panel.js';
import { Signatures } from '../components/signatures.js';
import { StatusBadge } from '../components/status-badge.js';
import { TextField } from '../components/text-field.js';
import { VisitTimeline } from '../components/visit-timeline.js';
import { localToday } from '../dates.js';
import { subsetPoints } from '../immune-series.js';
import { unplacedError } from '../unplaced-error.js';
import { useSession } from '../session.js';
import { useLoad } from '../use-load.js';
import { savedVisits } from '../visit-data.js';

const ImmunePlot = lazy(() => import('../components/immune-plot.js'));

/** The calendar exists once treatment starts; before that the server answers 409 RECORD_PARTICIPANT_NOT_STARTED. */
async function calendarOrNone(participantId: string): Promise<Calendar | null> {
  try {
    return await api.calendar(participantId);
  } catch (err) {
    if (err instanceof ApiError && err.code === 'RECORD_PARTICIPANT_NOT_STARTED') return null;
    throw err;
  }
}

/** The usual next steps offered from each status; the server decides what is allowed. */
const nextSteps: Readonly<Record<ParticipantStatus, readonly ParticipantStatus[]>> = {
  screening: [],
  eligible: ['consented', 'withdrawn'],
  ineligible: [],
  consented: ['enrolled', 'withdrawn'],
  enrolled: ['on-treatment', 'withdrawn'],
  randomized: ['on-treatment', 'withdrawn'],
  'on-treatment': ['completed', 'withdrawn'],
  completed: [],
  withdrawn: [],
};

export function ParticipantPage({ participantId }: { participantId: string }) {
  const today = localToday();
  const [participant, reloadParticipant] = useLoad(() => api.participant(participantId), `participant/${participantId}`);
  const [calendar, reloadCalendar] = useLoad(() => calendarOrNone(participantId), `calendar/${participantId}`);
  const [visits] = useLoad(() => api.visits(participantId), `visits/${participantId}`);
  const [panels] = useLoad(() => api.immunePanels(participantId), `immune-panels/${participantId}`);
  const done = new Set(visits.kind === 'ready' ? savedVisits(visits.data).map((v) => v.visitId) : []);
  const windows = new Map(visits.kind === 'ready' ? visits.data.map((v) => [v.visitId, v.window] as const) : []);
  const reload = () => {
    reloadParticipant();
    reloadCalendar();
  };
  const title = participant.kind === 'ready' ? `Participant ${participant.data.code}` : 'Participant';
  const { session } = useSession();
  const p0 = participant.kind === 'ready' ? participant.data : null;
  const mayCorrectDoses = p0?.studyId ? can({ assignments: session.roles }, 'dose.record', { studyId: p0.studyId, siteId: p0.siteId }) : false;
  return (
    <Page title={title}>
      <Loaded state={participant} what="the participant">
        {(p) => <ParticipantHeader participant={p} onChanged={reload} />}
      </Loaded>
      <h2>Dosing calendar</h2>
      <Loaded state={calendar} what="the dosing calendar">
        {(c) =>
          c === null ? (
            <p>No doses are scheduled yet: the calendar starts when the participant starts treatment (day 1).</p>
          ) : (
            <DosingCalendar doses={c.doses} totalDose={c.totalDose} unit={c.unit} today={today} mayCorrect={mayCorrectDoses} onRecord={(d) => api.recordDose(participantId, d).then(reloadCalendar)} />
          )
        }
      </Loaded>
      <h2>Visits</h2>
      <Loaded state={calendar} what="the visits">
        {(c) =>
          c === null ? <p>Visits are scheduled from day 1, when treatment starts.</p> : <VisitTimeline participantId={participantId} visits={c.visits} today={today} done={done} windows={windows} />
        }
      </Loaded>
      <h2>Labs</h2>
      <Loaded state={visits} what="the labs">
        {(rows) => <LabTable visits={savedVisits(rows)} visitName={(id) => rows.find((r) => r.visitId === id)?.visitName ?? id} />}
      </Loaded>
      <h2>Immune subsets</h2>
      <Loaded state={panels} what="the immune panels">
        {(rows) => (visits.kind === 'ready' ? <ImmuneSubsets panels={rows} visits={visits.data} /> : null)}
      </Loaded>
      <h2>Adverse events</h2>
      <AdverseEvents participantId={participantId} scope={participant.kind === 'ready' && participant.data.studyId ? { studyId: participant.data.studyId, siteId: participant.data.siteId } : null} />
      <h2>Casebook signature</h2>
      <Signatures
        participantId={participantId}
        visitId={null}
        scope={participant.kind === 'ready' && participant.data.studyId ? { studyId: participant.data.studyId, siteId: participant.data.siteId } : null}
      />
    </Page>
  );
}

function ImmuneSubsets({ panels, visits }: { panels: readonly ImmunePanelRow[]; visits: readonly VisitRow[] }) {
  const points = subsetPoints(panels, visits);
  if (points.length === 0) return <p>No immune panel saved yet for this participant.</p>;
  return (
    <Suspense fallback={<p role="status">Loading the plot…</p>}>
      <ImmunePlot points={points} lastDay={Math.max(...visits.map((v) => v.day))} />
    </Suspense>
  );
}

function ParticipantHeader({ participant: p, onChanged }: { participant: Participant & ConsentState; onChanged: () => void }) {
  return (
    <>
      <dl className="facts">
        <div>
          <dt>Status</dt>
          <dd>
            <StatusBadge status={p.status} /> <ReconsentBadge version={p.reconsentNeeded} />
          </dd>
        </div>
        <div>
          <dt>Site</dt>
          <dd>{p.studyId ? <SiteName studyId={p.studyId} siteId={p.siteId} /> : p.siteId}</dd>
        </div>
        <div>
          <dt>Enrolled on</dt>
          <dd>{p.enrolledOn ?? '—'}</dd>
        </div>
        <div>
          <dt>Day 1</dt>
          <dd>{p.startDate ?? '—'}</dd>
        </div>
      </dl>
      {p.status === 'screening' ? (
        <p>
          <Link to={{ kind: 'screening', participantId: p.id }}>Continue screening</Link>
        </p>
      ) : null}
      <EligibilityOverride participant={p} onChanged={onChanged} />
      {p.studyId ? (
        <p>
          <Link to={{ kind: 'dashboard', studyId: p.studyId }}>Back to the study</Link>
        </p>
      ) : null}
      <ConsentPanel participant={p} onChanged={onChanged} />
      <RandomizationPanel participant={p} onChanged={onChanged} />
      {nextSteps[p.status].length > 0 ? <TransitionForm key={p.status} participant={p} options={nextSteps[p.status]} onChanged={onChanged} /> : null}
    </>
  );
}

/** A site by its name (its id until the study's sites are loaded, or if it is not among them). */
function SiteName({ studyId, siteId }: { studyId: string; siteId: string }) {
  const [sites] = useLoad(() => api.sites(studyId), `sites/${studyId}`);
  return <>{sites.kind === 'ready' ? (sites.data.find((x) => x.id === siteId)?.name ?? siteId) : siteId}</>;
}

function TransitionForm({ participant, options, onChanged }: { participant: Participant; options: readonly ParticipantStatus[]; onChanged: () => void }) {
  const [to, setTo] = useState<ParticipantStatus>(options[0] ?? 'withdrawn');
  const [date, setDate] = useState(localToday());
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    api.transition(participant.id, { to, date, ...(reason.trim() ? { reason: reason.trim() } : {}) }).then(onChanged, (err: unknown) => setError(toApiError(err)));
  };
  const errorAt = (p: string) => (error?.path === p ? error.message : undefined);
  return (
    <form className="card" onSubmit={submit} aria-labelledby="transition-title">
      <h2 id="transition-title">Change status</h2>
      <div className="row">
        <div className="field">
          <label htmlFor="t-to">New status</label>
          <select id="t-to" value={to} onChange={(e) => setTo(e.target.value as ParticipantStatus)}>
            {options.map((o) => (
              <option key={o} value={o}>
                {o}
              </option>
            ))}
          </select>
        </div>
        <TextField id="t-date" label="Date" type="date" required value={date} onChange={setDate} error={errorAt('date')} />
        <TextField
          id="t-reason"
          label={`Reason${to === 'withdrawn' ? ' (required)' : ' (optional)'}`}
          grow
          required={to === 'withdrawn'}
          value={reason}
          onChange={setReason}
          error={errorAt('reason')}
        />
      </div>
      <FormActions error={unplacedError(error, ['date', 'reason'])} submit={`Record ${to}`} />
    </form>
  );
}
