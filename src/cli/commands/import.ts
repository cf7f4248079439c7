import { createReadStream, openSync, closeSync, type ReadStream } from 'node:fs';
import { AppError } from '../../errors/app-error.js';
import { importOdm } from '../../use-cases/import-odm.js';
import { action, printJson } from '../output.js';
import type { Register } from '../program.js';
import { importGroup } from './import-group.js';
import { dataOption, withOperator } from '../store-command.js';
import { interopErrors, isOdmError } from '../../interop/errors.js';

interface ImportOdmOptions {
  study?: string;
  data: string;
  json?: boolean;
}

/** The file as a stream (the import reads it chunk by chunk, never whole); opened first so a missing file is named. */
function readFile(file: string): ReadStream {
  try {
    closeSync(openSync(file, 'r'));
    return createReadStream(file);
  } catch (e) {
    throw new AppError(interopErrors.ODM_FILE_UNREADABLE, `ODM file ${file} cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).`, file);
  }
}

/** `il2trials import <format>`: a study's data brought in from another system's file. */
export const register: Register = (program) => {
  const group = importGroup(program);

  group
    .command('odm')
    .description(
      'Import an ODM 1.3.2 file (snapshot or transactional) into a live study without participants, created from its protocol: subjects registered, visits saved through the entry rules, each AuditRecord kept as provenance. All or nothing.',
    )
    .argument('<file>', 'the ODM XML file')
    .option('--study <id>', "the study to import into (default: the file's Study OID)")
    .option(...dataOption)
    .option('--json', 'print what was imported as JSON')
    .action(
      action(async (file: string, opts: ImportOdmOptions) => {
        const xml = readFile(file);
        const r = await withOperator(opts.data, 'import odm', (c) => importOdm(c, xml, opts.study)).catch((e: unknown) => {
          throw e instanceof AppError && isOdmError(e) ? new AppError(e.entry, `${file}: ${e.message}`, e.path) : e;
        });
        if (opts.json) printJson(r);
        else
          process.stdout.write(
            `Imported ${file} (${r.fileType}) into study ${r.studyId}: ${r.participants} participants, ${r.visits} visits, ${r.values} values, ${r.provenance} audit records kept as provenance; ${r.forms.length} forms read from the metadata; ${r.signatures.kept} signatures kept as provenance records, not re-applied (${r.signatures.note}); ${r.records.steps} status steps, ${r.records.consents} consents, ${r.records.randomized} allocations as recorded, ${r.records.doses} doses, ${r.records.adverseEvents} adverse events${r.records.note ? `; ${r.records.blindedRandomizations} randomized without an arm in the file (${r.records.note})` : ''}\n`,
          );
      }),
    );
};
