/** The id of a field's error message, for `aria-describedby`. */
export function errorId(fieldId: string): string {
  return `${fieldId}-error`;
}

export function describedBy(fieldId: string, message: string | undefined, hintId?: string): string | undefined {
  const ids = [hintId, message ? errorId(fieldId) : undefined].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

/** A message shown beside its field and announced when it appears. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  if (!message) return null;
  return (
    <p id={errorId(id)} className="field-error" role="alert">
      {message}
    </p>
  );
}
