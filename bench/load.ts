/**
 * The server under load: a throwaway PostgreSQL cluster on loopback, `il2trials serve` on it as its own
 * process, 1,000 SLE participants on treatment, and 32 clients for a set time on a mixed workload
 * (a coordinator's day: dashboard, participant list, participant, calendar, visits; saving labs and
 * recording doses). Prints throughput, p50/p99 per operation and overall, and the server's RSS at
 * start and end. Before the timed run it times each operation alone on the idle server: the ratio of
 * the loaded p99 to that unloaded median is the machine-independent figure (the machine is shared,
 * so absolute times move with what else runs; the load average at the start is printed with them).
 * Stops everything it started.
 * Run: npm run bench:load [-- --seconds 30 --clients 32 --participants 1000 --cpu-prof DIR --statements]
 * (--cpu-prof writes the server's V8 CPU profile into DIR when it stops, and prints its functions by self time;
 * --statements prints the SQL each operation sends, which is always counted; bench/statement-count.ts.)
 * Target (issue 18): p99 < 500 ms at 32 clients with 1,000 participants on a 2-core machine, RSS flat.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { createUser } from '../src/auth/accounts.js';
import { isoDay } from '../src/dates/iso-date.js';
import { getBuiltinProtocol } from '../src/protocol/builtin/index.js';
import { openPostgres } from '../src/store/drivers/postgres/postgres-db.js';
import { startTestPostgres } from '../src/store/test-postgres.js';
import { mainProfile, selfTimeSummary } from './cpu-profile-summary.js';
import { countStatements } from './statement-count.js';

const { values: opts } = parseArgs({
  options: {
    seconds: { type: 'string', default: '30' },
    clients: { type: 'string', default: '32' },
    participants: { type: 'string', default: '1000' },
    'cpu-prof': { type: 'string' },
    statements: { type: 'boolean', default: false },
  },
});
const seconds = Number(opts.seconds);
const clients = Number(opts.clients);
const count = Number(opts.participants);
const sle = getBuiltinProtocol('sle-il2');
const password = 'bench horse battery staple';
const today = isoDay(new Date());

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

/** Resident set size of a process in MB (Linux /proc). */
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN) / 1024;
/** CPU time (user + system) a process has used, in ms, and its parent (Linux /proc; 100 clock ticks a second). */
function cpuOf(pid: number): { ms: number; ppid: number } {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return { ms: (Number(f[11]) + Number(f[12])) * 10, ppid: Number(f[1]) };
}
/** CPU ms used so far by the PostgreSQL server's processes (the children of its postmaster, which run the queries). */
function postgresCpu(postmaster: number): number {
  let ms = 0;
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const c = cpuOf(Number(d));
      if (c.ppid === postmaster) ms += c.ms;
    } catch {
      // The process ended while we looked.
    }
  }
  return ms;
}
/** Least-squares slope of samples taken once a second, in units per second. */
function slopePerSecond(ys: readonly number[]): number {
  const n = ys.length;
  const mx = (n - 1) / 2;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let num = 0;
  let den = 0;
  ys.forEach((y, x) => {
    num += (x - mx) * (y - my);
    den += (x - mx) ** 2;
  });
  return den === 0 ? NaN : num / den;
}
const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;

const pg = await startTestPostgres();
const admin = openPostgres(pg.url(), { max: 1 });
await admin.query('CREATE DATABASE bench');
await admin.close();
const url = pg.url('bench');
const port = await freePort();
// One node process (not tsx's launcher), so its RSS is the server's.
const profile = opts['cpu-prof'] === undefined ? [] : ['--cpu-prof', '--cpu-prof-dir', opts['cpu-prof']];
const server = spawn(process.execPath, [...profile, '--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', String(port), '--host', '127.0.0.1'], {
  env: { ...process.env, DATABASE_URL: url },
  stdio: ['ignore', 'pipe', 'ignore'],
});
const stopAll = () => {
  server.kill('SIGTERM');
  pg.stop();
};
process.once('exit', stopAll);
try {
  await new Promise<void>((resolve, reject) => {
    let out = '';
    server.stdout!.on('data', (b: Buffer) => {
      out += b.toString();
      if (out.includes('Serving on')) resolve();
    });
    server.once('exit', (code) => reject(new Error(`the server exited (${code}) before serving: ${out}`)));
  });
  const base = `http://127.0.0.1:${port}`;

  // Seed: 1,000 participants on treatment, day 1 spread over the last 200 days, and one coordinator.
  const db = openPostgres(url, { max: 2 });
  const at = new Date();
  await createUser(db, { actor: 'bench', at, studyId: null }, { username: 'bench-coord', displayName: 'Bench coordinator', password, roles: [{ studyId: sle.id, siteId: null, role: 'coordinator' }] });
  const site = sle.sites[0]!.id;
  const ids = (
    await db.query<{ id: string }>(
      `INSERT INTO participants (study_id, site_id, code, sex, birth_date, status, arm_id, kit_number, start_date)
       SELECT $1, $2, 'L' || lpad(i::text, 5, '0'), CASE WHEN i % 2 = 0 THEN 'male' ELSE 'female' END, '1980-01-01', 'on-treatment',
              CASE WHEN i % 2 = 0 THEN 'active' ELSE 'placebo' END, 'K' || lpad(i::text, 5, '0'), $3::date - (i % 200)
         FROM generate_series(1, $4::int) i RETURNING id`,
      [sle.id, site, today, count],
    )
  ).map((r) => r.id);
  const [{ pid: backend }] = (await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')) as [{ pid: number }];
  const postmaster = cpuOf(backend).ppid;
  const starts = new Map((await db.query<{ id: string; d: string }>(`SELECT id, to_char(start_date, 'YYYY-MM-DD') AS d FROM participants WHERE study_id = $1`, [sle.id])).map((r) => [r.id, r.d]));
  await db.close();

  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench-coord', password }) });
  if (login.status !== 200) throw new Error(`login: ${login.status} ${await login.text()}`);
  const cookie = /sid=[^;]+/.exec(login.headers.get('set-cookie') ?? '')![0];

  const pick = () => ids[Math.floor(Math.random() * ids.length)]!;
  const json = (body: object) => ({ method: 'POST', headers: { cookie, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  // Weights add to 100: a coordinator mostly reads, and a third of the requests write.
  const operations: { name: string; weight: number; run: () => Promise<Response> }[] = [
    // The first page of each list, as the web app asks for it (web/src/api.ts).
    { name: 'GET dashboard', weight: 10, run: () => fetch(`${base}/api/studies/${sle.id}/dashboard?limit=50`, { headers: { cookie } }) },
    { name: 'GET participants', weight: 10, run: () => fetch(`${base}/api/studies/${sle.id}/participants`, { headers: { cookie } }) },
    { name: 'GET participant', weight: 15, run: () => fetch(`${base}/api/participants/${pick()}`, { headers: { cookie } }) },
    { name: 'GET calendar', weight: 20, run: () => fetch(`${base}/api/participants/${pick()}/calendar`, { headers: { cookie } }) },
    { name: 'GET visits', weight: 10, run: () => fetch(`${base}/api/participants/${pick()}/visits`, { headers: { cookie } }) },
    {
      name: 'POST labs',
      weight: 20,
      run: () => {
        const id = pick();
        return fetch(
          `${base}/api/participants/${id}/visits/week-0/observations`,
          json({ date: starts.get(id)!, labs: [{ analyte: 'lymphocytes', value: 800 + Math.floor(Math.random() * 1200), unit: '/mm3' }], reason: 'bench re-read' }),
        );
      },
    },
    {
      name: 'POST dose',
      weight: 15,
      run: () => {
        const id = pick();
        // Day 1 is a dose day of every SLE cycle schedule; re-recording it needs a reason for the change.
        return fetch(`${base}/api/participants/${id}/doses`, json({ day: 1, date: starts.get(id)!, status: 'given', changeReason: 'bench correction' }));
      },
    },
  ];
  const choose = () => {
    let r = Math.random() * 100;
    for (const op of operations) if ((r -= op.weight) < 0) return op;
    return operations[0]!;
  };

  // Warm-up: one of each; then each alone, 20 times, on the idle server (the unloaded reference); then the timed run.
  const bytes = new Map<string, number>();
  for (const op of operations) bytes.set(op.name, (await (await op.run()).arrayBuffer()).byteLength);
  const superuser = openPostgres(url, { max: 1 });
  const statements = await countStatements(superuser, operations);
  await superuser.close();
  // The server's CPU (node + PostgreSQL) each operation costs alone, summed over its runs (/proc counts in 10 ms ticks, so only the sum is meaningful).
  const alone: number[] = [];
  const aloneCpu = new Map<string, { node: number; postgres: number }>(operations.map((o) => [o.name, { node: 0, postgres: 0 }]));
  for (let i = 0; i < 20; i++)
    for (const op of operations) {
      const c0 = { node: cpuOf(server.pid!).ms, postgres: postgresCpu(postmaster) };
      const t0 = performance.now();
      await (await op.run()).arrayBuffer();
      alone.push(performance.now() - t0);
      const c = aloneCpu.get(op.name)!;
      c.node += cpuOf(server.pid!).ms - c0.node;
      c.postgres += postgresCpu(postmaster) - c0.postgres;
    }
  alone.sort((a, b) => a - b);
  const load = loadavg()[0]!;
  const rssStart = rssMb(server.pid!);
  let rssPeak = rssStart;
  const rssSamples: number[] = [];
  const cpuStart = { node: cpuOf(server.pid!).ms, postgres: postgresCpu(postmaster) };
  const sampler = setInterval(() => {
    const mb = rssMb(server.pid!);
    rssSamples.push(mb);
    rssPeak = Math.max(rssPeak, mb);
  }, 1000);
  const times = new Map<string, number[]>(operations.map((o) => [o.name, []]));
  const failures = new Map<string, number>();
  const deadline = Date.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (Date.now() < deadline) {
        const op = choose();
        const t0 = performance.now();
        const r = await op.run();
        await r.arrayBuffer();
        times.get(op.name)!.push(performance.now() - t0);
        if (r.status >= 400) failures.set(`${op.name} ${r.status}`, (failures.get(`${op.name} ${r.status}`) ?? 0) + 1);
      }
    }),
  );
  clearInterval(sampler);
  const rssEnd = rssMb(server.pid!);
  const cpuEnd = { node: cpuOf(server.pid!).ms, postgres: postgresCpu(postmaster) };
  const all = [...times.values()].flat().sort((a, b) => a - b);
  console.log(`load: ${clients} clients, ${count} participants, ${seconds} s, PostgreSQL ${url.replace(/\/\/[^@]+@/, '//')}, machine load average ${load.toFixed(1)} at start`);
  for (const [name, xs] of times) {
    xs.sort((a, b) => a - b);
    const c = aloneCpu.get(name)!;
    const s = statements.get(name)!;
    console.log(
      `  ${name.padEnd(17)} ${String(xs.length).padStart(6)} requests  p50 ${pct(xs, 50).toFixed(0).padStart(5)} ms  p99 ${pct(xs, 99).toFixed(0).padStart(5)} ms  alone: CPU ${(c.node / 20).toFixed(1)} + ${(c.postgres / 20).toFixed(1)} ms, ${(bytes.get(name)! / 1024).toFixed(0)} kB, ${s.statements.length} + ${s.txControl} SQL`,
    );
    if (opts.statements) for (const sql of s.statements) console.log(`      ${sql.replace(/\s+/g, ' ').slice(0, 160)}`);
  }
  console.log(
    `  all               ${String(all.length).padStart(6)} requests  p50 ${pct(all, 50).toFixed(0).padStart(5)} ms  p99 ${pct(all, 99).toFixed(0).padStart(5)} ms  throughput ${(all.length / seconds).toFixed(0)} req/s`,
  );
  console.log(`  p95 ${pct(all, 95).toFixed(0)} ms; one request alone (idle server): median ${pct(alone, 50).toFixed(0)} ms`);
  console.log(`  ratio p99 loaded / median alone: ${(pct(all, 99) / pct(alone, 50)).toFixed(1)} (machine-independent; at most ${(500 / pct(alone, 50)).toFixed(1)} meets p99 < 500 ms here)`);
  const n = all.length;
  console.log('  (alone: server CPU per request of that operation on the idle server, node + PostgreSQL, mean of 20; its SQL statements + BEGIN/COMMIT, from the PostgreSQL log)');
  console.log(`  server CPU per request: ${((cpuEnd.node - cpuStart.node) / n).toFixed(1)} ms in node + ${((cpuEnd.postgres - cpuStart.postgres) / n).toFixed(1)} ms in PostgreSQL (load-independent)`);
  const quarters = [1, 2, 3].map((q) => rssSamples[Math.floor((q / 4) * rssSamples.length)] ?? NaN);
  console.log(
    `  server RSS: ${rssStart.toFixed(0)} MB at start, ${quarters.map((mb) => mb.toFixed(0)).join(' / ')} MB at 1/4, 1/2, 3/4 of the run, ${rssEnd.toFixed(0)} MB at end, ${rssPeak.toFixed(0)} MB peak`,
  );
  // Flat means no growth once warm: a leak shows as a slope that goes on, a warming cache as a rise in the first quarters that stops.
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  const quarterMeans = [0, 1, 2, 3].map((q) => mean(rssSamples.slice(Math.floor((q / 4) * rssSamples.length), Math.floor(((q + 1) / 4) * rssSamples.length))));
  console.log(
    `  server RSS mean by quarter ${quarterMeans.map((mb) => mb.toFixed(0)).join(' / ')} MB; slope over the second half ${(slopePerSecond(rssSamples.slice(Math.floor(rssSamples.length / 2))) * 60).toFixed(1)} MB/min (least squares, 1 s samples)`,
  );
  if (failures.size) console.log(`  failures: ${[...failures].map(([k, n]) => `${k} ×${n}`).join(', ')}`);
} finally {
  process.removeListener('exit', stopAll);
  const exited = new Promise((resolve) => server.once('exit', resolve));
  server.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
  pg.stop();
  const written = opts['cpu-prof'] === undefined ? undefined : mainProfile(opts['cpu-prof']);
  if (written)
    console.log(
      `  server CPU profile ${written}, self time by function (idle included):\n${selfTimeSummary(written)
        .map((l) => `    ${l}`)
        .join('\n')}`,
    );
}
