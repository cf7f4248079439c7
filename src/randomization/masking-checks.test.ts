import { describe, expect, it } from 'vitest';
import { builtinProtocols, getBuiltinProtocol } from '../protocol/builtin/index.js';
import type { Protocol } from '../protocol/schema.js';
import { assertTrialConfiguration, checkTrialConfiguration } from './masking-checks.js';

const sle = getBuiltinProtocol('sle-il2');
const als = getBuiltinProtocol('als-il2');
const check = (protocol: Protocol) => checkTrialConfiguration([{ id: protocol.id, protocol }]).map((i) => i.check);

describe('start-up checks of randomization and masking', () => {
  it('pass for every built-in study', () => {
    expect(checkTrialConfiguration(builtinProtocols.map((p) => ({ id: p.id, protocol: p })))).toEqual([]);
    expect(() => assertTrialConfiguration(builtinProtocols.map((p) => ({ id: p.id, protocol: p })))).not.toThrow();
  });
  it('fail a randomized study without a scheme', () => {
    expect(check({ ...sle, design: { ...sle.design, randomization: undefined } })).toEqual(['randomized-without-scheme']);
  });
  it("fail a scheme whose block sizes do not fit the arms' ratios (3:1 sums to 4, so block 2 fails and 4 passes)", () => {
    expect(check({ ...sle, arms: sle.arms.map((a, i) => ({ ...a, ratio: i === 0 ? 3 : 1 })) })).toEqual(['scheme-inconsistent']);
  });
  it('fail a scheme or masking in a study that is not randomized', () => {
    // ALS has a single arm, so the scheme also fails checkScheme's "at least two arms".
    expect(check({ ...als, design: { ...als.design, randomization: { scheme: 'simple' } } })).toEqual(['scheme-without-randomization', 'scheme-inconsistent']);
    expect(check({ ...als, design: { ...als.design, masking: { level: 'single', masked: ['participant'] } } })).toEqual(['masked-without-randomization']);
  });
  it('name the check and the study in the refusal', () => {
    const bad = { ...sle, design: { ...sle.design, randomization: undefined } };
    expect(() => assertTrialConfiguration([{ id: 'x', protocol: bad }])).toThrow(
      /^The server refuses to start: check randomized-without-scheme failed for study x \(the study is randomized but design\.randomization is absent\)\.$/,
    );
  });
});
