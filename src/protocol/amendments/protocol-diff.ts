import { canonicalJson } from '../../audit/canonical-json.js';
import type { Protocol } from '../schema.js';

/** One difference between two protocol versions, at a path such as `visits[week-4]` or `design.masking`. */
export interface ProtocolChange {
  readonly path: string;
  readonly kind: 'added' | 'removed' | 'changed';
}

const same = (a: unknown, b: unknown) => canonicalJson(a ?? null) === canonicalJson(b ?? null);

/** Lists of things with ids compare item by item, so a reordered list is no change and an edit names its item. */
function byId<T extends { id: string }>(path: string, before: readonly T[], after: readonly T[]): ProtocolChange[] {
  const old = new Map(before.map((x) => [x.id, x]));
  const next = new Map(after.map((x) => [x.id, x]));
  return [
    ...before.filter((x) => !next.has(x.id)).map((x) => ({ path: `${path}[${x.id}]`, kind: 'removed' as const })),
    ...after.filter((x) => !old.has(x.id)).map((x) => ({ path: `${path}[${x.id}]`, kind: 'added' as const })),
    ...after.filter((x) => old.has(x.id) && !same(old.get(x.id), x)).map((x) => ({ path: `${path}[${x.id}]`, kind: 'changed' as const })),
  ];
}

/** What changed from one protocol version to the next. Pure. */
export function protocolDiff(before: Protocol, after: Protocol): ProtocolChange[] {
  const changes: ProtocolChange[] = [
    ...byId('arms', before.arms, after.arms),
    ...byId('visits', before.visits, after.visits),
    ...byId('outcomes', before.outcomes, after.outcomes),
    ...byId('sites', before.sites, after.sites),
    ...byId('forms', before.forms ?? [], after.forms ?? []),
  ];
  const { arms: _a, visits: _v, outcomes: _o, sites: _s, forms: _f, design: d0, version: _v0, ...rest0 } = before;
  const { arms: _b, visits: _w, outcomes: _p, sites: _t, forms: _g, design: d1, version: _v1, ...rest1 } = after;
  for (const key of Object.keys(d1) as (keyof typeof d1)[]) if (!same(d0[key], d1[key])) changes.push({ path: `design.${key}`, kind: 'changed' });
  const keys = new Set([...Object.keys(rest0), ...Object.keys(rest1)]) as Set<keyof typeof rest0>;
  for (const key of keys) if (!same(rest0[key], rest1[key])) changes.push({ path: key, kind: 'changed' });
  return changes;
}
