import { describe, expect, it } from 'vitest';
import { cli } from './run-cli.test-helper.js';

describe('il2trials sample-size', () => {
  it('takes the effect from the Sjögren row: 66.7 % vs 26.7 % needs 24 per arm (hand calculation in src/evidence/sample-size.test.ts)', () => {
    const r = cli('sample-size', '--disease', 'Sjögren', '--json');
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout) as { nTreated: number; nControl: number; effect: { id: string } };
    expect([s.effect.id, s.nTreated, s.nControl]).toEqual(['ss-essdai-w24', 24, 24]);
    const human = cli('sample-size', '--effect', 'ss-essdai-w24', '--ratio', '2');
    expect(human.stdout).toContain('20/30 (66.7 %)');
    expect(human.stdout).toMatch(/total\s+53/);
  });

  it('refuses a bad number or an unknown disease in one sentence, non-zero', () => {
    const bad = cli('sample-size', '--disease', 'SS', '--power', 'high');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('--power must be a number, got "high".');
    const none = cli('sample-size', '--disease', 'GVHD');
    expect(none.code).not.toBe(0);
    expect(none.stderr).toContain('No reported effect matches disease GVHD');
  });
});
