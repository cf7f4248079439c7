/**
 * The coordinator's dashboard for a study of N participants all on treatment (day 1 spread over the
 * last 200 days, as in the web walk), on PGlite: the time to work out the week's visits and doses due.
 * Run: npm run bench:dashboard   (BENCH_PARTICIPANTS sets N, default 1000)
 */
import { addDays } from '../src/dates/iso-date.js';
import { getBuiltinProtocol } from '../src/protocol/builtin/index.js';
import { audited } from '../src/store/audited-tx.js';
import { studyDashboard } from '../src/use-cases/study-dashboard.js';
import { migrate } from '../src/store/migrate.js';
import { listParticipants } from '../src/store/participants.js';
import { openPglite } from '../src/store/drivers/pglite/pglite-db.js';
import { createStudy } from '../src/store/studies.js';
import { participants as participantsTable } from '../src/store/schema/index.js';

const count = Number(process.env.BENCH_PARTICIPANTS ?? 1000);
const runs = 5;
const today = '2025-06-02';
const at = new Date(`${today}T09:00:00Z`);
const sle = getBuiltinProtocol('sle-il2');

const db = await openPglite();
await migrate(db);
await createStudy(db, { actor: 'bench', at }, sle);
await audited(db, { actor: 'bench', at, studyId: sle.id }, async (w) => {
  for (let i = 1; i <= count; i++) {
    await w.insert(participantsTable, {
      study_id: sle.id,
      site_id: sle.sites[0]!.id,
      code: `SLE-${String(i).padStart(5, '0')}`,
      sex: i % 2 ? 'female' : 'male',
      birth_date: '1980-01-01',
      status: 'on-treatment',
      arm_id: sle.arms[i % sle.arms.length]!.id,
      start_date: addDays(today, -(i % 200)),
    });
  }
});
const participants = await listParticipants(db, sle.id, 'all');

const times: number[] = [];
let due = 0;
for (let r = 0; r < runs; r++) {
  const t0 = performance.now();
  const d = await studyDashboard(db, sle, participants, today);
  times.push(performance.now() - t0);
  due = d.visitsDue.length + d.visitsOverdue.length + d.dosesDue.length;
}
times.sort((a, b) => a - b);
const median = times[Math.floor(runs / 2)]!;
console.log(
  `dashboard, ${count} participants on treatment (PGlite): median ${median.toFixed(0)} ms of ${runs} runs; ${((median / count) * 1000).toFixed(0)} µs a participant; ${due} rows due or overdue`,
);
await db.close();
