import type { ReactNode } from 'react';

/**
 * The end of a form: a refusal that belongs beside no field, announced, then the submit button and,
 * where the form can be left (a dialog), Cancel.
 */
export function FormActions({ error, submit, onCancel }: { error: string | undefined; submit: ReactNode; onCancel?: () => void }) {
  return (
    <>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      <div className="buttons">
        <button type="submit">{submit}</button>
        {onCancel ? (
          <button type="button" className="secondary" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </>
  );
}
