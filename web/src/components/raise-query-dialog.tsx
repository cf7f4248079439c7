import { useState, type FormEvent } from 'react';
import { api, toApiError, type ApiError } from '../api.js';
import { unplacedError } from '../unplaced-error.js';
import { FormActions } from './form-actions.js';
import { Modal } from './modal.js';
import { TextField } from './text-field.js';

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
      <TextField id="query-text" label="Query to the site" multiline value={text} onChange={setText} error={textError} />
      <FormActions error={unplacedError(error, ['text'])} submit="Raise query" onCancel={onCancel} />
    </form>
  );
}
