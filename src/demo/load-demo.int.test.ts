import { describe, expect, it } from 'vitest';
import { getBuiltinProtocol } from '../protocol/builtin/index.js';
import { createStudy } from '../store/studies.js';
import { testDatabases } from '../store/test-databases.js';
import { findUserByUsername } from '../store/users.js';
import { createDemoUsers } from './demo-users.js';
import { loadDemoCohorts } from './load-demo.js';
import { syntheticCohort } from './synthetic-cohort.js';
import { builtinProtocols } from '../protocol/builtin/index.js';

const databases = testDatabases();
const today = '2025-06-02';
const at = new Date(`${today}T09:00:00.000Z`);
const ss = 'ss-il2';

describe.each(databases)('the demo on $kind', (database) => {
  it('fills ss-il2 with scored ESSDAI at baseline and week 24 for more than one participant, Treg panels, adverse events and open queries', async () => {
    const db = await database.fresh();
    await createStudy(db, { actor: 'system', at }, getBuiltinProtocol(ss));
    await createDemoUsers(db, at, [ss]);
    const monitor = (await findUserByUsername(db, 'demo-monitor'))!.id;
    await loadDemoCohorts(db, 1, today, at, monitor);

    // What the generator says (loadDemoCohorts seeds each built-in study with seed + its index).
    const cohort = syntheticCohort(getBuiltinProtocol(ss), 1 + builtinProtocols.findIndex((p) => p.id === ss), today);
    const atVisit = (id: string) => cohort.filter((d) => d.visits.some((v) => v.visitId === id)).length;
    const count = async (sql: string) => ((await db.query<{ n: number }>(sql, [ss])) as [{ n: number }])[0].n;
    const scored = (visit: string) =>
      count(`SELECT count(*)::int AS n FROM observations o JOIN visits v ON v.id = o.visit_row_id JOIN participants p ON p.id = o.participant_id
               WHERE p.study_id = $1 AND o.kind = 'score' AND o.key = 'essdai' AND v.visit_id = '${visit}'`);
    expect(atVisit('week-24')).toBeGreaterThan(1);
    expect(await scored('week-0')).toBe(atVisit('week-0'));
    expect(await scored('week-24')).toBe(atVisit('week-24'));
    expect(await count("SELECT count(*)::int AS n FROM observations o JOIN participants p ON p.id = o.participant_id WHERE p.study_id = $1 AND o.kind = 'immune-panel' AND o.key = 'treg'")).toBe(
      cohort.reduce((n, d) => n + d.visits.length, 0),
    );
    expect(await count('SELECT count(*)::int AS n FROM adverse_events a JOIN participants p ON p.id = a.participant_id WHERE p.study_id = $1')).toBe(
      cohort.reduce((n, d) => n + d.adverseEvents.length, 0),
    );
    const queries = cohort.filter((d) => d.queryVisit !== null).length;
    expect(queries).toBeGreaterThan(0);
    expect(await count("SELECT count(*)::int AS n FROM queries WHERE study_id = $1 AND status = 'open'")).toBe(queries);
  });
});
