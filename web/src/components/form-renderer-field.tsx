import type { Item } from '../../../src/forms/definition.js';
import { describedBy, FieldError } from './field-error.js';

/** One entered item of a defined form: the input its type asks for, its unit, its error beside it. */
export function FormRendererField({
  id,
  item,
  text,
  unit,
  error,
  onText,
  onUnit,
}: {
  id: string;
  item: Item;
  text: string | readonly string[];
  unit: string | undefined;
  error: string | undefined;
  onText: (text: string | string[]) => void;
  onUnit: (unit: string) => void;
}) {
  const aria = { 'aria-describedby': describedBy(id, error, item.help ? `${id}-help` : undefined), 'aria-invalid': error ? true : undefined };
  const label = `${item.label}${item.type !== 'calculated' && item.required ? ' *' : ''}`;
  const single = typeof text === 'string' ? text : '';
  let input;
  if (item.type === 'single-choice' || item.type === 'yes-no') {
    const choices =
      item.type === 'yes-no'
        ? [
            { code: 'yes', label: 'Yes' },
            { code: 'no', label: 'No' },
          ]
        : item.choices;
    input = (
      <select id={id} value={single} onChange={(e) => onText(e.target.value)} {...aria}>
        <option value="">—</option>
        {choices.map((c) => (
          <option key={String(c.code)} value={String(c.code)}>
            {String(c.code)}: {c.label}
          </option>
        ))}
      </select>
    );
  } else if (item.type === 'multiple-choice') {
    const chosen = typeof text === 'string' ? [] : text;
    input = (
      <fieldset id={id} {...aria}>
        {item.choices.map((c) => (
          <label key={String(c.code)}>
            <input type="checkbox" checked={chosen.includes(String(c.code))} onChange={(e) => onText(e.target.checked ? [...chosen, String(c.code)] : chosen.filter((x) => x !== String(c.code)))} />{' '}
            {c.label}
          </label>
        ))}
      </fieldset>
    );
  } else {
    const type = item.type === 'date' ? 'date' : item.type === 'time' ? 'time' : 'text';
    input = <input id={id} type={type} inputMode={item.type === 'integer' || item.type === 'decimal' ? 'decimal' : undefined} value={single} onChange={(e) => onText(e.target.value)} {...aria} />;
  }
  const units = item.type === 'decimal' ? (item.units ?? []) : [];
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {input}
      {units.length > 1 ? (
        <select aria-label={`${item.label} unit`} value={unit ?? units[0]!.unit} onChange={(e) => onUnit(e.target.value)}>
          {units.map((u) => (
            <option key={u.unit}>{u.unit}</option>
          ))}
        </select>
      ) : units.length === 1 ? (
        <span> {units[0]!.unit}</span>
      ) : item.type === 'integer' && item.unit ? (
        <span> {item.unit}</span>
      ) : null}
      {item.help ? (
        <p id={`${id}-help`} className="hint">
          {item.help}
        </p>
      ) : null}
      <FieldError id={id} message={error} />
    </div>
  );
}
