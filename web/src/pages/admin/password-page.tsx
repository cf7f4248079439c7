import { useState, type FormEvent } from 'react';
import { ApiError } from '../../api.js';
import { adminApi } from '../../api/admin.js';
import { FormActions } from '../../components/form-actions.js';
import { Page } from '../../components/page.js';
import { TextField } from '../../components/text-field.js';
import { unplacedError } from '../../unplaced-error.js';
import { useAction } from './use-action.js';

/**
 * Change one's own password: any user, any time; the only page a user whose password an
 * administrator set (a new account, a reset) can reach until they have changed it.
 */
export function PasswordPage({ forced, onChanged }: { forced: boolean; onChanged: () => void }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');
  const a = useAction();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    a.run(
      async () => {
        if (next !== repeat) throw new ApiError('HTTP_INVALID_BODY', 'The two new passwords differ: type the same one twice.', 400, 'repeat');
        await adminApi.changePassword(current, next);
        onChanged();
      },
      () => 'Password changed.',
    );
  };
  return (
    <Page title="Change your password">
      {forced ? <p>Your password was issued to you (at first start or by an administrator). Choose your own (at least 12 characters, not a common password) to continue.</p> : null}
      <form className="card" onSubmit={submit} aria-label="Change your password">
        <TextField id="pw-current" label="Current password" type="password" required value={current} onChange={setCurrent} error={a.at('currentPassword')} />
        <TextField id="pw-new" label="New password" type="password" required value={next} onChange={setNext} error={a.at('newPassword')} />
        <TextField id="pw-repeat" label="New password again" type="password" required value={repeat} onChange={setRepeat} error={a.at('repeat')} />
        <FormActions error={unplacedError(a.error, ['currentPassword', 'newPassword', 'repeat'])} status={a.status} submit="Change password" />
      </form>
    </Page>
  );
}
