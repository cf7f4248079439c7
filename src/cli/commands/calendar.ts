import { AppError } from '../../errors/app-error.js';
import { getBuiltinProtocol } from '../../protocol/builtin/index.js';
import { buildCalendar, type Calendar, type DoseHold } from '../../protocol/calendar/build-calendar.js';
import { parseIsoDate } from '../../protocol/calendar/study-date.js';
import { action, formatTable, printJson } from '../output.js';
import type { Register } from '../program.js';
import { readProtocolFile } from './protocol.js';
import { protocolErrors } from '../../protocol/errors.js';
import type { ErrorEntry } from '../../errors/define-errors.js';

interface CalendarOptions {
  start: string;
  protocol?: string;
  arm?: string;
  bsa?: string;
  weight?: string;
  hold: string[];
  json?: boolean;
}

function positive(flag: string, value: string | undefined, entry: ErrorEntry): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !(n > 0)) throw new AppError(entry, `${flag} "${value}" must be a positive number.`, flag);
  return n;
}

/** `--hold 5:platelets low` → { day: 5, reason: 'platelets low' }. */
function parseHold(text: string): DoseHold {
  const m = /^(-?\d+):(.+)$/.exec(text);
  if (!m) throw new AppError(protocolErrors.INVALID_HOLD, `--hold "${text}" must be written DAY:REASON, e.g. 5:platelets low.`, '--hold');
  return { day: Number(m[1]), reason: (m[2] as string).trim() };
}

function printHuman(protocolId: string, c: Calendar): void {
  const out = process.stdout;
  out.write(`Protocol ${protocolId}, arm ${c.armId}\n\nDoses:\n`);
  out.write(
    formatTable(
      ['day', 'date', 'cycle', 'dose', 'unit', 'status'],
      c.doses.map((d) => [d.day, d.date, d.cycle, d.dose, d.unit, d.status === 'held' ? `held: ${d.reason ?? ''}` : d.status]),
    ),
  );
  const due = c.doses.filter((d) => d.status === 'due');
  out.write(`\nTotal: ${c.totalDose} ${c.unit} in ${due.length} doses${due.length > 0 ? `, the last on day ${due.at(-1)?.day} (${due.at(-1)?.date})` : ''}.\n\nVisits:\n`);
  out.write(
    formatTable(
      ['visit', 'day', 'date', 'window', 'assessments'],
      c.visits.map((v) => [v.name, v.day, v.date, `${v.earliest} to ${v.latest}`, v.assessments.join(', ')]),
    ),
  );
}

export const register: Register = (program) => {
  program
    .command('calendar')
    .description('Dosing calendar and visit schedule of a protocol arm from a start date (study day 1).')
    .argument('[id]', 'built-in protocol id (or use --protocol FILE)')
    .requiredOption('--start <date>', 'start date, YYYY-MM-DD (study day 1)')
    .option('--protocol <file>', 'protocol file (JSON) instead of a built-in id')
    .option('--arm <arm>', "arm id (default: the protocol's first arm)")
    .option('--bsa <m2>', 'body surface area in m², for doses per m²')
    .option('--weight <kg>', 'body weight in kg, for doses per kg')
    .option('--hold <day:reason>', 'hold the dose due on a study day (repeatable)', (v: string, acc: string[]) => [...acc, v], [])
    .option('--json', 'machine-readable output')
    .action(
      action((id: string | undefined, opts: CalendarOptions) => {
        if ((id === undefined) === (opts.protocol === undefined)) {
          throw new AppError(protocolErrors.SOURCE_REQUIRED, 'Give either a built-in protocol id or --protocol FILE, not both and not neither.', 'id');
        }
        const start = parseIsoDate(opts.start, '--start');
        const protocol = opts.protocol === undefined ? getBuiltinProtocol(id as string) : readProtocolFile(opts.protocol);
        const armId = opts.arm ?? (protocol.arms[0]?.id as string);
        const bodySurfaceM2 = positive('--bsa', opts.bsa, protocolErrors.INVALID_BODY_SIZE);
        const weightKg = positive('--weight', opts.weight, protocolErrors.INVALID_BODY_SIZE);
        const calendar = buildCalendar(protocol, armId, start, {
          holds: opts.hold.map(parseHold),
          ...(bodySurfaceM2 === undefined ? {} : { bodySurfaceM2 }),
          ...(weightKg === undefined ? {} : { weightKg }),
        });
        if (opts.json) return printJson(calendar);
        printHuman(protocol.id, calendar);
      }),
    );
};
