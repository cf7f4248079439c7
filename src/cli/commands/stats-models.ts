import { AppError } from '../../errors/app-error.js';
import { fitAncova } from '../../analysis/models/ancova.js';
import { fitLmm } from '../../analysis/models/lmm.js';
import type { MixedModelDf } from '../../analysis/models/mixed-model.js';
import { fitMmrm } from '../../analysis/models/mmrm.js';
import { fitPiecewise } from '../../analysis/models/piecewise.js';
import type { DfMethod } from '../../analysis/models/small-sample-df.js';
import type { StatsOptions } from '../stats-options.js';
import { modelErrors } from '../../analysis/models/errors.js';

type Rows = readonly Record<string, string>[];

/**
 * `stats ancova|lmm|mmrm|piecewise`: CSV rows in, the fit (printed as JSON by the stats command) out.
 * Unset column options fall back to the conventional names below (arm, baseline, id, time, week, visit, value, change).
 */
export const modelCommands: Record<string, (rows: Record<string, string>[], opts: StatsOptions) => unknown> = {
  ancova: (rows, opts) => {
    const cols = { arm: opts.group ?? 'arm', baseline: opts.baseline ?? 'baseline', value: opts.value ?? 'change' };
    return fitAncova(
      present(rows, cols.value).map(({ row, line }) => ({
        arm: text(row, line, cols.arm),
        baseline: num(row, line, cols.baseline),
        change: num(row, line, cols.value),
      })),
    );
  },
  lmm: (rows, opts) => {
    const cols = { id: opts.id ?? 'id', time: opts.time ?? 'time', value: opts.value ?? 'value' };
    return fitLmm(
      present(rows, cols.value).map(({ row, line }) => ({
        id: text(row, line, cols.id),
        time: num(row, line, cols.time),
        value: num(row, line, cols.value),
        // Arms only when --group is given: `value ~ time * arm`; otherwise `value ~ time`.
        ...(opts.group !== undefined ? { arm: text(row, line, opts.group) } : {}),
      })),
      { df: dfMethod(opts, 'nlme') },
    );
  },
  mmrm: (rows, opts) => {
    const cols = { id: opts.id ?? 'id', arm: opts.group ?? 'arm', visit: opts.visit ?? 'visit', value: opts.value ?? 'value' };
    return fitMmrm(
      present(rows, cols.value).map(({ row, line }) => ({
        id: text(row, line, cols.id),
        arm: text(row, line, cols.arm),
        visit: text(row, line, cols.visit),
        value: num(row, line, cols.value),
        ...(opts.baseline !== undefined ? { baseline: num(row, line, opts.baseline) } : {}),
      })),
      {
        df: dfMethod(opts, 'kenward-roger'),
        ...(opts.covariance !== undefined ? { covariance: opts.covariance } : {}),
        ...(opts.confLevel !== undefined ? { confidence: opts.confLevel } : {}),
      },
    );
  },
  piecewise: (rows, opts) => {
    const cols = { id: opts.id ?? 'id', week: opts.time ?? 'week', value: opts.value ?? 'value' };
    // Kenward-Roger by default, as the trial analyses fit the ALS slopes (SAS DDFM=KR); the result names the method.
    const df = dfMethod(opts, 'kenward-roger');
    const fit = fitPiecewise(
      present(rows, cols.value).map(({ row, line }) => ({
        id: text(row, line, cols.id),
        week: num(row, line, cols.week),
        value: num(row, line, cols.value),
      })),
      { df },
    );
    return { ...fit, df };
  },
};

/** `--df`, spelled as SAS's DDFM (kr), in the models' terms; `absent` when not given. */
function dfMethod<D extends MixedModelDf>(opts: StatsOptions, absent: D): D | DfMethod {
  return opts.df === undefined ? absent : opts.df === 'kr' ? 'kenward-roger' : opts.df;
}

/**
 * Rows whose outcome is recorded, with their CSV line numbers (line 1 is the header). An empty or
 * "NA" outcome is a missed visit and is left out, as R's na.omit does.
 */
function present(rows: Rows, valueColumn: string): { row: Record<string, string>; line: number }[] {
  if (rows.length > 0 && !(valueColumn in rows[0]!)) {
    throw new AppError(modelErrors.COLUMN_MISSING, `The CSV has no column "${valueColumn}" (columns: ${Object.keys(rows[0]!).join(', ')}).`, valueColumn);
  }
  return rows.map((row, i) => ({ row, line: i + 2 })).filter(({ row }) => !isMissing(row[valueColumn]));
}

function isMissing(cell: string | undefined): boolean {
  return cell === undefined || cell.trim() === '' || cell.trim() === 'NA';
}

function text(row: Record<string, string>, line: number, column: string): string {
  const cell = row[column];
  if (cell === undefined) {
    throw new AppError(modelErrors.COLUMN_MISSING, `Line ${line} of the CSV has no column "${column}".`, `line ${line}, column ${column}`);
  }
  if (isMissing(cell)) throw new AppError(modelErrors.COLUMN_MISSING, `Line ${line} of the CSV has an empty "${column}".`, `line ${line}, column ${column}`);
  return cell.trim();
}

function num(row: Record<string, string>, line: number, column: string): number {
  const cell = text(row, line, column);
  const value = Number(cell);
  if (!Number.isFinite(value)) {
    throw new AppError(modelErrors.VALUE_NOT_NUMERIC, `Line ${line} of the CSV, column "${column}": "${cell}" is not a number.`, `line ${line}, column ${column}`);
  }
  return value;
}
