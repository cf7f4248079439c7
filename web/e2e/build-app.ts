import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

export const webDist = fileURLToPath(new URL('../dist/', import.meta.url));

/**
 * Builds web/dist with the project's Vite config, quietly, as `npm run build` does. Vitest sets
 * NODE_ENV=test, which would make Vite bundle React's development build; production is what ships.
 */
export async function buildApp(): Promise<void> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)), mode: 'production', logLevel: 'warn' });
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

export interface ChunkSize {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

/** Every JavaScript file in web/dist/assets with its raw and gzip (level 9) size. */
export function chunkSizes(): ChunkSize[] {
  const dir = `${webDist}assets/`;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.js'))
    .map((file) => {
      const bytes = readFileSync(dir + file);
      return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
    });
}

/** The JavaScript the first page load fetches: the entry script and the chunks it imports statically. */
export function firstLoadFiles(): string[] {
  const html = readFileSync(`${webDist}index.html`, 'utf8');
  const refs = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1] ?? '');
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = readFileSync(`${webDist}assets/${file}`, 'utf8');
    // Static imports between chunks look like `from"./x.js"` or `import"./x.js"`; dynamic ones are `import("./x.js")`.
    for (const m of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) visit(m[1] ?? '');
  };
  refs.forEach(visit);
  return [...seen];
}
