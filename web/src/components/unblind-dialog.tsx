import { useState, type FormEvent } from 'react';
import { api, ApiError, toApiError, type Unblinding } from '../api.js';
import { unplacedError } from '../unplaced-error.js';
import { FormActions } from './form-actions.js';
import { Modal } from './modal.js';
import { TextField } from './text-field.js';

/**
 * Emergency unblinding (ICH E6(R2) 4.7: the investigator may break the code for a participant's
 * safety and must document why). The reason and the user's own password are asked for each time;
 * a missing reason is refused beside its field before anything is sent.
 */
export function UnblindDialog({ participantId, open, onDone, onCancel }: { participantId: string; open: boolean; onDone: (u: Unblinding) => void; onCancel: () => void }) {
  return (
    <Modal open={open} titleId="unblind-title" onCancel={onCancel}>
      <UnblindForm participantId={participantId} onDone={onDone} onCancel={onCancel} />
    </Modal>
  );
}

function UnblindForm({ participantId, onDone, onCancel }: { participantId: string; onDone: (u: Unblinding) => void; onCancel: () => void }) {
  const [reason, setReason] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!reason.trim()) {
      setError(new ApiError('AUDIT_REASON_REQUIRED', 'Give the reason for unblinding: it goes into the audit trail.', 0, 'reason'));
      return;
    }
    setError(null);
    api.unblind(participantId, reason.trim(), password).then(onDone, (err: unknown) => setError(toApiError(err)));
  };
  const errorAt = (path: string) => (error?.path === path ? error.message : undefined);
  return (
    <form onSubmit={submit} noValidate>
      <h2 id="unblind-title">Emergency unblinding</h2>
      <p>The allocation of this participant will be shown to you and recorded in the audit trail with your reason.</p>
      <TextField id="unblind-reason" label="Reason" multiline value={reason} onChange={setReason} error={errorAt('reason')} />
      <TextField id="unblind-password" label="Your password" type="password" autoComplete="current-password" value={password} onChange={setPassword} error={errorAt('password')} />
      <FormActions error={unplacedError(error, ['reason', 'password'])} submit="Unblind" onCancel={onCancel} />
    </form>
  );
}
