import { InvalidArgumentError, Option, type Command } from 'commander';
import { AppError } from '../../errors/app-error.js';
import { readCsv, type CsvRow } from '../read-csv.js';
import { covarianceStructures } from '../../analysis/models/covariance-structures.js';
import { checkAlternative, checkConfLevel } from '../../analysis/stats/arguments.js';
import { chiSquareTest } from '../../analysis/stats/chi-square.js';
import { fisherTest } from '../../analysis/stats/fisher.js';
import { kaplanMeier, type KaplanMeierCurve, type SurvivalObservation } from '../../analysis/stats/kaplan-meier.js';
import { logRankTest, type LogRankResult } from '../../analysis/stats/log-rank.js';
import { rankSumTest } from '../../analysis/stats/rank-sum.js';
import type { TestResult } from '../../analysis/stats/result.js';
import { riskDifference } from '../../analysis/stats/risk-difference.js';
import { signedRankTest } from '../../analysis/stats/signed-rank.js';
import { pairedTTest, twoSampleTTest } from '../../analysis/stats/t-test.js';
import { action, formatTable, printJson } from '../output.js';
import type { Register } from '../program.js';
import type { StatsOptions } from '../stats-options.js';
import { modelCommands } from './stats-models.js';
import { statsErrors } from '../../analysis/stats/errors.js';

type Row = CsvRow;

export const classicalTests = ['student', 'welch', 'paired', 'wilcoxon', 'signed-rank', 'fisher', 'chisq', 'risk-diff', 'km'] as const;

/** A CSV row with its line in the file (line 1 is the header). */
interface Located {
  readonly row: Row;
  readonly line: number;
}

const isMissing = (cell: string | undefined) => cell === undefined || cell.trim() === '' || cell.trim() === 'NA';

function located(rows: readonly Row[], columns: readonly string[]): Located[] {
  const header = Object.keys(rows[0] ?? {});
  for (const c of columns) {
    if (!header.includes(c)) throw new AppError(statsErrors.CSV_COLUMN_MISSING, `The CSV has no column "${c}" (columns: ${header.join(', ') || 'none'}).`, c);
  }
  // Rows with an empty or NA cell in a used column are left out, as R's na.omit does.
  return rows.map((row, i) => ({ row, line: i + 2 })).filter(({ row }) => columns.every((c) => !isMissing(row[c])));
}

function numberAt({ row, line }: Located, column: string): number {
  const cell = row[column]!.trim();
  const v = Number(cell);
  if (!Number.isFinite(v)) throw new AppError(statsErrors.CSV_VALUE_NOT_NUMERIC, `Line ${line} of the CSV, column "${column}": "${cell}" is not a number.`, `line ${line}, column ${column}`);
  return v;
}

function binaryAt({ row, line }: Located, column: string): boolean {
  const cell = row[column]!.trim().toLowerCase();
  if (['1', 'true', 'yes'].includes(cell)) return true;
  if (['0', 'false', 'no'].includes(cell)) return false;
  throw new AppError(statsErrors.CSV_VALUE_NOT_BINARY, `Line ${line} of the CSV, column "${column}": "${row[column]}" is not 0/1, true/false or yes/no.`, `line ${line}, column ${column}`);
}

/** Distinct values in sorted order: R's factor levels. */
const levels = (values: readonly string[]) => [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));

function twoLevels(rows: readonly Located[], column: string): [string, string] {
  const lv = levels(rows.map((r) => r.row[column]!.trim()));
  if (lv.length !== 2) throw new AppError(statsErrors.WRONG_NUMBER_OF_GROUPS, `Column "${column}" must hold exactly 2 groups, found ${lv.length} (${lv.join(', ')}).`, column);
  return [lv[0]!, lv[1]!];
}

function twoSamples(rows: readonly Row[], o: StatsOptions): { x: number[]; y: number[]; groups: [string, string] } {
  const value = o.value ?? 'value';
  const group = o.group ?? 'group';
  const data = located(rows, [value, group]);
  const groups = twoLevels(data, group);
  const of = (g: string) => data.filter((r) => r.row[group]!.trim() === g).map((r) => numberAt(r, value));
  return { x: of(groups[0]), y: of(groups[1]), groups };
}

/** Pairs by --id across the two --group levels: x is the first level, y the second. */
function pairs(rows: readonly Row[], o: StatsOptions): { x: number[]; y: number[]; groups: [string, string] } {
  const value = o.value ?? 'value';
  const group = o.group ?? 'group';
  const id = o.id ?? 'id';
  const data = located(rows, [value, group, id]);
  const groups = twoLevels(data, group);
  const byId = new Map<string, Map<string, number>>();
  for (const r of data) {
    const key = r.row[id]!.trim();
    const g = r.row[group]!.trim();
    const slot = byId.get(key) ?? new Map<string, number>();
    if (slot.has(g)) throw new AppError(statsErrors.UNPAIRED_OBSERVATION, `Line ${r.line} of the CSV: id "${key}" has a second value for group "${g}".`, `line ${r.line}, column ${id}`);
    slot.set(g, numberAt(r, value));
    byId.set(key, slot);
  }
  const x: number[] = [];
  const y: number[] = [];
  for (const [key, slot] of byId) {
    const a = slot.get(groups[0]);
    const b = slot.get(groups[1]);
    if (a === undefined || b === undefined)
      throw new AppError(statsErrors.UNPAIRED_OBSERVATION, `Id "${key}" has no value for group "${a === undefined ? groups[0] : groups[1]}", so it cannot be paired.`, key);
    x.push(a);
    y.push(b);
  }
  return { x, y, groups };
}

/** Counts by group (rows) and outcome (columns), both in sorted order as R's table(group, outcome). */
function crossTable(rows: readonly Row[], o: StatsOptions): { table: number[][]; groups: string[]; outcomes: string[] } {
  const group = o.group ?? 'group';
  const event = o.event ?? 'event';
  const data = located(rows, [group, event]);
  const groups = levels(data.map((r) => r.row[group]!.trim()));
  const outcomes = levels(data.map((r) => r.row[event]!.trim()));
  const table = groups.map((g) => outcomes.map((v) => data.filter((r) => r.row[group]!.trim() === g && r.row[event]!.trim() === v).length));
  return { table, groups, outcomes };
}

export interface KmOutput {
  readonly method: string;
  readonly curves: readonly { readonly group: string; readonly curve: KaplanMeierCurve }[];
  readonly logRank: LogRankResult | null;
}

function survival(rows: readonly Row[], o: StatsOptions): KmOutput {
  const time = o.time ?? 'time';
  const event = o.event ?? 'event';
  const data = located(rows, o.group ? [time, event, o.group] : [time, event]);
  const byGroup = new Map<string, SurvivalObservation[]>();
  for (const g of levels(data.map((r) => (o.group ? r.row[o.group]!.trim() : 'all')))) byGroup.set(g, []);
  for (const r of data) byGroup.get(o.group ? r.row[o.group]!.trim() : 'all')!.push({ time: numberAt(r, time), event: binaryAt(r, event) });
  const curves = [...byGroup].map(([group, obs]) => ({ group, curve: kaplanMeier(obs, o.confLevel ?? 0.95) }));
  const logRank = byGroup.size >= 2 ? logRankTest(byGroup) : null;
  return { method: logRank ? 'Kaplan-Meier with log-rank test' : 'Kaplan-Meier', curves, logRank };
}

export type ClassicalTest = (typeof classicalTests)[number];

/** Runs one classical test on parsed CSV rows (the CLI's whole job apart from reading and printing). */
export function runClassicalTest(test: ClassicalTest, rows: readonly Row[], o: StatsOptions): TestResult | KmOutput {
  const common = { alternative: o.alternative ?? 'two.sided', confLevel: o.confLevel ?? 0.95 } as const;
  const rank = { ...common, mu: o.mu ?? 0, confInt: o.confInt ?? false, correct: o.correct ?? true, ...(o.exact === undefined ? {} : { exact: o.exact }) };
  const paired = o.paired ?? false;
  switch (test) {
    case 'student':
    case 'welch': {
      if (paired) return runClassicalTest('paired', rows, o);
      const { x, y } = twoSamples(rows, o);
      return twoSampleTTest(x, y, { ...common, mu: o.mu ?? 0, equalVariance: test === 'student' });
    }
    case 'paired': {
      const { x, y } = pairs(rows, o);
      return pairedTTest(x, y, { ...common, mu: o.mu ?? 0 });
    }
    case 'wilcoxon': {
      if (paired) return runClassicalTest('signed-rank', rows, o);
      const { x, y } = twoSamples(rows, o);
      return rankSumTest(x, y, rank);
    }
    case 'signed-rank': {
      const { x, y } = pairs(rows, o);
      return signedRankTest(x, y, rank);
    }
    case 'fisher':
      return fisherTest(crossTable(rows, o).table, common);
    case 'chisq':
      return chiSquareTest(crossTable(rows, o).table, { correct: o.correct ?? true });
    case 'risk-diff': {
      const group = o.group ?? 'group';
      const event = o.event ?? 'event';
      const data = located(rows, [group, event]);
      const [g1, g2] = twoLevels(data, group);
      const count = (g: string) => {
        const inGroup = data.filter((r) => r.row[group]!.trim() === g);
        return [inGroup.filter((r) => binaryAt(r, event)).length, inGroup.length] as const;
      };
      const [x1, n1] = count(g1);
      const [x2, n2] = count(g2);
      return riskDifference([x1, x2], [n1, n2], { ...common, correct: o.correct ?? true });
    }
    case 'km':
      return survival(rows, o);
  }
}

const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '' : Number.isFinite(v) ? Number(v.toPrecision(6)).toString() : String(v));

function printResult(r: TestResult | KmOutput, json: boolean): void {
  if ('curves' in r) {
    if (json) return printJson(r);
    for (const { group, curve } of r.curves) {
      process.stdout.write(`${r.curves.length > 1 ? `Group ${group}: ` : ''}Kaplan-Meier, Greenwood SE, log ${curve.confLevel * 100}% interval\n`);
      process.stdout.write(
        formatTable(
          ['time', 'n.risk', 'n.event', 'n.censor', 'survival', 'std.err', 'lower', 'upper'],
          curve.steps.map((s) => [s.time, s.nRisk, s.nEvent, s.nCensor, fmt(s.surv), fmt(s.stdErr), fmt(s.lower), fmt(s.upper)]),
        ) + '\n',
      );
    }
    if (r.logRank) {
      process.stdout.write(`${r.logRank.method}: chi-square ${fmt(r.logRank.statistic)} on ${r.logRank.df} df, p = ${fmt(r.logRank.pValue)}\n`);
      process.stdout.write(
        formatTable(
          ['group', 'N', 'observed', 'expected'],
          r.logRank.groups.map((g) => [g.group, g.n, g.observed, fmt(g.expected)]),
        ),
      );
    }
    return;
  }
  if (json) return printJson(r);
  const rows: [string, string][] = [
    ['method', r.method],
    ['alternative', r.alternative],
    [r.statisticName, fmt(r.statistic)],
    ...(r.df === undefined ? [] : [['df', fmt(r.df)] as [string, string]]),
    ['p-value', fmt(r.pValue)],
    ...(r.estimate === null ? [] : [[r.estimateName ?? 'estimate', fmt(r.estimate)] as [string, string]]),
    ...(r.ci === null ? [] : [[`${fmt((r.confLevel ?? 0) * 100)}% CI`, `${fmt(r.ci[0])} to ${fmt(r.ci[1])}`] as [string, string]]),
  ];
  process.stdout.write(formatTable(['quantity', 'value'], rows));
}

function parseBoolean(flag: string) {
  return (v: string): boolean => {
    const s = v.trim().toLowerCase();
    if (s === 'true' || s === 't') return true;
    if (s === 'false' || s === 'f') return false;
    throw new InvalidArgumentError(`--${flag} must be true or false.`);
  };
}

function parseNumber(flag: string) {
  return (v: string): number => {
    const n = Number(v);
    if (v.trim() === '' || !Number.isFinite(n)) throw new InvalidArgumentError(`--${flag} must be a number.`);
    return n;
  };
}

const HELP = `
Tests (R's name and defaults in brackets):
  student, welch   two-sample t-test [t.test var.equal=TRUE / FALSE]: --value by --group (2 levels; x = first in sorted order)
  paired           paired t-test [t.test paired=TRUE]: --value by --group (2 levels) matched on --id
  wilcoxon         rank-sum / Mann-Whitney [wilcox.test]: as student; --paired makes it signed-rank
  signed-rank      Wilcoxon signed-rank [wilcox.test paired=TRUE]: as paired
  fisher           Fisher's exact test on table(--group, --event): 2 groups × 2 outcome values
  chisq            Pearson chi-square on table(--group, --event), any r×c; Yates on 2×2 unless --correct false
  risk-diff        difference in event proportions, first group minus second [prop.test(x, n)]; --event is 0/1
                   (true/false, yes/no); the interval is Wald's, widened by the continuity correction unless --correct false
  km               Kaplan-Meier (Greenwood SE, log interval [survfit]) from --time and --event (1 = event,
                   0 = censored), per --group if given, with the log-rank test [survdiff]
  ancova, lmm, mmrm, piecewise   models (see the model documentation); print JSON
  mmrm             value ~ arm * visit (+ --baseline) by REML with --covariance; Kenward-Roger df and adjusted
                   SEs unless --df satterthwaite|residual; LS means by arm and visit and their differences
                   with --conf-level intervals (as emmeans); the result names the covariance used and those tried
  piecewise        value ~ t1 + t2 with a random intercept (knot at week 24): Kenward-Roger df unless
                   --df satterthwaite|residual; the result names the df method
  lmm              lme's between/within df unless --df kr|satterthwaite|residual
  ancova           least squares: with one variance, kr = satterthwaite = residual (n - p)
Groups and outcomes are taken in sorted order, as R's factor levels. Empty or NA cells leave the row out.
With --json an open interval end (±Inf) prints as null.`;

export const register: Register = (program: Command) => {
  program
    .command('stats')
    .description('Run a statistical test on a CSV file.')
    .argument('<test>', `one of ${[...classicalTests, ...Object.keys(modelCommands)].join(', ')}`)
    .requiredOption('--csv <file>', 'the data, one row per observation, with a header')
    .option('--value <column>', 'numeric outcome column (default "value")')
    .option('--group <column>', 'group column (default "group")')
    .option('--id <column>', 'participant column for paired tests (default "id")')
    .option('--visit <column>', 'visit column (models)')
    .option('--time <column>', 'follow-up time column for km (default "time")')
    .option('--baseline <column>', 'baseline column (models)')
    .option('--event <column>', 'event / outcome column for km, fisher, chisq, risk-diff (default "event")')
    .option('--correct <bool>', 'continuity correction [R: true]', parseBoolean('correct'))
    .option('--exact <bool>', 'exact rank distribution [R: when n < 50 and no ties]', parseBoolean('exact'))
    .option('--conf-int <bool>', 'Hodges-Lehmann estimate and interval for wilcoxon/signed-rank [R: false]', parseBoolean('conf-int'))
    .option('--conf-level <level>', 'confidence level [R: 0.95]', parseNumber('conf-level'))
    .addOption(new Option('--alternative <alt>', 'alternative hypothesis [R: two.sided]').choices(['two.sided', 'less', 'greater']))
    .option('--mu <number>', 'null value of the mean or location difference [R: 0]', parseNumber('mu'))
    .option('--paired', 'paired version of student/welch/wilcoxon')
    .addOption(new Option('--df <method>', 'models: denominator degrees of freedom [mmrm, piecewise: kr, as SAS DDFM=KR]').choices(['kr', 'satterthwaite', 'residual']))
    .addOption(new Option('--covariance <structure>', 'mmrm: covariance over visits, falling back in the order listed when a fit does not converge [unstructured]').choices([...covarianceStructures]))
    .option('--json', 'print JSON')
    .addHelpText('after', HELP)
    .action(
      action((test: string, opts: StatsOptions) => {
        if (opts.confLevel !== undefined) checkConfLevel(opts.confLevel);
        if (opts.alternative !== undefined) checkAlternative(opts.alternative);
        const rows = readCsv(opts.csv);
        const model = modelCommands[test];
        if (opts.covariance !== undefined && test !== 'mmrm') throw new AppError(statsErrors.OPTION_NOT_APPLICABLE, `--covariance applies to mmrm only, not to ${test}.`, 'covariance');
        if (opts.df !== undefined && !model) throw new AppError(statsErrors.OPTION_NOT_APPLICABLE, `--df applies to the models (${Object.keys(modelCommands).join(', ')}), not to ${test}.`, 'df');
        if (model) return printJson(model(rows, opts));
        if (!(classicalTests as readonly string[]).includes(test)) {
          throw new AppError(statsErrors.UNKNOWN_TEST, `Unknown test "${test}"; choose one of ${[...classicalTests, ...Object.keys(modelCommands)].join(', ')}.`);
        }
        printResult(runClassicalTest(test as ClassicalTest, rows, opts), opts.json ?? false);
      }),
    );
};
