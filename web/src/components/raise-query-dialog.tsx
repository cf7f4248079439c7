import { useState, type FormEvent } from 'react';
import { api, toApiError, type ApiError } from '../api.js';
import { FieldError, describedBy } from './field-error.js';
import { Modal } from './modal.js';

/** The saved value a monitor or data manager asks the site about. */
export interface QueryTarget {
  readonly participantId: string;
  readonly visitId: string;
  readonly field: string;
  readonly label: string;
  readonly value: string;
}

/** Raising a data query on one saved value; the server checks the text and says why beside it. */
export function RaiseQueryDialog({ target, onRaised, onCancel }: { target: QueryTarget | null; onRaised: () => void; onCancel: () => void }) {
  return (
    <Modal open={target !== null} titleId="raise-query-title" onCancel={onCancel}>
      {target ? <RaiseQueryForm target={target} onRaised={onRaised} onCancel={onCancel} /> : null}
    </Modal>
  );
}

function RaiseQueryForm({ target, onRaised, onCancel }: { target: QueryTarget; onRaised: () => void; onCancel: () => void }) {
  const [text, setText] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    api.raiseQuery({ participantId: target.participantId, visitId: target.visitId, field: target.field, text: text.trim() }).then(onRaised, (err: unknown) => setError(toApiError(err)));
  };
  const textError = error?.path === 'text' ? error.message : undefined;
  return (
    <form onSubmit={submit} noValidate>
      <h2 id="raise-query-title">Raise a data query</h2>
      <p>
        On <strong>{target.label}</strong> <span className="muted">({target.field})</span>, saved as <strong>{target.value}</strong>.
      </p>
      <label htmlFor="query-text">Query to the site</label>
      <textarea id="query-text" rows={3} cols={40} value={text} onChange={(e) => setText(e.target.value)} aria-invalid={textError ? true : undefined} aria-describedby={describedBy('query-text', textError)} />
      <FieldError id="query-text" message={textError} />
      {error && !textError ? (
        <p role="alert" className="error">
          {error.message}
        </p>
      ) : null}
      <div className="buttons">
        <button type="submit">Raise query</button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
