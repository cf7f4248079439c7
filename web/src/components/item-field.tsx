import type { ReactNode } from 'react';
import type { InstrumentItem } from '../../../src/instruments/scores/instrument.js';
import { FieldError, describedBy } from './field-error.js';

function allowedText(item: InstrumentItem): string {
  const a = item.allowed;
  if (a.kind === 'range') return `${a.integer ? 'Whole number' : 'Number'} from ${a.min} to ${a.max}${item.unit ? ` ${item.unit}` : ''}`;
  return a.options.map((o) => (o.label === String(o.value) ? String(o.value) : `${o.value} = ${o.label}`)).join(' · ');
}

/**
 * One instrument item typed as a number (fast keyboard entry); the accepted values are written
 * beside it, and a value outside them is reported right there, tied to the input by aria-describedby.
 * `aside` goes under it (the item's data queries).
 */
export function ItemField({
  fieldId,
  item,
  text,
  error,
  onChange,
  aside,
}: {
  fieldId: string;
  item: InstrumentItem;
  text: string;
  error: string | undefined;
  onChange: (text: string) => void;
  aside?: ReactNode;
}) {
  const hintId = `${fieldId}-hint`;
  return (
    <div className="item">
      <label htmlFor={fieldId}>
        {item.label}
        {item.weight !== undefined && item.weight !== 1 ? <span className="muted"> (weight {item.weight})</span> : null}
      </label>
      <input
        id={fieldId}
        name={item.id}
        inputMode="decimal"
        autoComplete="off"
        size={6}
        value={text}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fieldId, error, hintId)}
      />
      <p id={hintId} className="hint">
        {allowedText(item)}
      </p>
      <FieldError id={fieldId} message={error} />
      {aside}
    </div>
  );
}
