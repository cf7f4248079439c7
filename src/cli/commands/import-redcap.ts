import { readFileSync } from 'node:fs';
import { AppError } from '../../errors/app-error.js';
import { redcapRecordErrors } from '../../interop/redcap-records/errors.js';
import { importRedcapRecords } from '../../use-cases/import-redcap-records.js';
import { action, printJson } from '../output.js';
import type { Register } from '../program.js';
import { importGroup } from './import-group.js';
import { dataOption, withOperator } from '../store-command.js';

function readFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new AppError(redcapRecordErrors.UNREADABLE, `REDCap records file ${file} cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).`, file);
  }
}

/** `il2trials import redcap FILE --study ID`: added to the `import` group (created here if it is not registered yet). */
export const register: Register = (program) => {
  const group = importGroup(program);
  group
    .command('redcap')
    .description(
      "Import a REDCap flat records CSV (as 'export redcap' writes it) into a live study: each record registered, each visit's forms saved through the entry rules. All or nothing; an error names the row and column.",
    )
    .argument('<file>', 'the records CSV (raw values)')
    .requiredOption('--study <id>', 'the study to import into')
    .option(...dataOption)
    .option('--json', 'print what was imported as JSON')
    .action(
      action(async (file: string, opts: { study: string; data: string; json?: boolean }) => {
        const csv = readFile(file);
        const r = await withOperator(opts.data, 'import redcap', (c) => importRedcapRecords(c, csv, opts.study));
        if (opts.json) printJson(r);
        else process.stdout.write(`Imported ${file} into study ${r.studyId}: ${r.records} records, ${r.visits} visits, ${r.forms} forms.\n`);
      }),
    );
};
