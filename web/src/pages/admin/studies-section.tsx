import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api.js';
import { adminApi, type AdminStudy } from '../../api/admin.js';
import { FormActions } from '../../components/form-actions.js';
import { TextField } from '../../components/text-field.js';
import { localToday } from '../../dates.js';
import { unplacedError } from '../../unplaced-error.js';
import { useAction } from './use-action.js';
import { CtgovImportForm } from './ctgov-import-form.js';

/** A protocol file's JSON; a file that is not JSON is refused with its name, before anything is sent. */
async function readProtocolFile(file: File | undefined): Promise<unknown> {
  if (!file) throw new ApiError('HTTP_INVALID_BODY', 'Choose a protocol file (JSON) first.', 400, 'file');
  try {
    return JSON.parse(await file.text()) as unknown;
  } catch (e) {
    throw new ApiError('HTTP_INVALID_BODY', `${file.name} is not JSON: ${(e as Error).message}.`, 400, 'file');
  }
}

/** Studies from protocol files: created as a design, activated, amended once live. */
export function StudiesSection({ studies, onChanged }: { studies: readonly AdminStudy[]; onChanged: () => void }) {
  const a = useAction();
  return (
    <section aria-labelledby="admin-studies-title">
      <h2 id="admin-studies-title">Studies</h2>
      <table className="data" aria-label="Studies and their status">
        <thead>
          <tr>
            <th scope="col">Study</th>
            <th scope="col">Status</th>
            <th scope="col">Action</th>
          </tr>
        </thead>
        <tbody>
          {studies.map((s) => (
            <tr key={s.id}>
              <td>
                {s.title} <span className="muted">({s.id})</span>
              </td>
              <td>{s.status}</td>
              <td>
                {s.status === 'design' ? (
                  <button
                    type="button"
                    onClick={() =>
                      a.run(
                        () => adminApi.activate(s.id).finally(onChanged),
                        () => `Study ${s.id} is live: its allocation list is sealed.`,
                      )
                    }
                  >
                    Activate {s.id}
                  </button>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {a.error ? (
        <p role="alert" className="error">
          {a.error.message}
        </p>
      ) : null}
      {a.status ? <p role="status">{a.status}</p> : null}
      <CreateStudyForm onDone={onChanged} />
      <CtgovImportForm onDone={onChanged} />
      {studies.some((s) => s.status === 'live') ? <AmendStudyForm studies={studies.filter((s) => s.status === 'live')} onDone={onChanged} /> : null}
    </section>
  );
}

function CreateStudyForm({ onDone }: { onDone: () => void }) {
  const [file, setFile] = useState<File | undefined>();
  const a = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    a.run(
      async () => adminApi.createStudy(await readProtocolFile(file)).finally(onDone),
      (s) => `Study ${s.id} created as a design: add its sites and users, then activate it.`,
    );
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="create-study-title">
      <h3 id="create-study-title">Create a study from a protocol file</h3>
      <div className="field">
        <label htmlFor="study-file">Protocol file (JSON)</label>
        <input id="study-file" type="file" accept="application/json,.json" onChange={(e) => setFile(e.target.files?.[0])} />
      </div>
      <FormActions error={a.error?.message} status={a.status} submit="Create study" />
    </form>
  );
}

function AmendStudyForm({ studies, onDone }: { studies: readonly AdminStudy[]; onDone: () => void }) {
  const [studyId, setStudyId] = useState(studies[0]?.id ?? '');
  const [file, setFile] = useState<File | undefined>();
  const [effectiveDate, setEffectiveDate] = useState(localToday());
  const [reason, setReason] = useState('');
  const [reconsent, setReconsent] = useState('');
  const a = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    a.run(
      async () => adminApi.amend(studyId, { protocol: await readProtocolFile(file), effectiveDate, reason, ...(reconsent.trim() ? { reconsentVersion: reconsent.trim() } : {}) }).finally(onDone),
      () => `Study ${studyId} amended${reconsent.trim() ? `; participants must consent again under ${reconsent.trim()}` : ''}.`,
    );
  };
  return (
    <form className="card" onSubmit={submit} aria-labelledby="amend-study-title">
      <h3 id="amend-study-title">Amend a live study</h3>
      <div className="row">
        <div className="field">
          <label htmlFor="amend-study">Study</label>
          <select id="amend-study" value={studyId} onChange={(e) => setStudyId(e.target.value)}>
            {studies.map((s) => (
              <option key={s.id}>{s.id}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="amend-file">New protocol version (JSON)</label>
          <input id="amend-file" type="file" accept="application/json,.json" onChange={(e) => setFile(e.target.files?.[0])} />
        </div>
        <TextField id="amend-date" label="Effective date" type="date" required value={effectiveDate} onChange={setEffectiveDate} error={a.at('effectiveDate')} />
        <TextField id="amend-reason" label="Reason" required grow value={reason} onChange={setReason} error={a.at('reason')} />
        <TextField id="amend-reconsent" label="Re-consent version (empty: none)" value={reconsent} onChange={setReconsent} error={a.at('reconsentVersion')} />
      </div>
      <FormActions error={unplacedError(a.error, ['effectiveDate', 'reason', 'reconsentVersion'])} status={a.status} submit="Amend study" />
    </form>
  );
}
