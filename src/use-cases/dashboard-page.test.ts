import { describe, expect, it } from 'vitest';
import { dashboardPage } from './dashboard-page.js';
import type { Dashboard, VisitDue } from './study-dashboard.js';

const visit = (i: number): VisitDue => ({ participantId: `p${i}`, code: `C${i}`, visitId: 'week-4', name: 'Week 4', date: '2025-05-05', earliest: '2025-05-02', latest: '2025-05-08' });
const dashboard = (due: number): Dashboard =>
  Object.freeze({
    enrolment: { target: 10, enrolled: 3, byStatus: {}, funnel: {} as Dashboard['enrolment']['funnel'] },
    week: { from: '2025-05-05', to: '2025-05-11' },
    visitsDue: Array.from({ length: due }, (_, i) => visit(i)),
    visitsOverdue: [visit(900)],
    dosesDue: [],
    openQueries: 2,
    adverseEventsByGrade: { 3: 1 },
  });

describe('a page of the dashboard lists', () => {
  it('sends every item without a limit', () => {
    const page = dashboardPage(dashboard(120), { offsets: {} });
    expect(page.visitsDue).toHaveLength(120);
    expect(page.paging).toEqual({ visitsDue: { offset: 0, total: 120 }, visitsOverdue: { offset: 0, total: 1 }, dosesDue: { offset: 0, total: 0 } });
  });

  it('sends `limit` items of each list from its own offset, and the counts unchanged', () => {
    const page = dashboardPage(dashboard(120), { limit: 50, offsets: { visitsDue: 50 } });
    // Items 50 to 99 of 120: codes C50 … C99.
    expect(page.visitsDue.map((v) => v.code)).toEqual(Array.from({ length: 50 }, (_, i) => `C${50 + i}`));
    expect(page.visitsOverdue.map((v) => v.code)).toEqual(['C900']);
    expect(page.paging.visitsDue).toEqual({ offset: 50, total: 120 });
    expect([page.openQueries, page.adverseEventsByGrade, page.enrolment.enrolled]).toEqual([2, { 3: 1 }, 3]);
  });

  it('shows the last page for an offset past the end (the list shrank)', () => {
    const page = dashboardPage(dashboard(120), { limit: 50, offsets: { visitsDue: 500 } });
    // 120 items at 50 a page: the last page starts at 100 and holds 20.
    expect(page.paging.visitsDue).toEqual({ offset: 100, total: 120 });
    expect(page.visitsDue).toHaveLength(20);
  });

  it('gives the same frozen page for the same request of the same dashboard, so its JSON is written once', () => {
    const d = dashboard(120);
    const first = dashboardPage(d, { limit: 50, offsets: {} });
    expect(dashboardPage(d, { limit: 50, offsets: { visitsDue: 0 } })).toBe(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.visitsDue) && Object.isFrozen(first.paging.visitsDue)).toBe(true);
    expect(dashboardPage(d, { limit: 50, offsets: { visitsDue: 50 } })).not.toBe(first);
  });
});
