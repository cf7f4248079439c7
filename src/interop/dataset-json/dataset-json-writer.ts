import { AppError } from '../../errors/app-error.js';
import type { DatasetCell, DatasetMetadata } from './dataset-column.js';
import { interopErrors } from '../errors.js';

/**
 * CDISC Dataset-JSON v1.1 writer. Attributes are written in the order the specification recommends
 * ("Top-level Metadata Attributes"), and `rows` last, so the file streams one row per line. Because
 * `records` comes before the rows, the caller passes the count it will write; a different count is an error.
 */

/** `YYYY-MM-DDThh:mm:ss` in UTC, the form of the specification's examples. */
export const isoSeconds = (d: Date): string => d.toISOString().slice(0, 19);

export function datasetJsonHead(meta: DatasetMetadata, records: number): string {
  const head = {
    datasetJSONCreationDateTime: isoSeconds(meta.created),
    datasetJSONVersion: '1.1.0',
    fileOID: `${meta.studyOID}/${meta.name.toLowerCase()}`,
    dbLastModifiedDateTime: isoSeconds(meta.dbLastModified),
    originator: meta.originator,
    sourceSystem: { name: 'il2trials', version: '0.1.0' },
    studyOID: meta.studyOID,
    metaDataVersionOID: meta.metaDataVersionOID,
    metaDataRef: 'define.xml',
    itemGroupOID: meta.itemGroupOID,
    records,
    name: meta.name,
    label: meta.label,
    columns: meta.columns,
  };
  return `${JSON.stringify(head).slice(0, -1)},"rows":[`;
}

/** The file as a stream of text chunks. */
export async function* datasetJsonFile(meta: DatasetMetadata, records: number, rows: AsyncIterable<readonly DatasetCell[]> | Iterable<readonly DatasetCell[]>): AsyncGenerator<string> {
  yield datasetJsonHead(meta, records);
  let n = 0;
  for await (const r of rows) {
    yield `${n === 0 ? '\n' : ',\n'}${JSON.stringify(r)}`;
    n++;
  }
  if (n !== records) throw new AppError(interopErrors.DATASET_RECORDS_MISMATCH, `Dataset ${meta.name} announced ${records} records but ${n} were written.`);
  yield '\n]}\n';
}
