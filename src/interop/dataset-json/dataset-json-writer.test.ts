import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DatasetCell, DatasetColumn, DatasetMetadata } from './dataset-column.js';
import { datasetJsonFile } from './dataset-json-writer.js';
import { datasetJsonErrors } from './dataset-schema.test-helper.js';

const example = JSON.parse(readFileSync(new URL('../xpt/fixtures/ae.json', import.meta.url), 'utf8')) as {
  columns: DatasetColumn[];
  rows: DatasetCell[][];
  name: string;
  label: string;
  itemGroupOID: string;
};
const meta: DatasetMetadata = {
  dbLastModified: new Date('2020-08-21T09:14:29Z'),
  created: new Date('2024-11-11T15:09:15Z'),
  studyOID: 'cdisc.com/CDISCPILOT01',
  metaDataVersionOID: 'MDV.MSGv2.0.SDTMIG.3.3.SDTM.1.7',
  originator: 'CDISC SDTM MSG Team',
  name: example.name,
  label: example.label,
  itemGroupOID: example.itemGroupOID,
  columns: example.columns,
};

const text = async (chunks: AsyncIterable<string>) => {
  let s = '';
  for await (const c of chunks) s += c;
  return s;
};

describe('Dataset-JSON v1.1 writer', () => {
  it('rewrites the CDISC AE example into a document the v1.1 JSON Schema accepts, with the same columns and rows', async () => {
    const doc = JSON.parse(await text(datasetJsonFile(meta, example.rows.length, example.rows))) as Record<string, unknown>;
    expect(datasetJsonErrors(doc)).toEqual([]);
    expect(doc['columns']).toEqual(example.columns);
    expect(doc['rows']).toEqual(example.rows);
    expect(doc['records']).toBe(example.rows.length);
    // Attribute order as the specification recommends, rows last so a reader can stream them.
    expect(Object.keys(doc)).toEqual([
      'datasetJSONCreationDateTime',
      'datasetJSONVersion',
      'fileOID',
      'dbLastModifiedDateTime',
      'originator',
      'sourceSystem',
      'studyOID',
      'metaDataVersionOID',
      'metaDataRef',
      'itemGroupOID',
      'records',
      'name',
      'label',
      'columns',
      'rows',
    ]);
    expect(doc['datasetJSONCreationDateTime']).toBe('2024-11-11T15:09:15');
  });

  it('writes one row per line, and an empty dataset as rows []', async () => {
    const s = await text(datasetJsonFile(meta, 2, example.rows.slice(0, 2)));
    expect(
      s
        .split('\n')
        .slice(1, 3)
        .map((l) => JSON.parse(l.replace(/,$/, ''))),
    ).toEqual(example.rows.slice(0, 2));
    const empty = JSON.parse(await text(datasetJsonFile(meta, 0, []))) as Record<string, unknown>;
    expect(empty['rows']).toEqual([]);
    expect(datasetJsonErrors(empty)).toEqual([]);
  });

  it('the schema check can fail: a row count that is not an integer and an unknown dataType are refused', () => {
    expect(datasetJsonErrors({ ...meta, records: 1.5 }).length).toBeGreaterThan(0);
    expect(
      datasetJsonErrors({
        datasetJSONCreationDateTime: '2024-11-11T15:09:15',
        datasetJSONVersion: '1.1.0',
        itemGroupOID: 'IG.X',
        records: 0,
        name: 'X',
        label: 'X',
        columns: [{ itemOID: 'A', name: 'A', label: 'A', dataType: 'text' }],
      }),
    ).toContainEqual(expect.stringMatching(/^\/columns\/0\/dataType/));
  });

  it('refuses to finish a file whose announced record count differs from its rows', async () => {
    await expect(text(datasetJsonFile(meta, 3, example.rows.slice(0, 2)))).rejects.toThrow('Dataset AE announced 3 records but 2 were written.');
  });
});
