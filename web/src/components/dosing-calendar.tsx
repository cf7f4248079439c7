import { useState, type FormEvent } from 'react';
import { type ApiError, toApiError, type CalendarDose, type DoseRecord } from '../api.js';
import { doseState, type DoseState } from '../dose-state.js';
import { unplacedError } from '../unplaced-error.js';
import { FormActions } from './form-actions.js';
import { TextField } from './text-field.js';

const statusText: Record<DoseState, string> = { given: 'given', held: 'held', due: 'due', planned: 'planned' };

/** A dose as the server shows it: a blinded calendar of a trial whose arms differ by dose has no amount (src/randomization/masking-views.ts). */
type ShownDose = Omit<CalendarDose, 'dose' | 'unit'> & { readonly dose?: number; readonly unit?: string; readonly intervention?: string };
const amountOf = (d: ShownDose) => (d.dose === undefined ? (d.intervention ?? 'study drug') : `${d.dose} ${d.unit}`);

/**
 * The dosing calendar, one row per cycle. Each dose shows its day and status in words (the colour
 * only repeats it); a dose not yet recorded is a button that opens the record form.
 */
export function DosingCalendar({
  doses,
  totalDose,
  unit,
  today,
  onRecord,
}: {
  doses: readonly ShownDose[];
  totalDose: number | undefined;
  unit: string | undefined;
  today: string;
  onRecord: (d: DoseRecord) => Promise<unknown>;
}) {
  const [selected, setSelected] = useState<ShownDose | null>(null);
  const cycles = [...new Set(doses.map((d) => d.cycle))].sort((a, b) => a - b);
  const given = doses.filter((d) => d.recorded?.status === 'given').reduce((s, d) => s + (d.dose ?? 0), 0);
  return (
    <div>
      <p>
        {totalDose === undefined
          ? `${doses.length} doses planned of the study drug, as the kit gives it.`
          : `${doses.length} doses planned, ${totalDose} ${unit} in all; given so far: ${given} ${unit}.`}
      </p>
      <ul className="legend" aria-label="Legend">
        {(Object.keys(statusText) as DoseState[]).map((s) => (
          <li key={s}>
            <span className={`dose-chip dose-${s}`}>{statusText[s]}</span>
          </li>
        ))}
      </ul>
      <table className="calendar">
        <tbody>
          {cycles.map((c) => (
            <tr key={c}>
              <th scope="row">Cycle {c}</th>
              <td>
                <ul className="doses">
                  {doses
                    .filter((d) => d.cycle === c)
                    .map((d) => {
                      const state = doseState(d, today);
                      const reason = d.recorded?.reason ?? d.reason;
                      const label = `Day ${d.day}, ${d.date}: ${amountOf(d)}, ${statusText[state]}${reason ? ` (${reason})` : ''}`;
                      const body = (
                        <>
                          <span className="dose-day">D{d.day}</span>
                          <span className="dose-status">{statusText[state]}</span>
                        </>
                      );
                      return (
                        <li key={d.day}>
                          {state === 'due' ? (
                            <button type="button" className={`dose-chip dose-${state}`} aria-label={`Record dose: ${label}`} title={label} onClick={() => setSelected(d)}>
                              {body}
                            </button>
                          ) : (
                            <span className={`dose-chip dose-${state}`} title={label} aria-label={label} role="img">
                              {body}
                            </span>
                          )}
                        </li>
                      );
                    })}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {doses.some((d) => doseState(d, today) === 'held') ? (
        <>
          <h3>Held doses</h3>
          <ul>
            {doses
              .filter((d) => doseState(d, today) === 'held')
              .map((d) => (
                <li key={d.day}>
                  Day {d.day} ({d.date}): {d.recorded?.reason ?? d.reason ?? 'no reason given'}
                </li>
              ))}
          </ul>
        </>
      ) : null}
      {selected ? <DoseForm key={selected.day} dose={selected} onCancel={() => setSelected(null)} onRecord={(r) => onRecord(r).then(() => setSelected(null))} /> : null}
    </div>
  );
}

function DoseForm({ dose, onCancel, onRecord }: { dose: ShownDose; onCancel: () => void; onRecord: (d: DoseRecord) => Promise<unknown> }) {
  const [status, setStatus] = useState<'given' | 'held'>('given');
  const [date, setDate] = useState(dose.date);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const record: DoseRecord = { day: dose.day, date, status, ...(reason.trim() ? { reason: reason.trim() } : {}) };
    onRecord(record).catch((err: unknown) => setError(toApiError(err)));
  };
  const errorAt = (p: string) => (error?.path === p ? error.message : undefined);
  return (
    <form className="card" onSubmit={submit} aria-labelledby="dose-form-title">
      <h3 id="dose-form-title">
        Record the dose of day {dose.day} ({amountOf(dose)})
      </h3>
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
      <FormActions error={unplacedError(error, ['date', 'reason'])} submit="Save dose" onCancel={onCancel} />
    </form>
  );
}
