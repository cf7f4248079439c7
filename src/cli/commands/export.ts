import { type ExportFormat, exportFormatOf, exportStudy } from '../../interop/export-files/export-study.js';
import { AppError } from '../../errors/app-error.js';
import { studyLock } from '../../store/lock.js';
import { openStore } from '../../store/open-store.js';
import { findStudy } from '../../store/studies.js';
import { action, printJson } from '../output.js';
import type { Register } from '../program.js';
import { storeErrors } from '../../store/errors.js';
import { lockErrors } from '../../store/lock-errors.js';

interface ExportOptions {
  study: string;
  out: string;
  data: string;
  unblinded?: boolean;
  json?: boolean;
}

/** What each format writes; a Record, so a new format cannot be left out of the help. */
const formatHelp: Record<ExportFormat, string> = {
  csv: 'one file per table',
  odm: 'CDISC ODM 1.3.2, an AuditRecord on every value',
  sdtm: 'SDTM IG 3.4 datasets as Dataset-JSON and SAS XPT, with define.xml',
  define: 'Define-XML 2.1 alone',
  fhir: 'an R4 Bundle',
  redcap: 'flat records with the data dictionary',
  'ctgov-results': 'the ClinicalTrials.gov results section; by arm only unblinded, after lock',
};

export const register: Register = (program) => {
  program
    .command('export')
    .description(
      `Export a study's data: ${Object.entries(formatHelp)
        .map(([f, what]) => `${f} (${what})`)
        .join(', ')}. Without the arm unless --unblinded after database lock.`,
    )
    .argument('<format>', `file format: ${Object.keys(formatHelp).join(', ')}`)
    .requiredOption('--study <id>', 'study id')
    .requiredOption('--out <dir>', 'directory to write the files into (created if missing)')
    .option('--data <dir>', 'embedded database directory (ignored when DATABASE_URL is set)', 'data')
    .option('--unblinded', "include each participant's arm (only once the study is locked)")
    .option('--json', 'print the files written as JSON')
    .action(
      action(async (name: string, opts: ExportOptions) => {
        const format = exportFormatOf(name);
        const { db } = await openStore({ dataDir: opts.data, command: 'export', readOnly: true });
        try {
          const study = await findStudy(db, opts.study);
          if (!study) throw new AppError(storeErrors.NOT_FOUND, `No study "${opts.study}" exists in the database.`, 'study');
          const locked = (await studyLock(db, study.id))?.locked ?? false;
          if (opts.unblinded && !locked) throw new AppError(lockErrors.NOT_LOCKED, `Study ${study.id} is not locked, so its export cannot name the arms (drop --unblinded).`, 'unblinded');
          const files = await exportStudy(db, { study, format, dir: opts.out, blinded: !opts.unblinded, at: new Date() });
          if (opts.json) printJson({ study: study.id, format, unblinded: Boolean(opts.unblinded), files });
          else process.stdout.write(files.map((f) => `${f.path}: ${f.rows} rows\n`).join(''));
        } finally {
          await db.close();
        }
      }),
    );
};
