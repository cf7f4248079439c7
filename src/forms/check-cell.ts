import { parseIsoDay } from '../dates/iso-date.js';
import type { Item, Range } from './form-schema.js';

export type CellValue = number | string | boolean | readonly (number | string)[];

/** One checked value: as entered (with the unit it was entered in) and as expressions see it. */
export interface Cell {
  readonly value: CellValue;
  readonly unit?: string;
  /** A decimal in the item's first (canonical) unit; otherwise the value itself. */
  readonly canonical: CellValue;
}

export type CellProblem = { readonly code: 'FORM_VALUE_INVALID' | 'FORM_HARD_RANGE_VIOLATION'; readonly message: string } | { readonly code: 'SoftRange'; readonly message: string };

export type CellCheck = { readonly cell: Cell; readonly soft?: string } | { readonly problem: CellProblem };

/** Nothing entered: undefined, null, empty text or no option chosen. */
export function isBlank(v: unknown): boolean {
  return v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);
}

const describe = (r: Range, unit: string | undefined) => {
  const u = unit ? ` ${unit}` : '';
  if (r.min !== undefined && r.max !== undefined) return `from ${r.min} to ${r.max}${u}`;
  return r.min !== undefined ? `at least ${r.min}${u}` : `at most ${r.max}${u}`;
};
const outside = (r: Range | undefined, x: number) => r !== undefined && ((r.min !== undefined && x < r.min) || (r.max !== undefined && x > r.max));

function decimals(x: number): number {
  const [, frac = '', exp = '0'] = /^-?\d*(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(String(x)) ?? [];
  return Math.max(0, frac.length - Number(exp));
}

function ranged(item: Item & { hard?: Range; soft?: Range }, entered: CellValue, unit: string | undefined, x: number, shownUnit: string | undefined): CellCheck {
  const cell: Cell = unit === undefined ? { value: entered, canonical: x } : { value: entered, unit, canonical: x };
  const shown = unit !== undefined && unit !== shownUnit ? ` (${x} ${shownUnit} once converted)` : '';
  if (outside(item.hard, x))
    return {
      problem: { code: 'FORM_HARD_RANGE_VIOLATION', message: `"${item.label}" (${item.id}) must be ${describe(item.hard!, shownUnit)}, not ${String(entered)}${unit ? ` ${unit}` : ''}${shown}` },
    };
  if (outside(item.soft, x)) return { cell, soft: `"${item.label}" (${item.id}) is ${String(entered)}${unit ? ` ${unit}` : ''}${shown}, outside the expected ${describe(item.soft!, shownUnit)}` };
  return { cell };
}

/** Check one entered value against its item (never a blank, never a calculated item). */
export function checkCell(item: Item, raw: unknown): CellCheck {
  const invalid = (what: string): CellCheck => ({ problem: { code: 'FORM_VALUE_INVALID', message: `"${item.label}" (${item.id}) must be ${what}, not ${JSON.stringify(raw)}` } });
  const plain = (value: CellValue): CellCheck => ({ cell: { value, canonical: value } });
  switch (item.type) {
    case 'integer':
      if (typeof raw !== 'number' || !Number.isInteger(raw)) return invalid('a whole number');
      return ranged(item, raw, undefined, raw, item.unit);
    case 'decimal': {
      const units = item.units ?? [];
      const given = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as { value?: unknown; unit?: unknown }) : { value: raw, unit: units[0]?.unit };
      if (typeof given.value !== 'number' || !Number.isFinite(given.value)) return invalid(units.length > 1 ? `a number with its unit, { "value": 1.5, "unit": "${units[0]!.unit}" }` : 'a number');
      const u = units.find((x) => x.unit === given.unit);
      if (units.length > 0 && !u) return invalid(`in ${units.map((x) => x.unit).join(' or ')}`);
      if (units.length === 0 && given.unit !== undefined) return invalid('a number without a unit');
      if (item.precision !== undefined && decimals(given.value) > item.precision) return invalid(`a number with at most ${item.precision} decimal${item.precision === 1 ? '' : 's'}`);
      return ranged(item, given.value, u?.unit, given.value * (u?.factor ?? 1), units[0]?.unit);
    }
    case 'text':
      if (typeof raw !== 'string') return invalid('text');
      if (item.maxLength !== undefined && raw.length > item.maxLength) return invalid(`at most ${item.maxLength} characters`);
      return plain(raw);
    case 'date':
      return typeof raw === 'string' && parseIsoDay(raw) !== undefined ? plain(raw) : invalid('a calendar date written YYYY-MM-DD');
    case 'time':
      return typeof raw === 'string' && /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/.test(raw) ? plain(raw) : invalid('a time of day written HH:MM (24-hour)');
    case 'single-choice': {
      const choice = item.choices.find((c) => c.code === raw || (typeof raw === 'string' && String(c.code) === raw));
      return choice ? plain(choice.code) : invalid(`one of ${item.choices.map((c) => c.code).join(', ')}`);
    }
    case 'multiple-choice': {
      const codes = item.choices.map((c) => c.code);
      if (!Array.isArray(raw)) return invalid(`a list of codes from ${codes.join(', ')}`);
      const chosen = raw.map((r) => item.choices.find((c) => c.code === r || (typeof r === 'string' && String(c.code) === r))?.code);
      if (chosen.some((c) => c === undefined)) return invalid(`a list of codes from ${codes.join(', ')}`);
      if (new Set(chosen).size !== chosen.length) return invalid('a list naming each option once');
      return plain(chosen as (number | string)[]);
    }
    case 'yes-no':
      // 1 / 0 as a REDCap yes/no field codes it.
      if (raw === true || raw === 1) return plain(true);
      if (raw === false || raw === 0) return plain(false);
      return invalid('yes or no (true or false)');
    case 'file':
      return typeof raw === 'string' ? plain(raw) : invalid("a document reference (the stored file's id)");
    case 'calculated':
      return { problem: { code: 'FORM_VALUE_INVALID', message: `"${item.label}" (${item.id}) is calculated by the form, so it cannot be entered` } };
  }
}
