import type { Value } from './expression/ast.js';
import { evaluate, type EvaluationContext } from './expression/evaluate.js';
import { roundTo } from './expression/functions.js';
import { parseExpression } from './expression/parse.js';
import { checkCell, isBlank, type Cell, type CellValue } from './check-cell.js';
import type { FormDefinition, Group, Item } from './form-schema.js';

export type FormIssueCode =
  | 'FORM_CHECK_FAILED'
  | 'FORM_VALUE_MISSING'
  | 'FORM_VALUE_INVALID'
  | 'FORM_HARD_RANGE_VIOLATION'
  | 'FORM_SOFT_RANGE_UNCONFIRMED'
  | 'FORM_UNKNOWN_FORM_ITEM'
  | 'FORM_ROW_COUNT_INVALID';

/** A reason the filled form is refused, at a value path: `item`, or `group[row].item`. */
export interface FormIssue {
  readonly code: FormIssueCode;
  readonly path: string;
  readonly message: string;
}

/** One value of the filled form, entered or calculated, in form order. */
export interface FilledEntry {
  readonly path: string;
  readonly item: string;
  readonly group?: string;
  readonly row?: number;
  readonly type: Item['type'];
  /** Entered as it was (a decimal in the unit it was entered in), or calculated (null when it has no value). */
  readonly value: CellValue | null;
  readonly unit?: string;
}

export interface SoftRangeConfirmation {
  readonly path: string;
  readonly message: string;
  readonly reason: string;
}

export interface FormValidation {
  readonly issues: readonly FormIssue[];
  readonly entries: readonly FilledEntry[];
  /** Values given for items that branching hides: not kept. */
  readonly ignored: readonly string[];
  /** Every item path branching hides now (what a form renderer leaves out). */
  readonly hidden: readonly string[];
  /** Soft-range values kept because they were confirmed with a reason (each raises a data query). */
  readonly confirmed: readonly SoftRangeConfirmation[];
}

/** What a form sends: item id → value; a repeating group's id → a list of rows, each item id → value. */
export type FormValues = Readonly<Record<string, unknown>>;

/** Path of a value → the reason its soft-range value is confirmed. */
export type Confirmations = Readonly<Record<string, string>>;

interface Slot {
  readonly item: Item;
  readonly group?: Group;
  readonly row?: number;
  readonly path: string;
  readonly raw: unknown;
}

const parsed = new Map<string, ReturnType<typeof parseExpression>>();
/** Expressions of a parsed definition are known to parse; each is parsed once per process. */
function ast(source: string) {
  let e = parsed.get(source);
  if (!e) parsed.set(source, (e = parseExpression(source)));
  return e;
}

const toValue = (c: CellValue): Value => (Array.isArray(c) ? null : (c as Value));

/**
 * Check a filled form against its definition: every problem at once (required items, types, hard
 * ranges refused, soft ranges needing a confirmed reason, unknown items, row counts), branching that
 * hides items (their values ignored, never required), calculated items evaluated in dependency order.
 */
export function validateFilledForm(form: FormDefinition, values: FormValues, confirmations: Confirmations = {}): FormValidation {
  const issues: FormIssue[] = [];
  const slots: Slot[] = [];
  const formItems = new Map<string, { item: Item; group?: Group }>();
  const groups = new Map<string, Group>();
  for (const entry of form.items) {
    if (entry.type !== 'group') formItems.set(entry.id, { item: entry });
    else if (entry.repeating) groups.set(entry.id, entry);
    else for (const item of entry.items) formItems.set(item.id, { item, group: entry });
  }
  for (const key of Object.keys(values)) {
    if (!formItems.has(key) && !groups.has(key)) issues.push({ code: 'FORM_UNKNOWN_FORM_ITEM', path: key, message: `Form ${form.id} has no item "${key}"` });
  }
  const rowsOf = new Map<string, Readonly<Record<string, unknown>>[]>();
  for (const entry of form.items) {
    if (entry.type === 'group' && entry.repeating) {
      const raw = values[entry.id];
      const rows = isBlank(raw) ? [] : Array.isArray(raw) && raw.every((r) => typeof r === 'object' && r !== null && !Array.isArray(r)) ? (raw as Record<string, unknown>[]) : undefined;
      if (!rows) {
        issues.push({ code: 'FORM_VALUE_INVALID', path: entry.id, message: `"${entry.label}" (${entry.id}) must be a list of rows, each an object of item id to value` });
        rowsOf.set(entry.id, []);
        continue;
      }
      rowsOf.set(entry.id, rows);
      rows.forEach((row, r) => {
        for (const key of Object.keys(row))
          if (!entry.items.some((i) => i.id === key)) issues.push({ code: 'FORM_UNKNOWN_FORM_ITEM', path: `${entry.id}[${r}].${key}`, message: `Group "${entry.id}" has no item "${key}"` });
        for (const item of entry.items) slots.push({ item, group: entry, row: r, path: `${entry.id}[${r}].${item.id}`, raw: row[item.id] });
      });
    } else {
      for (const item of entry.type === 'group' ? entry.items : [entry]) slots.push({ item, ...(entry.type === 'group' ? { group: entry } : {}), path: item.id, raw: values[item.id] });
    }
  }

  const cells = new Map<string, Cell | null>();
  const problems = new Map<string, FormIssue>();
  const soft = new Map<string, string>();
  for (const s of slots) {
    if (s.item.type === 'calculated' ? s.raw === undefined : isBlank(s.raw)) continue;
    const check = checkCell(s.item, s.raw);
    if ('problem' in check) {
      problems.set(s.path, { code: check.problem.code === 'SoftRange' ? 'FORM_SOFT_RANGE_UNCONFIRMED' : check.problem.code, path: s.path, message: check.problem.message });
      cells.set(s.path, null);
    } else {
      cells.set(s.path, check.cell);
      if (check.soft) soft.set(s.path, check.soft);
    }
  }

  const slotAt = new Map(slots.map((s) => [s.path, s]));
  const memoValue = new Map<string, Value>();
  const memoShown = new Map<string, boolean>();
  /** Where an expression is evaluated: the form, or one row of a repeating group. */
  type Scope = { readonly group?: Group | undefined; readonly row?: number | undefined };
  const formScope: Scope = {};
  const pathOf = (id: string, from: Scope): string => (from.group?.repeating && from.group.items.some((i) => i.id === id) ? `${from.group.id}[${from.row}].${id}` : id);
  const context = (from: Scope): EvaluationContext => ({
    item: (id, code) => {
      const target = slotAt.get(pathOf(id, from))!;
      const v = valueOf(target);
      if (code === undefined) return v;
      if (!shown(target)) return null;
      const cell = cells.get(target.path);
      return cell ? (cell.canonical as readonly (string | number)[]).some((c) => String(c) === code) : null;
    },
    lookup: (table, key) => form.lookups.find((t) => t.id === table)!.rows.find(([raw]) => raw === key)?.[1] ?? null,
  });
  const truthy = (v: Value) => v === true || (typeof v === 'number' && v !== 0);
  function shown(s: Slot): boolean {
    let v = memoShown.get(s.path);
    if (v === undefined) {
      v = (!s.group?.showIf || truthy(evaluate(ast(s.group.showIf), context(formScope)))) && (!s.item.showIf || truthy(evaluate(ast(s.item.showIf), context(s))));
      memoShown.set(s.path, v);
    }
    return v;
  }
  function valueOf(s: Slot): Value {
    if (memoValue.has(s.path)) return memoValue.get(s.path)!;
    let v: Value = null;
    if (shown(s)) {
      if (s.item.type === 'calculated') {
        const r = evaluate(ast(s.item.expression), context(s));
        v = typeof r === 'number' && s.item.precision !== undefined ? roundTo(r, s.item.precision) : r;
      } else {
        const cell = cells.get(s.path);
        v = cell ? toValue(cell.canonical) : null;
      }
    }
    memoValue.set(s.path, v);
    return v;
  }

  const entries: FilledEntry[] = [];
  const ignored: string[] = [];
  const hidden: string[] = [];
  const confirmed: SoftRangeConfirmation[] = [];
  for (const s of slots) {
    const place = s.group?.repeating ? { group: s.group.id, row: s.row! } : {};
    if (!shown(s)) {
      hidden.push(s.path);
      if (cells.has(s.path)) ignored.push(s.path);
      continue;
    }
    const problem = problems.get(s.path);
    if (problem) {
      issues.push(problem);
      continue;
    }
    if (s.item.type === 'calculated') {
      entries.push({ path: s.path, item: s.item.id, ...place, type: s.item.type, value: valueOf(s), ...(s.item.unit ? { unit: s.item.unit } : {}) });
      continue;
    }
    const cell = cells.get(s.path);
    if (!cell) {
      if (s.item.required) issues.push({ code: 'FORM_VALUE_MISSING', path: s.path, message: `"${s.item.label}" (${s.path}) is required` });
      continue;
    }
    const softMessage = soft.get(s.path);
    if (softMessage) {
      const reason = confirmations[s.path]?.trim();
      if (!reason) {
        issues.push({ code: 'FORM_SOFT_RANGE_UNCONFIRMED', path: s.path, message: `${softMessage}: confirm it with a reason, or correct it` });
        continue;
      }
      confirmed.push({ path: s.path, message: softMessage, reason });
    }
    entries.push({ path: s.path, item: s.item.id, ...place, type: s.item.type, value: cell.value, ...(cell.unit ? { unit: cell.unit } : {}) });
  }

  for (const [id, group] of groups) {
    const n = rowsOf.get(id)!.length;
    const shownGroup = !group.showIf || truthy(evaluate(ast(group.showIf), context(formScope)));
    if (!shownGroup) continue;
    if ((group.minRows !== undefined && n < group.minRows) || (group.maxRows !== undefined && n > group.maxRows)) {
      const want =
        group.minRows !== undefined && group.maxRows !== undefined
          ? `from ${group.minRows} to ${group.maxRows}`
          : group.minRows !== undefined
            ? `at least ${group.minRows}`
            : `at most ${group.maxRows}`;
      issues.push({ code: 'FORM_ROW_COUNT_INVALID', path: id, message: `"${group.label}" (${id}) needs ${want} rows, not ${n}` });
    }
  }
  for (const check of form.checks) {
    const holds = evaluate(ast(check.expression), context(formScope));
    if (holds === false) issues.push({ code: 'FORM_CHECK_FAILED', path: check.item ?? check.id, message: check.message });
  }
  return { issues, entries, ignored, hidden, confirmed };
}
