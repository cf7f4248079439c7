import { useState, type FormEvent } from 'react';
import { labAnalytes, labUnitTable, type LabAnalyte } from '../../../src/instruments/ctcae/lab-units.js';
import { api, ApiError, toApiError, type LabUnit, type LabValue, type StoredLab } from '../api.js';
import { labField } from '../data-queries.js';
import type { VisitPartProps } from '../visit-part.js';
import { FieldError, describedBy } from './field-error.js';
import { FormActions } from './form-actions.js';
import { TextField } from './text-field.js';

/**
 * Lab values of one visit. Each analyte offers the units the grader converts (lab-units.ts); the
 * server grades each value (CTCAE v5.0) and proposes an adverse event for a graded abnormality.
 * `aside` gives what goes under an analyte's field (its data queries), by field id and label.
 * The status line is the visit page's: the page remounts this form when the saved labs change, and
 * "Labs saved." must outlive that.
 */
type LabsFormProps = VisitPartProps<readonly StoredLab[]> & { readonly status: string | null; readonly setStatus: (s: string | null) => void };

export function LabsForm({ participantId, visitId, date, saved, onSaved, aside, status, setStatus }: LabsFormProps) {
  const [texts, setTexts] = useState<Record<string, string>>(() => Object.fromEntries(saved.map((l) => [l.analyte, String(l.value)])));
  const [units, setUnits] = useState<Record<string, LabUnit>>(() => Object.fromEntries(labAnalytes.map((a) => [a, saved.find((l) => l.analyte === a)?.unit ?? labUnitTable[a].canonical])));
  const [error, setError] = useState<ApiError | null>(null);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');

  const labs: LabValue[] = labAnalytes.flatMap((a) => {
    const t = (texts[a] ?? '').trim().replace(',', '.');
    return t === '' ? [] : [{ analyte: a, value: Number(t), unit: units[a] ?? labUnitTable[a].canonical }];
  });
  const notNumber = labs.find((l) => !Number.isFinite(l.value));
  const changed = saved.some((s) => labs.every((l) => l.analyte !== s.analyte || l.value !== s.value || l.unit !== s.unit));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setStatus(null);
    setError(null);
    if (notNumber) return;
    if (changed && !reason.trim()) {
      setAsking(true);
      setError(new ApiError('AUDIT_REASON_REQUIRED', 'Saved lab values change: give the reason for the change.', 0, 'reason'));
      return;
    }
    api.saveVisit(participantId, visitId, { date, values: {}, labs, ...(changed ? { reason: reason.trim() } : {}) }).then(
      () => {
        setStatus('Labs saved.');
        setAsking(false);
        onSaved();
      },
      (err: unknown) => setError(toApiError(err)),
    );
  };
  const errorAt = (a: LabAnalyte): string | undefined => {
    const l = labs.find((x) => x.analyte === a);
    if (l && !Number.isFinite(l.value)) return `${a} must be a number.`;
    const i = labs.findIndex((x) => x.analyte === a);
    return error && (error.path === `labs.${i}.value` || error.path === `labs.${i}` || error.path === a) ? error.message : undefined;
  };
  const placed = error && (error.path === 'reason' || labAnalytes.some((a) => errorAt(a) === error.message));
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="labs-title">
      <h3 id="labs-title">Enter lab values</h3>
      <div className="items">
        {labAnalytes.map((a) => (
          <div className="field" key={a}>
            <label htmlFor={`lab-${a}`}>{a}</label>
            <div className="row">
              <input
                id={`lab-${a}`}
                inputMode="decimal"
                size={8}
                value={texts[a] ?? ''}
                onChange={(e) => setTexts((p) => ({ ...p, [a]: e.target.value }))}
                aria-invalid={errorAt(a) ? true : undefined}
                aria-describedby={describedBy(`lab-${a}`, errorAt(a))}
              />
              <select aria-label={`${a} unit`} value={units[a]} onChange={(e) => setUnits((p) => ({ ...p, [a]: e.target.value as LabUnit }))}>
                {Object.keys(labUnitTable[a].factors).map((u) => (
                  <option key={u}>{u}</option>
                ))}
              </select>
            </div>
            <FieldError id={`lab-${a}`} message={errorAt(a)} />
            {aside?.(labField(a), a)}
          </div>
        ))}
      </div>
      {asking ? <TextField id="lab-reason" label="Reason for change" grow value={reason} onChange={setReason} error={error?.path === 'reason' ? error.message : undefined} /> : null}
      <FormActions error={error && !placed ? error.message : undefined} status={status} submit="Save labs" disabled={labs.length === 0} />
    </form>
  );
}
