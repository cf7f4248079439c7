import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBuiltinProtocol } from '../../protocol/builtin/index.js';
import { openStore } from '../../store/open-store.js';
import { createStudy } from '../../store/studies.js';
import { cliAsync } from './run-cli.test-helper.js';

const at = new Date('2025-06-02T09:00:00.000Z');
const dir = mkdtempSync(join(tmpdir(), 'il2trials-eligibility-set-'));
const data = join(dir, 'data');
const file = (name: string, doc: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof doc === 'string' ? doc : JSON.stringify(doc));
  return path;
};

beforeAll(async () => {
  const { db } = await openStore({ dataDir: data, databaseUrl: '' });
  await createStudy(db, { actor: 'test', at }, getBuiltinProtocol('sle-il2')); // live
  await db.close();
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const run = (...args: string[]) => cliAsync('eligibility', 'set', ...args, '--data', data);

describe('il2trials eligibility set', () => {
  it('saves a correction into a live study as an amendment, and refuses bad input with one sentence and exit 1', async () => {
    const exc2 = file('exc-2.json', { 'exc-2': 'diagnoses has bacteremia or diagnoses has sepsis' });
    const noDate = await run('sle-il2', '--criteria', exc2, '--reason', 'the infections the record names');
    expect([noDate.code, noDate.stderr]).toEqual([1, 'il2trials: Study sle-il2 is live: a correction is an amendment and needs an effective date.\n']);
    // "sepsis" alone, after "or", starts at character 29.
    const bad = await run('sle-il2', '--criteria', file('bad.json', { 'exc-2': 'diagnoses has bacteremia or sepsis' }), '--reason', 'r', '--effective-date', '2025-06-02');
    expect([bad.code, bad.stderr]).toEqual([1, 'il2trials: Criterion exc-2: Character 29 of the expression: "sepsis" is not a fact of the dictionary.\n']);
    const notJson = await run('sle-il2', '--criteria', file('list.json', ['exc-2']));
    expect([notJson.code, notJson.stderr]).toEqual([
      1,
      `il2trials: The criteria file "${join(dir, 'list.json')}" must be a JSON object of criterion ids to expressions (or null), like {"exc-2": "diagnoses has sepsis"}.\n`,
    ]);

    const ok = await run('sle-il2', '--criteria', exc2, '--reason', 'the infections the record names', '--effective-date', '2025-06-02', '--json');
    expect(ok.stderr).toBe('');
    expect(JSON.parse(ok.stdout)).toEqual({
      studyId: 'sle-il2',
      protocolVersion: '2',
      amendment: { studyId: 'sle-il2', fromVersion: '1', version: '2', effectiveDate: '2025-06-02', changes: [{ path: 'eligibility', kind: 'changed' }], reconsentVersion: null },
    });
    const back = await run('sle-il2', '--criteria', file('back.json', { 'exc-2': null }), '--reason', 'back to the parse', '--effective-date', '2025-06-03');
    expect([back.code, back.stdout]).toEqual([0, 'Study sle-il2: criteria exc-2 corrected as version 3 (from 2), in force from 2025-06-03.\n']);

    const { db } = await openStore({ dataDir: data, databaseUrl: '' });
    try {
      const versions = await db.query<{ version: string; exc2: unknown }>("SELECT version, protocol->'eligibility'->'exclusion'->1 AS exc2 FROM protocol_versions ORDER BY version");
      expect(versions).toEqual([
        { version: '2', exc2: { id: 'exc-2', text: 'Serious infection such as bacteremia, sepsis;', expression: 'diagnoses has bacteremia or diagnoses has sepsis' } },
        { version: '3', exc2: { id: 'exc-2', text: 'Serious infection such as bacteremia, sepsis;' } },
      ]);
      const actors = await db.query<{ actor: string }>("SELECT DISTINCT actor FROM audit WHERE entity = 'protocol_versions'");
      expect(actors.map((a) => a.actor)).toEqual([expect.stringMatching(/^cli:/)]);
    } finally {
      await db.close();
    }
  }, 180_000);
});
