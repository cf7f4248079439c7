import { useState } from 'react';
import type { DoseRecord } from '../api.js';
import { doseState, type DoseState } from '../dose-state.js';
import { heldRunText, heldRuns } from '../held-doses.js';
import { amountOf, DoseForm, type ShownDose } from './dose-form.js';

const statusText: Record<DoseState, string> = { given: 'given', held: 'held', due: 'due', planned: 'planned' };

/**
 * The dosing calendar, one row per cycle. Each dose shows its day and status in words (the colour
 * only repeats it); a dose not yet recorded is a button that opens the record form, and a recorded
 * one, for whoever may record doses, a button that opens the correction form.
 */
export function DosingCalendar({
  doses,
  totalDose,
  unit,
  today,
  mayCorrect,
  onRecord,
}: {
  doses: readonly ShownDose[];
  totalDose: number | undefined;
  unit: string | undefined;
  today: string;
  /** The reader may record doses (`dose.record`): recorded days can be corrected. */
  mayCorrect: boolean;
  onRecord: (d: DoseRecord) => Promise<unknown>;
}) {
  const [selected, setSelected] = useState<ShownDose | null>(null);
  const cycles = [...new Set(doses.map((d) => d.cycle))].sort((a, b) => a - b);
  const holds = heldRuns(doses, today);
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
                          {state === 'due' || (mayCorrect && d.recorded) ? (
                            <button
                              type="button"
                              className={`dose-chip dose-${state}`}
                              aria-label={`${d.recorded ? 'Correct dose' : 'Record dose'}: ${label}`}
                              title={label}
                              onClick={() => setSelected(d)}
                            >
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
      {holds.length > 0 ? (
        <>
          <h3>Held doses</h3>
          <ul aria-label="Held doses">
            {holds.map((r) => (
              <li key={r.firstDay}>{heldRunText(r)}</li>
            ))}
          </ul>
        </>
      ) : null}
      {selected ? <DoseForm key={selected.day} dose={selected} onCancel={() => setSelected(null)} onRecord={(r) => onRecord(r).then(() => setSelected(null))} /> : null}
    </div>
  );
}
