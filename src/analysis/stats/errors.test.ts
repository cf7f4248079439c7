import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { statsErrorCodes } from './errors.js';

// Every code thrown by the statistics, power and stats-CLI sources is in the catalogue, and
// every catalogue entry is thrown somewhere.
const sources = [
  ...['.', '../power'].flatMap((d) => readdirSync(new URL(d, import.meta.url)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => new URL(`${d}/${f}`, import.meta.url))),
  new URL('../../cli/commands/stats.ts', import.meta.url),
  new URL('../../cli/read-csv.ts', import.meta.url),
];
const thrown = new Set(sources.flatMap((u) => [...readFileSync(u, 'utf8').matchAll(/new AppError\('([A-Za-z]+)'/g)].map((m) => m[1]!)));

describe('stats error catalogue', () => {
  it('documents every code that is thrown', () => {
    expect([...thrown].filter((c) => !(c in statsErrorCodes))).toEqual([]);
  });
  it('has no code that is never thrown', () => {
    expect(Object.keys(statsErrorCodes).filter((c) => !thrown.has(c))).toEqual([]);
  });
});
