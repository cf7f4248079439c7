import type { Dashboard } from './study-dashboard.js';

/** The dashboard's lists, which run to thousands of items in a large study (724 kB for 1,000 participants, issue 18). */
export const dashboardLists = ['visitsDue', 'visitsOverdue', 'dosesDue'] as const;
export type DashboardList = (typeof dashboardLists)[number];

/** Where a list's page starts and how many items the whole list has. */
export interface ListPage {
  readonly offset: number;
  readonly total: number;
}

/** A dashboard with a page of each list, and where each page lies in its list. */
export interface DashboardPage extends Dashboard {
  readonly paging: Readonly<Record<DashboardList, ListPage>>;
}

/** Which page of each list: `limit` items from each list's offset (0 when not given); every item when `limit` is not given. */
export interface PageRequest {
  readonly limit?: number | undefined;
  readonly offsets: Readonly<Partial<Record<DashboardList, number>>>;
}

/** An offset past the end shows the last page, so a list that shrank (a write, another week) still shows items. */
function startOf(total: number, offset: number, limit: number): number {
  return offset < total || total === 0 ? offset : Math.floor((total - 1) / limit) * limit;
}

/** The last page cut from each dashboard: most requests ask for the first pages of the same cached dashboard. */
const cut = new WeakMap<Dashboard, { readonly key: string; readonly page: DashboardPage }>();

/**
 * The pages of the dashboard's lists. Frozen (its items are the dashboard's own), and the same object
 * for the same request of the same dashboard, so its JSON is written once (frozen-json.ts).
 */
export function dashboardPage(d: Dashboard, request: PageRequest): DashboardPage {
  const key = JSON.stringify([request.limit, dashboardLists.map((l) => request.offsets[l] ?? 0)]);
  const known = cut.get(d);
  if (known?.key === key) return known.page;
  const lists = {} as Record<DashboardList, Dashboard[DashboardList]>;
  const paging = {} as Record<DashboardList, ListPage>;
  for (const l of dashboardLists) {
    const all = d[l];
    const limit = request.limit ?? all.length;
    const offset = request.limit === undefined ? 0 : startOf(all.length, request.offsets[l] ?? 0, limit);
    lists[l] = Object.freeze(all.slice(offset, offset + limit)) as Dashboard[DashboardList];
    paging[l] = Object.freeze({ offset, total: all.length });
  }
  const page = Object.freeze({ ...d, ...lists, paging: Object.freeze(paging) }) as DashboardPage;
  cut.set(d, { key, page });
  return page;
}
