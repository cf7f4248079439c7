import { describe, expect, it } from 'vitest';
import type { Db } from '../../store/db.js';
import { testDatabases } from '../../store/test-databases.js';
import { testApp, testNow, type TestApp } from '../test-app.js';
import { attestations, eligibleFacts } from './sle-candidate.test-helper.js';

const databases = testDatabases();
const sle = 'sle-il2';
const sleSite = 'peking-university';
const day = '2025-06-02'; // testNow's date

async function setup(db: Db) {
  const t = await testApp(db);
  const coordId = await t.user('coord-sle', [{ studyId: sle, siteId: sleSite, role: 'coordinator' }]);
  await t.user('inv-sle', [{ studyId: sle, siteId: sleSite, role: 'investigator' }]);
  await t.user('mon-sle', [{ studyId: sle, siteId: null, role: 'monitor' }]);
  await t.user('coord-als-a', [{ studyId: 'als-il2', siteId: t.siteA, role: 'coordinator' }]);
  await t.user('coord-als-b', [{ studyId: 'als-il2', siteId: 'site-b', role: 'coordinator' }]);
  return { t, coordId };
}

async function participant(t: TestApp, cookie: string, study: string, siteId: string, code: string): Promise<string> {
  const r = await t.app.inject({ method: 'POST', url: `/api/studies/${study}/participants`, headers: { cookie }, payload: { siteId, code, sex: 'female', birthDate: '1990-01-15' } });
  expect(r.statusCode, r.body).toBe(201);
  return r.json().id;
}

const screen = (t: TestApp, cookie: string, id: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/participants/${id}/screening`, headers: { cookie }, payload });
const statusOf = async (t: TestApp, cookie: string, id: string) => (await t.app.inject({ url: `/api/participants/${id}`, headers: { cookie } })).json().status;
const count = async (db: Db, table: string) => ((await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0] as { n: number }).n;

describe.each(databases)('eligibility API on $kind', (database) => {
  it('stores an eligible SLE candidate with its explanation and moves them to eligible', async () => {
    const db = await database.fresh();
    const { t, coordId } = await setup(db);
    const cookie = await t.login('coord-sle');
    const id = await participant(t, cookie, sle, sleSite, 'SLE-001');
    const r = await screen(t, cookie, id, { facts: eligibleFacts, attestations, referenceDate: day });
    expect(r.statusCode, r.body).toBe(201);
    const body = r.json();
    expect(body.participant).toEqual({ id, status: 'eligible' });
    expect(body.evaluation).toMatchObject({ status: 'eligible', failed: [], missing: [] });
    // age + inc-1…inc-10 + exc-1…exc-8 = 19 criteria.
    expect(body.record.explanation.summary).toBe(`Eligible on ${day}: all 19 criteria assessed and none excludes.`);
    expect(body.record.explanation.criteria.find((c: { id: string }) => c.id === 'inc-6')).toMatchObject({ status: 'met', reason: 'met: sledai ≥ 8', factsUsed: { sledai: '10' } });
    expect(body.record.explanation.criteria.find((c: { id: string }) => c.id === 'exc-6')).toMatchObject({ status: 'not-met', fails: false, factsUsed: { ppd_induration: '5 mm' } });
    expect(body.record).toMatchObject({ decision: 'eligible', screenedOn: day, facts: eligibleFacts, screenedBy: coordId, recordedAt: testNow.toISOString() });
    expect(await statusOf(t, cookie, id)).toBe('eligible');
    const records = (await t.app.inject({ url: `/api/participants/${id}/screening`, headers: { cookie } })).json();
    expect(records).toEqual([body.record]);
    // Audited: the record's insert and the status change, both by the coordinator.
    const audit = await db.query<{ entity: string; actor: string }>(
      "SELECT entity, actor FROM audit WHERE entity IN ('screening_records', 'participants') AND action <> 'delete' ORDER BY seq DESC LIMIT 2",
    );
    expect(audit).toEqual([
      { entity: 'participants', actor: coordId },
      { entity: 'screening_records', actor: coordId },
    ]);
  });

  it('records an attestation with the logged-in user and the server time', async () => {
    const db = await database.fresh();
    const { t, coordId } = await setup(db);
    const cookie = await t.login('coord-sle');
    const id = await participant(t, cookie, sle, sleSite, 'SLE-002');
    const record = (await screen(t, cookie, id, { facts: eligibleFacts, attestations, referenceDate: day })).json().record;
    expect(record.attestations[0]).toEqual({ criterionId: 'inc-2', holds: true, userId: coordId, username: 'coord-sle', at: testNow.toISOString() });
    expect(record.explanation.criteria.find((c: { id: string }) => c.id === 'inc-2').factsUsed).toEqual({ 'attested.inc-2': `holds, attested by coord-sle on ${day}` });
  });

  it('stores an ineligible candidate naming the failed criterion and moves them to ineligible', async () => {
    const { t } = await setup(await database.fresh());
    const cookie = await t.login('inv-sle');
    const id = await participant(t, cookie, sle, sleSite, 'SLE-003');
    // SLEDAI 6 < 8: inc-6 is not met, and nothing else fails.
    const r = await screen(t, cookie, id, { facts: { ...eligibleFacts, sledai: 6 }, attestations, referenceDate: day });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().evaluation).toMatchObject({ status: 'ineligible', failed: ['inc-6'] });
    expect(r.json().record.explanation.summary).toBe(`Ineligible on ${day}: fails inc-6 (not-met: sledai ≥ 8).`);
    expect(await statusOf(t, cookie, id)).toBe('ineligible');
  });

  it('keeps an incomplete candidate in screening with the missing facts listed', async () => {
    const db = await database.fresh();
    const { t } = await setup(db);
    const cookie = await t.login('coord-sle');
    const id = await participant(t, cookie, sle, sleSite, 'SLE-004');
    const { sledai: _s, ppd_induration: _p, ...facts } = eligibleFacts;
    const r = await screen(t, cookie, id, { facts, attestations, referenceDate: day });
    expect(r.statusCode, r.body).toBe(201);
    expect(r.json().evaluation).toMatchObject({ status: 'incomplete', failed: [], missing: ['sledai', 'ppd_induration'] });
    expect(r.json().record.explanation.summary).toBe(`Incomplete on ${day}: inc-6, exc-6 still unknown; missing facts sledai, ppd_induration.`);
    expect(r.json().participant.status).toBe('screening');
    expect(await statusOf(t, cookie, id)).toBe('screening');
    // Screening again once the facts are known completes it.
    const again = await screen(t, cookie, id, { facts: eligibleFacts, attestations, referenceDate: day });
    expect(again.json().participant.status).toBe('eligible');
    expect(await count(db, 'screening_records')).toBe(2);
    // Once decided, the participant is no longer in screening: a further screening is refused.
    const late = await screen(t, cookie, id, { facts: eligibleFacts, attestations, referenceDate: day });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.code).toBe('RECORD_TRANSITION_NOT_ALLOWED');
    expect(await count(db, 'screening_records')).toBe(2);
  });

  it('refuses a bad fact with 400 naming it, and writes nothing', async () => {
    const db = await database.fresh();
    const { t } = await setup(db);
    const cookie = await t.login('coord-sle');
    const id = await participant(t, cookie, sle, sleSite, 'SLE-005');
    const before = await count(db, 'audit');
    const notNumber = await screen(t, cookie, id, { facts: { ...eligibleFacts, sledai: 'ten' }, attestations, referenceDate: day });
    expect(notNumber.statusCode).toBe(400);
    expect(notNumber.json().error).toMatchObject({ code: 'HTTP_INVALID_BODY', path: 'facts.sledai' });
    expect(notNumber.json().error.message).toMatch(/^Field "facts\.sledai" is invalid: "ten" is not a number/);
    const unknown = await screen(t, cookie, id, { facts: { ...eligibleFacts, blood_group: 'A' }, attestations, referenceDate: day });
    expect(unknown.json().error).toMatchObject({ code: 'HTTP_INVALID_BODY', path: 'facts.blood_group' });
    const forged = await screen(t, cookie, id, { facts: { ...eligibleFacts, 'attested.inc-2': 'yes|someone|2020-01-01' }, referenceDate: day });
    expect(forged.json().error).toMatchObject({ code: 'HTTP_INVALID_BODY', path: 'facts.attested.inc-2' });
    const notAttestable = await screen(t, cookie, id, { facts: eligibleFacts, attestations: [{ criterionId: 'inc-6', holds: true }], referenceDate: day });
    expect(notAttestable.json().error).toMatchObject({ code: 'HTTP_INVALID_BODY', path: 'attestations.0.criterionId' });
    const twice = await screen(t, cookie, id, { facts: eligibleFacts, attestations: [...attestations, { criterionId: 'inc-2', holds: false }], referenceDate: day });
    expect(twice.json().error).toMatchObject({ code: 'HTTP_INVALID_BODY', path: `attestations.${attestations.length}.criterionId`, message: expect.stringContaining('"inc-2" is attested twice') });
    const noDate = await screen(t, cookie, id, { facts: eligibleFacts, attestations });
    expect(noDate.json().error).toMatchObject({ code: 'HTTP_INVALID_BODY', path: 'referenceDate' });
    expect(await count(db, 'screening_records')).toBe(0);
    expect(await count(db, 'audit')).toBe(before);
    expect(await statusOf(t, cookie, id)).toBe('screening');
  });

  it("refuses site B's staff and a monitor, and writes nothing", async () => {
    const db = await database.fresh();
    const { t } = await setup(db);
    const a = await t.login('coord-als-a');
    const id = await participant(t, a, 'als-il2', t.siteA, 'ALS-A-1');
    const before = await count(db, 'audit');
    const b = await t.login('coord-als-b');
    const post = await screen(t, b, id, { facts: { age: 50 }, referenceDate: day });
    expect(post.statusCode).toBe(404);
    expect((await t.app.inject({ url: `/api/participants/${id}/screening`, headers: { cookie: b } })).statusCode).toBe(404);
    const mon = await t.login('mon-sle');
    const sleId = await participant(t, await t.login('coord-sle'), sle, sleSite, 'SLE-006');
    const afterCreate = await count(db, 'audit');
    expect(afterCreate).toBeGreaterThan(before);
    const byMonitor = await screen(t, mon, sleId, { facts: eligibleFacts, attestations, referenceDate: day });
    expect(byMonitor.statusCode).toBe(403);
    expect(await count(db, 'screening_records')).toBe(0);
    expect(await count(db, 'audit')).toBe(afterCreate);
  });

  it("lists a study's parsed criteria with the facts and attestations they need", async () => {
    const { t } = await setup(await database.fresh());
    const cookie = await t.login('mon-sle');
    const r = (await t.app.inject({ url: `/api/studies/${sle}/eligibility/criteria`, headers: { cookie } })).json();
    expect(r.criteria.map((c: { id: string }) => c.id)).toEqual(['age', ...Array.from({ length: 10 }, (_, i) => `inc-${i + 1}`), ...Array.from({ length: 8 }, (_, i) => `exc-${i + 1}`)]);
    // The criteria with an attested part, read off the record: the judgement lines and "such as" lists (consent is a recorded fact).
    expect(r.attestable.sort()).toEqual(['exc-1', 'exc-2', 'exc-3', 'exc-5', 'exc-7', 'exc-8', 'inc-2', 'inc-3']);
    expect(r.facts.find((f: { name: string }) => f.name === 'sledai')).toMatchObject({ type: 'number', unit: '' });
    expect(r.facts.map((f: { name: string }) => f.name)).not.toContain('patient_id');
    expect((await t.app.inject({ url: `/api/studies/als-il2/eligibility/criteria`, headers: { cookie } })).statusCode).toBe(404);
  });

  it('parses criteria text: computable, attested with its reason, verbatim text', async () => {
    const { t } = await setup(await database.fresh());
    const cookie = await t.login('coord-sle');
    const parse = (text: unknown) => t.app.inject({ method: 'POST', url: '/api/eligibility/parse', headers: { cookie }, payload: { text } });
    const r = await parse('Inclusion Criteria:\n- SLEDAI ≥ 8\n- Able to give informed consent.\nExclusion Criteria:\n- Negative HIV test.');
    expect(r.statusCode).toBe(200);
    const [inc1, inc2, exc1] = r.json().criteria;
    expect(inc1).toMatchObject({ id: 'inc-1', text: 'SLEDAI ≥ 8', computability: 'computable', expr: { kind: 'compare', fact: 'sledai', op: '>=', value: 8 } });
    expect(inc2).toMatchObject({ id: 'inc-2', text: 'Able to give informed consent.', computability: 'attested', notComputable: expect.stringMatching(/consent/) });
    // Read as written: the record put a "negative" test among the exclusions (the parser does not reverse it).
    expect(exc1).toMatchObject({ id: 'exc-1', side: 'exclusion', expr: { kind: 'is', fact: 'hiv_positive', value: false } });
    expect((await parse('')).json().error).toMatchObject({ code: 'HTTP_INVALID_BODY', path: 'text' });
    expect((await parse('no headings here')).json().error.code).toBe('ELIGIBILITY_BAD_CRITERIA_TEXT');
    expect((await t.app.inject({ method: 'POST', url: '/api/eligibility/parse', payload: { text: 'x' } })).statusCode).toBe(401);
  });
});
