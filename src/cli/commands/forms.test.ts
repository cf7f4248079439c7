import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './run-cli.test-helper.js';

const dir = mkdtempSync(join(tmpdir(), 'il2trials-forms-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const simple = 'src/forms/redcap/fixtures/simple-dictionary.csv';

describe('il2trials forms', () => {
  it('import-redcap writes one form file per instrument, and export-redcap writes them back as one dictionary', () => {
    const imported = cli('forms', 'import-redcap', simple, '--out', dir, '--json');
    expect(imported.code, imported.stderr).toBe(0);
    expect((JSON.parse(imported.stdout) as { id: string }[]).map((f) => f.id)).toEqual(['demographics', 'health', 'race-and-ethnicity']);
    expect(cli('forms', 'validate', join(dir, 'health.json')).stdout).toBe(`valid: ${join(dir, 'health.json')} (form health, version 1)\n`);

    const out = join(dir, 'back.csv');
    const exported = cli('forms', 'export-redcap', join(dir, 'health.json'), 'nfl', '--out', out, '--json');
    expect(exported.code, exported.stderr).toBe(0);
    // record_id + 5 health items + NfL's serum, csf and assay = 9 rows
    expect(JSON.parse(exported.stdout)).toEqual({ forms: ['health', 'nfl'], fields: 9, file: out });
    expect(readFileSync(out, 'utf8').split('\n')[2]).toBe('height,health,,text,Height (cm),,,number,130,215,,,,,,,,');
  });

  it('a bad dictionary exits 1 with one sentence naming row and column', () => {
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, readFileSync(simple, 'utf8').replace('sex,demographics,,radio', 'sex,demographics,,radios'));
    const r = cli('forms', 'import-redcap', bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'il2trials: REDCap dictionary row 10, column "Field Type": "radios" is not a field type il2trials imports (text, notes, dropdown, radio, checkbox, yesno, truefalse, calc, slider, file, descriptive).\n',
    );
  });

  it('schema prints the form JSON Schema', () => {
    expect(JSON.parse(cli('forms', 'schema').stdout)).toMatchObject({ type: 'object', required: expect.arrayContaining(['id', 'version', 'title', 'items']) });
  });
});
