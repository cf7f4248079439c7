import { useState, type FormEvent } from 'react';
import { adminApi, type AdminStudy, type StudySite } from '../../api/admin.js';
import { FormActions } from '../../components/form-actions.js';
import { Loaded } from '../../components/loaded.js';
import { TextField } from '../../components/text-field.js';
import { localToday } from '../../dates.js';
import { unplacedError } from '../../unplaced-error.js';
import { useLoad } from '../../use-load.js';
import { ReferenceRangesForm } from './reference-ranges-form.js';
import { useAction } from './use-action.js';
import { SiteOptions } from '../../components/site-options.js';

const siteIds = (sites: readonly StudySite[]) => sites.map((s) => s.id).join(',');

/** The sites of one study: add, rename, close to recruitment, and their laboratory reference ranges. */
export function SitesSection({ studies }: { studies: readonly AdminStudy[] }) {
  const [studyId, setStudyId] = useState(studies[0]?.id ?? '');
  const [sites, reload] = useLoad(() => (studyId ? adminApi.sites(studyId) : Promise.resolve([])), `admin/sites/${studyId}`);
  return (
    <section aria-labelledby="admin-sites-title">
      <h2 id="admin-sites-title">Sites</h2>
      <div className="field inline">
        <label htmlFor="sites-study">Sites of study</label>
        <select id="sites-study" value={studyId} onChange={(e) => setStudyId(e.target.value)}>
          {studies.map((s) => (
            <option key={s.id}>{s.id}</option>
          ))}
        </select>
      </div>
      <Loaded state={sites} what="the sites">
        {(list) => (
          <>
            <ul aria-label={`Sites of ${studyId}`}>
              {list.map((s) => (
                <li key={s.id}>
                  {s.name} <span className="muted">({s.id})</span>
                </li>
              ))}
            </ul>
            <AddSiteForm key={`add/${studyId}`} studyId={studyId} onDone={reload} />
            {/* Keyed by the sites too: the list of the study chosen before stays until the new one loads, and a form started on it would keep its first site. */}
            {list.length ? <ChangeSiteForm key={`change/${studyId}/${siteIds(list)}`} studyId={studyId} sites={list} onDone={reload} /> : null}
            {list.length ? <ReferenceRangesForm key={`ranges/${studyId}/${siteIds(list)}`} studyId={studyId} sites={list} /> : null}
          </>
        )}
      </Loaded>
    </section>
  );
}

function AddSiteForm({ studyId, onDone }: { studyId: string; onDone: () => void }) {
  const [id, setId] = useState('');
  const [name, setName] = useState('');
  const a = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    a.run(
      () => adminApi.addSite(studyId, { id, name }).finally(onDone),
      (s) => `Site ${s.name} added to ${studyId}.`,
    );
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="add-site-title">
      <h3 id="add-site-title">Add a site</h3>
      <div className="row">
        <TextField id="site-id" label="Site id" required value={id} onChange={setId} error={a.at('id')} />
        <TextField id="site-name" label="Site name" required grow value={name} onChange={setName} error={a.at('name')} />
      </div>
      <FormActions error={unplacedError(a.error, ['id', 'name'])} status={a.status} submit="Add site" />
    </form>
  );
}

function ChangeSiteForm({ studyId, sites, onDone }: { studyId: string; sites: readonly StudySite[]; onDone: () => void }) {
  const [siteId, setSiteId] = useState(sites[0]?.id ?? '');
  const [name, setName] = useState('');
  const [closedOn, setClosedOn] = useState(localToday());
  const [reason, setReason] = useState('');
  const a = useAction();
  const why = reason.trim() ? { reason: reason.trim() } : {};
  const submit = (e: FormEvent) => {
    e.preventDefault();
    a.run(
      () => adminApi.changeSite(studyId, siteId, { name, ...why }).finally(onDone),
      () => `Site ${siteId} is now named ${name}.`,
    );
  };
  const close = () =>
    a.run(
      () => adminApi.changeSite(studyId, siteId, { closedOn, ...why }).finally(onDone),
      () => `Site ${siteId} closes to recruitment on ${closedOn}.`,
    );
  return (
    <form className="card" onSubmit={submit} aria-labelledby="change-site-title">
      <h3 id="change-site-title">Rename or close a site</h3>
      <div className="row">
        <div className="field">
          <label htmlFor="change-site">Site</label>
          <select id="change-site" value={siteId} onChange={(e) => setSiteId(e.target.value)}>
            <SiteOptions sites={sites} />
          </select>
        </div>
        <TextField id="change-site-name" label="New name" value={name} onChange={setName} error={a.at('name')} />
        <TextField id="change-site-closed" label="Closes on" type="date" value={closedOn} onChange={setClosedOn} error={a.at('closedOn')} />
        <TextField id="change-site-reason" label="Reason (required to close)" grow value={reason} onChange={setReason} error={a.at('reason')} />
      </div>
      <FormActions error={unplacedError(a.error, ['name', 'closedOn', 'reason'])} status={a.status} submit="Rename site" />
      <div className="buttons">
        <button type="button" className="secondary" onClick={close}>
          Close site to recruitment
        </button>
      </div>
    </form>
  );
}
