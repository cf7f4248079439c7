import { useState, type FormEvent } from 'react';
import { FormActions } from './form-actions.js';
import { Modal } from './modal.js';
import { TextField } from './text-field.js';

/**
 * Asks why saved data are being changed (an audit-trail requirement, ICH E6(R2) 4.9.3 / 21 CFR 11.10(e)).
 */
export function ReasonDialog({ open, changes, onConfirm, onCancel }: { open: boolean; changes: readonly string[]; onConfirm: (reason: string) => void; onCancel: () => void }) {
  return (
    <Modal open={open} titleId="reason-title" onCancel={onCancel}>
      <ReasonForm changes={changes} onConfirm={onConfirm} onCancel={onCancel} />
    </Modal>
  );
}

function ReasonForm({ changes, onConfirm, onCancel }: { changes: readonly string[]; onConfirm: (reason: string) => void; onCancel: () => void }) {
  const [reason, setReason] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim()) onConfirm(reason.trim());
  };
  return (
    <form onSubmit={submit}>
      <h2 id="reason-title">Reason for change</h2>
      <p>These saved values change:</p>
      <ul>
        {changes.map((c) => (
          <li key={c}>{c}</li>
        ))}
      </ul>
      <TextField id="change-reason" label="Why are they changed?" multiline required value={reason} onChange={setReason} error={undefined} />
      <FormActions error={undefined} submit="Save with this reason" onCancel={onCancel} />
    </form>
  );
}
