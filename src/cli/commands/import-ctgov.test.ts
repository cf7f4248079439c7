import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './run-cli.test-helper.js';

const fixtures = new URL('../../interop/ctgov/fixtures/', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'il2trials-ctgov-'));

describe('il2trials import ctgov', () => {
  it('writes the draft with --out and prints the report', () => {
    const out = join(dir, 'als.json');
    const r = cli('import', 'ctgov', join(fixtures, 'seed-NCT04952155.json'), '--out', out);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Drafted protocol nct04952155 from NCT04952155: 1 arms, 3 visits, 17 criteria, 7 outcomes, 1 sites; /);
    expect(r.stdout).toMatch(/to confirm {3}design\.durationDays: /);
    const draft = JSON.parse(readFileSync(out, 'utf8'));
    expect(draft.arms[0].interventions[0].regimen.steps[0]).toMatchObject({ kind: 'cycle', times: 6 });
  });

  it('refuses a truncated file in one sentence naming the file and line, writing nothing', () => {
    const cut = join(dir, 'cut.json');
    writeFileSync(cut, readFileSync(join(fixtures, 'NCT02552212.json'), 'utf8').slice(0, 4000));
    const out = join(dir, 'never.json');
    const r = cli('import', 'ctgov', cut, '--out', out);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^il2trials: ${cut} is not valid JSON: it breaks at .*line \\d+, column \\d+.*\\.\\n$`));
    expect(existsSync(out)).toBe(false);
  });
});
