import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './run-cli.test-helper.js';

const dir = mkdtempSync(join(tmpdir(), 'il2trials-score-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const essdaiZero = { constitutional: 0, lymphadenopathy: 0, glandular: 0, articular: 0, cutaneous: 0, pulmonary: 0, renal: 0, muscular: 0, pns: 0, cns: 0, haematological: 0, biological: 0 };

describe('il2trials score', () => {
  it('--json prints instrument, total and components', () => {
    // articular moderate 2×2 + glandular low 1×2 + constitutional low 1×3 + biological moderate 2×1 = 11
    const items = file('essdai.json', { ...essdaiZero, articular: 2, glandular: 1, constitutional: 1, biological: 2 });
    const r = cli('score', 'essdai', '--items', items, '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { instrument: string; total: number; components: Record<string, number> };
    expect(out.instrument).toBe('essdai');
    expect(out.total).toBe(11);
    expect(out.components).toMatchObject({ articular: 4, glandular: 2, constitutional: 3, biological: 2, cns: 0 });
  });

  it('prints a readable table without --json', () => {
    // BASDAI (6+5+4+3 + (7+5)/2) / 5 = 4.8
    const r = cli('score', 'basdai', '--items', file('basdai.json', { q1: 6, q2: 5, q3: 4, q4: 3, q5: 7, q6: 5 }));
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toBe('BASDAI: 4.8 (range 0–10)');
    expect(r.stdout).toMatch(/stiffness\s+6/);
  });

  it('--list --json names every instrument with item ids and allowed values', () => {
    const r = cli('score', '--list', '--json');
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as { id: string; items: { id: string; allowed: unknown }[] }[];
    expect(list.map((i) => i.id)).toEqual(['sledai-2k', 'essdai', 'alsfrs-r', 'mrs', 'mrc', 'alsaq-40', 'basdai', 'pga']);
    expect(list.find((i) => i.id === 'mrs')?.items).toEqual([{ id: 'mrs', label: 'Modified Rankin Scale grade', required: true, allowed: [0, 1, 2, 3, 4, 5, 6] }]);
    expect(list.find((i) => i.id === 'basdai')?.items[0]?.allowed).toEqual({ min: 0, max: 10, integer: false });
    expect(list.find((i) => i.id === 'essdai')?.items.find((x) => x.id === 'cns')?.allowed).toEqual([0, 2, 3]);
  });

  it('an out-of-range item, an unknown instrument and a bad file are one sentence on stderr with exit 1', () => {
    const bad = cli('score', 'mrs', '--items', file('mrs.json', { mrs: 7 }));
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('il2trials: modified Rankin Scale item "mrs" must be one of 0, 1, 2, 3, 4, 5, 6, not 7.\n');
    const unknown = cli('score', 'sledai', '--items', file('x.json', {}));
    expect(unknown.stderr).toBe('il2trials: Instrument "sledai" is unknown; use one of sledai-2k, essdai, alsfrs-r, mrs, mrc, alsaq-40, basdai, pga.\n');
    const notJson = cli('score', 'mrs', '--items', file('broken.json', '{mrs: 1'));
    expect(notJson.code).toBe(1);
    expect(notJson.stderr).toMatch(/^il2trials: Items file .*broken\.json is not valid JSON/);
  });
});
