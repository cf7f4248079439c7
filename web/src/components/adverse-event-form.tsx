import { useState, type FormEvent } from 'react';
import { actionsTaken, aeOutcomes, relatednessLevels, seriousCriteria } from '../../../src/safety/adverse-event.js';
import { api, type ApiError, toApiError, type NewAdverseEvent, type Relatedness } from '../api.js';
import { localToday } from '../dates.js';
import { unplacedError } from '../unplaced-error.js';
import { FieldError, describedBy } from './field-error.js';
import { FormActions } from './form-actions.js';
import { TextField } from './text-field.js';

const words = (code: string) => code.replace(/-/g, ' ');
// CTCAE v5.0 grades: 1 mild, 2 moderate, 3 severe, 4 life-threatening, 5 death.
const gradeWords: Readonly<Record<string, string>> = { 1: '1 mild', 2: '2 moderate', 3: '3 severe', 4: '4 life-threatening', 5: '5 death' };

/** A labelled choice among codes, '' for none when `optional`. */
function Choice({
  id,
  label,
  value,
  codes,
  optional,
  error,
  onChange,
  show = words,
}: {
  id: string;
  label: string;
  value: string;
  codes: readonly string[];
  optional: boolean;
  error: string | undefined;
  onChange: (v: string) => void;
  show?: (code: string) => string;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)} aria-describedby={describedBy(id, error)} aria-invalid={error ? true : undefined}>
        {optional ? <option value="">—</option> : null}
        {codes.map((c) => (
          <option key={c} value={c}>
            {show(c)}
          </option>
        ))}
      </select>
      <FieldError id={id} message={error} />
    </div>
  );
}

/**
 * The form reporting one adverse event: term, onset and end dates, CTCAE grade, relatedness, action
 * taken, outcome, and, when serious, the ICH E2A seriousness criteria. The page draws a new one
 * (every field back to its start) after each report, so nothing of the last event is kept.
 */
export function AdverseEventForm({ participantId, onAdded }: { participantId: string; onAdded: (term: string) => void }) {
  const [term, setTerm] = useState('');
  const [onsetDate, setOnsetDate] = useState(localToday());
  const [endDate, setEndDate] = useState('');
  const [grade, setGrade] = useState('1');
  const [serious, setSerious] = useState(false);
  const [criteria, setCriteria] = useState<(typeof seriousCriteria)[number][]>([]);
  const [relatedness, setRelatedness] = useState<Relatedness>('possible');
  const [actionTaken, setActionTaken] = useState<(typeof actionsTaken)[number] | ''>('');
  const [outcome, setOutcome] = useState<(typeof aeOutcomes)[number] | ''>('');
  const [error, setError] = useState<Pick<ApiError, 'path' | 'message'> | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // Said here in words: the server's own refusal of an empty term is a schema's.
    if (term.trim() === '') return setError({ path: 'term', message: 'Enter the adverse event term, as CTCAE v5.0 names it (for example "Injection site reaction").' });
    setError(null);
    const ae: NewAdverseEvent = {
      term: term.trim(),
      onsetDate,
      grade: Number(grade),
      serious,
      seriousCriteria: serious ? criteria : [],
      relatedness,
      ...(endDate ? { endDate } : {}),
      ...(actionTaken ? { actionTaken } : {}),
      ...(outcome ? { outcome } : {}),
    };
    api.addAdverseEvent(participantId, ae).then(
      () => onAdded(ae.term),
      (err: unknown) => setError(toApiError(err)),
    );
  };
  const errorAt = (p: string) => (error?.path === p ? error.message : undefined);
  const placed = ['term', 'onsetDate', 'endDate', 'grade', 'relatedness', 'seriousCriteria', 'actionTaken', 'outcome'];
  return (
    <form className="card" onSubmit={submit} noValidate aria-labelledby="ae-title">
      <h3 id="ae-title">Report an adverse event</h3>
      <div className="row">
        <TextField id="ae-term" label="Term (CTCAE v5.0)" grow value={term} onChange={setTerm} error={errorAt('term')} />
        <TextField id="ae-onset" label="Onset date" type="date" value={onsetDate} onChange={setOnsetDate} error={errorAt('onsetDate')} />
        <TextField id="ae-end" label="End date (blank: ongoing)" type="date" value={endDate} onChange={setEndDate} error={errorAt('endDate')} />
      </div>
      <div className="row">
        <Choice id="ae-grade" label="CTCAE grade" value={grade} codes={Object.keys(gradeWords)} optional={false} error={errorAt('grade')} onChange={setGrade} show={(g) => gradeWords[g]!} />
        <Choice id="ae-related" label="Relatedness" value={relatedness} codes={relatednessLevels} optional={false} error={errorAt('relatedness')} onChange={(v) => setRelatedness(v as Relatedness)} />
        <Choice
          id="ae-action"
          label="Action taken"
          value={actionTaken}
          codes={actionsTaken}
          optional
          error={errorAt('actionTaken')}
          onChange={(v) => setActionTaken(v as (typeof actionsTaken)[number])}
        />
        <Choice id="ae-outcome" label="Outcome" value={outcome} codes={aeOutcomes} optional error={errorAt('outcome')} onChange={(v) => setOutcome(v as (typeof aeOutcomes)[number])} />
      </div>
      <label className="choice">
        <input type="checkbox" checked={serious} onChange={(e) => setSerious(e.target.checked)} /> Serious
      </label>
      {serious ? (
        <fieldset id="ae-criteria" aria-describedby={describedBy('ae-criteria', errorAt('seriousCriteria'))}>
          <legend>Seriousness criteria (ICH E2A)</legend>
          {seriousCriteria.map((c) => (
            <label key={c} className="choice">
              <input type="checkbox" checked={criteria.includes(c)} onChange={(e) => setCriteria(e.target.checked ? [...criteria, c] : criteria.filter((x) => x !== c))} /> {words(c)}
            </label>
          ))}
          <FieldError id="ae-criteria" message={errorAt('seriousCriteria')} />
        </fieldset>
      ) : null}
      <FormActions error={unplacedError(error, placed)} submit="Report adverse event" />
    </form>
  );
}
