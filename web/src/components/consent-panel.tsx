import { useState, type FormEvent } from 'react';
import { type ApiError, toApiError, type Participant } from '../api.js';
import { consentApi, type ConsentState } from '../api/consents.js';
import { localToday } from '../dates.js';
import { unplacedError } from '../unplaced-error.js';
import { FormActions } from './form-actions.js';
import { TextField } from './text-field.js';

/** "Re-consent needed (consent-2)": shown until the participant signs the version an amendment requires. */
export function ReconsentBadge({ version }: { version: string | null | undefined }) {
  return version ? <span className="badge reconsent-needed">Re-consent needed ({version})</span> : null;
}

/** The participant's consents (version and date) and, when an amendment asks for it, the re-consent form. */
export function ConsentPanel({ participant, onChanged }: { participant: Participant & ConsentState; onChanged: () => void }) {
  const consents = participant.consents ?? [];
  if (consents.length === 0 && !participant.reconsentNeeded) return null;
  return (
    <section className="card" aria-labelledby="consent-title">
      <h2 id="consent-title">Consent</h2>
      <ul aria-label="Consents">
        {consents.map((c, i) => (
          <li key={i}>
            Version {c.formVersion}, signed {c.signedOn}
          </li>
        ))}
      </ul>
      {participant.reconsentNeeded ? <ReconsentForm participantId={participant.id} version={participant.reconsentNeeded} onChanged={onChanged} /> : null}
    </section>
  );
}

function ReconsentForm({ participantId, version, onChanged }: { participantId: string; version: string; onChanged: () => void }) {
  const [signedOn, setSignedOn] = useState(localToday());
  const [error, setError] = useState<ApiError | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    consentApi.recordReconsent(participantId, signedOn).then(onChanged, (err: unknown) => setError(toApiError(err)));
  };
  return (
    <form onSubmit={submit} aria-label="Record re-consent">
      <p>
        <ReconsentBadge version={version} /> An amendment requires consent under version {version}.
      </p>
      <TextField id="reconsent-date" label="Signed on" type="date" required value={signedOn} onChange={setSignedOn} error={error?.path === 'signedOn' ? error.message : undefined} />
      <FormActions error={unplacedError(error, ['signedOn'])} submit={`Record consent under ${version}`} />
    </form>
  );
}
