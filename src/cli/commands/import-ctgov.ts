import { readFileSync, writeFileSync } from 'node:fs';
import { AppError } from '../../errors/app-error.js';
import { importStudyRecord } from '../../interop/ctgov/import-record.js';
import { ctgovErrors } from '../../interop/ctgov/errors.js';
import type { ImportReport } from '../../interop/ctgov/import-report.js';
import { readStudyRecord } from '../../interop/ctgov/read-record.js';
import { createStudyFromProtocol } from '../../use-cases/studies/create-study.js';
import { action, printJson } from '../output.js';
import { importGroup } from './import-group.js';
import type { Register } from '../program.js';
import { dataOption, withOperator } from '../store-command.js';

interface ImportCtgovOptions {
  out?: string;
  create?: boolean;
  data: string;
  json?: boolean;
}

function readRecordFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    throw new AppError(ctgovErrors.FILE_UNREADABLE, `ClinicalTrials.gov file ${file} cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'}).`, file);
  }
}

function printReport(report: ImportReport): void {
  const by = (k: string) => report.entries.filter((e) => e.kind === k);
  const lines = [
    ...by('assumption').map((e) => `  to confirm   ${e.protocolField ?? e.field}: ${e.reason}`),
    ...by('discrepancy').map((e) => `  discrepancy  ${e.protocolField ?? e.field}: ${e.reason}`),
    ...by('unmapped').map((e) => `  not mapped   ${e.field}${e.count ? ` (×${e.count})` : ''}: ${e.reason}`),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

/** `il2trials import ctgov FILE`: a ClinicalTrials.gov API v2 study record as a protocol draft, with the report of what did not map. */
export const register: Register = (program) => {
  importGroup(program)
    .command('ctgov')
    .description(
      'Draft a protocol from a ClinicalTrials.gov API v2 study record (JSON) and report every field that did not map as it stands: assumptions to confirm, discrepancies, fields the protocol has no place for. Nothing is written unless --out or --create is given.',
    )
    .argument('<file>', 'the study record (GET https://clinicaltrials.gov/api/v2/studies/NCT…)')
    .option('--out <file>', 'write the protocol draft to this file (then `il2trials study create --protocol FILE`)')
    .option('--create', 'create the design-stage study from the draft at once')
    .option(...dataOption)
    .option('--json', 'print the draft and the report as JSON')
    .action(
      action(async (file: string, opts: ImportCtgovOptions) => {
        const { protocol, report } = (() => {
          try {
            return importStudyRecord(readStudyRecord(readRecordFile(file), file));
          } catch (e) {
            throw e instanceof AppError && e.entry !== ctgovErrors.FILE_UNREADABLE && !e.message.startsWith(file) ? new AppError(e.entry, `${file}: ${e.message}`, e.path) : e;
          }
        })();
        const study = opts.create ? await withOperator(opts.data, 'import ctgov', (c) => createStudyFromProtocol(c, protocol)) : undefined;
        if (opts.out) writeFileSync(opts.out, `${JSON.stringify(protocol, null, 2)}\n`);
        if (opts.json) {
          printJson({ ...(study ? { study: { id: study.id, title: study.title, status: study.status, protocolVersion: study.protocolVersion } } : {}), protocol, report });
          return;
        }
        const count = (k: string) => report.entries.filter((e) => e.kind === k).length;
        const criteria = protocol.eligibility.inclusion.length + protocol.eligibility.exclusion.length;
        process.stdout.write(
          `Drafted protocol ${protocol.id} from ${report.record}: ${protocol.arms.length} arms, ${protocol.visits.length} visits, ${criteria} criteria, ${protocol.outcomes.length} outcomes, ${protocol.sites.length} sites; ${count('assumption')} assumptions to confirm, ${count('discrepancy')} discrepancies, ${count('unmapped')} fields not mapped.${opts.out ? ` Draft written to ${opts.out}.` : ''}${study ? ` Created study ${study.id} as a design.` : ''}\n`,
        );
        printReport(report);
      }),
    );
};
