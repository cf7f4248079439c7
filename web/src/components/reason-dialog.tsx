import { useEffect, useRef, useState, type FormEvent } from 'react';

/**
 * Asks why saved data are being changed (an audit-trail requirement, ICH E6(R2) 4.9.3 / 21 CFR 11.10(e)).
 * A modal <dialog>: focus moves into it, Escape cancels, focus returns to the page afterwards.
 */
export function ReasonDialog({ open, changes, onConfirm, onCancel }: { open: boolean; changes: readonly string[]; onConfirm: (reason: string) => void; onCancel: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [reason, setReason] = useState('');
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      setReason('');
      d.showModal();
    } else if (!open && d.open) d.close();
  }, [open]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (reason.trim()) onConfirm(reason.trim());
  };
  return (
    <dialog ref={ref} aria-labelledby="reason-title" onCancel={(e) => { e.preventDefault(); onCancel(); }}>
      <form onSubmit={submit}>
        <h2 id="reason-title">Reason for change</h2>
        <p>These saved values change:</p>
        <ul>
          {changes.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
        <label htmlFor="change-reason">Why are they changed?</label>
        <textarea id="change-reason" required rows={3} cols={40} value={reason} onChange={(e) => setReason(e.target.value)} />
        <div className="buttons">
          <button type="submit">Save with this reason</button>
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
}
