import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors/app-error.js';
import { getBuiltinProtocol } from '../protocol/builtin/index.js';
import { buildDesign, checkScheme, designFromProtocol } from './scheme.js';

const oneToOne = [
  { id: 'active', ratio: 1 },
  { id: 'placebo', ratio: 1 },
];
const twoToOne = [
  { id: 'active', ratio: 2 },
  { id: 'placebo', ratio: 1 },
];

describe('randomization scheme', () => {
  it('accepts the form the SS and SLE protocols use and resolves site levels from the protocol', () => {
    for (const id of ['ss-il2', 'sle-il2']) {
      const protocol = getBuiltinProtocol(id);
      const design = designFromProtocol(protocol);
      expect(design.scheme).toEqual({ scheme: 'permuted-blocks', blockSizes: [2, 4], strata: ['site'], levels: {} });
      expect(design.factors).toEqual([{ id: 'site', levels: protocol.sites.map((s) => s.id), weight: 1 }]);
      expect(design.arms.map((a) => a.ratio)).toEqual([1, 1]);
    }
  });

  it('refuses a protocol without a scheme (the single-arm ALS study)', () => {
    expect(() => designFromProtocol(getBuiltinProtocol('als-il2'))).toThrow(expect.objectContaining({ code: 'RANDOMIZATION_NOT_RANDOMIZED' }));
  });

  it('accepts 2:1 with block sizes 3 and 6, and refuses sizes that are not multiples of the ratio sum', () => {
    expect(checkScheme({ scheme: 'permuted-blocks', blockSizes: [3, 6] }, twoToOne, ['s1']).issues).toEqual([]);
    expect(checkScheme({ scheme: 'permuted-blocks', blockSizes: [2, 4] }, twoToOne, ['s1']).issues).toEqual([
      { path: 'design.randomization.blockSizes.0', message: 'block size 2 is not a multiple of the allocation ratio sum 3' },
      { path: 'design.randomization.blockSizes.1', message: 'block size 4 is not a multiple of the allocation ratio sum 3' },
    ]);
  });

  it('reports every problem at once, each with its path', () => {
    const { issues } = checkScheme({ scheme: 'minimization', factors: ['site', 'severity', { id: 'sex', weight: -1 }], probability: 1.5 }, oneToOne, ['s1']);
    expect(issues.map((i) => i.path).sort()).toEqual(['design.randomization.factors.2.weight', 'design.randomization.probability']);
    const missing = checkScheme({ scheme: 'minimization', factors: ['site', 'severity'], levels: { age: ['young', 'old'] } }, oneToOne, ['s1']);
    expect(missing.issues.map((i) => i.path)).toEqual(['design.randomization.factors.1', 'design.randomization.levels.age']);
  });

  it('applies the documented defaults of minimization', () => {
    const design = buildDesign({ scheme: 'minimization', factors: ['site', { id: 'severity', weight: 2 }], levels: { severity: ['moderate', 'high'] } }, oneToOne, ['s1', 's2']);
    expect(design.scheme).toMatchObject({ measure: 'range', probability: 0.8 });
    expect(design.factors).toEqual([
      { id: 'site', levels: ['s1', 's2'], weight: 1 },
      { id: 'severity', levels: ['moderate', 'high'], weight: 2 },
    ]);
  });

  it('throws one AppError naming the scheme and the paths', () => {
    try {
      buildDesign({ scheme: 'permuted-blocks', blockSizes: [3] }, oneToOne, ['s1'], 'protocol "x"');
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e) && e.code).toBe('RANDOMIZATION_INVALID_RANDOMIZATION_SCHEME');
      expect((e as Error).message).toBe('The randomization scheme of protocol "x" is invalid: design.randomization.blockSizes.0: block size 3 is not a multiple of the allocation ratio sum 2.');
    }
  });

  it('refuses a single arm and an unknown scheme', () => {
    expect(checkScheme({ scheme: 'simple' }, [{ id: 'a', ratio: 1 }], ['s1']).issues).toEqual([{ path: 'arms', message: 'randomization needs at least two arms' }]);
    expect(checkScheme({ scheme: 'urn' }, oneToOne, ['s1']).issues[0]?.path).toBe('design.randomization.scheme');
  });
});
