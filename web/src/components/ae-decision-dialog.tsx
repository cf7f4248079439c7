import { useState, type FormEvent } from 'react';
import { actionsTaken, aeOutcomes, relatednessLevels, seriousCriteria } from '../../../src/safety/adverse-event.js';
import { api, toApiError, type AdverseEvent, type ApiError, type Relatedness } from '../api.js';
import { confirmBody } from '../ae-decision.js';
import { unplacedError } from '../unplaced-error.js';
import { FieldError, describedBy } from './field-error.js';
import { FormActions } from './form-actions.js';
import { Modal } from './modal.js';
import { TextField } from './text-field.js';

/** The fields the server's refusals are placed beside. */
const placedFields = ['seriousCriteria', 'relatedness', 'actionTaken', 'outcome', 'reason'];

export type Decision = { readonly ae: AdverseEvent; readonly kind: 'confirm' | 'dismiss' };

/**
 * The investigator's decision on an adverse event the server proposed from a graded lab: confirm it
 * with the assessment (seriousness and its ICH E2A criteria, relatedness, action taken, outcome) or
 * dismiss it, giving the reason either way. The server says what is missing, beside the field.
 */
export function AeDecisionDialog({ decision, onDone, onCancel }: { decision: Decision | null; onDone: () => void; onCancel: () => void }) {
  return (
    <Modal open={decision !== null} titleId="ae-decision-title" onCancel={onCancel}>
      {decision ? <DecisionForm decision={decision} onDone={onDone} onCancel={onCancel} /> : null}
    </Modal>
  );
}

function DecisionForm({ decision: { ae, kind }, onDone, onCancel }: { decision: Decision; onDone: () => void; onCancel: () => void }) {
  const [serious, setSerious] = useState(false);
  const [criteria, setCriteria] = useState<readonly string[]>([]);
  const [relatedness, setRelatedness] = useState<Relatedness | ''>('');
  const [actionTaken, setActionTaken] = useState('');
  const [outcome, setOutcome] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const confirming = kind === 'confirm';
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    const body = confirming ? confirmBody({ serious, seriousCriteria: criteria, relatedness, actionTaken, outcome, reason }) : { status: 'dismissed' as const, reason: reason.trim() };
    api.decideAdverseEvent(ae.id, body).then(onDone, (err: unknown) => setError(toApiError(err)));
  };
  const errorAt = (path: string) => (error?.path === path ? error.message : undefined);
  const select = (id: string, label: string, path: string, value: string, set: (v: string) => void, options: readonly string[], empty: string) => (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => set(e.target.value)} aria-invalid={errorAt(path) ? true : undefined} aria-describedby={describedBy(id, errorAt(path))}>
        <option value="">{empty}</option>
        {options.map((o) => (
          <option key={o}>{o}</option>
        ))}
      </select>
      <FieldError id={id} message={errorAt(path)} />
    </div>
  );
  return (
    <form onSubmit={submit} noValidate>
      <h2 id="ae-decision-title">{confirming ? 'Confirm' : 'Dismiss'} the proposed adverse event</h2>
      <p>
        <strong>{ae.term}</strong>, CTCAE grade {ae.grade}, onset {ae.onsetDate} (proposed from a graded lab value).
      </p>
      {confirming ? (
        <>
          <label className="choice">
            <input type="checkbox" checked={serious} onChange={(e) => setSerious(e.target.checked)} /> Serious
          </label>
          {serious ? (
            <fieldset id="aed-criteria" aria-describedby={describedBy('aed-criteria', errorAt('seriousCriteria'))}>
              <legend>Seriousness criteria (ICH E2A)</legend>
              {seriousCriteria.map((c) => (
                <label className="choice" key={c}>
                  <input type="checkbox" checked={criteria.includes(c)} onChange={(e) => setCriteria((p) => (e.target.checked ? [...p, c] : p.filter((x) => x !== c)))} /> {c}
                </label>
              ))}
              <FieldError id="aed-criteria" message={errorAt('seriousCriteria')} />
            </fieldset>
          ) : null}
          <div className="row">
            {select('aed-relatedness', 'Relatedness to the study drug', 'relatedness', relatedness, (v) => setRelatedness(v as Relatedness | ''), relatednessLevels, '— choose —')}
            {select('aed-action', 'Action taken', 'actionTaken', actionTaken, setActionTaken, actionsTaken, 'not recorded')}
            {select('aed-outcome', 'Outcome', 'outcome', outcome, setOutcome, aeOutcomes, 'not recorded')}
          </div>
        </>
      ) : null}
      <TextField id="aed-reason" label={confirming ? 'Reason (for the audit trail)' : 'Why is it not an adverse event?'} multiline value={reason} onChange={setReason} error={errorAt('reason')} />
      <FormActions error={unplacedError(error, placedFields)} submit={confirming ? 'Confirm adverse event' : 'Dismiss adverse event'} onCancel={onCancel} />
    </form>
  );
}
