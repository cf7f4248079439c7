import { AppError } from '../../errors/app-error.js';
import type { Db } from '../../store/db.js';
import { forEachParticipantPage } from '../../store/export-pages.js';
import type { Study } from '../../store/studies.js';
import { writeCsv } from '../csv-export/csv-files.js';
import { writeSdtm } from '../sdtm/sdtm-export.js';
import { StagedFiles } from './staged-files.js';

/** The export formats, stable names (DESIGN.md "Contract of the command line"). */
export const exportFormats = ['csv', 'sdtm'] as const;
export type ExportFormat = (typeof exportFormats)[number];

export function exportFormatOf(name: string): ExportFormat {
  const f = exportFormats.find((x) => x === name);
  if (!f) throw new AppError('InvalidOption', `Export format "${name}" is not one of: ${exportFormats.join(', ')}.`, 400, 'format');
  return f;
}

export interface ExportRequest {
  readonly study: Study;
  readonly format: ExportFormat;
  readonly dir: string;
  readonly blinded: boolean;
  /** When this export is made (the adapter's clock). */
  readonly at: Date;
  /** Participants read per page: what memory holds at once. */
  readonly pageSize?: number;
}

export interface ExportedFile {
  readonly name: string;
  readonly path: string;
  readonly rows: number;
}

/** When the study's data last changed: its newest audit record (or its creation). */
async function lastModified(db: Db, study: Study): Promise<Date> {
  const [row] = await db.query<{ at: Date | string }>('SELECT coalesce((SELECT max(at) FROM audit WHERE study_id = $1), (SELECT created_at FROM studies WHERE id = $1)) AS at', [study.id]);
  return new Date(row!.at);
}

/** Write one format of a study's export into `dir`, all files or none. */
export async function exportStudy(db: Db, req: ExportRequest): Promise<ExportedFile[]> {
  const pages = (onPage: Parameters<typeof forEachParticipantPage>[3]) => forEachParticipantPage(db, req.study.id, req.pageSize ?? 500, onPage);
  const dbLastModified = await lastModified(db, req.study);
  const { result } = await StagedFiles.write(req.dir, async (files): Promise<ExportedFile[]> => {
    switch (req.format) {
      case 'csv':
        return (await writeCsv(files, req.study.id, req.study.protocol, { blinded: req.blinded }, pages)).map((t) => ({ name: t.table, path: t.path, rows: t.rows }));
      case 'sdtm': {
        const written = await writeSdtm(files, { studyId: req.study.id, protocol: req.study.protocol, blinded: req.blinded, dbLastModified, created: req.at, pages });
        return written.flatMap((w) => ['json', 'xpt'].map((ext) => ({ name: `${w.spec.name.toLowerCase()}.${ext}`, path: `${files.dir}/${w.spec.name.toLowerCase()}.${ext}`, rows: w.records })));
      }
    }
  });
  return result;
}
