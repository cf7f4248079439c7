import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { instrumentsErrorCodes } from './errors.js';

const root = new URL('.', import.meta.url).pathname;
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : [],
  );

describe('instruments error catalogue', () => {
  it('documents every code the area throws, and nothing else', () => {
    // the shared date helpers throw InvalidDate on the area's behalf
    const files = [...sources(root), join(root, '../cli/commands/score.ts'), join(root, '../dates/iso-date.ts')];
    const thrown = new Set(files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/new AppError\(\s*'(\w+)'/g)].map((m) => m[1])));
    // codes raised through ItemIssue objects rather than a literal `new AppError('…'`
    for (const code of ['ItemMissing', 'ItemNotANumber', 'ItemOutOfRange', 'UnknownItem', 'ItemAlternativeConflict']) thrown.add(code);
    expect([...thrown].sort()).toEqual(Object.keys(instrumentsErrorCodes).sort());
  });
});
