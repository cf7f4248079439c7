/**
 * Bulk pre-screening benchmark: 1,000,000 generated patients (seeded PRNG, streamed to a temp CSV)
 * against each seed protocol. Prints patients per second and peak memory (maxRSS) of the streaming
 * screener (each protocol in its own child process, so maxRSS is its own), beside the time of the same
 * filter as one SQL query (toSql) in a throwaway PostgreSQL 15 cluster over the same rows.
 * Usage: npm run bench:screen [-- --rows N]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { createReadStream, createWriteStream, existsSync, mkdtempSync, rmSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse';
import pg from 'pg';
import { criteriaColumns } from '../src/eligibility/columns.js';
import { findFact } from '../src/eligibility/facts.js';
import { protocolCriteria } from '../src/eligibility/protocol-criteria.js';
import { createScreener } from '../src/eligibility/screen.js';
import { sqlColumnType, toSql } from '../src/eligibility/to-sql.js';
import { builtinProtocols, getBuiltinProtocol } from '../src/protocol/builtin/index.js';
import { seededRandom } from '../src/random/seeded-random.js';

const REF = { screening: '2024-06-01', firstDose: '2024-06-15' };
const PG_BIN = '/usr/lib/postgresql/15/bin';

function allColumns(): string[] {
  const names = new Set<string>();
  for (const p of builtinProtocols) for (const c of criteriaColumns(protocolCriteria(p.eligibility))) names.add(c.name);
  return [...names];
}

function codesFor(column: string): string[] {
  const codes = new Set<string>();
  for (const p of builtinProtocols) {
    const col = criteriaColumns(protocolCriteria(p.eligibility)).find((c) => c.name === column);
    const m = col && /looks for: ([^)]*)\)/.exec(col.description);
    m?.[1]?.split(', ').forEach((c) => codes.add(c));
  }
  return [...codes];
}

async function generate(file: string, rows: number, header: string[]): Promise<void> {
  const rnd = seededRandom(20240601).uniform;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const codeLists = new Map(header.map((h) => [h, findFact(h)?.type === 'codes' ? codesFor(h) : []]));
  const day0 = Date.UTC(2023, 0, 1);
  const cell = (name: string): string => {
    if (rnd() < 0.01) return ''; // 1% missing facts
    if (name === 'patient_id') return '';
    if (name.startsWith('attested.')) return rnd() < 0.8 ? 'yes|Dr Bench|2024-05-30' : 'no|Dr Bench|2024-05-30';
    const def = findFact(name)!;
    switch (def.type) {
      case 'number': {
        const ranges: Record<string, [number, number]> = { age: [10, 90], weight: [35, 110], essdai: [0, 20], sledai: [0, 24], alt_uln: [0.2, 4], ast_uln: [0.2, 4], prednisone_dose: [0, 20], steroid_pulse_dose: [0, 200], leukocytes: [1, 12], lymphocytes: [0.3, 4], platelets: [50, 450], creatinine_clearance: [10, 140], nyha_class: [0, 4], alt: [5, 300], ast: [5, 300], proteinuria: [0, 3], immunoglobulin: [5, 30], ana_titre: [0, 1280], ppd_induration: [0, 20] };
        const [lo, hi] = ranges[name] ?? [0, 10];
        return (lo + rnd() * (hi - lo)).toFixed(name === 'nyha_class' ? 0 : 1);
      }
      case 'boolean':
        return rnd() < 0.1 ? 'yes' : 'no';
      case 'code':
        return pick(def.values ?? []);
      case 'date':
        return rnd() < 0.5 ? 'never' : new Date(day0 + Math.floor(rnd() * 540) * 86_400_000).toISOString().slice(0, 10);
      case 'codes': {
        const list = (codeLists.get(name) ?? []).filter(() => rnd() < 0.08);
        return list.length === 0 ? 'none' : list.join(';');
      }
    }
  };
  const out = createWriteStream(file);
  const write = (s: string) => (out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', () => r())));
  await write(header.join(',') + '\n');
  let chunk = '';
  for (let i = 1; i <= rows; i++) {
    chunk += header.map((h) => (h === 'patient_id' ? `p${i}` : cell(h))).join(',') + '\n';
    if (i % 5000 === 0) {
      await write(chunk);
      chunk = '';
    }
  }
  await write(chunk);
  await new Promise<void>((r) => out.end(() => r()));
}

/** Child mode: stream the CSV through the screener for one protocol and report. */
async function worker(id: string, file: string): Promise<void> {
  const criteria = protocolCriteria(getBuiltinProtocol(id).eligibility);
  const started = process.hrtime.bigint();
  let screener: ReturnType<typeof createScreener> | undefined;
  let row = 0;
  for await (const record of createReadStream(file).pipe(parse({ relax_column_count: true })) as AsyncIterable<string[]>) {
    if (!screener) screener = createScreener(criteria, REF, record);
    else screener.screenRow(record, ++row);
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const f = screener!.funnel();
  process.stdout.write(JSON.stringify({ rows: row, seconds, maxRssMB: process.resourceUsage().maxRSS / 1024, eligible: f.eligible, ineligible: f.ineligible, incomplete: f.incomplete }) + '\n');
}

function asPostgres(cmd: string, args: string[]): void {
  const root = process.getuid?.() === 0;
  execFileSync(root ? 'runuser' : cmd, root ? ['-u', 'postgres', '--', cmd, ...args] : args, { stdio: 'pipe' });
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  if (argv[0] === '--worker') return worker(argv[1]!, argv[2]!);
  const rows = argv[0] === '--rows' ? Number(argv[1]) : 1_000_000;
  const dir = mkdtempSync(join(tmpdir(), 'il2-bench-'));
  chmodSync(dir, 0o777);
  const file = join(dir, 'patients.csv');
  const header = allColumns();
  try {
    let t = Date.now();
    await generate(file, rows, header);
    chmodSync(file, 0o644);
    console.log(`generated ${rows} patients × ${header.length - 1} facts in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    const js = new Map<string, { rows: number; seconds: number; maxRssMB: number; eligible: number; ineligible: number; incomplete: number }>();
    for (const p of builtinProtocols) {
      const r = spawnSync(process.execPath, ['--import', 'tsx', new URL(import.meta.url).pathname, '--worker', p.id, file], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(r.stderr);
      js.set(p.id, JSON.parse(r.stdout));
    }
    const havePg = existsSync(join(PG_BIN, 'initdb'));
    const sqlSeconds = new Map<string, { seconds: number; agree: boolean }>();
    if (!havePg) console.log(`PostgreSQL binaries not found in ${PG_BIN}: the SQL reference is skipped.`);
    else {
      const data = join(dir, 'pg');
      const port = 20000 + Math.floor(Math.random() * 20000);
      asPostgres(join(PG_BIN, 'initdb'), ['-D', data, '-U', 'postgres', '-A', 'trust']);
      asPostgres(join(PG_BIN, 'pg_ctl'), ['-D', data, '-w', '-l', join(dir, 'pg.log'), '-o', `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, 'start']);
      const client = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', database: 'postgres' });
      try {
        await client.connect();
        const dates = header.filter((h) => findFact(h)?.type === 'date');
        const cols = header.map((h) => `"${h}" ${dates.includes(h) ? 'text' : sqlColumnType(h)}`);
        await client.query(`CREATE TABLE patients (${cols.join(', ')})`);
        t = Date.now();
        execFileSync('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-c', `\\copy patients FROM '${file}' CSV HEADER`], { stdio: 'pipe' });
        // "never" is -infinity for a date column: an event that never happened is in no window.
        for (const d of dates) await client.query(`ALTER TABLE patients ALTER COLUMN "${d}" TYPE date USING (CASE WHEN "${d}" = 'never' THEN '-infinity' ELSE "${d}" END)::date`);
        await client.query('VACUUM ANALYZE patients');
        console.log(`PostgreSQL: COPY and column types in ${((Date.now() - t) / 1000).toFixed(1)} s (not counted)`);
        for (const p of builtinProtocols) {
          const q = toSql(protocolCriteria(p.eligibility), REF).countQuery('patients');
          const t0 = process.hrtime.bigint();
          const res = await client.query<{ status: string; n: number }>(q);
          const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
          const n = Object.fromEntries(res.rows.map((r) => [r.status, r.n]));
          const j = js.get(p.id)!;
          sqlSeconds.set(p.id, { seconds, agree: (n.eligible ?? 0) === j.eligible && (n.ineligible ?? 0) === j.ineligible && (n.incomplete ?? 0) === j.incomplete });
        }
      } finally {
        await client.end().catch(() => undefined);
        asPostgres(join(PG_BIN, 'pg_ctl'), ['-D', data, '-m', 'fast', 'stop']);
      }
    }
    console.log('\nprotocol   patients/s   maxRSS MB   eligible  incomplete  ineligible   SQL s   JS s   JS/SQL time   same counts');
    for (const p of builtinProtocols) {
      const j = js.get(p.id)!;
      const s = sqlSeconds.get(p.id);
      const cells = [
        p.id.padEnd(9),
        Math.round(j.rows / j.seconds).toLocaleString('en').padStart(11),
        j.maxRssMB.toFixed(0).padStart(10),
        String(j.eligible).padStart(9),
        String(j.incomplete).padStart(11),
        String(j.ineligible).padStart(11),
        s ? s.seconds.toFixed(2).padStart(7) : '      -',
        j.seconds.toFixed(1).padStart(6),
        s ? (j.seconds / s.seconds).toFixed(1).padStart(13) : '            -',
        s ? (s.agree ? 'yes' : 'NO').padStart(13) : '',
      ];
      console.log(cells.join('  '));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
