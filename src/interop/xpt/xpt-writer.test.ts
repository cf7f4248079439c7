import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import type { DatasetCell, DatasetColumn, DatasetMetadata } from '../dataset-json/dataset-column.js';
import { xptDatasetOf, xptValues } from './from-columns.js';
import { xptDateTime, xptFile, xptHeader, xptObservation } from './xpt-writer.js';

// xport-js is CommonJS with an ES-style default export; require() gives it alike under every loader.
const Library = (createRequire(import.meta.url)('xport-js') as typeof import('xport-js')).default;
const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
const domains = readdirSync(fixtures)
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.slice(0, -5));

interface ExampleJson {
  dbLastModifiedDateTime: string;
  name: string;
  label: string;
  itemGroupOID: string;
  columns: DatasetColumn[];
  rows: DatasetCell[][];
}

const example = (d: string): ExampleJson => JSON.parse(readFileSync(join(fixtures, `${d}.json`), 'utf8')) as ExampleJson;
const metaOf = (j: ExampleJson): DatasetMetadata => ({
  dbLastModified: new Date(`${j.dbLastModifiedDateTime}Z`),
  created: new Date(`${j.dbLastModifiedDateTime}Z`),
  studyOID: 'cdisc.com/CDISCPILOT01',
  metaDataVersionOID: 'MDV',
  originator: 'CDISC',
  name: j.name,
  label: j.label,
  itemGroupOID: j.itemGroupOID,
  columns: j.columns,
});

async function written(j: ExampleJson, header = { sasVersion: '9.4', os: 'X64_10PR' }): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const b of xptFile(xptDatasetOf(metaOf(j), header), j.rows.map(xptValues))) parts.push(b);
  return Buffer.concat(parts);
}

describe('SAS transport v5 writer against the CDISC example pairs', () => {
  it('has all nine SDTM example domains to compare with', () => {
    expect(domains.sort()).toEqual(['ae', 'dm', 'ds', 'sv', 'ta', 'te', 'ti', 'ts', 'tv']);
  });

  it.each(domains)('writes %s.xpt byte for byte from %s.json, given the header SAS wrote (9.4, X64_10PR, the JSON dbLastModifiedDateTime)', async (d) => {
    const ours = await written(example(d));
    const theirs = readFileSync(join(fixtures, `${d}.xpt`));
    expect(ours.length).toBe(theirs.length);
    // Compare as hex to see the first differing byte on failure, not a 40 kB buffer dump.
    const firstDiff = ours.findIndex((b, i) => b !== theirs[i]);
    expect(firstDiff).toBe(-1);
  });

  it("differs from SAS's own file only in the documented header fields (version, OS, created/modified) when written with our defaults", async () => {
    const j = example('dm');
    const ours = await written(j, {} as { sasVersion: string; os: string });
    const theirs = readFileSync(join(fixtures, 'dm.xpt'));
    const differing = new Set<number>();
    ours.forEach((b, i) => b !== theirs[i] && differing.add(Math.floor(i / 80)));
    // Records 2 (library "first real header") and 6 (member descriptor 1) hold version and OS (TS-140).
    expect([...differing].sort()).toEqual([1, 5]);
  });

  it.each(domains)("reads %s.xpt back with xport-js (a maintained reader) into the JSON's rows", async (d) => {
    const j = example(d);
    const file = join(mkdtempSync(join(tmpdir(), 'xpt-')), `${d}.xpt`);
    writeFileSync(file, await written(j));
    const rows: unknown[][] = [];
    for await (const r of new Library(file).read({ rowFormat: 'array', skipHeader: true })) rows.push(r as unknown[]);
    // The reader trims trailing blanks and gives a missing number as null, as the JSON holds them.
    expect(rows).toEqual(j.rows);
  });

  it('writes the header dates as ddMMMyy:hh:mm:ss in UTC (TS-140)', () => {
    expect(xptDateTime(new Date('2020-08-21T09:14:29Z'))).toBe('21AUG20:09:14:29');
    expect(xptDateTime(new Date('2006-01-05T23:59:01Z'))).toBe('05JAN06:23:59:01');
  });

  it('refuses names over 8 characters, labels over 40, character lengths over 200 and text longer than its variable, naming each', () => {
    const base = { name: 'DM', label: 'Demographics', created: new Date(0) };
    expect(() => xptHeader({ ...base, variables: [{ name: 'TOOLONGNAME', label: 'x', type: 'num' }] })).toThrow(/DM\.TOOLONGNAME/);
    expect(() => xptHeader({ ...base, variables: [{ name: 'AGE', label: 'x'.repeat(41), type: 'num' }] })).toThrow(/DM\.AGE's label/);
    expect(() => xptHeader({ ...base, variables: [{ name: 'COVAL', label: 'Comment', type: 'char', length: 201 }] })).toThrow(/200 bytes/);
    const ds = {
      ...base,
      variables: [
        { name: 'SEX', label: 'Sex', type: 'char' as const, length: 1 },
        { name: 'AGE', label: 'Age', type: 'num' as const },
      ],
    };
    expect(() => xptObservation(ds, ['MF', 40], 3)).toThrow('DM row 3 SEX holds 2 bytes, more than its length 1.');
    expect(() => xptObservation(ds, ['M', '40'], 4)).toThrow('DM row 4 AGE is numeric but holds the text "40".');
    // 'é' is two bytes in UTF-8: the 200-byte limit counts bytes (xpt-v5-format.md §7).
    expect(() => xptObservation(ds, ['é', 1], 5)).toThrow('holds 2 bytes');
  });
});
