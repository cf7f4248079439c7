import type { Protocol } from '../../protocol/schema.js';
import type { StagedFiles, StagedStream } from '../export-files/staged-files.js';
import type { ParticipantData } from '../sdtm/participant-data.js';
import { csvHeader, csvLines, exportTableNames, tableRows, type CsvViewer, type ExportTableName } from './export-tables.js';

export interface WrittenTable {
  readonly table: ExportTableName;
  readonly path: string;
  readonly rows: number;
}

/** Every table of the study as `<study>-<table>.csv`, written as the pages of participants come. */
export async function writeCsv(
  files: StagedFiles,
  studyId: string,
  protocol: Protocol,
  viewer: CsvViewer,
  pages: (onPage: (page: readonly ParticipantData[]) => Promise<void>) => Promise<void>,
): Promise<WrittenTable[]> {
  const out = new Map<ExportTableName, { stream: StagedStream; rows: number }>();
  for (const table of exportTableNames) {
    const stream = files.open(`${studyId}-${table}.csv`);
    await stream.write(csvHeader(table, viewer));
    out.set(table, { stream, rows: 0 });
  }
  await pages(async (page) => {
    for (const [table, o] of out) {
      const rows = page.flatMap((d) => tableRows(protocol, table, d, viewer));
      o.rows += rows.length;
      await o.stream.write(csvLines(rows, table, viewer));
    }
  });
  for (const o of out.values()) await o.stream.close();
  return [...out].map(([table, o]) => ({ table, path: o.stream.path, rows: o.rows }));
}
