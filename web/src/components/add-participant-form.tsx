import { useState, type FormEvent } from 'react';
import { api, type ApiError, toApiError, type Participant, type SiteView } from '../api.js';
import { unplacedError } from '../unplaced-error.js';
import { FieldError, describedBy } from './field-error.js';
import { FormActions } from './form-actions.js';
import { TextField } from './text-field.js';
import { SiteOptions } from './site-options.js';

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
    api.addParticipant(studyId, { siteId, code, sex, birthDate }).then(onAdded, (err: unknown) => setError(toApiError(err)));
  };
  const errorAt = (path: string) => (error && error.path === path ? error.message : undefined);

  return (
    <form className="card" onSubmit={submit} aria-labelledby="add-participant-title">
      <h2 id="add-participant-title">Register a person for screening</h2>
      <div className="row">
        <div className="field">
          <label htmlFor="p-site">Site</label>
          <select id="p-site" value={siteId} onChange={(e) => setSiteId(e.target.value)} aria-describedby={describedBy('p-site', errorAt('siteId'))}>
            <SiteOptions sites={sites} />
          </select>
          <FieldError id="p-site" message={errorAt('siteId')} />
        </div>
        <TextField id="p-code" label="Participant code" required value={code} onChange={setCode} error={errorAt('code')} />
        <div className="field">
          <label htmlFor="p-sex">Sex</label>
          <select id="p-sex" value={sex} onChange={(e) => setSex(e.target.value === 'male' ? 'male' : 'female')}>
            <option value="female">female</option>
            <option value="male">male</option>
          </select>
        </div>
        <TextField id="p-birth" label="Date of birth" type="date" required value={birthDate} onChange={setBirthDate} error={errorAt('birthDate')} />
      </div>
      <FormActions error={unplacedError(error, ['siteId', 'code', 'sex', 'birthDate'])} submit="Register and screen" />
    </form>
  );
}
