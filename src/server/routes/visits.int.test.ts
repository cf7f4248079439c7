import { describe, expect, it } from 'vitest';
import { testDatabases } from '../../store/test-databases.js';
import { als, ss, visitTestApp } from './test-visits.js';

const databases = testDatabases();

// ESSDAI levels; domain score = level × weight (Seror 2010, Table 3):
// constitutional 1×3 = 3, glandular 2×2 = 4, articular 2×2 = 4, pulmonary 1×5 = 5, haematological 1×2 = 2,
// biological 2×1 = 2, every other domain 0 → total 3 + 4 + 4 + 5 + 2 + 2 = 20.
const essdai = { constitutional: 1, lymphadenopathy: 0, glandular: 2, articular: 2, cutaneous: 0, pulmonary: 1, renal: 0, muscular: 0, pns: 0, cns: 0, haematological: 1, biological: 2 };

describe.each(databases)('visit forms and observations on $kind', (database) => {
  it('saves and scores an ESSDAI visit; an out-of-range item is refused naming it and nothing is written', async () => {
    const t = await visitTestApp(await database.fresh());
    const c = await t.login('coord-ss');
    const id = await t.participant(c, ss, t.ssSite, 'SS-001');
    const url = `/api/participants/${id}/visits/week-0/observations`;

    const before = await t.auditCount();
    const bad = await t.call(c, 'POST', url, { date: '2025-06-02', values: { essdai: { ...essdai, glandular: 3 } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error).toMatchObject({ code: 'INSTRUMENT_ITEM_OUT_OF_RANGE', path: 'values.essdai.glandular' });
    expect(bad.json().error.message).toMatch(/"glandular"/);
    expect(await t.db.query('SELECT * FROM visits')).toEqual([]);
    expect(await t.db.query('SELECT * FROM observations')).toEqual([]);
    expect(await t.auditCount()).toBe(before);

    const notDue = await t.call(c, 'POST', `/api/participants/${id}/visits/week-12/observations`, { date: '2025-08-25', values: { essdai } });
    expect(notDue.json().error).toMatchObject({ code: 'VISIT_INSTRUMENT_NOT_DUE', path: 'values.essdai' });

    const saved = await t.call(c, 'POST', url, { date: '2025-06-02', values: { essdai } });
    expect(saved.statusCode, saved.body).toBe(201);
    expect(saved.json().scores).toEqual([expect.objectContaining({ instrument: 'essdai', total: 20 })]);
    const read = (await t.call(c, 'GET', url)).json();
    expect(read).toMatchObject({ visitId: 'week-0', date: '2025-06-02', values: { essdai }, scores: [{ instrument: 'essdai', total: 20 }] });
    // The web client's list, and its one-instrument body shape.
    expect((await t.call(c, 'GET', `/api/participants/${id}/observations`)).json()).toEqual([{ visitId: 'week-0', date: '2025-06-02', instrument: 'essdai', items: essdai, total: 20 }]);
  });

  it('refuses an edit without a reason; with one, audits old → new and rescores', async () => {
    const t = await visitTestApp(await database.fresh());
    const c = await t.login('coord-ss');
    const id = await t.participant(c, ss, t.ssSite, 'SS-002');
    const url = `/api/participants/${id}/visits/week-0/observations`;
    expect((await t.call(c, 'POST', url, { date: '2025-06-02', instrument: 'essdai', items: essdai })).statusCode).toBe(201);
    // Saving the same values again changes nothing and needs no reason.
    expect((await t.call(c, 'POST', url, { date: '2025-06-02', values: { essdai } })).statusCode).toBe(201);

    const before = await t.auditCount();
    const edit = { date: '2025-06-02', values: { essdai: { ...essdai, articular: 3 } } };
    const noReason = await t.call(c, 'POST', url, edit);
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error).toMatchObject({ code: 'AUDIT_REASON_REQUIRED', path: 'reason' });
    expect(await t.auditCount()).toBe(before);

    const withReason = await t.call(c, 'POST', url, { ...edit, reason: 'synovitis count re-read: 7 joints' });
    // articular 3×2 = 6 instead of 2×2 = 4: total 20 + 2 = 22.
    expect(withReason.json().scores[0].total).toBe(22);
    const audit = await t.db.query<{ entity: string; changes: unknown; reason: string }>("SELECT entity, changes, reason FROM audit WHERE action = 'update' AND entity = 'observations' ORDER BY seq");
    expect(audit).toEqual([
      { entity: 'observations', changes: [{ field: 'value_num', old: 2, new: 3 }], reason: 'synovitis count re-read: 7 joints' },
      { entity: 'observations', changes: [{ field: 'value_num', old: 20, new: 22 }], reason: 'synovitis count re-read: 7 joints' },
    ]);
  });

  it('grades baseline lymphocytes 450/mm³ as CTCAE grade 3 without proposing an AE, and the hold rule holds doses on the calendar', async () => {
    const t = await visitTestApp(await database.fresh());
    const c = await t.login('coord-a');
    const id = await t.participant(c, als, t.siteA, 'ALS-001', '2025-05-05');
    const week0 = await t.call(c, 'POST', `/api/participants/${id}/visits/week-0/observations`, {
      date: '2025-05-05',
      labs: [{ analyte: 'lymphocytes', value: 0.45, unit: '10^9/L' }],
    });
    expect(week0.statusCode, week0.body).toBe(201);
    // 0.45 ×10⁹/L = 450/mm³; CTCAE v5.0 lymphocyte count decreased grade 3 is <500–200/mm³.
    const decreased = week0.json().labs[0].gradings.find((g: { term: string }) => g.term === 'Lymphocyte count decreased');
    expect(decreased).toMatchObject({ kind: 'graded', grade: 3, value: 450 });
    // A baseline (week-0) abnormality is present before treatment: medical history, not a proposed adverse event.
    expect(week0.json().proposedAdverseEvents).toEqual([]);
    expect((await t.call(c, 'GET', `/api/participants/${id}/adverse-events`)).json()).toEqual([]);

    // Week 24 done early (2025-05-15, study day 11) with lymphocytes 700/mm³ ≥ 600: the hold ends on day 10.
    await t.call(c, 'POST', `/api/participants/${id}/visits/week-24/observations`, { date: '2025-05-15', labs: [{ analyte: 'lymphocytes', value: 700, unit: '/mm3' }] });
    const cal = (await t.call(c, 'GET', `/api/participants/${id}/calendar`)).json();
    // ALS regimen: doses on days 1, 3, …, 13 of each 28-day course. Hold days 1–10 → doses 1, 3, 5, 7, 9 held.
    const first = cal.doses.slice(0, 8).map((d: { day: number; status: string }) => [d.day, d.status]);
    expect(first).toEqual([
      [1, 'held'],
      [3, 'held'],
      [5, 'held'],
      [7, 'held'],
      [9, 'held'],
      [11, 'due'],
      [13, 'due'],
      [29, 'due'],
    ]);
    expect(cal.doses[0].reason).toMatch(/^lymphocytes 0\.45 10\^9\/L on 2025-05-05 .*is below the hold threshold of 600 \/mm3$/);
    // No AE is counted on the dashboard until the investigator confirms it; a held dose is not due.
    // The dashboard covers the 7 days from `date`: from 2025-05-13 (day 9, held) to 05-19 (day 15),
    // so the doses due are days 11 (05-15) and 13 (05-17); day 9 is held and left out.
    const dash = (date: string) => t.call(c, 'GET', `/api/studies/${als}/dashboard?date=${date}`).then((r) => r.json());
    expect((await dash('2025-05-13')).adverseEventsByGrade).toEqual({});
    expect((await dash('2025-05-13')).dosesDue).toEqual([
      { participantId: id, code: 'ALS-001', day: 11, date: '2025-05-15' },
      { participantId: id, code: 'ALS-001', day: 13, date: '2025-05-17' },
    ]);
    // A page of one dose from the second: day 13 alone, the list's two counted.
    const paged = (await t.call(c, 'GET', `/api/studies/${als}/dashboard?date=2025-05-13&limit=1&dosesDueOffset=1`)).json();
    expect([paged.dosesDue, paged.paging.dosesDue]).toEqual([[{ participantId: id, code: 'ALS-001', day: 13, date: '2025-05-17' }], { offset: 1, total: 2 }]);
    expect((await t.call(c, 'GET', `/api/studies/${als}/dashboard?limit=0`)).json().error).toMatchObject({ code: 'HTTP_INVALID_QUERY', path: 'limit' });
  });

  it("grades against each site's own reference range where it has one", async () => {
    const t = await visitTestApp(await database.fresh());
    const dm = await t.login('dm-b');
    const url = `/api/studies/${als}/sites/site-b/reference-ranges`;
    const range = (lln: number) => ({ ranges: [{ analyte: 'lymphocytes', unit: '10^9/L', lln, uln: 3.5 }] });
    expect((await t.call(await t.login('coord-b'), 'PUT', url, range(1.2))).json().error.code).toBe('AUTH_FORBIDDEN');
    expect((await t.call(dm, 'PUT', `/api/studies/${als}/sites/${t.siteA}/reference-ranges`, range(1.2))).statusCode).toBe(404);
    expect((await t.call(dm, 'PUT', url, { ranges: [{ analyte: 'lymphocytes', unit: 'g/L', lln: 1 }] })).json().error).toMatchObject({ code: 'HTTP_INVALID_BODY', path: 'ranges.0.unit' });
    expect((await t.call(dm, 'PUT', url, range(1.1))).statusCode).toBe(200);
    expect((await t.call(dm, 'PUT', url, range(1.2))).json().error).toMatchObject({ code: 'AUDIT_REASON_REQUIRED', path: 'reason' });
    const set = await t.call(dm, 'PUT', url, { ...range(1.2), reason: 'new analyser, new range' });
    expect(set.json()).toContainEqual({ analyte: 'lymphocytes', unit: '10^9/L', lln: 1.2, uln: 3.5, assumed: false });
    expect((await t.call(dm, 'GET', url)).json()).toEqual(set.json());
    const grade = async (user: string, site: string, code: string) => {
      const c = await t.login(user);
      const id = await t.participant(c, als, site, code, '2025-05-05');
      const r = await t.call(c, 'POST', `/api/participants/${id}/visits/week-0/observations`, { date: '2025-05-05', labs: [{ analyte: 'lymphocytes', value: 1100, unit: '/mm3' }] });
      return r.json().labs[0].gradings.find((g: { term: string }) => g.term === 'Lymphocyte count decreased').grade;
    };
    // 1100/mm³: at or above site A's default LLN of 1000 → grade 0; below site B's LLN 1.2 ×10⁹/L = 1200/mm³ (and ≥ 800) → grade 1.
    expect(await grade('coord-a', t.siteA, 'ALS-A')).toBe(0);
    expect(await grade('coord-b', 'site-b', 'ALS-B')).toBe(1);
  });

  it('lists visits with their forms and window status: in-window, early, missing', async () => {
    const t = await visitTestApp(await database.fresh());
    const c = await t.login('coord-a');
    const id = await t.participant(c, als, t.siteA, 'ALS-002', '2025-05-05');
    await t.call(c, 'POST', `/api/participants/${id}/visits/week-0/observations`, { date: '2025-05-05', labs: [{ analyte: 'lymphocytes', value: 1500, unit: '/mm3' }] });
    await t.call(c, 'POST', `/api/participants/${id}/visits/week-24/observations`, { date: '2025-05-15', labs: [{ analyte: 'lymphocytes', value: 1500, unit: '/mm3' }] });
    const visits = (await t.call(c, 'GET', `/api/participants/${id}/visits?date=2026-12-01`)).json();
    expect(visits.map((v: { visitId: string; window: { status: string } }) => [v.visitId, v.window.status])).toEqual([
      ['week-0', 'in-window'],
      ['week-24', 'early'],
      ['week-48', 'missing'],
    ]);
    // Week 24 = study day 169 = 2025-05-05 + 168 days = 2025-10-20; 2025-05-15 is 158 days before it.
    expect(visits[1].window).toMatchObject({ targetDate: '2025-10-20', daysFromTarget: -158 });
    expect(visits[0].sections.map((s: { assessment: string }) => s.assessment)).toContain('labs');
    expect(visits[0].saved.labs).toEqual([{ analyte: 'lymphocytes', value: 1500, unit: '/mm3', grade: 0, term: 'Lymphocyte count decreased' }]);
    // 1500/mm³ is within the default range (1000–4000): no AE proposed.
    expect((await t.call(c, 'GET', `/api/participants/${id}/adverse-events`)).json()).toEqual([]);
  });

  it('computes immune panels as % of parent and absolute counts, change from baseline and Treg/Th17', async () => {
    const t = await visitTestApp(await database.fresh());
    const c = await t.login('coord-a');
    const id = await t.participant(c, als, t.siteA, 'ALS-003', '2025-05-05');
    const panel = (treg: number) => ({ lymphocytesPerUl: 1500, percentOfParent: { 'cd4-t': 40, treg, th17: 1 } });
    await t.call(c, 'POST', `/api/participants/${id}/visits/week-0/observations`, { date: '2025-05-05', panel: panel(5) });
    // Dated today: a visit cannot be recorded in the future, so week 24 is entered early.
    await t.call(c, 'POST', `/api/participants/${id}/visits/week-24/observations`, { date: '2025-06-02', panel: panel(10) });
    const bad = await t.call(c, 'POST', `/api/participants/${id}/visits/week-24/observations`, { date: '2025-06-02', panel: { lymphocytesPerUl: 1500, percentOfParent: { treg: 120 } } });
    expect(bad.json().error).toMatchObject({ code: 'HTTP_INVALID_BODY', path: 'panel.percentOfParent.treg' });
    const panels = (await t.call(c, 'GET', `/api/participants/${id}/immune-panels`)).json();
    // CD4 = 40% × 1500 = 600/µL; Treg 5% × 600 = 30 → 10% × 600 = 60; Th17 1% × 600 = 6; ratio 30/6 = 5 → 60/6 = 10.
    expect(panels.map((p: { visitId: string; tregTh17Ratio: number }) => [p.visitId, p.tregTh17Ratio])).toEqual([
      ['week-0', 5],
      ['week-24', 10],
    ]);
    expect(panels[1].panel.subsets.treg).toEqual({ id: 'treg', percentOfParent: 10, absolutePerUl: 60 });
    expect(panels[1].changeFromBaseline.absolute.treg).toEqual({ baseline: 30, value: 60, change: 30, foldChange: 2 });
    expect(panels[1].changeFromBaseline.tregTh17Ratio).toEqual({ baseline: 5, value: 10, change: 5, foldChange: 2 });
  });

  it("keeps site A's visits from site B staff and entry from roles that do not enter data", async () => {
    const t = await visitTestApp(await database.fresh());
    const a = await t.login('coord-a');
    const id = await t.participant(a, als, t.siteA, 'ALS-004', '2025-05-05');
    await t.call(a, 'POST', `/api/participants/${id}/visits/week-0/observations`, { date: '2025-05-05', labs: [{ analyte: 'lymphocytes', value: 1500, unit: '/mm3' }] });
    const b = await t.login('coord-b');
    for (const url of [`/api/participants/${id}/visits`, `/api/participants/${id}/visits/week-0/observations`, `/api/participants/${id}/observations`, `/api/participants/${id}/immune-panels`]) {
      expect((await t.call(b, 'GET', url)).statusCode, url).toBe(404);
    }
    expect((await t.call(b, 'POST', `/api/participants/${id}/visits/week-0/observations`, { date: '2025-05-05', values: {} })).statusCode).toBe(404);
    const stat = await t.login('stat');
    expect((await t.call(stat, 'GET', `/api/participants/${id}/visits/week-0/observations`)).statusCode).toBe(200);
    expect((await t.call(stat, 'POST', `/api/participants/${id}/visits/week-0/observations`, { date: '2025-05-05', values: {} })).json().error.code).toBe('AUTH_FORBIDDEN');
  });
});
