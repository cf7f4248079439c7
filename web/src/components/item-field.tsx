import type { ReactNode } from 'react';
import type { InstrumentItem } from '../../../src/instruments/scores/instrument.js';
import { FieldError, describedBy } from './field-error.js';

function allowedText(item: InstrumentItem): string {
  const a = item.allowed;
  if (a.kind === 'range') return `${a.integer ? 'Whole number' : 'Number'} from ${a.min} to ${a.max}${item.unit ? ` ${item.unit}` : ''}`;
  // The levels' labels are the choice's options; the hint only names the coded values.
  return `One of ${a.options.map((o) => String(o.value)).join(', ')}`;
}

/**
 * One instrument item. An item of coded levels (ESSDAI's no/low/moderate/high activity, ALSFRS-R's
 * 0–4) is a choice of exactly those levels, each with its label, as the instrument's form gives them
 * (src/instruments/scores/instrument-form.ts: a single choice of the coded values); a range is a
 * number typed with the range beside it. A value not accepted is reported right there, tied to the
 * input by aria-describedby. `aside` goes under it (the item's data queries).
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
      {item.allowed.kind === 'choice' ? (
        <select id={fieldId} name={item.id} value={text} onChange={(e) => onChange(e.target.value)} aria-invalid={error ? true : undefined} aria-describedby={describedBy(fieldId, error, hintId)}>
          <option value="">—</option>
          {/* A saved value the levels do not hold (entered before a change) still shows, to be corrected. */}
          {text !== '' && !item.allowed.options.some((o) => String(o.value) === text) ? <option value={text}>{text} (not a level)</option> : null}
          {item.allowed.options.map((o) => (
            <option key={o.value} value={String(o.value)}>
              {o.label === String(o.value) ? String(o.value) : `${o.value} = ${o.label}`}
            </option>
          ))}
        </select>
      ) : (
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
      )}
      <p id={hintId} className="hint">
        {allowedText(item)}
      </p>
      <FieldError id={fieldId} message={error} />
      {aside}
    </div>
  );
}
