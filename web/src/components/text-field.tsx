import { FieldError, describedBy } from './field-error.js';

/**
 * A labelled text box (a date, or several lines with `multiline`) with its error beside it, tied to
 * it by aria-describedby; `grow` lets it take the rest of a row.
 */
export function TextField({
  id,
  label,
  value,
  onChange,
  error,
  type = 'text',
  multiline = false,
  required = false,
  grow = false,
  autoComplete,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
  type?: 'text' | 'date' | 'password' | 'email' | 'number';
  multiline?: boolean;
  required?: boolean;
  grow?: boolean;
  /** The browser's autofill hint ("current-password" for a signature or an unblinding). */
  autoComplete?: string;
}) {
  const common = {
    id,
    value,
    required,
    autoComplete,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(id, error),
  };
  return (
    <div className={grow ? 'field grow' : 'field'}>
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea {...common} rows={3} cols={40} onChange={(e) => onChange(e.target.value)} /> : <input {...common} type={type} onChange={(e) => onChange(e.target.value)} />}
      <FieldError id={id} message={error} />
    </div>
  );
}
