import { readFileSync } from 'node:fs';
import { AppError } from '../../errors/app-error.js';
import { getInstrument, instruments, scoreInstrument, type InstrumentDefinition, type ItemAllowed } from '../../instruments/index.js';
import { action, formatTable, printJson } from '../output.js';
import type { Register } from '../program.js';
import { instrumentsErrors } from '../../instruments/errors.js';

function readItems(file: string): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new AppError(instrumentsErrors.ITEMS_FILE_INVALID, `Items file ${file} cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).`, file);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new AppError(instrumentsErrors.ITEMS_FILE_INVALID, `Items file ${file} is not valid JSON (${(e as Error).message}).`, file);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new AppError(instrumentsErrors.ITEMS_FILE_INVALID, `Items file ${file} must hold a JSON object of item id to value.`, file);
  }
  return value as Record<string, unknown>;
}

const allowedText = (a: ItemAllowed) => (a.kind === 'choice' ? a.options.map((o) => o.value).join(',') : `${a.min}–${a.max}`);

/** The listing: ids, item ids and allowed values, plain data for `--json`. */
function listing(defs: readonly InstrumentDefinition[]) {
  return defs.map((d) => ({
    id: d.id,
    name: d.name,
    source: d.source,
    total: d.total,
    items: d.items.map((i) => ({
      id: i.id,
      label: i.label,
      required: i.required,
      allowed: i.allowed.kind === 'choice' ? i.allowed.options.map((o) => o.value) : { min: i.allowed.min, max: i.allowed.max, integer: i.allowed.integer },
    })),
  }));
}

export const register: Register = (program) => {
  program
    .command('score')
    .description('Score a clinical instrument from a JSON file of item values, or list the instruments.')
    .argument('[instrument]', 'instrument id: sledai-2k, essdai, alsfrs-r, mrs, mrc, alsaq-40, basdai')
    .option('--items <file>', 'JSON object of item id → value')
    .option('--list', 'list the instruments with their items and allowed values')
    .option('--json', 'machine-readable output')
    .action(
      action((id: string | undefined, opts: { items?: string; list?: boolean; json?: boolean }) => {
        if (opts.list) {
          const defs = id === undefined ? instruments : [getInstrument(id)];
          if (opts.json) return printJson(listing(defs));
          for (const d of defs) {
            process.stdout.write(`${d.id} — ${d.name} (total ${d.total.min}–${d.total.max}); ${d.source}\n`);
            process.stdout.write(
              formatTable(
                ['item', 'allowed', 'label'],
                d.items.map((i) => [i.id, allowedText(i.allowed), i.label]),
              ) + '\n',
            );
          }
          return;
        }
        if (id === undefined || opts.items === undefined) {
          throw new AppError(instrumentsErrors.ITEMS_FILE_INVALID, 'Give an instrument id and --items FILE, or --list.', '--items');
        }
        const def = getInstrument(id);
        const items = readItems(opts.items);
        const score = scoreInstrument(def.id, items);
        if (opts.json) return printJson(score);
        process.stdout.write(`${def.name}: ${score.total} (range ${def.total.min}–${def.total.max})\n`);
        process.stdout.write(
          formatTable(
            ['item', 'value'],
            def.items.filter((i) => items[i.id] !== undefined).map((i) => [i.id, items[i.id]]),
          ),
        );
        const components = Object.entries(score.components);
        if (components.length > 0) process.stdout.write('\n' + formatTable(['component', 'score'], components));
      }),
    );
};
