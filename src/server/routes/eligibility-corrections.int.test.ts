import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Db } from '../../store/db.js';
import { testDatabases } from '../../store/test-databases.js';
import { testApp, type TestApp } from '../test-app.js';
import { attestations, eligibleFacts } from './sle-candidate.test-helper.js';

const databases = testDatabases();
const day = '2025-06-02'; // testNow's date
const dfIl2 = (): unknown => JSON.parse(readFileSync(new URL('../../../examples/df-il2.json', import.meta.url), 'utf8'));
const inc1 = 'last.type-1-diabetes within 2 years before screening';

async function setup(db: Db) {
  const t = await testApp(db);
  await t.user('root', [{ studyId: null, siteId: null, role: 'admin' }]);
  await t.user('coord-sle', [{ studyId: 'sle-il2', siteId: 'peking-university', role: 'coordinator' }]);
  const admin = await t.login('root');
  const call = (cookie: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) => t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
  return { t, admin, call };
}
const count = async (db: Db, sql: string) => ((await db.query<{ n: number }>(sql))[0] as { n: number }).n;
const studyOf = async (t: TestApp, cookie: string, id: string) => (await t.app.inject({ url: `/api/studies/${id}`, headers: { cookie } })).json();

describe.each(databases)('correcting criteria by hand on $kind', (database) => {
  it('shows each line with its parse and reason, validates and previews an expression, and saves it into a design study, audited', async () => {
    const db = await database.fresh();
    const { t, admin, call } = await setup(db);
    expect((await call(admin, 'POST', '/api/studies', dfIl2() as object)).statusCode).toBe(201);

    const shown = (await call(admin, 'GET', '/api/studies/df-il2/eligibility/corrections')).json();
    expect(shown).toMatchObject({ studyId: 'df-il2', status: 'design', protocolVersion: '1' });
    expect(shown.criteria.map((c: { id: string }) => c.id)).toEqual(['inc-1', 'inc-2', 'inc-3', 'exc-1', 'exc-2', 'exc-3']);
    expect(shown.criteria[0]).toEqual({
      id: 'inc-1',
      side: 'inclusion',
      text: 'Type 1 diabetes diagnosed less than 2 years before inclusion',
      parsed: {
        computability: 'attested',
        expression: 'attested: "Type 1 diabetes diagnosed less than 2 years before inclusion"',
        notComputable: '"Type 1 diabetes less" narrows Type 1 diabetes; no rule reads the narrower phrase',
        flags: [],
      },
      corrected: null,
    });
    expect(shown.criteria[4].parsed).toEqual({ computability: 'computable', expression: 'pregnant or breastfeeding', flags: [] });
    expect(shown.facts.find((f: { name: string }) => f.name === 'pregnant')).toMatchObject({ type: 'boolean' });

    const url = '/api/studies/df-il2/eligibility/criteria/inc-1';
    expect((await call(admin, 'POST', `${url}/validate`, { expression: inc1 })).json()).toEqual({ ok: true, computability: 'computable', expression: inc1, facts: ['last.type-1-diabetes'] });
    // "within 2 year" (the unit is written plural): "year" starts at character 31 (20 for the fact, " within 2 ").
    const bad = await call(admin, 'POST', `${url}/validate`, { expression: 'last.type-1-diabetes within 2 year before screening' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toEqual({ code: 'ELIGIBILITY_BAD_EXPRESSION', path: 'expression', message: 'Character 31 of the expression: "year" is not days, weeks, months or years.' });

    // Diagnosed 2023-06-03: 2 years before 2025-06-02 is 2023-06-02, so within (met); 2023-06-01 is not.
    const preview = (facts: object) => call(admin, 'POST', `${url}/preview`, { expression: inc1, facts, referenceDate: day });
    expect((await preview({ 'last.type-1-diabetes': '2023-06-03' })).json()).toEqual({
      criterionId: 'inc-1',
      side: 'inclusion',
      computability: 'computable',
      status: 'met',
      fails: false,
      reason: `met: ${inc1}`,
      factsUsed: { 'last.type-1-diabetes': '2023-06-03' },
      missing: [],
    });
    expect((await preview({ 'last.type-1-diabetes': '2023-06-01' })).json()).toMatchObject({ status: 'not-met', fails: true });
    expect((await preview({})).json()).toMatchObject({ status: 'unknown', fails: false, missing: ['last.type-1-diabetes'] });
    const badFact = await preview({ 'last.type-1-diabetes': 'last spring' });
    expect([badFact.statusCode, badFact.json().error.path]).toEqual([400, 'facts.last.type-1-diabetes']);
    const noLine = await call(admin, 'POST', '/api/studies/df-il2/eligibility/criteria/inc-9/validate', { expression: inc1 });
    expect([noLine.statusCode, noLine.json().error.message]).toEqual([404, 'Study df-il2 has no criterion "inc-9".']);
    // Without an expression: the criterion as the protocol reads it now (attested, so unknown until attested).
    expect((await call(admin, 'POST', `${url}/preview`, { facts: {}, referenceDate: day })).json()).toMatchObject({ computability: 'attested', status: 'unknown' });
    expect((await call(admin, 'POST', `${url}/preview`, { facts: {}, attested: true, referenceDate: day })).json()).toMatchObject({
      status: 'met',
      factsUsed: { 'attested.inc-1': `holds, attested by preview on ${day}` },
    });

    const audits = await count(db, 'SELECT count(*)::int AS n FROM audit');
    const saved = await call(admin, 'PUT', '/api/studies/df-il2/eligibility/corrections', { corrections: { 'inc-1': inc1 } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ studyId: 'df-il2', protocolVersion: '1', amendment: null });
    expect((await studyOf(t, admin, 'df-il2')).protocol.eligibility.inclusion[0]).toEqual({ id: 'inc-1', text: 'Type 1 diabetes diagnosed less than 2 years before inclusion', expression: inc1 });
    expect((await call(admin, 'GET', '/api/studies/df-il2/eligibility/corrections')).json().criteria[0].corrected).toEqual({ computability: 'computable', expression: inc1 });
    // The screening criteria read the correction.
    expect((await call(admin, 'GET', '/api/studies/df-il2/eligibility/criteria')).json().criteria.find((c: { id: string }) => c.id === 'inc-1')).toMatchObject({
      computability: 'computable',
      corrected: true,
    });
    const audit = await db.query<{ entity: string; reason: string }>('SELECT entity, reason FROM audit ORDER BY seq DESC LIMIT 1');
    expect(audit).toEqual([{ entity: 'studies', reason: 'criteria inc-1 corrected by hand' }]);
    expect(await count(db, 'SELECT count(*)::int AS n FROM audit')).toBe(audits + 1);
    expect(await count(db, 'SELECT count(*)::int AS n FROM protocol_versions')).toBe(0);
  });

  it('takes a correction of a live study as an amendment, and a candidate screened incomplete is then decided', async () => {
    const db = await database.fresh();
    const { t, admin, call } = await setup(db);
    const coord = await t.login('coord-sle');
    const id = (await call(coord, 'POST', '/api/studies/sle-il2/participants', { siteId: 'peking-university', code: 'SLE-101', sex: 'female', birthDate: '1990-01-15' })).json().id as string;
    // exc-2 "Serious infection such as bacteremia, sepsis" keeps an attested part: not attested, it leaves the candidate incomplete.
    const unattested = attestations.filter((a) => a.criterionId !== 'exc-2');
    const first = await call(coord, 'POST', `/api/participants/${id}/screening`, { facts: eligibleFacts, attestations: unattested, referenceDate: day });
    expect(first.json().evaluation).toMatchObject({ status: 'incomplete', missing: ['attested.exc-2'] });

    const exc2 = 'diagnoses has bacteremia or diagnoses has sepsis';
    const saved = await call(admin, 'PUT', '/api/studies/sle-il2/eligibility/corrections', {
      corrections: { 'exc-2': exc2 },
      effectiveDate: day,
      reason: 'serious infection: the two the record names',
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({
      studyId: 'sle-il2',
      protocolVersion: '2',
      amendment: { studyId: 'sle-il2', fromVersion: '1', version: '2', effectiveDate: day, changes: [{ path: 'eligibility', kind: 'changed' }], reconsentVersion: null },
    });
    expect(await db.query('SELECT version, reason FROM protocol_versions')).toEqual([{ version: '2', reason: 'serious infection: the two the record names' }]);

    const again = await call(coord, 'POST', `/api/participants/${id}/screening`, { facts: eligibleFacts, attestations: unattested, referenceDate: day });
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().evaluation).toMatchObject({ status: 'eligible', missing: [] });
    expect(again.json().evaluation.criteria.find((c: { id: string }) => c.id === 'exc-2')).toMatchObject({
      status: 'not-met',
      reason: `not-met: ${exc2}`,
      factsUsed: { diagnoses: 'sle-acr-1997;lupus-rash' },
    });
    expect(await db.query('SELECT protocol_version, decision FROM screening_records ORDER BY recorded_at, protocol_version')).toEqual([
      { protocol_version: '1', decision: 'incomplete' },
      { protocol_version: '2', decision: 'eligible' },
    ]);
  });

  it('refuses a bad expression (400 naming the criterion and character), an unknown criterion, a live correction without a date, and a coordinator (403), saving nothing', async () => {
    const db = await database.fresh();
    const { t, admin, call } = await setup(db);
    const before = await count(db, 'SELECT count(*)::int AS n FROM audit');
    const put = (cookie: string, payload: object) => call(cookie, 'PUT', '/api/studies/sle-il2/eligibility/corrections', payload);
    const bad = await put(admin, { corrections: { 'exc-2': 'diagnoses has bacteremia or sepsis' }, effectiveDate: day, reason: 'infections named' });
    expect(bad.statusCode).toBe(400);
    // "sepsis" starts at character 29 and is not a fact.
    expect(bad.json().error).toEqual({
      code: 'ELIGIBILITY_BAD_EXPRESSION',
      path: 'criteria.exc-2',
      message: 'Criterion exc-2: Character 29 of the expression: "sepsis" is not a fact of the dictionary.',
    });
    const unknown = await put(admin, { corrections: { 'exc-20': 'pregnant' }, effectiveDate: day, reason: 'r' });
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([400, 'ELIGIBILITY_UNKNOWN_CRITERION']);
    const noDate = await put(admin, { corrections: { 'exc-2': 'diagnoses has sepsis' }, reason: 'r' });
    expect(noDate.json().error).toEqual({
      code: 'ELIGIBILITY_CORRECTION_NEEDS_AMENDMENT',
      path: 'effectiveDate',
      message: 'Study sle-il2 is live: a correction is an amendment and needs an effective date.',
    });
    const coord = await t.login('coord-sle');
    for (const r of [
      await put(coord, { corrections: { 'exc-2': 'diagnoses has sepsis' }, effectiveDate: day, reason: 'r' }),
      await call(coord, 'POST', '/api/studies/sle-il2/eligibility/criteria/exc-2/validate', { expression: 'diagnoses has sepsis' }),
    ]) {
      expect(r.statusCode).toBe(403);
      expect(r.json().error.code).toBe('AUTH_FORBIDDEN');
    }
    expect(await count(db, 'SELECT count(*)::int AS n FROM audit')).toBe(before);
    expect(await count(db, 'SELECT count(*)::int AS n FROM protocol_versions')).toBe(0);
    expect((await studyOf(t, admin, 'sle-il2')).study.protocolVersion).toBe('1');
  });
});
