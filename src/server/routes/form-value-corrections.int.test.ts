import { describe, expect, it } from 'vitest';
import { builtinForm } from '../../forms/builtin/index.js';
import { findStudy } from '../../store/studies.js';
import { testDatabases } from '../../store/test-databases.js';
import { amendStudy } from '../../use-cases/studies/amend-study.js';
import { als, visitTestApp } from './test-visits.js';

const databases = testDatabases();

type AuditRow = { entity: string; action: string; changes: { field: string; old: unknown; new: unknown }[]; reason: string | null };

describe.each(databases)('form-defined values: query corrections and lab ranges on $kind', (database) => {
  it('a data manager queries a form value; the site corrects it with a reason, audited, under the version it was entered with', async () => {
    const t = await visitTestApp(await database.fresh());
    const c = await t.login('coord-b');
    const id = await t.participant(c, als, 'site-b', 'ALS-Q1', '2025-05-05');
    const url = `/api/participants/${id}/visits/week-0/forms/nfl`;
    expect((await t.call(c, 'POST', url, { date: '2025-05-05', values: { serum: { value: 85.4, unit: 'pg/mL' }, csf: 4200 } })).statusCode).toBe(201);

    // An amendment changes the NfL form (version 2: serum expected at most 800 pg/mL) after the values were entered.
    const study = (await findStudy(t.db, als))!;
    const nfl2 = { ...builtinForm('nfl')!, version: '2', items: builtinForm('nfl')!.items.map((i) => (i.id === 'serum' ? { ...i, soft: { max: 800 } } : i)) };
    await amendStudy({ db: t.db, by: { kind: 'system' }, at: new Date() }, als, {
      protocol: { ...study.protocol, version: `${study.protocol.version}-nfl2`, forms: [...(study.protocol.forms ?? []), nfl2] },
      effectiveDate: '2025-05-10',
      reason: 'serum NfL plausibility limit lowered',
    });

    const dm = await t.login('dm-b');
    const text = 'Serum NfL 85.4 pg/mL disagrees with the Simoa report (854?).';
    const raised = await t.call(dm, 'POST', '/api/queries', { participantId: id, visitId: 'week-0', field: 'nfl.serum', text });
    expect(raised.statusCode, raised.body).toBe(201);
    const q = raised.json();
    // 854 pg/mL: within version 1's expected range (at most 1000), outside version 2's (at most 800), so no confirmation is asked.
    const answered = await t.call(c, 'POST', `/api/queries/${q.id}/answer`, { text: 'Decimal point misplaced; corrected from the report.', correction: 854 });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ status: 'answered' });

    expect(await t.db.query("SELECT key, value_num, unit, form_version FROM observations WHERE form_id = 'nfl' ORDER BY key")).toEqual([
      { key: 'nfl.csf', value_num: 4200, unit: 'pg/mL', form_version: '1' },
      { key: 'nfl.serum', value_num: 854, unit: 'pg/mL', form_version: '1' },
    ]);
    const read = (await t.call(c, 'GET', url)).json();
    expect(read.form.version).toBe('2');
    expect(read.saved).toMatchObject({ formVersion: '1', form: { version: '1' }, values: { serum: { value: 854, unit: 'pg/mL' }, csf: { value: 4200, unit: 'pg/mL' } } });

    const audit = await t.db.query<AuditRow>("SELECT entity, action, changes, reason FROM audit WHERE entity IN ('queries', 'observations') AND action = 'update' ORDER BY seq");
    expect(audit.map((a) => [a.entity, a.reason])).toEqual([
      ['observations', `Correction for query ${q.id}: ${text}`],
      ['queries', `Site answer to query ${q.id}`],
    ]);
    expect(audit[0]!.changes).toEqual([{ field: 'value_num', old: 85.4, new: 854 }]);
    // No new query: the corrected value is within its version's range.
    expect((await t.call(dm, 'GET', `/api/studies/${als}/queries`)).json().map((x: { id: string; status: string }) => [x.id, x.status])).toEqual([[q.id, 'answered']]);
    expect((await t.call(dm, 'POST', `/api/queries/${q.id}/close`)).json()).toMatchObject({ status: 'closed' });
  });

  it('refuses a correction of a form item with no saved value, or one the form refuses, writing nothing', async () => {
    const t = await visitTestApp(await database.fresh());
    const c = await t.login('coord-b');
    const id = await t.participant(c, als, 'site-b', 'ALS-Q2', '2025-05-05');
    expect((await t.call(c, 'POST', `/api/participants/${id}/visits/week-0/forms/nfl`, { date: '2025-05-05', values: { serum: 85.4 } })).statusCode).toBe(201);
    const dm = await t.login('dm-b');
    const raise = (field: string) => t.call(dm, 'POST', '/api/queries', { participantId: id, visitId: 'week-0', field, text: `Check ${field}.` }).then((r) => r.json().id as string);
    const csf = await raise('nfl.csf');
    const serum = await raise('nfl.serum');
    const before = await t.auditCount();

    const none = await t.call(c, 'POST', `/api/queries/${csf}/answer`, { text: 'Corrected.', correction: 3000 });
    expect(none.statusCode).toBe(400);
    expect(none.json().error).toMatchObject({ code: 'VISIT_CORRECTION_NOT_ALLOWED', path: 'correction', message: 'Field "nfl.csf" has no saved value of form nfl to correct.' });
    const negative = await t.call(c, 'POST', `/api/queries/${serum}/answer`, { text: 'Corrected.', correction: -1 });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error).toMatchObject({ code: 'FORM_HARD_RANGE_VIOLATION', path: 'values.serum' });
    expect(await t.auditCount()).toBe(before);
    expect(await t.db.query("SELECT value_num FROM observations WHERE key = 'nfl.serum'")).toEqual([{ value_num: 85.4 }]);
  });

  it("grades CK against the site's own ULN where it set one, else the assumed default, and lists which is which", async () => {
    const t = await visitTestApp(await database.fresh());
    const dm = await t.login('dm-b');
    const ranges = (site: string) => `/api/studies/${als}/sites/${site}/reference-ranges`;
    const bad = (r: object) => t.call(dm, 'PUT', ranges('site-b'), { ranges: [r] }).then((x) => x.json().error);
    expect(await bad({ analyte: 'ck', unit: 'g/L', uln: 400 })).toMatchObject({ code: 'HTTP_INVALID_BODY', path: 'ranges.0.unit' });
    expect(await bad({ analyte: 'ck', unit: 'U/L', lln: 20 })).toMatchObject({ code: 'HTTP_INVALID_BODY', path: 'ranges.0.uln' });
    expect(await bad({ analyte: 'c3', unit: 'g/L', uln: 1.8 })).toMatchObject({ code: 'HTTP_INVALID_BODY', path: 'ranges.0.analyte' });

    const set = await t.call(dm, 'PUT', ranges('site-b'), { ranges: [{ analyte: 'ck', unit: 'U/L', uln: 400 }] });
    expect(set.statusCode, set.body).toBe(200);
    const listed = (await t.call(dm, 'GET', ranges('site-b'))).json();
    expect(listed).toEqual(set.json());
    expect(listed).toHaveLength(11);
    expect(listed).toContainEqual({ analyte: 'ck', unit: 'U/L', uln: 400, assumed: false });
    expect(listed).toContainEqual({ analyte: 'proteinuria-24h', unit: 'g/24h', uln: 0.15, assumed: true });
    expect(listed).toContainEqual({ analyte: 'lymphocytes', unit: '/mm3', lln: 1000, uln: 4000, assumed: true });
    // Proteinuria in mg/24h: 0.2 g/24h = 200 mg/24h.
    expect((await t.call(dm, 'PUT', ranges('site-b'), { ranges: [{ analyte: 'proteinuria-24h', unit: 'mg/24h', uln: 200 }] })).statusCode).toBe(200);
    const mon = await t.login('mon');
    expect((await t.call(mon, 'GET', ranges(t.siteA))).json()).toContainEqual({ analyte: 'ck', unit: 'U/L', uln: 200, assumed: true });

    const ck = async (user: string, site: string, code: string) => {
      const c = await t.login(user);
      const id = await t.participant(c, als, site, code, '2025-05-05');
      const r = await t.call(c, 'POST', `/api/participants/${id}/visits/week-48/forms/als-labs`, { date: '2025-06-01', values: { ck: { value: 1200, unit: 'U/L' } } });
      expect(r.statusCode, r.body).toBe(201);
      return (await t.db.query<{ grade: number }>("SELECT o.grade FROM observations o JOIN visits v ON v.id = o.visit_row_id WHERE v.participant_id = $1 AND o.key = 'als-labs.ck'", [id]))[0]?.grade;
    };
    // CTCAE v5.0 "CPK increased": 1200 U/L is 3 × site B's ULN of 400 (grade 2: >2.5 – 5.0 × ULN) and 6 × the assumed 200 at site A (grade 3: >5.0 – 10.0 × ULN).
    expect(await ck('coord-b', 'site-b', 'ALS-R1')).toBe(2);
    expect(await ck('coord-a', t.siteA, 'ALS-R2')).toBe(3);
  });
});
