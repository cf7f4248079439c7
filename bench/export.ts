/**
 * bench:export — export a 10,000-participant study in every format and print rows/s and peak RSS.
 * The study (sle-il2: 21 doses, 4 visits with labs, an immune panel and the PGA form, some adverse
 * events per participant, an audit record per value) is written straight into the database with SQL; each format runs in
 * its own process, so its peak RSS is its own. Target: peak RSS under 300 MB per format.
 * The database is a throwaway PostgreSQL cluster (Debian's binaries), its memory in its own processes;
 * BENCH_STORE=pglite uses the embedded PGlite instead, whose WebAssembly heap alone is ~450 MB of the
 * exporting process (the "store open" column), so that figure is not the export's.
 * Rows: CSV lines, SDTM records (each once, though written as JSON and XPT), ODM ItemData (both files);
 * define.xml is metadata (its rows are not the study's), so it shows "—". "export's own" is the peak
 * less the RSS once the store is open: the memory the export itself adds.
 * Run: npm run bench:export   (BENCH_PARTICIPANTS overrides the size, BENCH_FORMATS=odm,sdtm picks formats)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exportFormats, exportFormatOf, exportStudy } from '../src/interop/export-files/export-study.js';
import { getBuiltinProtocol } from '../src/protocol/builtin/index.js';
import { openStore } from '../src/store/open-store.js';
import { createStudy, findStudy } from '../src/store/studies.js';
import { postgresBinDir, startTestPostgres } from '../src/store/test-postgres.js';

const studyId = 'sle-il2';

/** Where the study is: a PostgreSQL URL, or '' and a PGlite directory. */
interface Store {
  readonly url: string;
  readonly dataDir: string;
}

const open = (s: Store, readOnly: boolean) => openStore({ dataDir: s.dataDir, databaseUrl: s.url, command: 'bench', readOnly });

async function child(format: string, store: Store, out: string): Promise<void> {
  const { db } = await open(store, true);
  const openMb = process.memoryUsage().rss / 1048576;
  const study = (await findStudy(db, studyId))!;
  const started = process.hrtime.bigint();
  const files = await exportStudy(db, { study, format: exportFormatOf(format), dir: out, blinded: true, at: new Date() });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await db.close();
  // sdtm lists each dataset twice (json and xpt): count its rows once.
  const rows = files.filter((f) => !f.name.endsWith('.xpt')).reduce((s, f) => s + (f.name === 'define.xml' ? 0 : f.rows), 0);
  process.stdout.write(`${JSON.stringify({ format, rows, files: files.length, seconds, openMb, peakMb: process.resourceUsage().maxRSS / 1024 })}\n`);
}

async function fill(store: Store, n: number): Promise<void> {
  const { db } = await open(store, false);
  await createStudy(db, { actor: 'bench', at: new Date('2025-01-01T00:00:00Z') }, getBuiltinProtocol(studyId));
  const start = "date '2025-01-01' + (i % 60)";
  await db.query(
    `INSERT INTO participants (study_id, site_id, code, sex, birth_date, status, arm_id, kit_number, start_date)
     SELECT $1, 'peking-university', 'SLE-' || lpad(i::text, 5, '0'), CASE WHEN i % 3 = 0 THEN 'male' ELSE 'female' END,
            date '1970-01-01' + (i % 9000), CASE WHEN i % 10 = 0 THEN 'withdrawn' ELSE 'on-treatment' END,
            CASE WHEN i % 2 = 0 THEN 'active' ELSE 'placebo' END, 'K' || lpad(i::text, 5, '0'), ${start}
       FROM generate_series(1, $2) AS i`,
    [studyId, n],
  );
  const each = `FROM participants p, LATERAL (SELECT substr(p.code, 5)::int AS i) k WHERE p.study_id = '${studyId}'`;
  await db.query(`INSERT INTO enrolments (participant_id, enrolled_on) SELECT p.id, ${start} - 3 ${each}`);
  await db.query(`INSERT INTO consents (participant_id, form_version, signed_on) SELECT p.id, '1', ${start} - 10 ${each}`);
  // The sle-il2 calendar: 1 MIU every other day for 14 days, 14 days' rest, three cycles (21 doses).
  await db.query(
    `INSERT INTO doses (participant_id, day, dose_date, status, reason)
     SELECT p.id, d, p.start_date + d - 1, CASE WHEN (i + d) % 29 = 0 THEN 'held' ELSE 'given' END, CASE WHEN (i + d) % 29 = 0 THEN 'fever' END
       ${each.replace('WHERE', ', unnest(array[1,3,5,7,9,11,13,29,31,33,35,37,39,41,57,59,61,63,65,67,69]) AS d WHERE')}`,
  );
  await db.query(
    `INSERT INTO visits (participant_id, visit_id, visit_date, status)
     SELECT p.id, v.id, p.start_date + v.day - 1, 'done' ${each.replace('WHERE', ", (VALUES ('week-0', 1), ('week-4', 29), ('week-8', 57), ('week-12', 85)) AS v(id, day) WHERE")}`,
  );
  await db.query(
    `INSERT INTO observations (participant_id, visit_row_id, kind, key, value_num, unit, grade, grade_term)
     SELECT v.participant_id, v.id, o.kind, o.key, o.value + (abs(hashtext(v.id::text)) % 10) / 10.0, o.unit, o.grade, o.term
       FROM visits v JOIN participants p ON p.id = v.participant_id AND p.study_id = '${studyId}',
            (VALUES ('lab', 'alt', 24, 'U/L', 0, NULL), ('lab', 'wbc', 6.1, '10^9/L', 0, NULL), ('immune-panel', 'treg-pct-cd4', 5.2, '%', NULL, NULL),
                    ('item', 'pga.pga', 1, NULL, NULL, NULL), ('item', 'pga.newBilagA', 0, NULL, NULL, NULL), ('item', 'pga.newBilagB', 0, NULL, NULL, NULL), ('score', 'pga', 1, NULL, NULL, NULL))
              AS o(kind, key, value, unit, grade, term)`,
  );
  // One audit record per value, as entry writes it, so ODM carries an AuditRecord on each (hashes are
  // placeholders: the bench verifies no chain).
  await db.query(
    `INSERT INTO audit (at, actor, action, entity, entity_id, study_id, changes, reason, prev_hash, hash, chain)
     SELECT timestamptz '2025-06-01 09:00:00+00', 'bench', 'insert', 'observations', o.id::text, '${studyId}',
            jsonb_build_array(jsonb_build_object('field', 'value_num', 'old', NULL, 'new', o.value_num)), NULL, '', md5(o.id::text), '${studyId}'
       FROM observations o JOIN participants p ON p.id = o.participant_id AND p.study_id = '${studyId}'`,
  );
  await db.query(
    `INSERT INTO adverse_events (participant_id, term, onset_date, grade, serious, relatedness, status, action_taken, outcome)
     SELECT p.id, 'Injection site reaction', p.start_date + 2, 1 + i % 3, false, 'possible', 'confirmed', 'none', 'recovered' ${each} AND i % 5 = 0`,
  );
  await db.close();
}

async function main(): Promise<void> {
  if (process.argv[2] === '--child') return child(process.argv[3]!, { url: process.argv[4]!, dataDir: process.argv[5]! }, process.argv[6]!);
  const n = Number(process.env['BENCH_PARTICIPANTS'] ?? 10_000);
  const dir = mkdtempSync(join(tmpdir(), 'il2trials-bench-export-'));
  const pg = process.env['BENCH_STORE'] !== 'pglite' && postgresBinDir() ? await startTestPostgres() : undefined;
  const store: Store = { url: pg?.url() ?? '', dataDir: join(dir, 'data') };
  try {
    const t0 = process.hrtime.bigint();
    await fill(store, n);
    console.log(
      `study ${studyId} on ${pg ? 'PostgreSQL' : 'PGlite'}: ${n} participants written in ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s; blinded export, pages of 200 participants (ODM: 100, each value with its audit trail)`,
    );
    console.log("format   rows       files  seconds  rows/s   store open  export's own  peak RSS");
    for (const format of process.env['BENCH_FORMATS']?.split(',') ?? exportFormats) {
      const r = spawnSync(process.execPath, [...process.execArgv, process.argv[1]!, '--child', format, store.url, store.dataDir, join(dir, format)], { encoding: 'utf8', maxBuffer: 1 << 24 });
      if (r.status !== 0) throw new Error(`export ${format} failed: ${r.stderr}`);
      const m = JSON.parse(r.stdout.trim().split('\n').pop()!) as { rows: number; files: number; seconds: number; openMb: number; peakMb: number };
      const cells = [
        format.padEnd(8),
        (m.rows === 0 ? '—' : String(m.rows)).padEnd(10),
        String(m.files).padEnd(6),
        m.seconds.toFixed(1).padEnd(8),
        (m.rows === 0 ? '—' : String(Math.round(m.rows / m.seconds))).padEnd(8),
        `${m.openMb.toFixed(0)} MB`.padEnd(11),
        `${(m.peakMb - m.openMb).toFixed(0)} MB`.padEnd(13),
      ];
      console.log(`${cells.join(' ')} ${m.peakMb.toFixed(0)} MB${m.peakMb < 300 ? '' : '  (over the 300 MB target)'}`);
    }
  } finally {
    pg?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
