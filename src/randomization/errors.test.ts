import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { randomizationErrorCodes } from './errors.js';

const here = dirname(fileURLToPath(import.meta.url));
const sources = [
  ...readdirSync(here).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).map((f) => join(here, f)),
  join(here, '../cli/commands/randomization.ts'),
];

describe('randomization error catalogue', () => {
  it('documents every code this area throws, and only those', () => {
    const thrown = new Set(sources.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/new AppError\(\s*'([A-Za-z]+)'/g)].map((m) => m[1])));
    expect([...thrown].sort()).toEqual(Object.keys(randomizationErrorCodes).sort());
    for (const text of Object.values(randomizationErrorCodes)) expect(text).toMatch(/^[A-Z].*\.$/);
  });
});
