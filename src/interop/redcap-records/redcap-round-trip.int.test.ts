import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCohorts } from '../../demo/load-demo.js';
import { AppError } from '../../errors/app-error.js';
import { getBuiltinProtocol } from '../../protocol/builtin/index.js';
import type { Db } from '../../store/db.js';
import { createStudy, findStudy } from '../../store/studies.js';
import { testDatabases } from '../../store/test-databases.js';
import { importRedcapRecords } from '../../use-cases/import-redcap-records.js';
import { exportStudy } from '../export-files/export-study.js';

const at = new Date('2025-06-02T09:00:00.000Z');
const dir = mkdtempSync(join(tmpdir(), 'il2trials-redcap-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ids = ['sle-il2', 'als-il2'] as const;
const operator = { kind: 'operator', name: 'test' } as const;

describe.each(testDatabases())('REDCap records: export, import, export again ($kind)', (engine) => {
  let db: Db;
  /** The first export of each study: file name → text. */
  const first = new Map<string, Map<string, string>>();
  const exportFiles = async (id: string, tag: string) => {
    const files = await exportStudy(db, { study: (await findStudy(db, id))!, format: 'redcap', dir: join(dir, `${engine.kind}-${id}-${tag}`), blinded: true, at, pageSize: 5 });
    return new Map(files.map((f) => [f.name, readFileSync(f.path, 'utf8')]));
  };
  const participants = async (id: string) => (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM participants WHERE study_id = $1', [id]))[0]!.n;
  const refusal = async (fn: () => Promise<unknown>) => {
    const e = await fn().then(
      () => undefined,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(AppError);
    return e as AppError;
  };

  beforeAll(async () => {
    db = await engine.fresh();
    for (const id of ids) await createStudy(db, { actor: 'test', at }, getBuiltinProtocol(id));
    await loadDemoCohorts(db, 1, '2025-06-02', at);
    for (const id of ids) first.set(id, await exportFiles(id, 'first'));
    // The same studies, empty, in a new database: what the files are imported into.
    db = await engine.fresh();
    for (const id of ids) await createStudy(db, { actor: 'test', at }, getBuiltinProtocol(id));
  }, 300_000);

  it.each(ids)('writes %s as REDCap records with redcap_event_name and `_complete` columns, every column a field of its dictionary', (id) => {
    const files = first.get(id)!;
    const records = parse(files.get(`${id}-redcap-records.csv`)!, { columns: true }) as Record<string, string>[];
    const dictionary = parse(files.get(`${id}-redcap-dictionary.csv`)!, { columns: true }) as Record<string, string>[];
    expect(records.length).toBeGreaterThan(10);
    expect(Object.keys(records[0]!).slice(0, 4)).toEqual(['record_id', 'redcap_event_name', 'redcap_repeat_instrument', 'redcap_repeat_instance']);
    expect(new Set(records.map((r) => r['redcap_event_name']))).toContain('registration_arm_1');
    // Every column is a dictionary field, a checkbox column of one (`field___code`), or an instrument's `_complete` (redcap-format.md §3).
    const fields = new Set(dictionary.map((d) => d['Variable / Field Name']));
    const forms = new Set(dictionary.map((d) => d['Form Name']));
    for (const c of Object.keys(records[0]!).slice(4)) expect(fields.has(c) || fields.has(c.split('___')[0]!) || forms.has(c.replace(/_complete$/, '')), c).toBe(true);
    // Variable names are REDCap's: lower case, digits, underscores, a letter first, unique.
    for (const f of fields) expect(f).toMatch(/^[a-z][a-z0-9_]*$/);
    expect(fields.size).toBe(dictionary.length);
  });

  it('refuses a file with a field the study does not have, naming row 1 and the column, and writes nothing', async () => {
    const csv = first
      .get('sle-il2')!
      .get('sle-il2-redcap-records.csv')!
      .replace('record_id,', 'record_id,favourite_colour,')
      .replace(/\n(\S+?),/g, '\n$1,,');
    const e = await refusal(() => importRedcapRecords({ db, by: operator, at }, csv, 'sle-il2'));
    expect(e.message).toBe('REDCap records row 1, column "favourite_colour": no field of that name is in the study\'s data dictionary (nothing was imported).');
    expect(await participants('sle-il2')).toBe(0);
  });

  it('refuses a value the entry rules refuse on any row, naming that row and column, and writes nothing of the rows before it', async () => {
    const csv = first.get('sle-il2')!.get('sle-il2-redcap-records.csv')!;
    const lines = csv.trimEnd().split('\n');
    const header = lines[0]!.split(',');
    const col = header.indexOf('pga_pga');
    const n = lines.findIndex((l, i) => i > 20 && l.split(',')[col] !== '' && !l.includes('"'));
    const cells = lines[n]!.split(',');
    cells[col] = '7';
    lines[n] = cells.join(',');
    const e = await refusal(() => importRedcapRecords({ db, by: operator, at }, `${lines.join('\n')}\n`, 'sle-il2'));
    expect(e.message).toMatch(new RegExp(`^REDCap records row ${n + 1}, column "pga_pga": `));
    expect(await participants('sle-il2')).toBe(0);
  });

  it.each(ids)(
    'imports the records of %s into the empty study, and its export again equals the first, file for file',
    async (id) => {
      const files = first.get(id)!;
      const r = await importRedcapRecords({ db, by: operator, at }, files.get(`${id}-redcap-records.csv`)!, id);
      expect(r.records).toBe(await participants(id));
      expect(r.records).toBeGreaterThan(3);
      const again = await exportFiles(id, 'again');
      expect([...again.keys()]).toEqual([...files.keys()]);
      for (const [name, text] of files) expect(again.get(name), name).toBe(text);
      // Importing the same records again is refused: the participants exist.
      const e = await refusal(() => importRedcapRecords({ db, by: operator, at }, files.get(`${id}-redcap-records.csv`)!, id));
      expect(e.message).toMatch(/^REDCap records row 2, column "record_id": study .* already has participant/);
    },
    120_000,
  );
});
