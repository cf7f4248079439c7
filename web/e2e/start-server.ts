import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { createUser } from '../../src/auth/accounts.js';
import type { Role } from '../../src/access/index.js';
import { getBuiltinProtocol } from '../../src/protocol/builtin/index.js';
import { buildServer } from '../../src/server/app.js';
import type { Db } from '../../src/store/db.js';
import { openPglite } from '../../src/store/drivers/pglite/pglite-db.js';
import { migrate } from '../../src/store/migrate.js';
import { createStudy } from '../../src/store/studies.js';
import { webDist } from './build-app.js';

export interface TestUser {
  readonly username: string;
  readonly password: string;
  readonly displayName: string;
  readonly studyId: string;
  readonly role: Role;
  /** The one site the role is held at; absent: every site of the study. */
  readonly siteId?: string;
}

export interface RunningServer {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * The real server over a fresh PGlite database in a temporary directory, serving the built web
 * app, with the given studies (built-in protocols) and users; `seed` writes more data straight to the store.
 */
export async function startServer(studyIds: readonly string[], users: readonly TestUser[], seed?: (db: Db) => Promise<void>): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'il2trials-web-'));
  const db = await openPglite(dataDir);
  await migrate(db);
  const setup = { actor: 'system', at: new Date() };
  for (const id of studyIds) await createStudy(db, setup, getBuiltinProtocol(id));
  for (const u of users) {
    await createUser(
      db,
      { ...setup, studyId: null },
      { username: u.username, displayName: u.displayName, password: u.password, roles: [{ studyId: u.studyId, siteId: u.siteId ?? null, role: u.role }] },
    );
  }
  await seed?.(db);
  const app = await buildServer({ db, now: () => new Date(), webDist, checkResponses: true });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      await app.close();
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
