import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { userInfo } from 'node:os';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCohorts } from '../../demo/load-demo.js';
import { getBuiltinProtocol } from '../../protocol/builtin/index.js';
import { openStore } from '../../store/open-store.js';
import { createStudy } from '../../store/studies.js';
import { cliAsync } from './run-cli.test-helper.js';

const at = new Date('2025-06-02T09:00:00.000Z');
const dir = mkdtempSync(join(tmpdir(), 'il2trials-import-'));
const study = 'als-il2';
const file = (out: string) => join(dir, out, `${study}-odm-transactional.xml`);

/** A PGlite directory holding the built-in study, filled by the demo or empty. */
async function dataDir(name: string, demo: boolean): Promise<string> {
  const data = join(dir, name);
  const { db } = await openStore({ dataDir: data, databaseUrl: '' });
  await createStudy(db, { actor: 'test', at }, getBuiltinProtocol(study));
  if (demo) await loadDemoCohorts(db, 1, '2025-06-02', at);
  await db.close();
  return data;
}

let a = '';
let b = '';
beforeAll(async () => {
  a = await dataDir('a', true);
  b = await dataDir('b', false);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('il2trials import odm', () => {
  it('imports an exported study into another database, which exports the same file again; a second import and a missing file are one sentence each', async () => {
    expect((await cliAsync('export', 'odm', '--study', study, '--out', join(dir, 'out-a'), '--data', a)).stderr).toBe('');
    const imported = await cliAsync('import', 'odm', file('out-a'), '--data', b, '--json');
    expect(imported.stderr).toBe('');
    const xml = readFileSync(file('out-a'), 'utf8');
    expect(JSON.parse(imported.stdout)).toMatchObject({
      studyId: study,
      fileType: 'Transactional',
      participants: xml.match(/<SubjectData /g)!.length,
      provenance: xml.match(/<AuditRecord>/g)!.length,
    });

    expect((await cliAsync('export', 'odm', '--study', study, '--out', join(dir, 'out-b'), '--data', b)).stderr).toBe('');
    // Differ legitimately: when each file was made, and the operator who imported, one more User.
    const operator = `cli:${userInfo().username}`;
    const normal = (s: string) =>
      s
        .replace(/CreationDateTime="[^"]+"/, '')
        .replace(/EffectiveDate="[^"]+"/g, '')
        .replace(`\n  <User OID="USR.${operator}">\n   <LoginName>${operator}</LoginName>\n   <DisplayName>${operator}</DisplayName>\n  </User>`, '');
    expect(normal(readFileSync(file('out-b'), 'utf8'))).toBe(normal(xml));

    const again = await cliAsync('import', 'odm', file('out-a'), '--data', b);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(
      new RegExp(`^il2trials: ${file('out-a').replace(/[.]/g, '\\.')}: ODM Study als-il2: study als-il2 already holds \\d+ participants; an ODM file is imported into a study without any\\.\\n$`),
    );
    const missing = await cliAsync('import', 'odm', join(dir, 'nope.xml'), '--data', b);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toBe(`il2trials: ODM file ${join(dir, 'nope.xml')} cannot be read (ENOENT).\n`);
  }, 240_000);
});
