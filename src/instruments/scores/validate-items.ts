import { AppError } from '../../errors/app-error.js';
import type { InstrumentDefinition, InstrumentItem, ItemValues } from './instrument.js';
import { entryByCode } from '../../errors/define-errors.js';
import { instrumentsErrors } from '../errors.js';

export type ItemIssue = {
  readonly code: 'INSTRUMENT_ITEM_MISSING' | 'INSTRUMENT_ITEM_NOT_A_NUMBER' | 'INSTRUMENT_ITEM_OUT_OF_RANGE' | 'INSTRUMENT_UNKNOWN_ITEM' | 'INSTRUMENT_ITEM_ALTERNATIVE_CONFLICT';
  readonly item: string;
  readonly message: string;
};

function describeAllowed(item: InstrumentItem): string {
  const a = item.allowed;
  return a.kind === 'choice' ? `one of ${a.options.map((o) => o.value).join(', ')}` : `${a.integer ? 'a whole number' : 'a number'} from ${a.min} to ${a.max}`;
}

function isAllowed(item: InstrumentItem, v: number): boolean {
  const a = item.allowed;
  if (a.kind === 'choice') return a.options.some((o) => o.value === v);
  return v >= a.min && v <= a.max && (!a.integer || Number.isInteger(v));
}

/** Every problem with a set of item values, in item order (an eCRF edit check shows them all). */
export function validateItems(def: InstrumentDefinition, values: ItemValues): ItemIssue[] {
  const issues: ItemIssue[] = [];
  const known = new Set(def.items.map((i) => i.id));
  const given = (id: string) => values[id] !== undefined && values[id] !== null;

  for (const item of def.items) {
    const v = values[item.id];
    if (v === undefined || v === null) {
      if (item.required) issues.push({ code: 'INSTRUMENT_ITEM_MISSING', item: item.id, message: `${def.name} item "${item.id}" is missing` });
    } else if (typeof v !== 'number' || !Number.isFinite(v)) {
      issues.push({ code: 'INSTRUMENT_ITEM_NOT_A_NUMBER', item: item.id, message: `${def.name} item "${item.id}" must be a number, not ${JSON.stringify(v)}` });
    } else if (!isAllowed(item, v)) {
      issues.push({ code: 'INSTRUMENT_ITEM_OUT_OF_RANGE', item: item.id, message: `${def.name} item "${item.id}" must be ${describeAllowed(item)}, not ${v}` });
    }
  }
  for (const group of def.exactlyOneOf ?? []) {
    const present = group.filter(given);
    const [first] = group;
    if (present.length === 0 && first !== undefined) {
      issues.push({ code: 'INSTRUMENT_ITEM_MISSING', item: first, message: `${def.name} needs exactly one of items ${group.map((g) => `"${g}"`).join(' or ')}, and none is given` });
    } else if (present.length > 1) {
      issues.push({
        code: 'INSTRUMENT_ITEM_ALTERNATIVE_CONFLICT',
        item: present[1] ?? '',
        message: `${def.name} items ${present.map((g) => `"${g}"`).join(' and ')} are alternatives, so only one may be given`,
      });
    }
  }
  for (const id of Object.keys(values)) {
    if (!known.has(id)) issues.push({ code: 'INSTRUMENT_UNKNOWN_ITEM', item: id, message: `${def.name} has no item "${id}"` });
  }
  return issues;
}

/** Throws one AppError for the first issue, mentioning how many others there are; returns the values as numbers. */
export function assertValidItems(def: InstrumentDefinition, values: ItemValues): Readonly<Record<string, number>> {
  const issues = validateItems(def, values);
  const [first] = issues;
  if (first) {
    const more =
      issues.length > 1
        ? ` (and ${issues.length - 1} more: ${issues
            .slice(1)
            .map((i) => `"${i.item}"`)
            .join(', ')})`
        : '';
    throw new AppError(entryByCode(instrumentsErrors, first.code), `${first.message}${more}.`, first.item);
  }
  return values as Readonly<Record<string, number>>;
}
