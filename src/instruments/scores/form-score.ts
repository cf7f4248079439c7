import { refuseInvalidForm } from '../../forms/refuse-invalid-form.js';
import type { FormDefinition } from '../../forms/definition.js';
import type { InstrumentDefinition, InstrumentId, InstrumentScore, ItemValues } from './instrument.js';
import { assertValidItems } from './validate-items.js';

/**
 * Score an instrument from its form: the items checked as the instrument always checked them (same
 * codes and messages), then the form's calculated items evaluated; the total and components are the
 * calculated items its scoring names.
 */
export function scoreWithForm(def: InstrumentDefinition & { id: InstrumentId }, form: FormDefinition, values: ItemValues): InstrumentScore {
  const valid = assertValidItems(def, values);
  const { entries } = refuseInvalidForm(form, valid);
  const calculated = (id: string) => {
    const v = entries.find((e) => e.item === id)?.value;
    // A valid instrument has every score item: a missing one is a defect of its form.
    if (typeof v !== 'number') throw new Error(`${def.id}: calculated item "${id}" has no number (${String(v)})`);
    return v;
  };
  const scoring = form.scoring!;
  return {
    instrument: def.id,
    total: calculated(scoring.total),
    components: Object.fromEntries(Object.entries(scoring.components).map(([name, id]) => [name, calculated(id)])),
  };
}
