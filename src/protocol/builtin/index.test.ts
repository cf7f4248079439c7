import { describe, expect, it } from 'vitest';
import { builtinProtocols, getBuiltinProtocol } from './index.js';

describe('built-in protocols', () => {
  it('are the four seed trials, in seed order', () => {
    expect(builtinProtocols.map((p) => p.id)).toEqual(['ss-il2', 'sle-il2', 'als-il2', 'ae-il2']);
  });

  it('carry the registry facts of each seed record', () => {
    const ss = getBuiltinProtocol('ss-il2');
    expect(ss.identifiers).toEqual({ registryId: 'NCT02464319', orgStudyId: 'hrIL-2-SS1' });
    expect(ss.enrolment).toEqual({ target: 60, kind: 'actual' });
    expect(ss.design.masking).toEqual({ level: 'quadruple', masked: ['participant', 'care-provider', 'investigator', 'outcomes-assessor'] });
    expect(ss.dates.start).toEqual({ date: '2015-06-01', kind: 'actual' });
    expect(ss.arms.map((a) => a.ratio)).toEqual([1, 1]);
    const als = getBuiltinProtocol('als-il2');
    expect(als.enrolment).toEqual({ target: 13, kind: 'estimated' });
    expect(als.design.masking.level).toBe('none');
    expect(als.contacts[0]).toMatchObject({ phone: '+86 13701023871', email: 'dsfan@sina.com' });
    expect(getBuiltinProtocol('sle-il2').design.masking.level).toBe('double');
    expect(getBuiltinProtocol('ae-il2').identifiers.orgStudyId).toBe('1510112713');
    expect(getBuiltinProtocol('ae-il2').phase).toBe('phase1/phase2');
  });

  it('keep criteria verbatim with ids in record order', () => {
    const ss = getBuiltinProtocol('ss-il2');
    // Seed 000 lists 4 inclusion and 9 exclusion criteria.
    expect(ss.eligibility.inclusion.map((c) => c.id)).toEqual(['inc-1', 'inc-2', 'inc-3', 'inc-4']);
    expect(ss.eligibility.inclusion[2]).toEqual({ id: 'inc-3', text: 'Liver values above 1,5 ULN' });
    expect(ss.eligibility.exclusion).toHaveLength(9);
    expect(ss.eligibility.exclusion[8]?.text).toBe('Weight under 45kg or more than 80kg');
    // Seed 001: 10 inclusion, 8 exclusion; seed 002: 8 and 9; seed 003: 4 and 7.
    const counts = builtinProtocols.map((p) => [p.eligibility.inclusion.length, p.eligibility.exclusion.length]);
    expect(counts).toEqual([
      [4, 9],
      [10, 8],
      [8, 9],
      [4, 7],
    ]);
    expect(getBuiltinProtocol('sle-il2').eligibility.inclusion[5]?.text).toBe('SLE disease activity index(SLEDAI) ≥ 8.');
    expect(getBuiltinProtocol('ae-il2').eligibility.exclusion[6]?.text).toBe('pregnant or lactating women');
  });

  it('mark what the record leaves open', () => {
    const noteFields = (id: string) => getBuiltinProtocol(id).notes.map((n) => `${n.kind} ${n.field}`);
    expect(noteFields('ss-il2')).toContain('not-in-record arms[0].interventions[0].regimen');
    expect(noteFields('ss-il2')).toContain('discrepancy eligibility.inclusion[2]');
    expect(noteFields('ss-il2')).toContain('assumption design.randomization');
    expect(noteFields('sle-il2')).toContain('discrepancy arms[0].interventions[0].route');
    expect(noteFields('ae-il2')).toContain('discrepancy arms[0].interventions[0].regimen');
  });

  it('randomize SS and SLE in permuted blocks of 2 and 4 by site', () => {
    for (const id of ['ss-il2', 'sle-il2']) {
      expect(getBuiltinProtocol(id).design.randomization).toEqual({ scheme: 'permuted-blocks', blockSizes: [2, 4], strata: ['site'], levels: {} });
    }
  });

  it('refuse an unknown id, naming it and the known ids', () => {
    expect(() => getBuiltinProtocol('ra-il2')).toThrow('There is no built-in protocol "ra-il2"; the known ids are ss-il2, sle-il2, als-il2, ae-il2.');
    expect(() => getBuiltinProtocol('ra-il2')).toThrow(expect.objectContaining({ code: 'PROTOCOL_UNKNOWN_PROTOCOL', status: 404 }));
  });
});
