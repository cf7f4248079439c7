import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBuiltinProtocol } from '../../src/protocol/builtin/index.js';
import { audited } from '../../src/store/audited-tx.js';
import type { Db } from '../../src/store/db.js';
import { participants } from '../../src/store/schema/index.js';
import { shoot } from './browser.js';
import type { TestUser } from './start-server.js';
import { daysAgo } from './walk/helpers.js';
import { Walk } from './walk/walk.js';

describe('a study with 1,000 participants', () => {
  const sle = getBuiltinProtocol('sle-il2');
  const bigCoordinator: TestUser = { username: 'bea', password: 'coordinator-pw-3', displayName: 'Bea Coordinator', studyId: sle.id, role: 'coordinator' };
  const count = 1000;
  let w: Walk;

  /** Straight into the store (not over HTTP): all on treatment, day 1 spread over the last 200 days, so the dashboard works out every calendar. */
  async function thousand(db: Db): Promise<void> {
    const site = sle.sites[0]?.id ?? '';
    await audited(db, { actor: 'test', at: new Date(), studyId: sle.id }, async (tx) => {
      for (let i = 1; i <= count; i++) {
        await tx.insert(participants, {
          study_id: sle.id,
          site_id: site,
          code: `SLE-${String(i).padStart(4, '0')}`,
          sex: i % 2 ? 'female' : 'male',
          birth_date: '1980-01-01',
          status: 'on-treatment',
          arm_id: sle.arms[i % sle.arms.length]?.id ?? null,
          start_date: daysAgo(i % 200),
        });
      }
    });
  }

  beforeAll(async () => {
    w = await Walk.open([sle.id], [bigCoordinator], thousand);
  }, 240_000);

  afterAll(async () => {
    await w?.close();
  });

  it('renders the dashboard and a page of the participant list; prints the time it took', async () => {
    const page = await w.newPage();
    await w.signIn(page, bigCoordinator);
    await page.goto('about:blank');
    const started = Date.now();
    await page.goto(`${w.url}/#/studies/${sle.id}`);
    await page.getByRole('heading', { name: 'Visits overdue' }).waitFor({ timeout: 60_000 });
    const table = page.getByRole('table', { name: 'Participants' });
    await table.getByRole('link', { name: 'SLE-0050' }).waitFor({ timeout: 60_000 });
    const rendered = Date.now() - started;
    console.log(`web 1,000 participants: dashboard and participant list rendered ${rendered} ms after navigation`);
    await shoot(page, '30-dashboard-1000');

    // One page of 50 rows at a time, in code order; Next shows the second page.
    const rows = table.locator('tbody tr');
    await expect(rows.count()).resolves.toBe(50);
    const pager = page.getByRole('navigation', { name: 'Pages of participants' });
    await expect(pager.getByRole('status').textContent()).resolves.toBe('Participants 1–50 of 1000');
    await pager.getByRole('button', { name: 'Next' }).click();
    await table.getByRole('link', { name: 'SLE-0051' }).waitFor();
    await expect(rows.count()).resolves.toBe(50);
    await expect(table.getByRole('link', { name: 'SLE-0050' }).count()).resolves.toBe(0);

    // The week's lists page by 50 too, each counting every row the server sent for the week shown.
    const week = await page.getByLabel('Week from').inputValue();
    const res = await page.request.get(`${w.url}/api/studies/${sle.id}/dashboard?date=${week}`);
    const dashboard = (await res.json()) as Record<'visitsDue' | 'visitsOverdue' | 'dosesDue', unknown[]>;
    // 1,000 on treatment with day 1 over 200 days: far more than one page of doses due in any week.
    expect(dashboard.dosesDue.length).toBeGreaterThan(50);
    for (const [what, n] of [
      ['Visits due', dashboard.visitsDue.length],
      ['Visits overdue', dashboard.visitsOverdue.length],
      ['Doses due', dashboard.dosesDue.length],
    ] as const) {
      const card = page.getByRole('region', { name: new RegExp(`^${what}`) });
      await expect(card.locator('ul.due > li').count(), what).resolves.toBe(Math.min(50, n));
      if (n > 50) await expect(card.getByRole('navigation').getByRole('status').textContent()).resolves.toBe(`${what} 1–50 of ${n}`);
    }
    const doses = page.getByRole('navigation', { name: 'Pages of doses due' });
    await doses.getByRole('button', { name: 'Next' }).click();
    const second = `Doses due 51–${Math.min(100, dashboard.dosesDue.length)} of ${dashboard.dosesDue.length}`;
    // The page re-renders after the click: wait for it, as for the participants' pager above, then read the status.
    await doses.getByRole('status').filter({ hasText: second }).waitFor();
    await expect(doses.getByRole('status').textContent()).resolves.toBe(second);
  });
});
