import { once } from 'node:events';
import { createReadStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { csvHeader, csvLines, exportTableNames, tableRows, type ExportTableName } from '../../interop/csv-export/export-tables.js';
import { AppError } from '../../errors/app-error.js';
import { EXPORT_PAGE_SIZE, exportFormatOf, exportStudy } from '../../interop/export-files/export-study.js';
import { forEachParticipantPage } from '../../store/export-pages.js';
import { studyLock } from '../../store/lock.js';
import { studyOf } from '../access.js';
import { principalOf, type RouteModule } from '../context.js';
import { isBlindedIn } from '../masking.js';
import { storeErrors } from '../../store/errors.js';

const tableOf = (file: string): ExportTableName => {
  const table = exportTableNames.find((t) => `${t}.csv` === file);
  if (!table) throw new AppError(storeErrors.NOT_FOUND, `No export "${file}": the files are ${exportTableNames.map((t) => `${t}.csv`).join(', ')}.`, 'file');
  return table;
};

const contentTypes: Readonly<Record<string, string>> = { '.csv': 'text/csv; charset=utf-8', '.json': 'application/json', '.xml': 'application/xml', '.xpt': 'application/octet-stream' };

export const exportRoutes: RouteModule = (app, { db }) => {
  /**
   * One file of a study's export in a format (`odm`, `sdtm`, `define`, `csv`), as the CLI writes it:
   * the export is staged in a scratch directory (memory stays flat), the file streamed, the directory removed.
   */
  app.get<{ Params: { studyId: string; format: string; file: string } }>(
    '/api/studies/:studyId/export/:format/:file',
    { schema: { tags: ['export'] }, config: { action: 'export' } },
    async (req, reply) => {
      const p = principalOf(req);
      const study = studyOf(req);
      const format = exportFormatOf(req.params.format);
      const blinded = isBlindedIn(p, study, (await studyLock(db, study.id))?.locked ?? false);
      const dir = mkdtempSync(join(tmpdir(), 'il2trials-export-'));
      const cleanUp = () => rmSync(dir, { recursive: true, force: true });
      try {
        const files = await exportStudy(db, { study, format, dir: join(dir, 'out'), blinded, at: new Date() });
        const file = files.find((f) => f.name === req.params.file);
        if (!file) throw new AppError(storeErrors.NOT_FOUND, `No file "${req.params.file}" in the ${format} export: its files are ${files.map((f) => f.name).join(', ')}.`, 'file');
        const body = createReadStream(file.path).on('close', cleanUp);
        return reply
          .type(contentTypes[extname(file.name)] ?? 'application/octet-stream')
          .header('content-disposition', `attachment; filename="${file.name}"`)
          .send(body);
      } catch (e) {
        cleanUp();
        throw e;
      }
    },
  );

  /**
   * One table of a study as CSV, streamed a page of participants at a time. The JSON masking hook does
   * not see CSV, so the arm column is left out here for a blinded reader (src/interop/csv-export), by
   * the same rule as every other response.
   */
  app.get<{ Params: { studyId: string; file: string } }>('/api/studies/:studyId/export/:file', { schema: { tags: ['export'] }, config: { action: 'export' } }, async (req, reply) => {
    const p = principalOf(req);
    const study = studyOf(req);
    const table = tableOf(req.params.file);
    const viewer = { blinded: isBlindedIn(p, study, (await studyLock(db, study.id))?.locked ?? false) };
    const body = new PassThrough();
    body.write(csvHeader(table, viewer));
    forEachParticipantPage(db, study.id, EXPORT_PAGE_SIZE, async (page) => {
      if (
        !body.write(
          csvLines(
            page.flatMap((d) => tableRows(study.protocol, table, d, viewer)),
            table,
            viewer,
          ),
        )
      )
        await once(body, 'drain');
    }).then(
      () => body.end(),
      (e: unknown) => body.destroy(e instanceof Error ? e : new Error(String(e))),
    );
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${study.id}-${table}.csv"`).send(body);
  });
};
