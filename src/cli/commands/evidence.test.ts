import { describe, expect, it } from 'vitest';
import { cli } from './run-cli.test-helper.js';

describe('il2trials evidence', () => {
  it('--disease SLE --json gives the SLE rows of both tables', () => {
    const r = cli('evidence', '--disease', 'SLE', '--json');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { published: { citation: string }[]; unpublished: { number: number; country: string }[] };
    expect(rows.published.map((x) => x.citation)).toEqual(['He et al.(2016,2019)']);
    expect(rows.unpublished).toEqual([expect.objectContaining({ number: 100, country: 'France etc.' })]);
  });

  it('prints both tables and the cited references', () => {
    const r = cli('evidence');
    expect(r.stdout).toContain('GVHD');
    expect(r.stdout).toContain('0.3/m², 1/m², 3/m²');
    expect(r.stdout).toContain('Amyotrophic lateral sclerosis');
    expect(r.stdout).toContain('[24] An H, Li X, Li F , et al.');
  });
});
