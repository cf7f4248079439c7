import { useState, type FormEvent } from 'react';
import { toApiError, type ApiError } from '../api.js';
import { eligibilityApi, type Preview, type ValidExpression } from '../api/eligibility.js';
import { FieldError, describedBy } from '../components/field-error.js';
import { FormActions } from '../components/form-actions.js';
import { TextField } from '../components/text-field.js';
import { localToday } from '../dates.js';
import { unplacedError } from '../unplaced-error.js';
import type { CriterionReadings } from '../../../src/eligibility/criterion-readings.js';
import { findFact } from '../../../src/eligibility/facts.js';
import { useCheckAsTyped, type Check } from './criteria-editor-checks.js';

type Attested = '' | 'holds' | 'does-not-hold';

/** What the designer typed for the sample patient; kept by the editor, so it outlives a retyped expression. */
interface Sample {
  readonly values: Readonly<Record<string, string>>;
  readonly attested: Attested;
  readonly referenceDate: string;
}

/** The editor of one criterion's expression: validated as typed, previewed on a sample patient, saved. */
export function CriterionEditor({
  studyId,
  criterion,
  live,
  onSaved,
  onCancel,
}: {
  studyId: string;
  criterion: CriterionReadings;
  live: boolean;
  onSaved: (message: string) => void;
  onCancel: () => void;
}) {
  const id = criterion.id;
  const [text, setText] = useState(criterion.corrected?.expression ?? criterion.parsed.expression);
  const [reason, setReason] = useState('');
  const [effectiveDate, setEffectiveDate] = useState(localToday());
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [sample, setSample] = useState<Sample>({ values: {}, attested: '', referenceDate: localToday() });
  const trimmed = text.trim();
  const check = useCheckAsTyped<ValidExpression>(trimmed ? () => eligibilityApi.validate(studyId, id, trimmed) : null, trimmed);
  const fieldId = `expression-${id}`;
  const expressionError = !trimmed ? 'Write an expression.' : check.kind === 'error' ? check.error.message : saveError?.path === `criteria.${id}` ? saveError.message : undefined;

  const save = (e: FormEvent) => {
    e.preventDefault();
    setSaveError(null);
    const input = { corrections: { [id]: trimmed }, ...(reason.trim() ? { reason: reason.trim() } : {}), ...(live ? { effectiveDate } : {}) };
    eligibilityApi.save(studyId, input).then(
      (r) =>
        onSaved(
          r.amendment
            ? `Saved ${id} as protocol version ${r.amendment.version} (from ${r.amendment.fromVersion}), in force from ${r.amendment.effectiveDate}.`
            : `Saved ${id} into the design (protocol version ${r.protocolVersion}).`,
        ),
      (err: unknown) => setSaveError(toApiError(err)),
    );
  };

  return (
    <form className="card" onSubmit={save} aria-label={`Correct ${id}`}>
      <div className="field grow">
        <label htmlFor={fieldId}>Expression for {id}</label>
        <textarea
          id={fieldId}
          rows={3}
          cols={60}
          value={text}
          spellCheck={false}
          aria-invalid={expressionError ? true : undefined}
          aria-describedby={describedBy(fieldId, expressionError, `${fieldId}-reading`)}
          onChange={(e) => setText(e.target.value)}
        />
        <p id={`${fieldId}-reading`} className="muted" aria-live="polite">
          <Reading check={check} />
        </p>
        <FieldError id={fieldId} message={expressionError} />
      </div>
      {check.kind === 'ok' ? <SamplePatient studyId={studyId} criterionId={id} source={trimmed} expression={check.value} sample={sample} onChange={setSample} /> : null}
      <div className="row">
        <TextField
          id={`reason-${id}`}
          label={live ? 'Reason (the amendment’s)' : 'Reason (optional)'}
          value={reason}
          onChange={setReason}
          error={saveError?.path === 'reason' ? saveError.message : undefined}
          grow
        />
        {live ? (
          <TextField
            id={`effective-${id}`}
            type="date"
            label="Effective date"
            value={effectiveDate}
            onChange={setEffectiveDate}
            error={saveError?.path === 'effectiveDate' ? saveError.message : undefined}
          />
        ) : null}
      </div>
      <FormActions error={unplacedError(saveError, [`criteria.${id}`, 'reason', 'effectiveDate'])} submit={`Save ${id}`} disabled={check.kind !== 'ok'} onCancel={onCancel} />
    </form>
  );
}

function Reading({ check }: { check: Check<ValidExpression> }) {
  if (check.kind === 'checking') return <>Checking…</>;
  if (check.kind !== 'ok') return null;
  const v = check.value;
  return (
    <>
      Reads as <strong>{v.computability}</strong>: <code>{v.expression}</code>
      {v.notComputable ? ` — ${v.notComputable}` : ''}
    </>
  );
}

/** A sample patient: a box per fact the expression reads, and the preview of met, not met or unknown with the facts used. */
function SamplePatient({
  studyId,
  criterionId,
  source,
  expression,
  sample,
  onChange,
}: {
  studyId: string;
  criterionId: string;
  source: string;
  expression: ValidExpression;
  sample: Sample;
  onChange: (next: Sample) => void;
}) {
  const { values, attested, referenceDate } = sample;
  const typed = Object.fromEntries(expression.facts.flatMap((f) => (values[f]?.trim() ? [[f, values[f]!.trim()]] : [])));
  const input = { expression: source, facts: typed, referenceDate, ...(attested ? { attested: attested === 'holds' } : {}) };
  const preview = useCheckAsTyped<Preview>(referenceDate ? () => eligibilityApi.preview(studyId, criterionId, input) : null, JSON.stringify(input));
  const badFact = preview.kind === 'error' ? /^facts\.(.+)$/.exec(preview.error.path ?? '')?.[1] : undefined;
  const hint = (name: string) => {
    const def = findFact(name);
    return def?.type === 'date'
      ? 'YYYY-MM-DD or never'
      : def?.type === 'boolean'
        ? 'yes or no'
        : def?.type === 'codes'
          ? 'codes separated by ";", or none'
          : def?.unit
            ? `in ${def.unit}`
            : (def?.values?.join(' or ') ?? '');
  };
  return (
    <fieldset className="card">
      <legend>Preview on a sample patient</legend>
      <div className="items">
        {expression.facts.map((name) => (
          <TextField
            key={name}
            id={`sample-${criterionId}-${name}`}
            label={`${name} (${hint(name)})`}
            value={values[name] ?? ''}
            onChange={(v) => onChange({ ...sample, values: { ...values, [name]: v } })}
            error={badFact === name && preview.kind === 'error' ? preview.error.message : undefined}
          />
        ))}
        {expression.computability !== 'computable' ? (
          <div className="field">
            <label htmlFor={`sample-${criterionId}-attested`}>The attested part</label>
            <select id={`sample-${criterionId}-attested`} value={attested} onChange={(e) => onChange({ ...sample, attested: e.target.value as Attested })}>
              <option value="">not attested</option>
              <option value="holds">holds</option>
              <option value="does-not-hold">does not hold</option>
            </select>
          </div>
        ) : null}
        <TextField id={`sample-${criterionId}-date`} type="date" label="Screening date" value={referenceDate} onChange={(d) => onChange({ ...sample, referenceDate: d })} error={undefined} />
      </div>
      <div aria-live="polite">
        {preview.kind === 'ok' ? (
          <p className="preview">
            <strong className="verdict">{preview.value.status.replace('-', ' ')}</strong>
            {preview.value.fails ? ' (makes the patient ineligible)' : ''} — {preview.value.reason}
            {Object.keys(preview.value.factsUsed).length > 0
              ? `; facts used: ${Object.entries(preview.value.factsUsed)
                  .map(([k, v]) => `${k} = ${v}`)
                  .join(', ')}`
              : ''}
          </p>
        ) : null}
        {preview.kind === 'error' && !badFact ? (
          <p role="alert" className="error">
            {preview.error.message}
          </p>
        ) : null}
      </div>
    </fieldset>
  );
}
