import { useState, type FormEvent } from 'react';
import { can } from '../../../src/access/index.js';
import { type ApiError, toApiError } from '../api.js';
import { signatureApi, type ShownSignature } from '../api/signatures.js';
import { useSession } from '../session.js';
import { unplacedError } from '../unplaced-error.js';
import { useLoad } from '../use-load.js';
import { FormActions } from './form-actions.js';
import { Loaded } from './loaded.js';
import { Modal } from './modal.js';
import { TextField } from './text-field.js';

interface Props {
  readonly participantId: string;
  /** null: the participant's casebook. */
  readonly visitId: string | null;
  readonly scope: { readonly studyId: string; readonly siteId: string } | null;
  /** Changes when the signed data may have changed (a save): the signatures are read again. */
  readonly refresh?: string;
}

/**
 * The signature lines of a visit or a casebook (signer, date-time, meaning; an invalidated one says
 * so), and for the investigator a Sign action that asks for the password again.
 */
export function Signatures({ participantId, visitId, scope, refresh = '' }: Props) {
  const { session } = useSession();
  const [list, reload] = useLoad(() => signatureApi.list(participantId), `signatures/${participantId}/${refresh}`);
  const [signing, setSigning] = useState(false);
  const what = visitId === null ? 'casebook' : 'visit';
  const maySign = scope !== null && can({ assignments: session.roles }, 'record.sign', scope);
  return (
    <section aria-label={`Signatures of this ${what}`} className="signatures">
      <Loaded state={list} what="the signatures">
        {(all) => <SignatureLines signatures={all.filter((s) => s.visitId === visitId)} what={what} />}
      </Loaded>
      {maySign ? (
        <button type="button" onClick={() => setSigning(true)}>
          Sign the {what}…
        </button>
      ) : null}
      <Modal open={signing} titleId="sign-title" onCancel={() => setSigning(false)}>
        {signing ? (
          <SignForm
            what={what}
            onSign={(password) => signatureApi.sign(participantId, visitId, password)}
            onDone={() => {
              setSigning(false);
              reload();
            }}
            onCancel={() => setSigning(false)}
          />
        ) : null}
      </Modal>
    </section>
  );
}

function SignatureLines({ signatures, what }: { signatures: readonly ShownSignature[]; what: string }) {
  if (signatures.length === 0) return <p>This {what} is not signed.</p>;
  return (
    <ul className="signature-lines">
      {signatures.map((s) => (
        <li key={s.id} className={`signature-${s.status}`}>
          Signed: {s.line}
        </li>
      ))}
    </ul>
  );
}

function SignForm({ what, onSign, onDone, onCancel }: { what: string; onSign: (password: string) => Promise<unknown>; onDone: () => void; onCancel: () => void }) {
  const [password, setPassword] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    onSign(password).then(onDone, (err: unknown) => setError(toApiError(err)));
  };
  const errorAt = (path: string) => (error?.path === path ? error.message : undefined);
  return (
    <form onSubmit={submit} noValidate>
      <h2 id="sign-title">Sign the {what}</h2>
      <p>Your signature means: reviewed and approved. It is recorded with your name and the time, and a later change of the {what} invalidates it.</p>
      <TextField id="sign-password" label="Your password" type="password" autoComplete="current-password" value={password} onChange={setPassword} error={errorAt('password')} />
      <FormActions error={unplacedError(error, ['password'])} submit="Sign" onCancel={onCancel} />
    </form>
  );
}
