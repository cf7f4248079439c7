import { writeFileSync } from 'node:fs';
import { buildReport } from '../../analysis/report/build-report.js';
import { renderReportHtml } from '../../analysis/report/render-html.js';
import { AppError } from '../../errors/app-error.js';
import { isoDay } from '../../dates/iso-date.js';
import { loadAnalysisData } from '../../use-cases/analysis-data.js';
import { studyLock } from '../../store/lock.js';
import { openStore } from '../../store/open-store.js';
import { findStudy } from '../../store/studies.js';
import { action, printJson } from '../output.js';
import { printPdf } from '../print-pdf.js';
import type { Register } from '../program.js';
import { requestErrors } from '../../errors/request-errors.js';
import { storeErrors } from '../../store/errors.js';
import { lockErrors } from '../../store/lock-errors.js';

interface ReportOptions {
  study: string;
  out: string;
  format: string;
  data: string;
  byArm?: boolean;
  date?: string;
  json?: boolean;
}

export const register: Register = (program) => {
  program
    .command('report')
    .description('Write the study report (CONSORT flow, baseline, endpoints, adverse events, plots) as HTML, JSON or PDF; pooled over arms unless --by-arm after database lock.')
    .requiredOption('--study <id>', 'study id')
    .requiredOption('--out <file>', 'file to write')
    .option('--format <format>', "html, json or pdf (printed by Debian's Chromium)", 'html')
    .option('--data <dir>', 'embedded database directory (ignored when DATABASE_URL is set)', 'data')
    .option('--by-arm', 'compare the arms (only once the study is locked)')
    .option('--date <yyyy-mm-dd>', 'data cut-off date (default: today)')
    .option('--json', 'print what was written as JSON')
    .action(
      action(async (opts: ReportOptions) => {
        if (!['html', 'json', 'pdf'].includes(opts.format)) throw new AppError(requestErrors.INVALID_OPTION, `--format "${opts.format}" is not html, json or pdf.`, 'format');
        if (opts.date !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.date)) throw new AppError(requestErrors.INVALID_OPTION, `--date "${opts.date}" is not a date (yyyy-mm-dd).`, 'date');
        const { db } = await openStore({ dataDir: opts.data, command: 'report', readOnly: true });
        try {
          const study = await findStudy(db, opts.study);
          if (!study) throw new AppError(storeErrors.NOT_FOUND, `No study "${opts.study}" exists in the database.`, 'study');
          const lock = (await studyLock(db, study.id))!;
          if (opts.byArm && !lock.locked) throw new AppError(lockErrors.NOT_LOCKED, `Study ${study.id} is not locked, so its report cannot compare the arms (drop --by-arm).`, 'by-arm');
          const cutOff = opts.date ?? isoDay(new Date());
          const report = buildReport(await loadAnalysisData(db, study, cutOff), { id: study.id, lockedAt: lock.lockedAt }, cutOff, { kind: opts.byArm ? 'by-arm' : 'pooled' });
          const text = opts.format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : opts.format === 'pdf' ? await printPdf(renderReportHtml(report)) : renderReportHtml(report);
          writeFileSync(opts.out, text);
          const facts = { study: study.id, out: opts.out, format: opts.format, view: report.view, locked: lock.locked, bytes: Buffer.byteLength(text) };
          if (opts.json) printJson(facts);
          else process.stdout.write(`Wrote the ${facts.view} ${facts.format.toUpperCase()} report of ${facts.study} to ${facts.out} (${facts.bytes} bytes).\n`);
        } finally {
          await db.close();
        }
      }),
    );
};
