import { useState, type FormEvent } from 'react';
import { type ApiError, toApiError, type CalendarDose, type DoseRecord } from '../api.js';
import { unplacedError } from '../unplaced-error.js';
import { FormActions } from './form-actions.js';
import { TextField } from './text-field.js';

/** A dose as the server shows it: a blinded calendar of a trial whose arms differ by dose has no amount (src/randomization/masking-views.ts). */
export type ShownDose = Omit<CalendarDose, 'dose' | 'unit'> & { readonly dose?: number; readonly unit?: string; readonly intervention?: string };
export const amountOf = (d: ShownDose) => (d.dose === undefined ? (d.intervention ?? 'study drug') : `${d.dose} ${d.unit}`);

/**
 * Records the dose of a dosing day, or corrects one already recorded: the correction starts from
 * the saved values and needs a reason for change, which the server keeps in the audit trail
 * (`changeReason`, src/dosing/dose-entry.ts).
 */
export function DoseForm({ dose, onCancel, onRecord }: { dose: ShownDose; onCancel: () => void; onRecord: (d: DoseRecord) => Promise<unknown> }) {
  const saved = dose.recorded;
  const [status, setStatus] = useState<'given' | 'held'>(saved?.status ?? 'given');
  const [date, setDate] = useState(saved?.date ?? dose.date);
  const [reason, setReason] = useState(saved?.reason ?? '');
  const [changeReason, setChangeReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const record: DoseRecord = {
      day: dose.day,
      date,
      status,
      ...(reason.trim() ? { reason: reason.trim() } : {}),
      ...(saved && changeReason.trim() ? { changeReason: changeReason.trim() } : {}),
    };
    onRecord(record).catch((err: unknown) => setError(toApiError(err)));
  };
  const errorAt = (p: string) => (error?.path === p ? error.message : undefined);
  const fields = ['date', 'reason', ...(saved ? ['changeReason'] : [])];
  return (
    <form className="card" onSubmit={submit} aria-labelledby="dose-form-title">
      <h3 id="dose-form-title">
        {saved ? 'Correct' : 'Record'} the dose of day {dose.day} ({amountOf(dose)})
      </h3>
      {saved ? (
        <p>
          Saved as {saved.status} on {saved.date}
          {saved.reason ? ` (${saved.reason})` : ''}.
        </p>
      ) : null}
      <fieldset>
        <legend>Outcome</legend>
        <label className="choice">
          <input type="radio" name="dose-status" value="given" checked={status === 'given'} onChange={() => setStatus('given')} /> Given
        </label>
        <label className="choice">
          <input type="radio" name="dose-status" value="held" checked={status === 'held'} onChange={() => setStatus('held')} /> Held
        </label>
      </fieldset>
      <div className="row">
        <TextField id="dose-date" label="Date" type="date" required value={date} onChange={setDate} error={errorAt('date')} />
        <TextField
          id="dose-reason"
          label={`Reason${status === 'held' ? ' (required when held)' : ' (optional)'}`}
          grow
          required={status === 'held'}
          value={reason}
          onChange={setReason}
          error={errorAt('reason')}
        />
      </div>
      {saved ? <TextField id="dose-change-reason" label="Reason for change" grow required value={changeReason} onChange={setChangeReason} error={errorAt('changeReason')} /> : null}
      <FormActions error={unplacedError(error, fields)} submit={saved ? 'Save correction' : 'Save dose'} onCancel={onCancel} />
    </form>
  );
}
