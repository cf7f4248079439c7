import type { Group } from '../../../src/forms/form-schema.js';
import type { FormTexts } from '../forms/typed-value.js';
import { cellPath } from '../forms/group-rows.js';
import { FieldError } from './field-error.js';
import { FormRendererField } from './form-renderer-field.js';
import { TextField } from './text-field.js';

/** What a repeating group's table needs of its form: every cell named by its value path (`meds[0].dose`). */
export interface GroupCells {
  readonly texts: FormTexts;
  readonly units: Readonly<Record<string, string>>;
  readonly reasons: Readonly<Record<string, string>>;
  readonly hidden: ReadonlySet<string>;
  readonly errorFor: (path: string) => string | undefined;
  readonly soft: (path: string) => boolean;
  readonly calculated: (path: string) => unknown;
  readonly onText: (path: string, text: string | string[]) => void;
  readonly onUnit: (path: string, unit: string) => void;
  readonly onReason: (path: string, reason: string) => void;
}

/** A repeating group (a cytokine list, concomitant medications) as a table of its rows, with a row added or removed. */
export function FormRendererGroup({
  formId,
  group,
  count,
  cells,
  onAdd,
  onRemove,
}: {
  formId: string;
  group: Group;
  count: number;
  cells: GroupCells;
  onAdd: () => void;
  onRemove: (row: number) => void;
}) {
  const id = `${formId}-${group.id}`;
  const full = group.maxRows !== undefined && count >= group.maxRows;
  return (
    <fieldset id={id} className="repeating-group">
      <legend>{group.label}</legend>
      {group.help ? <p className="hint">{group.help}</p> : null}
      {count === 0 ? (
        <p className="muted">No rows yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Row</th>
              {group.items.map((i) => (
                <th key={i.id} scope="col">
                  {i.label}
                </th>
              ))}
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {Array.from({ length: count }, (_, r) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a row is its position, as its value paths are
              <tr key={r}>
                <th scope="row">{r + 1}</th>
                {group.items.map((item) => {
                  const path = cellPath(group.id, r, item.id);
                  const cellId = `${formId}-${group.id}-${r}-${item.id}`;
                  if (cells.hidden.has(path)) return <td key={item.id} />;
                  if (item.type === 'calculated') {
                    const v = cells.calculated(path);
                    return (
                      <td key={item.id} aria-live="polite">
                        <output id={cellId}>{v === null || v === undefined ? '—' : String(v)}</output>
                        {item.unit ? ` ${item.unit}` : ''}
                      </td>
                    );
                  }
                  return (
                    <td key={item.id}>
                      <FormRendererField
                        id={cellId}
                        item={{ ...item, label: `${item.label}, row ${r + 1}` }}
                        text={cells.texts[path] ?? ''}
                        unit={cells.units[path]}
                        error={cells.errorFor(path)}
                        onText={(t) => cells.onText(path, t)}
                        onUnit={(u) => cells.onUnit(path, u)}
                      />
                      {cells.soft(path) ? (
                        <TextField
                          id={`${cellId}-confirm`}
                          label={`Why is ${item.label} in row ${r + 1} right? (opens a data query)`}
                          value={cells.reasons[path] ?? ''}
                          onChange={(v) => cells.onReason(path, v)}
                          error={undefined}
                        />
                      ) : null}
                    </td>
                  );
                })}
                <td>
                  <button type="button" onClick={() => onRemove(r)}>
                    Remove row {r + 1}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button type="button" onClick={onAdd} disabled={full}>
        Add a row{full ? ` (at most ${group.maxRows})` : ''}
      </button>
      <FieldError id={id} message={cells.errorFor(group.id)} />
    </fieldset>
  );
}
