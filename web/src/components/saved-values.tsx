import type { VisitData } from '../api.js';
import { savedValue, valueText } from '../data-queries.js';
import type { Aside } from '../visit-part.js';

/**
 * A visit's saved values, read-only, for those who review the data rather than enter it: each field
 * by its label with its value as saved (or "not entered") and what goes under it (its data queries,
 * the action to raise one). `fields` are visit-form field ids (data-queries.ts) with their labels.
 */
export function SavedValues({ visit, fields, aside }: { visit: VisitData | undefined; fields: readonly { readonly field: string; readonly label: string }[]; aside: Aside }) {
  return (
    <dl className="items">
      {fields.map(({ field, label: name }) => {
        const value = savedValue(visit, field);
        return (
          <div className="item" key={field} data-field={field}>
            <dt>{name}</dt>
            <dd>
              {value ? <strong>{valueText(value)}</strong> : <span className="muted">not entered</span>}
              {aside(field, name)}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
