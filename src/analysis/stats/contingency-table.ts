import { AppError } from '../../errors/app-error.js';
import { statsErrors } from './errors.js';

/** Counts by row (group) and column (outcome). */
export type ContingencyTable = readonly (readonly number[])[];

/** Checks a table of non-negative integer counts with at least `min` rows and columns, all rows equally long. */
export function checkTable(table: ContingencyTable, shape: '2x2' | 'rxc'): void {
  const cols = table[0]?.length ?? 0;
  const ok = shape === '2x2' ? table.length === 2 && cols === 2 : table.length >= 2 && cols >= 2;
  if (!ok || table.some((row) => row.length !== cols)) {
    throw new AppError(
      statsErrors.INVALID_TABLE,
      `The table must be ${shape === '2x2' ? '2×2' : 'at least 2×2 and rectangular'}, got ${table.length} rows of ${table.map((r) => r.length).join('/')} columns.`,
    );
  }
  table.forEach((row, i) =>
    row.forEach((v, j) => {
      if (!(Number.isInteger(v) && v >= 0)) throw new AppError(statsErrors.INVALID_TABLE, `Cell [${i + 1}, ${j + 1}] must be a non-negative whole count, got ${v}.`);
    }),
  );
}

export function rowSums(table: ContingencyTable): number[] {
  return table.map((r) => r.reduce((a, b) => a + b, 0));
}

export function colSums(table: ContingencyTable): number[] {
  return (table[0] ?? []).map((_, j) => table.reduce((a, r) => a + r[j]!, 0));
}
