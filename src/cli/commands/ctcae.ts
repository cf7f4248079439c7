import { AppError } from '../../errors/app-error.js';
import { analyteNamed, gradeLab, type LabGrading, type LabResult } from '../../instruments/index.js';
import { action, formatTable, printJson } from '../output.js';
import type { Register } from '../program.js';
import { readCsv, type CsvRow } from '../read-csv.js';
import { statsErrors } from '../../analysis/stats/errors.js';
import { instrumentsErrors } from '../../instruments/errors.js';

interface GradeOptions {
  analyte?: string;
  value?: string;
  unit?: string;
  lln?: string;
  uln?: string;
  baseline?: string;
  csv?: string;
  json?: boolean;
}

const numberFields = ['value', 'lln', 'uln', 'baseline'] as const;

/** A message about one input: "Row 3 of labs.csv: the value …", or "The value …" for the command line. */
const about = (where: string, text: string) => (where === '' ? text[0]!.toUpperCase() + text.slice(1) : `${where}${text}`);

/** One result from text fields; `where` names the row in messages ("Row 3 of labs.csv: "). */
function labResult(fields: Partial<Record<'analyte' | 'unit' | (typeof numberFields)[number], string>>, where: string): LabResult {
  const required = (name: 'analyte' | 'unit' | 'value'): string => {
    const v = fields[name];
    if (v === undefined || v === '') throw new AppError(instrumentsErrors.LAB_VALUE_INVALID, about(where, `the ${name} is missing (--${name}).`), name);
    return v;
  };
  const analyte = required('analyte');
  const unit = required('unit');
  required('value');
  const numbers: Partial<Record<(typeof numberFields)[number], number>> = {};
  for (const name of numberFields) {
    const text = fields[name];
    if (text === undefined || text === '') continue;
    const n = Number(text);
    if (!Number.isFinite(n)) throw new AppError(instrumentsErrors.LAB_VALUE_INVALID, about(where, `the ${name} "${text}" is not a number.`), name);
    numbers[name] = n;
  }
  try {
    return { analyte: analyteNamed(analyte), unit, value: numbers.value!, ...numbers };
  } catch (e) {
    throw located(e, where);
  }
}

/** The error with the row named, when it came from a CSV row. */
function located(e: unknown, where: string): unknown {
  return e instanceof AppError && where !== '' ? new AppError(e.entry, `${where}${e.message}`, e.path) : e;
}

function grade(result: LabResult, where: string): LabGrading[] {
  try {
    return gradeLab(result);
  } catch (e) {
    throw located(e, where);
  }
}

const gradeText = (g: LabGrading) => (g.kind === 'graded' ? String(g.grade) : 'not gradable');
const ruleText = (g: LabGrading) => (g.kind === 'graded' ? g.rule : g.reason);

export const register: Register = (program) => {
  const ctcae = program.command('ctcae').description('CTCAE v5.0 laboratory grading.');
  ctcae
    .command('grade')
    .description('Grade one laboratory value (or every row of a CSV file) under each CTCAE v5.0 term of its analyte, with the rule applied.')
    .option('--analyte <name>', 'analyte: ALT, AST, WBC, ANC, ALC, PLT, Hgb, bilirubin, creatinine')
    .option('--value <number>', 'the result')
    .option('--unit <unit>', 'its unit, e.g. U/L, 10^9/L, /mm3, g/dL, g/L, mmol/L, umol/L, mg/dL')
    .option('--lln <number>', 'lower limit of normal, in the same unit')
    .option('--uln <number>', 'upper limit of normal, in the same unit')
    .option('--baseline <number>', "the participant's baseline value, in the same unit")
    .option('--csv <file>', 'a CSV file with columns analyte,value,unit and optionally lln,uln,baseline')
    .option('--json', 'machine-readable output')
    .action(
      action((opts: GradeOptions) => {
        const rows: { where: string; input: CsvRow | GradeOptions }[] = opts.csv
          ? readCsv(opts.csv).map((input, i) => ({ where: `Row ${i + 2} of ${opts.csv}: `, input })) // row 1 is the header
          : [{ where: '', input: opts }];
        if (rows.length === 0) throw new AppError(statsErrors.CSV_UNREADABLE, `The CSV file ${opts.csv} has no rows to grade.`, opts.csv);
        // Every row is checked before anything is printed.
        const graded = rows.map(({ where, input }) => {
          const result = labResult(input, where);
          return { ...result, gradings: grade(result, where) };
        });
        if (opts.json) {
          return printJson(graded.map((r) => ({ ...r, gradings: r.gradings.map((g) => ({ term: g.term, grade: g.kind === 'graded' ? g.grade : null, rule: ruleText(g) })) })));
        }
        const table = graded.flatMap((r) => r.gradings.map((g) => [r.analyte, r.value, r.unit, g.term, gradeText(g), ruleText(g)]));
        process.stdout.write(formatTable(['analyte', 'value', 'unit', 'CTCAE v5.0 term', 'grade', 'rule'], table));
      }),
    );
};
