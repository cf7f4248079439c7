import { beforeAll, describe, expect, it } from 'vitest';
import { buildReport } from '../analysis/report/build-report.js';
import type { EndpointTest } from '../analysis/endpoints/endpoint-test.js';
import { builtinProtocols, getBuiltinProtocol } from '../protocol/builtin/index.js';
import type { Db } from '../store/db.js';
import { createStudy, findStudy } from '../store/studies.js';
import { testDatabases } from '../store/test-databases.js';
import { findUserByUsername } from '../store/users.js';
import { loadAnalysisData } from '../use-cases/analysis-data.js';
import { lockStudy } from '../use-cases/lock-study.js';
import { createDemoUsers } from './demo-users.js';
import { loadDemoCohorts } from './load-demo.js';
import { syntheticCohort } from './synthetic-cohort.js';

const databases = testDatabases();
const today = '2025-06-02';
const at = new Date(`${today}T09:00:00.000Z`);
const ss = 'ss-il2';
const studies = [ss, 'als-il2', 'ae-il2'];

// What the generator says (loadDemoCohorts seeds each built-in study with seed + its index).
const cohortOf = (id: string) => syntheticCohort(getBuiltinProtocol(id), 1 + builtinProtocols.findIndex((p) => p.id === id), today);
const visitsListing = (id: string, assessment: string) =>
  cohortOf(id).reduce(
    (n, d) =>
      n +
      d.visits.filter((v) =>
        getBuiltinProtocol(id)
          .visits.find((x) => x.id === v.visitId)!
          .assessments.includes(assessment),
      ).length,
    0,
  );

describe.each(databases)('the demo on $kind', (database) => {
  let db: Db;
  beforeAll(async () => {
    db = await database.fresh();
    for (const id of studies) await createStudy(db, { actor: 'system', at }, getBuiltinProtocol(id));
    await createDemoUsers(db, at, studies);
    const monitor = (await findUserByUsername(db, 'demo-monitor'))!.id;
    await loadDemoCohorts(db, 1, today, at, monitor);
  }, 120_000);
  const count = async (sql: string, study = ss) => ((await db.query<{ n: number }>(sql, [study])) as [{ n: number }])[0].n;

  it('fills ss-il2 with scored ESSDAI at baseline and week 24 for more than one participant, Treg panels, adverse events and open queries', async () => {
    const cohort = cohortOf(ss);
    const atVisit = (id: string) => cohort.filter((d) => d.visits.some((v) => v.visitId === id)).length;
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

  it('fills ROADS, NfL, MoCA and EQ-5D-5L at every visit listing them, as the forms store them (items under the form and version, the score the sum of the items)', async () => {
    const rows = (study: string, key: string) =>
      count(
        `SELECT count(*)::int AS n FROM observations o JOIN participants p ON p.id = o.participant_id WHERE p.study_id = $1 AND o.kind = 'score' AND o.key = '${key}' AND o.form_version = '1'`,
        study,
      );
    for (const [study, form] of [
      ['als-il2', 'roads'],
      ['ae-il2', 'moca'],
      ['ae-il2', 'eq-5d-5l'],
    ] as const) {
      expect(visitsListing(study, form)).toBeGreaterThan(2);
      expect(await rows(study, form)).toBe(visitsListing(study, form));
    }
    const nfl = visitsListing('als-il2', 'nfl');
    expect(
      await count("SELECT count(*)::int AS n FROM observations o JOIN participants p ON p.id = o.participant_id WHERE p.study_id = $1 AND o.key = 'nfl.serum' AND o.unit = 'pg/mL'", 'als-il2'),
    ).toBe(nfl);
    const csf = await count("SELECT count(*)::int AS n FROM observations o JOIN participants p ON p.id = o.participant_id WHERE p.study_id = $1 AND o.key = 'nfl.csf'", 'als-il2');
    expect(csf).toBeGreaterThan(0);
    expect(csf).toBeLessThan(nfl);
    // ROADS raw score = the sum of its 28 items, each 0-2 (Fournier 2020), summed here in SQL.
    const roads = await db.query<{ score: number; items: number; n: number; lo: number; hi: number }>(
      `SELECT s.value_num AS score, sum(i.value_num)::int AS items, count(i.id)::int AS n, min(i.value_num)::int AS lo, max(i.value_num)::int AS hi
         FROM observations s JOIN observations i ON i.visit_row_id = s.visit_row_id AND i.key ~ '^roads\\.q[0-9]+$' AND i.form_id = 'roads'
         JOIN participants p ON p.id = s.participant_id WHERE p.study_id = 'als-il2' AND s.kind = 'score' AND s.key = 'roads' GROUP BY s.id, s.value_num`,
    );
    for (const r of roads) expect([r.n, r.items, r.lo >= 0 && r.hi <= 2]).toEqual([28, r.score, true]);
  });

  it('gives the ALS report a ROADS slope difference and the encephalitis report MoCA and EQ-5D-5L results, none "not estimable"', async () => {
    // The tests are in the by-arm view, which needs the lock.
    for (const id of ['als-il2', 'ae-il2']) await lockStudy(db, { actor: 'test', at }, id, 'final analysis');
    const testsOf = async (id: string, outcome: string) => {
      const study = (await findStudy(db, id))!;
      const report = buildReport(await loadAnalysisData(db, study, today), { id, lockedAt: at.toISOString() }, today, { kind: 'by-arm' });
      const endpoint = report.analysis.endpoints.find((e) => e.outcomeId === outcome && e.analysisSet === 'itt')!;
      return endpoint.measures.flatMap((m) => m.tests ?? []);
    };
    const estimated = (tests: readonly EndpointTest[], kind: string) => tests.find((t) => t.kind === kind);
    const roads = await testsOf('als-il2', 'roads-rate');
    const piecewise = roads.find((t) => t.kind === 'piecewise');
    expect(piecewise).toMatchObject({ unit: 'points per month', contrasts: [{ term: 'slope during follow-up minus slope during administration' }] });
    expect(Number.isFinite(piecewise?.contrasts[0]?.estimate)).toBe(true);
    expect(estimated(roads, 'per-patient-slopes')).toBeDefined();
    for (const outcome of ['cognitive-function', 'quality-of-life']) {
      const tests = await testsOf('ae-il2', outcome);
      expect(tests.filter((t) => t.kind === 'not-estimable')).toEqual([]);
      expect(estimated(tests, 'paired-t')).toMatchObject({ result: { estimate: expect.any(Number) } });
    }
    expect(roads.filter((t) => t.kind === 'not-estimable')).toEqual([]);
  });
});
