#!/usr/bin/env node
// The published entry point runs the compiled CLI (`npm run build` makes it). In a clone not yet built it
// runs the sources through tsx when the dev dependencies are installed, and otherwise says what to do
// instead of ending in ERR_MODULE_NOT_FOUND.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const built = new URL('../dist/cli/main.js', import.meta.url);
if (existsSync(built)) {
  await import(built.href);
} else {
  const root = fileURLToPath(new URL('..', import.meta.url));
  let tsx;
  try {
    tsx = import.meta.resolve('tsx');
  } catch {
    tsx = undefined;
  }
  if (tsx === undefined) {
    process.stderr.write(`il2trials is not built yet: run \`npm install && npm run build\` in ${root}, then try again.\n`);
    process.exit(1);
  }
  process.stderr.write('il2trials: not built yet (no dist/), so running from the sources; `npm run build` makes it start faster.\n');
  const source = fileURLToPath(new URL('../src/cli/main.ts', import.meta.url));
  const run = spawnSync(process.execPath, ['--import', tsx, source, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(run.status ?? 1);
}
