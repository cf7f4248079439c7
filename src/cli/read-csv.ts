import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { AppError } from '../errors/app-error.js';
import { statsErrors } from '../analysis/stats/errors.js';

export type CsvRow = Record<string, string>;

/** A CSV file with a header row, as one record per line (cells trimmed); unreadable or malformed files are a STATS_CSV_UNREADABLE error. */
export function readCsv(file: string): CsvRow[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new AppError(statsErrors.CSV_UNREADABLE, `Cannot read the CSV file ${file}: ${(e as NodeJS.ErrnoException).code ?? 'unknown error'}.`, file);
  }
  try {
    return parse(text, { columns: true, skip_empty_lines: true, trim: true, bom: true }) as CsvRow[];
  } catch (e) {
    throw new AppError(statsErrors.CSV_UNREADABLE, `The CSV file ${file} is malformed: ${(e as Error).message}`, file);
  }
}
