import { useState } from 'react';
import { api, type ApiError, toApiError, type Participant, type Unblinding } from '../api.js';
import { ArmName } from './arm-name.js';
import { Modal } from './modal.js';
import { UnblindDialog } from './unblind-dialog.js';

/**
 * Randomization of an enrolled participant and what it gave: the kit number always, the arm only
 * when the server sends one (it masks arms for blinded roles, so a blinded user never receives it).
 */
export function RandomizationPanel({ participant: p, onChanged }: { participant: Participant; onChanged: () => void }) {
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [unblinded, setUnblinded] = useState<Unblinding | null>(null);
  const kit = p.kitNumber ?? null;
  const arm = unblinded ? unblinded.armId : p.armId;
  const randomize = () => {
    setConfirming(false);
    setBusy(true);
    setError(null);
    api.randomize(p.id).then(
      () => {
        setBusy(false);
        onChanged();
      },
      (err: unknown) => {
        setBusy(false);
        setError(toApiError(err));
      },
    );
  };
  if (!kit && p.status !== 'enrolled') return null;
  return (
    <section className="card" aria-labelledby="rand-title">
      <h2 id="rand-title">Randomization</h2>
      {kit ? (
        <dl className="facts">
          <div>
            <dt>Kit number</dt>
            <dd id="kit-number">{kit}</dd>
          </div>
          {arm ? (
            <div>
              <dt>Allocation</dt>
              <dd id="allocation">{p.studyId ? <ArmName studyId={p.studyId} armId={arm} /> : arm}</dd>
            </div>
          ) : null}
        </dl>
      ) : (
        <>
          <p>Enrolled and not yet randomized. Randomizing assigns the next kit of the study's allocation list; it cannot be undone.</p>
          <button type="button" onClick={() => setConfirming(true)} disabled={busy}>
            Randomize…
          </button>
          {/* Randomizing cannot be undone: a second, explicit click is asked for. */}
          <Modal open={confirming} titleId="rand-confirm-title" onCancel={() => setConfirming(false)}>
            <h2 id="rand-confirm-title">Randomize {p.code}?</h2>
            <p>This assigns the next kit of the allocation list to {p.code}. It cannot be undone.</p>
            <div className="buttons">
              <button type="button" onClick={randomize}>
                Randomize {p.code}
              </button>
              <button type="button" className="secondary" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </div>
          </Modal>
        </>
      )}
      {kit && !arm ? (
        <button type="button" className="secondary" onClick={() => setAsking(true)}>
          Emergency unblinding…
        </button>
      ) : null}
      {error ? (
        <p role="alert" className="error">
          {error.message}
        </p>
      ) : null}
      <UnblindDialog
        participantId={p.id}
        open={asking}
        onCancel={() => setAsking(false)}
        onDone={(u) => {
          setAsking(false);
          setUnblinded(u);
        }}
      />
    </section>
  );
}
