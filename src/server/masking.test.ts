import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../auth/principal.js';
import { getBuiltinProtocol } from '../protocol/builtin/index.js';
import { studyProtocol } from '../use-cases/studies/study-protocol.js';
import { protocolErrors } from '../protocol/errors.js';
import { BLINDED_LABEL, isBlindedIn, maskForBlinded } from './masking.js';

const sle = getBuiltinProtocol('sle-il2');
const als = getBuiltinProtocol('als-il2');
const doseFinding = studyProtocol(JSON.parse(readFileSync(new URL('../../examples/df-il2.json', import.meta.url), 'utf8')));
const user = (...roles: [string | null, Principal['assignments'][number]['role']][]): Principal => ({
  userId: 'u',
  username: 'u',
  displayName: 'u',
  assignments: roles.map(([studyId, role]) => ({ studyId, siteId: null, role })),
});

describe('isBlindedIn', () => {
  it('blinds the coordinator of a double-blind trial, whose record names only participant and investigator (ICH E9 2.3.1)', () => {
    expect(isBlindedIn(user(['sle-il2', 'coordinator']), { id: 'sle-il2', protocol: sle }, false)).toBe(true);
    expect(isBlindedIn(user(['sle-il2', 'investigator']), { id: 'sle-il2', protocol: sle }, false)).toBe(true);
    expect(isBlindedIn(user(['sle-il2', 'monitor']), { id: 'sle-il2', protocol: sle }, false)).toBe(true);
    expect(isBlindedIn(user([null, 'admin']), { id: 'sle-il2', protocol: sle }, false)).toBe(true);
  });
  it('leaves the pharmacist, anyone in an open-label study, and a user with one unblinded role unblinded', () => {
    expect(isBlindedIn(user(['sle-il2', 'unblinded-pharmacist']), { id: 'sle-il2', protocol: sle }, false)).toBe(false);
    expect(isBlindedIn(user(['als-il2', 'investigator']), { id: 'als-il2', protocol: als }, false)).toBe(false);
    expect(isBlindedIn(user(['sle-il2', 'monitor'], ['sle-il2', 'unblinded-pharmacist']), { id: 'sle-il2', protocol: sle }, false)).toBe(false);
  });
  it('blinds the statistician until the database is locked (ICH E9 blind review)', () => {
    expect(isBlindedIn(user(['sle-il2', 'statistician']), { id: 'sle-il2', protocol: sle }, false)).toBe(true);
    expect(isBlindedIn(user(['sle-il2', 'statistician']), { id: 'sle-il2', protocol: sle }, true)).toBe(false);
  });
  it('counts only the roles held in that study', () => {
    expect(isBlindedIn(user(['other', 'unblinded-pharmacist'], ['sle-il2', 'investigator']), { id: 'sle-il2', protocol: sle }, false)).toBe(true);
  });
});

describe('maskForBlinded: by field and by route, never by value', () => {
  it('keeps a string that happens to equal an arm id or label: a participant coded "active", a site named "placebo"', () => {
    const list = [{ code: 'active', siteId: 'placebo', status: 'randomized', kitNumber: 'K0001', armId: 'active' }];
    expect(maskForBlinded(list, '/api/studies/:studyId/participants', [sle])).toEqual([{ code: 'active', siteId: 'placebo', status: 'randomized', kitNumber: 'K0001' }]);
  });
  it('drops block structure and results keyed by arm wherever they sit', () => {
    expect(maskForBlinded({ records: [{ sequence: 3, block: 1, stratumIndex: 2, stratum: 'site=a', kitNumber: 'K1' }], byArm: { active: 1 } }, undefined, [sle])).toEqual({
      records: [{ stratum: 'site=a', kitNumber: 'K1' }],
    });
  });
  it('shows the calendar route without arm or dose in the dose-finding trial', () => {
    const calendar = {
      armId: 'il2-3',
      startDate: '2025-05-05',
      kitNumber: 'K0007',
      totalDose: 15,
      unit: 'MIU',
      visits: [],
      doses: [{ day: 1, date: '2025-05-05', dose: 3, unit: 'MIU', cycle: 1, status: 'due', intervention: 'il2-3-miu', recorded: null }],
    };
    expect(maskForBlinded(calendar, '/api/participants/:id/calendar', [doseFinding])).toEqual({
      startDate: '2025-05-05',
      kitNumber: 'K0007',
      visits: [],
      doses: [{ day: 1, date: '2025-05-05', cycle: 1, status: 'due', intervention: BLINDED_LABEL, recorded: null }],
    });
  });
  it('shows the protocol route with arms as ratios and no block sizes', () => {
    const masked = maskForBlinded({ study: { id: 'sle-il2' }, protocol: sle }, '/api/studies/:studyId', [sle]) as { protocol: { arms: unknown; design: { randomization: object } } };
    expect(masked.protocol.arms).toEqual([{ ratio: 1 }, { ratio: 1 }]);
    expect(masked.protocol.design.randomization).not.toHaveProperty('blockSizes');
  });
  it("replaces an error sentence naming an arm's intervention by the catalogue's sentence for its code", () => {
    const body = {
      error: { code: 'PROTOCOL_BODY_SURFACE_REQUIRED', message: 'Intervention "hril2-active" is dosed in MIU/m2, so the body surface area in m² (--bsa) must be given.', path: 'bodySurfaceM2' },
    };
    expect(maskForBlinded(body, '/api/participants/:id/calendar', [sle])).toEqual({
      error: { code: 'PROTOCOL_BODY_SURFACE_REQUIRED', message: protocolErrors.BODY_SURFACE_REQUIRED.doc, path: 'bodySurfaceM2' },
    });
    const plain = { error: { code: 'RECORD_NOT_FOUND', message: 'No participant "active" is visible to you.', path: 'id' } };
    expect(maskForBlinded(plain, undefined, [doseFinding])).toEqual(plain);
  });
});
