import { describe, expect, it } from 'vitest';
import type { ParticipantData } from '../interop/sdtm/participant-data.js';
import { contentHash, hasContent, showSignature, SIGNATURE_MEANING, signedContent, type Signature } from './signature.js';

const data: ParticipantData = {
  code: 'P001',
  siteId: 'a',
  sex: 'female',
  birthDate: '1980-01-01',
  status: 'on-treatment',
  statusReason: null,
  consentedOn: '2025-05-01',
  enrolledOn: '2025-05-02',
  randomizedOn: '2025-05-03',
  startDate: '2025-05-05',
  armId: 'active',
  kitNumber: 'K0001',
  visits: [
    { visitId: 'week-0', date: '2025-05-05', status: 'done' },
    { visitId: 'week-4', date: '2025-06-02', status: 'done' },
  ],
  observations: [
    { id: 'o1', visitId: 'week-0', date: '2025-05-05', kind: 'lab', key: 'lymphocytes', valueNum: 1500, valueText: null, unit: '/mm3', grade: null, gradeTerm: null },
    { id: 'o2', visitId: 'week-4', date: '2025-06-02', kind: 'lab', key: 'lymphocytes', valueNum: 1400, valueText: null, unit: '/mm3', grade: null, gradeTerm: null },
  ],
  doses: [{ day: 1, date: '2025-05-05', status: 'given', reason: null }],
  adverseEvents: [],
};
const week0 = { kind: 'visit', visitId: 'week-0' } as const;
const withValue = (key: string, valueNum: number): ParticipantData => ({ ...data, observations: data.observations.map((o) => (o.id === key ? { ...o, valueNum } : o)) });

const signature = (d: ParticipantData, visitId: string | null): Signature => ({
  id: 's1',
  participantId: 'p1',
  visitId,
  signerId: 'u1',
  signerUsername: 'inv',
  signerName: 'Dr Investigator',
  meaning: SIGNATURE_MEANING,
  signedAt: '2025-06-02T09:00:00.000Z',
  contentHash: contentHash(signedContent(d, visitId === null ? { kind: 'casebook' } : { kind: 'visit', visitId })),
});

describe('what a signature covers', () => {
  it('a visit: its values; a change at another visit leaves it signed, a change at it does not', () => {
    const signed = contentHash(signedContent(data, week0));
    expect(contentHash(signedContent(withValue('o2', 900), week0))).toBe(signed);
    expect(contentHash(signedContent(withValue('o1', 1501), week0))).not.toBe(signed);
  });
  it('the casebook: every visit, value and dose, but neither the arm nor row ids nor the audit trail', () => {
    const signed = contentHash(signedContent(data, { kind: 'casebook' }));
    expect(contentHash(signedContent(withValue('o2', 900), { kind: 'casebook' }))).not.toBe(signed);
    expect(contentHash(signedContent({ ...data, doses: [] }, { kind: 'casebook' }))).not.toBe(signed);
    expect(contentHash(signedContent({ ...data, armId: 'placebo', observations: data.observations.map((o) => ({ ...o, id: `x${o.id}`, audit: [] })) }, { kind: 'casebook' }))).toBe(signed);
    expect(JSON.stringify(signedContent(data, { kind: 'casebook' }))).not.toMatch(/active|K0001/);
  });
  it('a visit without saved data has nothing to sign', () => {
    expect(hasContent(data, week0)).toBe(true);
    expect(hasContent(data, { kind: 'visit', visitId: 'week-8' })).toBe(false);
  });
});

describe('a signature shown with its record', () => {
  it('prints signer, date-time (UTC) and meaning, and is valid while nothing signed changed', () => {
    const shown = showSignature(signature(data, 'week-0'), data);
    expect(shown).toMatchObject({ status: 'valid', meaning: 'reviewed and approved', line: 'Dr Investigator (inv), 2025-06-02 09:00 UTC: reviewed and approved' });
    expect(shown).not.toHaveProperty('contentHash');
  });
  it('is invalidated by a later change of the signed record', () => {
    const shown = showSignature(signature(data, 'week-0'), withValue('o1', 2000));
    expect(shown.status).toBe('invalidated');
    expect(shown.line).toMatch(/invalidated: the record changed after signing\)$/);
  });
});
