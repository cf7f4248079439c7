import { createReadStream, readFileSync, statSync } from 'node:fs';
import { InvalidArgumentError, type Command } from 'commander';
import cliProgress from 'cli-progress';
import { AppError } from '../../errors/app-error.js';
import { criteriaColumns } from '../../eligibility/columns.js';
import { protocolCriteria } from '../../eligibility/protocol-criteria.js';
import type { Funnel, ScreenResult, ScreenRowError } from '../../eligibility/screen.js';
import { readColumnMap, screenTable } from '../../eligibility/screen-table.js';
import type { ColumnOf } from '../../eligibility/to-sql.js';
import { openPostgres } from '../../store/drivers/postgres/postgres-db.js';
import { runTableScreen } from './screen-table.js';
import { screenCsvParallel } from './screen-parallel.js';
import { screenFhir } from './screen-fhir.js';
import { getBuiltinProtocol } from '../../protocol/builtin/index.js';
import { action, formatTable, printJson } from '../output.js';
import type { Register } from '../program.js';
import { today } from './eligibility.js';
import { eligibilityErrors } from '../../eligibility/errors.js';

const csvCell = (s: string): string => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

function funnelTable(f: Funnel): string {
  const rows = f.steps.map((s) => [s.id, s.removed, s.remaining, s.text.length > 60 ? s.text.slice(0, 57) + '...' : s.text]);
  return (
    `screened ${f.screened} (bad rows ${f.badRows}): eligible ${f.eligible}, incomplete ${f.incomplete}, ineligible ${f.ineligible}\n` +
    formatTable(['criterion', 'removed', 'remaining', 'text'], rows)
  );
}

/** Write to stdout, waiting when the pipe is full so memory stays flat. */
async function write(text: string): Promise<void> {
  if (!process.stdout.write(text)) await new Promise<void>((resolve) => process.stdout.once('drain', () => resolve()));
}

interface ScreenOptions {
  csv?: string;
  fhir?: string;
  database?: string;
  table?: string;
  map?: string;
  json?: boolean;
  date?: string;
  firstDose?: string;
  template?: boolean;
  columns?: boolean;
  threads?: number;
}

const errorLines = (r: ScreenRowError): string => r.problems.map((p) => `il2trials: ${p}\n`).join('');
const resultLine = (r: ScreenResult, json: boolean): string =>
  json
    ? JSON.stringify({ row: r.row, patientId: r.patientId, status: r.status, failed: r.failed, missing: r.missing }) + '\n'
    : `${csvCell(r.patientId)},${r.status},${r.failed.join(';')},${r.missing.join(';')}\n`;

/** The same results and funnel as the CSV path, from a table the criteria are run on as one SQL query. */
async function screenDatabase(id: string, opts: ScreenOptions & { database: string; table: string }): Promise<void> {
  const criteria = protocolCriteria(getBuiltinProtocol(id).eligibility);
  const ref = { screening: opts.date ?? today(), ...(opts.firstDose ? { firstDose: opts.firstDose } : {}) };
  let columnOf: ColumnOf | undefined;
  if (opts.map) {
    let doc: unknown;
    try {
      doc = JSON.parse(readFileSync(opts.map, 'utf8'));
    } catch {
      throw new AppError(eligibilityErrors.BAD_COLUMN_MAP, `Cannot read the column map "${opts.map}" as JSON.`, opts.map);
    }
    columnOf = readColumnMap(
      doc,
      criteriaColumns(criteria).map((c) => c.name),
    );
  }
  const screen = screenTable(criteria, ref, opts.table, columnOf);
  const db = openPostgres(opts.database, { max: 1 });
  let funnel: Funnel;
  try {
    if (!opts.json) await write('patient_id,status,failed,missing\n');
    funnel = await runTableScreen(db, screen, opts.table, (r) => (r.kind === 'error' ? void process.stderr.write(errorLines(r)) : write(resultLine(r, opts.json === true))));
  } finally {
    await db.close();
  }
  if (opts.json) await write(JSON.stringify({ kind: 'funnel', protocol: id, reference: ref, ...funnel }) + '\n');
  else process.stderr.write(funnelTable(funnel));
  if (funnel.badRows > 0) process.exitCode = 1;
}

async function screenFile(id: string, opts: ScreenOptions & { csv: string }): Promise<void> {
  const criteria = protocolCriteria(getBuiltinProtocol(id).eligibility);
  const ref = { screening: opts.date ?? today(), ...(opts.firstDose ? { firstDose: opts.firstDose } : {}) };
  let size: number;
  try {
    size = statSync(opts.csv).size;
  } catch {
    throw new AppError(eligibilityErrors.UNREADABLE_FILE, `Cannot read the CSV file "${opts.csv}".`, opts.csv);
  }
  const bar = process.stderr.isTTY
    ? new cliProgress.SingleBar({ stream: process.stderr, format: 'screening [{bar}] {percentage}% | {value}/{total} bytes' }, cliProgress.Presets.shades_classic)
    : undefined;
  bar?.start(size, 0);
  let out = opts.json ? '' : 'patient_id,status,failed,missing\n';
  let errors = '';
  let read = 0;
  // Between reads, what the screened blocks gave is written out, waiting for the pipe.
  async function* bytesOf(file: string): AsyncIterable<Uint8Array> {
    for await (const bytes of createReadStream(file) as AsyncIterable<Buffer>) {
      yield bytes;
      read += bytes.length;
      if (errors) process.stderr.write(errors);
      errors = '';
      await write(out);
      out = '';
      bar?.update(read);
    }
  }
  let funnel: Funnel;
  try {
    funnel = await screenCsvParallel(criteria, ref, bytesOf(opts.csv), {
      // One thread unless asked: on the shared 2-core machine two threads took more time and memory (bench:screen).
      workers: opts.threads ?? 1,
      onResult: (r) => {
        if (r.kind === 'error') errors += errorLines(r);
        else out += resultLine(r, opts.json === true);
      },
    });
  } catch (e) {
    if (e instanceof AppError && e.code === 'ELIGIBILITY_MISSING_COLUMN' && size === 0) {
      throw new AppError(eligibilityErrors.MISSING_COLUMN, `The CSV file "${opts.csv}" is empty: it needs a header with a "patient_id" column.`, opts.csv);
    }
    throw e;
  }
  if (errors) process.stderr.write(errors);
  bar?.update(size);
  bar?.stop();
  if (opts.json) out += JSON.stringify({ kind: 'funnel', protocol: id, reference: ref, ...funnel }) + '\n';
  else process.stderr.write(funnelTable(funnel));
  await write(out);
  // Bad rows were reported on stderr and skipped; the exit code says the input was not clean.
  if (funnel.badRows > 0) process.exitCode = 1;
}

export const register: Register = (program: Command) => {
  program
    .command('screen')
    .description('Pre-screen a CSV of candidates (one column per fact) against a built-in protocol, streaming one result per patient.')
    .argument('<id>', 'protocol id (ss-il2, sle-il2, als-il2, ae-il2)')
    .option('--csv <file>', 'CSV with a header: patient_id, then fact columns (see --columns)')
    .option('--fhir <file>', "one patient's FHIR R4 Bundle from the EHR (Patient, Observation, Condition, MedicationStatement), pre-screened alone")
    .option('--database <url>', 'screen a PostgreSQL table where the data live (postgres://…), as one SQL query')
    .option('--table <table>', 'the table (schema.table) with one column per fact, in the canonical units (see --columns)')
    .option('--map <file>', 'JSON object renaming columns: fact name (or patient_id) → column name in the table')
    .option('--template', 'print the CSV header this protocol reads, and exit')
    .option('--columns', 'list the columns this protocol reads, with what each cell holds, and exit')
    .option('--date <date>', 'screening (reference) date, YYYY-MM-DD (default: today)')
    .option('--first-dose <date>', 'planned first-dose date, YYYY-MM-DD (windows before the first dose are unknown without it)')
    .option('--json', 'JSON lines: one per patient, then a final {"kind":"funnel"} line')
    .option('--threads <n>', 'screen the CSV on n threads (at most the cores), in blocks of whole rows; the same results', threadCount)
    .addHelpText(
      'after',
      '\nOutput: CSV patient_id,status,failed,missing on stdout (lists joined by ";"), then the funnel on stderr;\n' +
        'with --json, JSON lines and the funnel as the last line. A bad row (a value that is not a number, an\n' +
        'unknown unit, a date that is no date) is reported on stderr naming its row and column and skipped;\n' +
        'the rest is screened and the exit code is 1 if any row was bad. Empty cells are missing facts.\n' +
        'With --database/--table the criteria run as one SQL query (NULL is unknown); columns hold canonical\n' +
        'units, dates (-infinity for never), booleans, codes as "a;b" text, attestations as "yes|by|date" text.\n' +
        'Numbers may carry a unit ("150 lb"); dates are YYYY-MM-DD or never; code lists are "a;b" or none;\n' +
        'attestations are yes|by|YYYY-MM-DD.',
    )
    .action(
      action(async (id: string, opts: ScreenOptions) => {
        const criteria = protocolCriteria(getBuiltinProtocol(id).eligibility);
        const columns = criteriaColumns(criteria);
        if (opts.template) {
          process.stdout.write(opts.json ? JSON.stringify(columns.map((c) => c.name)) + '\n' : columns.map((c) => csvCell(c.name)).join(',') + '\n');
          return;
        }
        if (opts.columns) {
          if (opts.json) return printJson(columns);
          process.stdout.write(
            formatTable(
              ['column', 'type', 'cell'],
              columns.map((c) => [c.name, c.type, c.description]),
            ),
          );
          return;
        }
        if (opts.fhir) return screenFhir(id, opts.fhir, opts, today());
        if (opts.database || opts.table) {
          if (!opts.database || !opts.table) throw new AppError(eligibilityErrors.UNREADABLE_TABLE, 'Give both --database URL and --table T to screen a table.', opts.database ? 'table' : 'database');
          return screenDatabase(id, { ...opts, database: opts.database, table: opts.table });
        }
        if (!opts.csv) throw new AppError(eligibilityErrors.UNREADABLE_FILE, 'Give the candidates with --csv FILE, or --database URL --table T (or --template / --columns).', 'csv');
        await screenFile(id, { ...opts, csv: opts.csv });
      }),
    );
};

/** --threads: a whole number of at least 1 (more than the cores are capped to the cores). */
function threadCount(v: string): number {
  if (!/^\s*[1-9]\d*\s*$/.test(v)) throw new InvalidArgumentError('--threads must be a whole number of at least 1.');
  return Number(v);
}
