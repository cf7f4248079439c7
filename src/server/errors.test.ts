import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error.js';
import { errorCatalogue, toErrorResponse } from './errors.js';

const src = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) ? [p] : [];
  });
}

describe('error catalogue', () => {
  it('documents every AppError code thrown anywhere in src', () => {
    const undocumented: string[] = [];
    for (const file of sourceFiles(src)) {
      for (const m of readFileSync(file, 'utf8').matchAll(/new AppError\(\s*['"]([A-Za-z]+)['"]/g)) {
        if (!(m[1]! in errorCatalogue)) undocumented.push(`${m[1]} (${relative(src, file)})`);
      }
    }
    expect(undocumented).toEqual([]);
  });

  it("includes every area's catalogue (every errors.ts under src)", async () => {
    for (const file of sourceFiles(src).filter((f) => f.endsWith('/errors.ts') && !f.endsWith('server/errors.ts'))) {
      const mod = (await import(file)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) {
        if (!name.endsWith('ErrorCodes')) continue;
        for (const code of Object.keys(value as object)) expect(errorCatalogue, `${name}.${code}`).toHaveProperty(code);
      }
    }
  });

  it('maps an AppError to its status and the one error body', () => {
    expect(toErrorResponse(new AppError('TransitionNotAllowed', 'A participant cannot go from screening to enrolled.', 409, 'to'))).toEqual({
      status: 409,
      body: { error: { code: 'TransitionNotAllowed', message: 'A participant cannot go from screening to enrolled.', path: 'to' } },
    });
  });

  it('hides the details of an unexpected error behind a 500 InternalError', () => {
    expect(toErrorResponse(new TypeError('x is undefined'))).toEqual({
      status: 500,
      body: { error: { code: 'InternalError', message: 'The server failed unexpectedly; the request wrote nothing.' } },
    });
  });
});
