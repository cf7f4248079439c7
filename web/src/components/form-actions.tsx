import type { ReactNode } from 'react';

/**
 * The end of a form: a refusal that belongs beside no field, announced, what the last submit did
 * (`status`), then the submit button and, where the form can be left (a dialog), Cancel.
 */
export function FormActions({
  error,
  status,
  submit,
  disabled = false,
  onCancel,
}: {
  error: string | undefined;
  status?: string | null;
  submit: ReactNode;
  disabled?: boolean;
  onCancel?: () => void;
}) {
  return (
    <>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {status ? <p role="status">{status}</p> : null}
      <div className="buttons">
        <button type="submit" disabled={disabled}>
          {submit}
        </button>
        {onCancel ? (
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </>
  );
}
