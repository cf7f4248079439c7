import { describe, expect, it } from 'vitest';
import { isAppError } from '../../errors/app-error.js';
import { expectClose, fixtures } from '../stats/fixtures/r-fixtures.js';
import { powerMeans, sampleSizeMeans, type TTestType } from './power-means.js';
import { powerProportions, sampleSizeProportions } from './power-proportions.js';
import type { Sided } from './arguments.js';

interface Result {
  n: number;
  power: number;
  method: string;
}
interface TCase {
  solve: 'n' | 'power';
  n: number;
  power: number;
  delta: number;
  sd: number;
  sig_level: number;
  type: TTestType;
  alternative: Sided;
  result: Result;
}
interface PCase {
  solve: 'n' | 'power';
  n: number;
  power: number;
  p1: number;
  p2: number;
  sig_level: number;
  alternative: Sided;
  result: Result;
}

describe('power of t-tests against R power.t.test', () => {
  it.each((fixtures.power_t as TCase[]).map((c) => [`${c.solve} ${c.type} ${c.alternative}`, c] as const))('solve %s', (_, c) => {
    const base = { delta: c.delta, sd: c.sd, sigLevel: c.sig_level, type: c.type, alternative: c.alternative };
    const r = c.solve === 'n' ? sampleSizeMeans({ ...base, power: c.power }) : powerMeans({ ...base, n: c.n });
    expect(r.method).toBe(c.result.method);
    expectClose(r.n, c.result.n, 'n');
    expectClose(r.power, c.result.power, 'power');
  });
});

describe('power of comparing proportions against R power.prop.test', () => {
  it.each((fixtures.power_prop as PCase[]).map((c) => [`${c.solve} ${c.p1} vs ${c.p2} ${c.alternative}`, c] as const))('solve %s', (_, c) => {
    const base = { p1: c.p1, p2: c.p2, sigLevel: c.sig_level, alternative: c.alternative };
    const r = c.solve === 'n' ? sampleSizeProportions({ ...base, power: c.power }) : powerProportions({ ...base, n: c.n });
    expect(r.method).toBe(c.result.method);
    expectClose(r.n, c.result.n, 'n');
    expectClose(r.power, c.result.power, 'power');
  });
  it('refuses equal proportions when solving for n', () => {
    try {
      sampleSizeProportions({ p1: 0.3, p2: 0.3, power: 0.8 });
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e) && e.code).toBe('STATS_INVALID_ARGUMENT');
    }
  });
});
