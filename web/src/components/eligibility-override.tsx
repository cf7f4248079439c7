import { useState, type FormEvent } from 'react';
import { can } from '../../../src/access/index.js';
import { api, type ApiError, toApiError, type Participant } from '../api.js';
import { localToday } from '../dates.js';
import { useSession } from '../session.js';
import { unplacedError } from '../unplaced-error.js';
import { FormActions } from './form-actions.js';
import { TextField } from './text-field.js';

/**
 * An investigator's override of the screening decision: eligible or ineligible, dated, with the
 * reason the audit trail keeps. Shown only to whom the policy lets override, at the participant's site.
 */
export function EligibilityOverride({ participant: p, onChanged }: { participant: Participant & { readonly studyId?: string }; onChanged: () => void }) {
  const { session } = useSession();
  const [to, setTo] = useState<'eligible' | 'ineligible'>('eligible');
  const [date, setDate] = useState(localToday());
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  if (p.status !== 'screening' || !p.studyId || !can({ assignments: session.roles }, 'eligibility.override', { studyId: p.studyId, siteId: p.siteId })) return null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    api.transition(p.id, { to, date, reason: reason.trim() }).then(onChanged, (err: unknown) => setError(toApiError(err)));
  };
  const errorAt = (path: string) => (error?.path === path ? error.message : undefined);
  return (
    <form className="card" onSubmit={submit} aria-labelledby="override-title">
      <h2 id="override-title">Override the screening decision</h2>
      <div className="row">
        <div className="field">
          <label htmlFor="o-to">Overriding decision</label>
          <select id="o-to" value={to} onChange={(e) => setTo(e.target.value as 'eligible' | 'ineligible')}>
            <option value="eligible">eligible</option>
            <option value="ineligible">ineligible</option>
          </select>
        </div>
        <TextField id="o-date" label="Decided on" type="date" required value={date} onChange={setDate} error={errorAt('date')} />
        <TextField id="o-reason" label="Reason for the override (required)" grow required value={reason} onChange={setReason} error={errorAt('reason')} />
      </div>
      <FormActions error={unplacedError(error, ['date', 'reason'])} submit={`Override: record ${to}`} />
    </form>
  );
}
