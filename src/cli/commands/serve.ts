import { fileURLToPath } from 'node:url';
import { ensureFirstAdmin } from '../../auth/accounts.js';
import { loadDemoCohorts } from '../../demo/load-demo.js';
import { createDemoUsers } from '../../demo/demo-users.js';
import { findUserByUsername } from '../../store/users.js';
import { builtinProtocols } from '../../protocol/builtin/index.js';
import { AppError } from '../../errors/app-error.js';
import { buildServer } from '../../server/app.js';
import { isoDay } from '../../dates/iso-date.js';
import { createLogger } from '../../server/hardening/logger.js';
import { ensureBuiltinStudies } from '../../use-cases/studies/builtin-studies.js';
import { defaultRetryPolicy } from '../../store/drivers/postgres/connection-loss.js';
import { openStore } from '../../store/open-store.js';
import { action, printJson } from '../output.js';
import type { Register } from '../program.js';
import { requestErrors } from '../../errors/request-errors.js';

/** The built web app, from src/cli/commands or dist/cli/commands alike. */
const webDist = fileURLToPath(new URL('../../../web/dist', import.meta.url));

interface ServeOptions {
  port?: string;
  host: string;
  data?: string;
  demo?: boolean;
  seed: string;
  secureCookies?: boolean;
  trustProxy?: boolean;
  json?: boolean;
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new AppError(requestErrors.INVALID_OPTION, `--port "${value}" is not a port number (0–65535).`, 'port');
  return port;
}

export const register: Register = (program) => {
  program
    .command('serve')
    .description('Serve the API and the web app; creates the database and the built-in studies on first run.')
    .option('--port <port>', 'port to listen on (default: PORT or 8080)')
    .option('--host <host>', 'address to listen on', process.env.HOST ?? 'localhost')
    .option('--data <dir>', 'embedded database directory (ignored when DATABASE_URL is set)', 'data')
    .option('--demo', 'fill empty built-in studies with a synthetic cohort')
    .option('--seed <n>', 'seed of the synthetic cohort', '1')
    .option('--secure-cookies', 'mark the session cookie Secure and send HSTS (users reach the server over TLS, e.g. through a reverse proxy)')
    .option('--trust-proxy', "take the client's address and host from X-Forwarded-* headers (only behind a reverse proxy that sets them)")
    .option('--json', 'print the start-up facts as JSON')
    .action(
      action(async (opts: ServeOptions) => {
        const port = parsePort(opts.port ?? process.env.PORT ?? '8080');
        const seed = Number(opts.seed);
        if (!Number.isInteger(seed)) throw new AppError(requestErrors.INVALID_OPTION, `--seed "${opts.seed}" is not an integer.`, 'seed');
        // The log goes to stderr, so stdout keeps only the start-up facts (and --json stays one document).
        const logger = createLogger(process.stderr);
        const retry = { ...defaultRetryPolicy, log: (msg: string, e: unknown) => logger.warn({ error: (e as Error)?.message }, msg) };
        const { db, where } = await openStore({ dataDir: opts.data, retry });
        const now = new Date();
        const studies = await ensureBuiltinStudies(db, now);
        const admin = await ensureFirstAdmin(db, now);
        const demoUsers = opts.demo
          ? await createDemoUsers(
              db,
              now,
              builtinProtocols.map((p) => p.id),
            )
          : [];
        const demoMonitor = opts.demo ? (await findUserByUsername(db, 'demo-monitor'))?.id : undefined;
        const demo = opts.demo ? await loadDemoCohorts(db, seed, isoDay(now), now, demoMonitor) : undefined;
        const app = await buildServer({ db, now: () => new Date(), webDist, secureCookies: opts.secureCookies ?? false }, { logger, trustProxy: opts.trustProxy ?? false });
        const address = await app.listen({ port, host: opts.host });
        const url = `http://${opts.host === '0.0.0.0' || opts.host === '::' ? 'localhost' : opts.host}:${new URL(address).port}`;
        if (opts.json) printJson({ url, database: where, studiesCreated: studies, admin: admin ?? null, demo: demo ?? null, demoUsers });
        else {
          process.stdout.write(`il2trials: ${where}\n`);
          if (studies.length) process.stdout.write(`Created the built-in studies: ${studies.join(', ')}.\n`);
          if (demo && Object.keys(demo).length)
            process.stdout.write(
              `Demo cohort: ${Object.entries(demo)
                .map(([s, n]) => `${n} in ${s}`)
                .join(', ')}.\n`,
            );
          if (demoUsers.length) process.stdout.write(`Demo users (passwords shown only this once):\n${demoUsers.map((u) => `  ${u.username} (${u.role}): ${u.password}`).join('\n')}\n`);
          if (admin) process.stdout.write(`First start: administrator "${admin.username}" with password ${admin.password}\n(shown only this once; keep it somewhere safe)\n`);
          process.stdout.write(`Serving on ${url}\n`);
        }
        const stop = async () => {
          await app.close();
          await db.close();
          process.exit(0);
        };
        process.once('SIGINT', () => void stop());
        process.once('SIGTERM', () => void stop());
      }),
    );
};
