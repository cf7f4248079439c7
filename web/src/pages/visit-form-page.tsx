import { useState } from 'react';
import { labAnalytes } from '../../../src/instruments/ctcae/lab-units.js';
import { gatingHierarchy } from '../../../src/instruments/immune/gating.js';
import { getInstrument, instruments } from '../../../src/instruments/scores/registry.js';
import { api } from '../api.js';
import { FieldQueries } from '../components/field-queries.js';
import { ImmunePanelForm } from '../components/immune-panel-form.js';
import { InstrumentForm, InstrumentValues } from '../components/instrument-entry.js';
import { DefinedForm } from '../components/form-renderer.js';
import { DefinedFormValues } from '../components/defined-form-values.js';
import { isBuiltinFormId } from '../../../src/forms/builtin/index.js';
import { LabTable } from '../components/lab-table.js';
import { LabsForm } from '../components/labs-form.js';
import { Link } from '../components/link.js';
import { Loaded } from '../components/loaded.js';
import { Page } from '../components/page.js';
import { QueryList } from '../components/query-list.js';
import { RaiseQueryDialog, type QueryTarget } from '../components/raise-query-dialog.js';
import { SavedValues } from '../components/saved-values.js';
import { Signatures } from '../components/signatures.js';
import { VisitWindowFlag } from '../components/visit-window-flag.js';
import { labField, panelField, pendingOn, savedValue, valueText, visitQueries } from '../data-queries.js';
import { localToday } from '../dates.js';
import { can } from '../../../src/access/index.js';
import { useSession } from '../session.js';
import { useLoad } from '../use-load.js';
import type { FormProps, VisitContext } from '../visit-context.js';
import { savedVisits } from '../visit-data.js';
import { visitWindowFlag as visitWindowFlagShown } from '../visit-window.js';
import type { Aside } from '../visit-part.js';

async function loadContext(participantId: string, visitId: string): Promise<VisitContext> {
  const [participant, calendar] = await Promise.all([api.participant(participantId), api.calendar(participantId)]);
  const visit = calendar.visits.find((v) => v.id === visitId);
  if (!visit) throw new Error(`Participant ${participant.code} has no visit "${visitId}".`);
  const protocolVisit = participant.studyId ? (await api.study(participant.studyId)).protocol.visits.find((v) => v.id === visitId) : undefined;
  const scope = participant.studyId ? { studyId: participant.studyId, siteId: participant.siteId } : null;
  return { visit, assessments: protocolVisit?.assessments ?? [], allVisits: calendar.visits, scope };
}

export function VisitFormPage({ participantId, visitId }: { participantId: string; visitId: string }) {
  const [context] = useLoad(() => loadContext(participantId, visitId), `visit/${participantId}/${visitId}`);
  // Saved values load apart from the visit: the form computes scores even when they cannot be read,
  // but saving then waits, since a correction needs the saved values to ask for its reason.
  const [visits, reload] = useLoad(() => api.visits(participantId), `visits/${participantId}`);
  const title = context.kind === 'ready' ? `Visit: ${context.data.visit.name}` : 'Visit';
  return (
    <Page title={title}>
      <p>
        <Link to={{ kind: 'participant', participantId }}>Back to the participant</Link>
      </p>
      <Loaded state={context} what="the visit">
        {(c) => <VisitBody participantId={participantId} context={c} visits={visits} onSaved={reload} />}
      </Loaded>
    </Page>
  );
}

/**
 * The visit's forms (instrument items, labs, immune panel as the protocol lists them) and its data
 * queries: a reviewer raises one beside a saved value, the site answers it, its raiser closes it.
 * Those who may not enter data here (monitors, data managers, statisticians…) see the saved values
 * read-only, without the boxes and Save buttons the server would refuse them.
 */
function VisitBody({ participantId, context, visits, onSaved }: FormProps) {
  const { session } = useSession();
  const { scope, visit } = context;
  const [queries, reloadQueries] = useLoad(() => (scope ? api.queries(scope.studyId) : Promise.resolve([])), `queries/${scope?.studyId ?? ''}`);
  const [raising, setRaising] = useState<QueryTarget | null>(null);
  const saved = visits.kind === 'ready' ? savedVisits(visits.data).find((v) => v.visitId === visit.id) : undefined;
  const here = queries.kind === 'ready' ? visitQueries(queries.data, participantId, visit.id) : [];
  const canRaise = scope !== null && can({ assignments: session.roles }, 'query.raise', scope);
  // Without the study (an unknown scope) the forms stay, and the server decides.
  const entering = scope === null || can({ assignments: session.roles }, 'visit.enter', scope);
  // A correction answering a query may change a defined form's values: they load again after each query change.
  const [queryChanges, setQueryChanges] = useState(0);
  const [labsStatus, setLabsStatus] = useState<string | null>(null);
  const aside: Aside = (field, label, shown) => {
    const saved_ = savedValue(saved, field);
    const value = saved_ ? valueText(saved_) : shown;
    const raise = canRaise && value ? () => setRaising({ participantId, visitId: visit.id, field, label, value }) : undefined;
    return <FieldQueries label={label} pending={pendingOn(here, field)} onRaise={raise} />;
  };
  const savedValueOf = (field: string) => {
    const value = savedValue(saved, field);
    return value && valueText(value);
  };
  const changed = () => {
    reloadQueries();
    setQueryChanges((n) => n + 1);
    onSaved();
  };
  const date = saved?.date ?? localToday();
  const visitWindow = visits.kind === 'ready' ? visits.data.find((v) => v.visitId === visit.id)?.window : undefined;
  return (
    <>
      {visitWindowFlagShown(visitWindow) ? (
        <p className="visit-window">
          <VisitWindowFlag window={visitWindow} />
        </p>
      ) : null}
      <VisitForms participantId={participantId} context={context} visits={visits} onSaved={onSaved} aside={aside} entering={entering} />
      {context.assessments
        .filter(isBuiltinFormId)
        .map((f) =>
          entering ? (
            <DefinedForm key={`${f}/${queryChanges}`} participantId={participantId} context={context} formId={f} onSaved={onSaved} />
          ) : (
            <DefinedFormValues key={f} participantId={participantId} context={context} formId={f} aside={aside} refresh={queryChanges} />
          ),
        )}
      {context.assessments.includes('labs') && visits.kind === 'ready' ? (
        <>
          <h2>Labs</h2>
          {entering ? (
            <LabsForm
              key={JSON.stringify(saved?.labs ?? [])}
              participantId={participantId}
              visitId={visit.id}
              date={date}
              saved={saved?.labs ?? []}
              onSaved={onSaved}
              aside={aside}
              status={labsStatus}
              setStatus={setLabsStatus}
            />
          ) : (
            <SavedValues visit={saved} fields={labAnalytes.map((a) => ({ field: labField(a), label: a }))} aside={aside} />
          )}
          <LabTable visits={saved ? [saved] : []} visitName={(id) => context.allVisits.find((v) => v.id === id)?.name ?? id} />
        </>
      ) : null}
      {context.assessments.includes('immune-panel') && visits.kind === 'ready' ? (
        <>
          <h2>Immune panel</h2>
          {entering ? (
            <ImmunePanelForm participantId={participantId} visitId={visit.id} date={date} saved={saved?.panel ?? null} onSaved={onSaved} aside={aside} />
          ) : (
            <SavedValues visit={saved} fields={gatingHierarchy.map((s) => ({ field: panelField(s.id), label: s.label }))} aside={aside} />
          )}
        </>
      ) : null}
      <h2>Signature</h2>
      <Signatures participantId={participantId} visitId={visit.id} scope={scope} refresh={JSON.stringify(saved ?? null)} />
      <h2>Data queries on this visit</h2>
      <Loaded state={queries} what="the data queries">
        {() => <QueryList queries={here} onChanged={changed} savedValueOf={(q) => savedValueOf(q.field)} />}
      </Loaded>
      <RaiseQueryDialog
        target={raising}
        onCancel={() => setRaising(null)}
        onRaised={() => {
          setRaising(null);
          reloadQueries();
        }}
      />
    </>
  );
}

function VisitForms({ participantId, context, visits, onSaved, aside, entering }: FormProps & { aside: Aside; entering: boolean }) {
  const due = instruments.filter((i) => context.assessments.includes(i.id));
  const offered = due.length > 0 ? due : instruments;
  const [instrumentId, setInstrumentId] = useState(offered[0]?.id ?? 'essdai');
  const def = getInstrument(instrumentId);
  return (
    <>
      <p>
        Target date {context.visit.date} (study day {context.visit.day}); due here: {context.assessments.length ? context.assessments.join(', ') : 'nothing listed in the protocol'}.
      </p>
      <div className="field inline">
        <label htmlFor="instrument">Instrument</label>
        <select id="instrument" value={instrumentId} onChange={(e) => setInstrumentId(getInstrument(e.target.value).id)}>
          {offered.map((i) => (
            <option key={i.id} value={i.id}>
              {i.name}
            </option>
          ))}
        </select>
      </div>
      {entering ? (
        <InstrumentForm key={`${def.id}/${visits.kind}`} participantId={participantId} def={def} context={context} visits={visits} onSaved={onSaved} aside={aside} />
      ) : (
        <InstrumentValues def={def} context={context} visits={visits} aside={aside} />
      )}
    </>
  );
}
