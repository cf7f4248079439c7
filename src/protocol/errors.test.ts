import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evidenceErrorCodes } from '../evidence/errors.js';
import { protocolErrorCodes } from './errors.js';

const root = new URL('../..', import.meta.url).pathname;
const sources = (dir: string): string[] =>
  readdirSync(join(root, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    .map((f) => join(dir, f));

/** Codes thrown as `new AppError('Code', …)` in the given files. */
function thrownCodes(files: readonly string[]): Set<string> {
  const codes = new Set<string>();
  for (const f of files) for (const m of readFileSync(join(root, f), 'utf8').matchAll(/new AppError\(\s*'([A-Za-z]+)'/g)) codes.add(m[1] as string);
  return codes;
}

describe('error catalogues', () => {
  it('document every code the protocol area and its commands throw', () => {
    const files = [...sources('src/protocol'), 'src/cli/commands/protocol.ts', 'src/cli/commands/calendar.ts'];
    const thrown = [...thrownCodes(files)].sort();
    expect(thrown.length).toBeGreaterThan(5);
    expect(thrown.filter((c) => !(c in protocolErrorCodes))).toEqual([]);
  });

  it('document every code the evidence area throws', () => {
    const thrown = [...thrownCodes(sources('src/evidence'))];
    expect(thrown).toEqual(['InvalidDoseRange']);
    expect(thrown.filter((c) => !(c in evidenceErrorCodes))).toEqual([]);
  });
});
