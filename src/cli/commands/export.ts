import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { exportTableNames, tableCsv } from '../../interop/csv-export/export-tables.js';
import { AppError } from '../../errors/app-error.js';
import { loadStudyExport } from '../../store/export-data.js';
import { studyLock } from '../../store/lock.js';
import { openStore } from '../../store/open-store.js';
import { findStudy } from '../../store/studies.js';
import { action, printJson } from '../output.js';
import type { Register } from '../program.js';

const formats = ['csv'] as const;

interface ExportOptions {
  study: string;
  out: string;
  data: string;
  unblinded?: boolean;
  json?: boolean;
}

export const register: Register = (program) => {
  program
    .command('export')
    .description('Export a study\'s data, one file per table (participants, visits, observations, doses, adverse events); without the arm unless --unblinded after database lock.')
    .argument('<format>', `file format: ${formats.join(', ')}`)
    .requiredOption('--study <id>', 'study id')
    .requiredOption('--out <dir>', 'directory to write the files into (created if missing)')
    .option('--data <dir>', 'embedded database directory (ignored when DATABASE_URL is set)', 'data')
    .option('--unblinded', 'include each participant\'s arm (only once the study is locked)')
    .option('--json', 'print the files written as JSON')
    .action(
      action(async (format: string, opts: ExportOptions) => {
        if (!(formats as readonly string[]).includes(format)) throw new AppError('InvalidOption', `Export format "${format}" is not one of: ${formats.join(', ')}.`, 400, 'format');
        const { db } = await openStore({ dataDir: opts.data, command: 'export', readOnly: true });
        try {
          const study = await findStudy(db, opts.study);
          if (!study) throw new AppError('NotFound', `No study "${opts.study}" exists in the database.`, 404, 'study');
          const locked = (await studyLock(db, study.id))?.locked ?? false;
          if (opts.unblinded && !locked) throw new AppError('NotLocked', `Study ${study.id} is not locked, so its export cannot name the arms (drop --unblinded).`, 409, 'unblinded');
          const data = await loadStudyExport(db, study.id);
          const files = exportTableNames.map((table) => ({ table, path: join(opts.out, `${study.id}-${table}.csv`), text: tableCsv(data, table, { blinded: !opts.unblinded }), rows: data[table].length }));
          mkdirSync(opts.out, { recursive: true });
          // Every file is written beside its final name first, so a failed export leaves no partial file.
          try {
            for (const f of files) writeFileSync(`${f.path}.partial`, f.text);
            for (const f of files) renameSync(`${f.path}.partial`, f.path);
          } catch (e) {
            for (const f of files) rmSync(`${f.path}.partial`, { force: true });
            throw e;
          }
          const written = { study: study.id, format, unblinded: Boolean(opts.unblinded), files: files.map(({ table, path, rows }) => ({ table, path, rows })) };
          if (opts.json) printJson(written);
          else process.stdout.write(files.map((f) => `${f.path}: ${f.rows} rows\n`).join(''));
        } finally {
          await db.close();
        }
      }),
    );
};
