import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';
import { webBuildVariable } from './web-build-setup.js';

/**
 * Where the browser tests' build goes: one directory per test run (made by the global setup), so
 * browser test files running in parallel share one build instead of overwriting web/dist together.
 */
const runDir = process.env[webBuildVariable];
export const webDist = runDir === undefined ? fileURLToPath(new URL('../dist/', import.meta.url)) : `${runDir}/dist/`;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Builds the web app with the project's Vite config, quietly, as `npm run build` does, once per run:
 * the first caller builds (it wins the lock directory), the others wait for its mark.
 * Vitest sets NODE_ENV=test, which would make Vite bundle React's development build; production is what ships.
 */
export async function buildApp(): Promise<void> {
  if (runDir === undefined) return buildInto(webDist);
  const done = `${runDir}/built`;
  const failed = `${runDir}/failed`;
  try {
    mkdirSync(`${runDir}/lock`);
  } catch {
    for (let waited = 0; !existsSync(done); waited += 250) {
      if (existsSync(failed)) throw new Error(`The web build failed in another test file: ${readFileSync(failed, 'utf8')}`);
      if (waited > 300_000) throw new Error('The web build of another test file did not finish within 5 minutes.');
      await sleep(250);
    }
    return;
  }
  try {
    await buildInto(webDist);
    writeFileSync(done, '');
  } catch (e) {
    writeFileSync(failed, String(e));
    throw e;
  }
}

async function buildInto(outDir: string): Promise<void> {
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)), mode: 'production', logLevel: 'warn', build: { outDir, emptyOutDir: true } });
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
