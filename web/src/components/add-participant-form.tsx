import { useState, type FormEvent } from 'react';
import { api, ApiError, type Participant, type SiteView } from '../api.js';
import { FieldError, describedBy } from './field-error.js';

/** Registers a person for screening at one of the study's sites. */
export function AddParticipantForm({ studyId, sites, onAdded }: { studyId: string; sites: readonly SiteView[]; onAdded: (p: Participant) => void }) {
  const [siteId, setSiteId] = useState(sites[0]?.id ?? '');
  const [code, setCode] = useState('');
  const [sex, setSex] = useState<'female' | 'male'>('female');
  const [birthDate, setBirthDate] = useState('');
  const [error, setError] = useState<ApiError | null>(null);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    api.addParticipant(studyId, { siteId, code, sex, birthDate }).then(onAdded, (err: unknown) =>
      setError(err instanceof ApiError ? err : new ApiError('Failed', String(err), 0)),
    );
  };
  const errorAt = (path: string) => (error && error.path === path ? error.message : undefined);
  const unplaced = error && !['siteId', 'code', 'sex', 'birthDate'].includes(error.path ?? '') ? error.message : undefined;

  return (
    <form className="card" onSubmit={submit} aria-labelledby="add-participant-title">
      <h2 id="add-participant-title">Register a person for screening</h2>
      <div className="row">
        <div className="field">
          <label htmlFor="p-site">Site</label>
          <select id="p-site" value={siteId} onChange={(e) => setSiteId(e.target.value)} aria-describedby={describedBy('p-site', errorAt('siteId'))}>
            {sites.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
          <FieldError id="p-site" message={errorAt('siteId')} />
        </div>
        <div className="field">
          <label htmlFor="p-code">Participant code</label>
          <input id="p-code" required value={code} onChange={(e) => setCode(e.target.value)} aria-invalid={!!errorAt('code')} aria-describedby={describedBy('p-code', errorAt('code'))} />
          <FieldError id="p-code" message={errorAt('code')} />
        </div>
        <div className="field">
          <label htmlFor="p-sex">Sex</label>
          <select id="p-sex" value={sex} onChange={(e) => setSex(e.target.value === 'male' ? 'male' : 'female')}>
            <option value="female">female</option>
            <option value="male">male</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="p-birth">Date of birth</label>
          <input id="p-birth" type="date" required value={birthDate} onChange={(e) => setBirthDate(e.target.value)} aria-invalid={!!errorAt('birthDate')} aria-describedby={describedBy('p-birth', errorAt('birthDate'))} />
          <FieldError id="p-birth" message={errorAt('birthDate')} />
        </div>
      </div>
      {unplaced ? (
        <p role="alert" className="error">
          {unplaced}
        </p>
      ) : null}
      <button type="submit">Register and screen</button>
    </form>
  );
}
