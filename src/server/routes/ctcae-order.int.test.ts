import { describe, expect, it } from 'vitest';
import { testDatabases } from '../../store/test-databases.js';
import { als, visitTestApp, type VisitTestApp } from './test-visits.js';

const databases = testDatabases();

/*
 * CTCAE v5.0 ALT increased, with the default ULN of 40 U/L. Week 24 ALT 130 U/L:
 * - against a normal (or unknown) baseline, 130 > 3 × ULN = 120 and ≤ 5 × ULN = 200: grade 2;
 * - against the abnormal baseline 100 (> ULN), grade 1 needs ≥ 1.5 × baseline = 150: grade 0.
 * The grade must not depend on which of the two was saved first.
 */
const alt = (value: number) => ({ labs: [{ analyte: 'alt', value, unit: 'U/L' }] });

async function week24Alt(t: VisitTestApp, id: string) {
  const [obs] = await t.db.query<{ grade: number }>(
    "SELECT o.grade FROM observations o JOIN visits v ON v.id = o.visit_row_id WHERE o.participant_id = $1 AND v.visit_id = 'week-24' AND o.key = 'alt'",
    [id],
  );
  return obs!.grade;
}

async function events(t: VisitTestApp, cookie: string, id: string): Promise<{ status: string; grade: number }[]> {
  return (await t.call(cookie, 'GET', `/api/participants/${id}/adverse-events`)).json();
}

describe.each(databases)('CTCAE order test on $kind', (database) => {
  it('week 24 ALT 130 (ULN 40) saved before the baseline 100 ends at grade 0 with no proposed AE, as when saved after', async () => {
    const t = await visitTestApp(await database.fresh());
    const c = await t.login('coord-a');
    const save = (id: string, visit: string, date: string, body: object) => t.call(c, 'POST', `/api/participants/${id}/visits/${visit}/observations`, { date, ...body });

    // Baseline first: graded against the baseline rule (100 > 40 and ≤ 120: grade 1) but proposes nothing.
    const after = await t.participant(c, als, t.siteA, 'ALS-020', '2024-10-01');
    const base = await save(after, 'week-0', '2024-10-01', alt(100));
    expect(base.json().proposedAdverseEvents).toEqual([]);
    expect(base.json().labs[0].gradings[0]).toMatchObject({ grade: 1, rule: '100 U/L > 1 × ULN = 40 U/L, baseline normal' });
    const late = await save(after, 'week-24', '2025-03-18', alt(130));
    expect(late.json().labs[0].gradings[0]).toMatchObject({ grade: 0, rule: '130 U/L is not ≥ 1.5 × baseline = 150 U/L, baseline abnormal (grade 1)' });
    expect(await week24Alt(t, after)).toBe(0);
    expect(await events(t, c, after)).toEqual([]);

    // Week 24 first: grade 2 and a proposed AE, until the baseline arrives.
    const before = await t.participant(c, als, t.siteA, 'ALS-021', '2024-10-01');
    const early = await save(before, 'week-24', '2025-03-18', alt(130));
    expect(early.json().labs[0].gradings[0]).toMatchObject({ grade: 2 });
    expect(early.json().proposedAdverseEvents).toHaveLength(1);
    const baseline = await save(before, 'week-0', '2024-10-01', alt(100));
    expect(baseline.json().withdrawnAdverseEvents).toEqual(early.json().proposedAdverseEvents);
    expect(await week24Alt(t, before)).toBe(0);
    expect((await events(t, c, before)).filter((e) => e.status === 'proposed')).toEqual([]);
    expect(await events(t, c, before)).toEqual([expect.objectContaining({ status: 'withdrawn', grade: 2 })]);

    // The regrade is audited: the week-24 grade 2 → 0 and the withdrawal, with the reason naming the baseline.
    const audit = await t.db.query<{ entity: string; changes: { field: string; old: unknown; new: unknown }[]; reason: string }>(
      "SELECT entity, changes, reason FROM audit WHERE action = 'update' AND entity IN ('observations', 'adverse_events') AND reason LIKE 'CTCAE v5.0 regrade%' ORDER BY seq",
    );
    expect(audit.map((a) => [a.entity, a.changes.map((x) => [x.field, x.old, x.new])])).toEqual([
      ['observations', [['grade', 2, 0]]],
      ['adverse_events', [['status', 'proposed', 'withdrawn']]],
    ]);
    expect(audit[0]!.reason).toBe('CTCAE v5.0 regrade after the week-0 labs were saved (baseline: week-0)');

    // Correcting the baseline to a normal 30 makes the week-24 result grade 2 again: the AE is proposed again.
    const corrected = await t.call(c, 'POST', `/api/participants/${before}/visits/week-0/observations`, { date: '2024-10-01', ...alt(30), reason: 'transcription error' });
    expect(corrected.statusCode, corrected.body).toBe(201);
    expect(corrected.json().proposedAdverseEvents).toEqual(early.json().proposedAdverseEvents);
    expect(await week24Alt(t, before)).toBe(2);
    expect(await events(t, c, before)).toEqual([expect.objectContaining({ status: 'proposed', grade: 2 })]);
  });
});
