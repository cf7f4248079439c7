import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogueAreas, errorCatalogue } from './catalogue.js';
import type { ErrorEntry } from './define-errors.js';

const src = fileURLToPath(new URL('..', import.meta.url));
const entries: ErrorEntry[] = catalogueAreas.flatMap((area) => Object.values(area));
const isEntry = (v: unknown): v is ErrorEntry => typeof v === 'object' && v !== null && 'code' in v && 'status' in v && 'doc' in v;

describe('error catalogue', () => {
  it('has no code twice, across all areas', () => {
    const codes = entries.map((e) => e.code);
    expect(codes.filter((c, i) => codes.indexOf(c) !== i)).toEqual([]);
    expect(errorCatalogue.size).toBe(entries.length);
  });

  it('names every code in one namespace per area, as Fastify names FST_ERR_*', () => {
    expect(entries.filter((e) => !/^[A-Z]+(_[A-Z0-9]+)+$/.test(e.code)).map((e) => e.code)).toEqual([]);
  });

  it('documents every entry in a sentence and gives it a client or server status', () => {
    expect(entries.filter((e) => !/^[A-Z`].{20,}\.\)?$/.test(e.doc)).map((e) => e.code)).toEqual([]);
    expect(entries.filter((e) => ![400, 401, 403, 404, 409, 422, 429, 500, 503].includes(e.status)).map((e) => e.code)).toEqual([]);
  });

  it("holds every area's errors: each errors module under src is in the catalogue", async () => {
    const files = readdirSync(src, { recursive: true, encoding: 'utf8' }).filter((f) => /(^|\/)(\w+-)?errors\.ts$/.test(f) && f !== 'errors/define-errors.ts' && f !== 'server/errors.ts');
    const missing: string[] = [];
    for (const f of files) {
      const mod = (await import(join(src, f))) as Record<string, unknown>;
      for (const [name, area] of Object.entries(mod)) {
        for (const entry of Object.values(area as object)) if (isEntry(entry) && errorCatalogue.get(entry.code) !== entry) missing.push(`${f}: ${name}`);
      }
    }
    expect(files.length).toBeGreaterThan(20);
    expect([...new Set(missing)]).toEqual([]);
  });
});
