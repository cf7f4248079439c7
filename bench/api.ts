/**
 * Saving a visit form (one visit + 20 observations, each with its audit record, in one transaction)
 * at 1, 8 and 32 concurrent clients, on PGlite and on PostgreSQL, all in one study and spread over the
 * four built-in studies (each study has its own audit chain and lock); beside it the raw single-row
 * insert rate of the same PostgreSQL (32 clients, autocommit) as the ceiling.
 * Run: npm run bench:api
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinProtocols } from '../src/protocol/builtin/index.js';
import { audited } from '../src/store/audited-tx.js';
import type { Db } from '../src/store/db.js';
import { migrate } from '../src/store/migrate.js';
import { insertParticipant } from '../src/store/participants.js';
import { openPglite } from '../src/store/drivers/pglite/pglite-db.js';
import { openPostgres } from '../src/store/drivers/postgres/postgres-db.js';
import { createStudy } from '../src/store/studies.js';
import { postgresBinDir, startTestPostgres } from '../src/store/test-postgres.js';
import { saveVisitForm } from '../src/store/visit-forms.js';
import type { ObservationEntry } from '../src/visits/visit-data.js';

const seconds = Number(process.env.BENCH_SECONDS ?? 4);
const levels = [1, 8, 32];
const itemsPerForm = 20;
const at = new Date('2025-06-02T09:00:00Z');

const form = (n: number): ObservationEntry[] => Array.from({ length: itemsPerForm }, (_, i) => ({ kind: 'item' as const, key: `item-${i}`, value: (n + i) % 4, unit: 'points' }));

const pct = (xs: number[], p: number) => xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;

interface Row {
  engine: string;
  studies: number;
  clients: number;
  writesPerSec: number;
  p50: number;
  p99: number;
}

async function createStudies(db: Db): Promise<void> {
  for (const protocol of builtinProtocols) await createStudy(db, { actor: 'bench', at }, protocol);
}

/** Clients take the first `studies` built-in studies in turn, one participant each. */
async function benchForms(engine: string, db: Db, studies: number): Promise<Row[]> {
  const clientsMax = Math.max(...levels);
  const participants: { id: string; studyId: string }[] = [];
  for (let c = 0; c < clientsMax; c++) {
    const protocol = builtinProtocols[c % studies]!;
    const p = await audited(db, { actor: 'bench', at, studyId: protocol.id }, (w) =>
      insertParticipant(w, { studyId: protocol.id, siteId: protocol.sites[0]!.id, code: `B${studies}-${c}`, sex: 'female', birthDate: '1970-01-01' }),
    );
    participants.push({ id: p.id, studyId: protocol.id });
  }
  const rows: Row[] = [];
  let visit = 0;
  for (const clients of levels.filter((c) => c >= studies)) {
    const latencies: number[] = [];
    const end = performance.now() + seconds * 1000;
    await Promise.all(
      participants.slice(0, clients).map(async ({ id, studyId }) => {
        while (performance.now() < end) {
          const n = visit++;
          const t0 = performance.now();
          await audited(db, { actor: 'bench', at, studyId }, (w) => saveVisitForm(w, id, { visitId: `v-${n}`, date: '2025-06-02', observations: form(n) }));
          latencies.push(performance.now() - t0);
        }
      }),
    );
    latencies.sort((a, b) => a - b);
    rows.push({ engine, studies, clients, writesPerSec: latencies.length / seconds, p50: pct(latencies, 50), p99: pct(latencies, 99) });
  }
  return rows;
}

async function rawInsertRate(db: Db, clients: number): Promise<number> {
  await db.query('CREATE TABLE bench_raw (id bigserial PRIMARY KEY, v integer NOT NULL)');
  let n = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        await db.query('INSERT INTO bench_raw (v) VALUES ($1)', [n++]);
      }
    }),
  );
  return n / seconds;
}

const results: Row[] = [];
const dir = mkdtempSync(join(tmpdir(), 'il2trials-bench-'));
try {
  const lite = await openPglite(dir);
  await migrate(lite);
  await createStudies(lite);
  results.push(...(await benchForms('PGlite (file)', lite, 1)), ...(await benchForms('PGlite (file)', lite, builtinProtocols.length)));
  await lite.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}

let ceiling: number | undefined;
if (postgresBinDir()) {
  const pg = await startTestPostgres();
  try {
    const db = openPostgres(pg.url(), { max: Math.max(...levels) });
    await migrate(db);
    await createStudies(db);
    results.push(...(await benchForms('PostgreSQL', db, 1)), ...(await benchForms('PostgreSQL', db, builtinProtocols.length)));
    ceiling = await rawInsertRate(db, Math.max(...levels));
    await db.close();
  } finally {
    pg.stop();
  }
} else {
  process.stdout.write('PostgreSQL binaries not found: PostgreSQL rows skipped.\n');
}

const fmt = (x: number) => x.toFixed(1);
process.stdout.write(`Visit form = 1 visit + ${itemsPerForm} observations + ${itemsPerForm + 1} audit records, one transaction; ${seconds} s per level.\n\n`);
process.stdout.write('engine          studies clients  forms/s  rows/s   p50 ms  p99 ms\n');
for (const r of results) {
  process.stdout.write(
    `${r.engine.padEnd(16)}${String(r.studies).padStart(7)}${String(r.clients).padStart(8)}${fmt(r.writesPerSec).padStart(9)}${fmt(r.writesPerSec * (itemsPerForm + 1)).padStart(9)}${fmt(r.p50).padStart(9)}${fmt(r.p99).padStart(8)}\n`,
  );
}
if (ceiling !== undefined) process.stdout.write(`\nCeiling: raw single-row INSERT on the same PostgreSQL, ${Math.max(...levels)} clients, autocommit: ${fmt(ceiling)} rows/s\n`);
