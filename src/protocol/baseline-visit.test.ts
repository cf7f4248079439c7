import { describe, expect, it } from 'vitest';
import { baselineVisitId } from './baseline-visit.js';
import { getBuiltinProtocol } from './builtin/index.js';
import type { Protocol } from './schema.js';

describe('baselineVisitId', () => {
  it('is the week-0 visit (day 1) of every seed protocol', () => {
    for (const id of ['ss-il2', 'sle-il2', 'als-il2', 'ae-il2']) expect(baselineVisitId(getBuiltinProtocol(id))).toBe(getBuiltinProtocol(id).visits.find((v) => v.day === 1)!.id);
  });
  it('is the last visit on or before day 1, not an earlier screening visit', () => {
    const p = getBuiltinProtocol('ss-il2');
    const withScreening: Protocol = { ...p, visits: [{ ...p.visits[0]!, id: 'screening', day: -14 }, ...p.visits] };
    expect(baselineVisitId(withScreening)).toBe('week-0');
  });
});
