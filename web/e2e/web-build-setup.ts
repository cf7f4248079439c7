import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The environment variable naming the run's web build directory (read by build-app.ts). */
export const webBuildVariable = 'IL2TRIALS_TEST_WEB_BUILD';

/**
 * Vitest global setup: one directory per run for the browser tests' web build, removed at the end.
 * Nothing is built here; the first browser test file that needs the app builds it (build-app.ts).
 */
export default function setup(): () => void {
  const dir = mkdtempSync(join(tmpdir(), 'il2trials-web-build-'));
  process.env[webBuildVariable] = dir;
  return () => rmSync(dir, { recursive: true, force: true });
}
