import { describe, expect, it } from 'vitest';
import { getBuiltinProtocol } from '../../protocol/builtin/index.js';
import type { Protocol } from '../../protocol/schema.js';
import { studyForms } from '../form-metadata/form-metadata.js';
import { blinding } from './blinding.js';
import type { ParticipantData } from './participant-data.js';
import { completedYears, subjectRecords } from './participant-records.js';
import { ae, dm, ex, lb } from './subject-domains.js';

const sle = getBuiltinProtocol('sle-il2');
const d: ParticipantData = {
  code: 'SLE-007',
  siteId: sle.sites[0]!.id,
  sex: 'male',
  birthDate: '1980-03-02',
  status: 'on-treatment',
  statusReason: null,
  consentedOn: '2025-02-20',
  enrolledOn: '2025-02-28',
  randomizedOn: '2025-03-01',
  startDate: '2025-03-03',
  armId: 'placebo',
  kitNumber: 'K0007',
  visits: [{ visitId: 'week-0', date: '2025-03-03', status: 'done' }],
  observations: [{ id: 'o1', visitId: 'week-0', date: '2025-03-03', kind: 'lab', key: 'alt', valueNum: 130, valueText: null, unit: 'U/L', grade: 2, gradeTerm: 'Alanine aminotransferase increased' }],
  doses: [
    { day: 1, date: '2025-03-03', status: 'given', reason: null },
    { day: 3, date: '2025-03-05', status: 'held', reason: 'fever' },
    { day: 5, date: '2025-03-07', status: 'given', reason: null },
  ],
  adverseEvents: [
    {
      status: 'confirmed',
      term: 'Pneumonia',
      onsetDate: '2025-03-02',
      resolvedDate: '2025-03-20',
      grade: 3,
      serious: true,
      seriousCriteria: ['hospitalisation'],
      relatedness: 'unlikely',
      actionTaken: 'dose-held',
      outcome: 'recovered',
    },
    { status: 'dismissed', term: 'Lab artefact', onsetDate: '2025-03-03', resolvedDate: null, grade: 1, serious: false, seriousCriteria: [], relatedness: null, actionTaken: null, outcome: null },
  ],
};
const records = (p: Protocol, blinded: boolean) => subjectRecords({ studyId: p.id, protocol: p, forms: studyForms(p), blinding: blinding(blinded, p) }, d);
const row = (spec: { variables: readonly { name: string }[] }, r: readonly unknown[]) => Object.fromEntries(spec.variables.map((v, i) => [v.name, r[i]]));

describe('SDTM records of one participant', () => {
  it('DM: reference dates from the first and last dose, age in completed years at RFSTDTC, the arm only unblinded', () => {
    const open = row(dm, records(sle, false).DM[0]!);
    // Born 1980-03-02, started 2025-03-03: 45 completed years.
    expect(open).toMatchObject({
      USUBJID: 'sle-il2-SLE-007',
      RFSTDTC: '2025-03-03',
      RFXSTDTC: '2025-03-03',
      RFXENDTC: '2025-03-07',
      RFICDTC: '2025-02-20',
      AGE: 45,
      AGEU: 'YEARS',
      SEX: 'M',
      ARMCD: 'PLACEBO',
      ARM: 'hrIL-2 placebo',
      ACTARM: 'hrIL-2 placebo',
      ARMNRS: null,
      COUNTRY: 'CHN',
    });
    expect(row(dm, records(sle, true).DM[0]!)).toMatchObject({ ARMCD: 'BLINDED', ARM: 'study drug (blinded)', ACTARMCD: 'BLINDED', ACTARM: 'study drug (blinded)' });
    expect(completedYears('1980-03-04', '2025-03-03')).toBe(44);
  });

  it('EX: one record per dose given (held doses are not exposure), with the protocol dose, unit, route and study day', () => {
    const rows = records(sle, false).EX.map((r) => row(ex, r));
    expect(rows.map((r) => [r['EXSEQ'], r['EXTRT'], r['EXDOSE'], r['EXDOSU'], r['EXROUTE'], r['EXSTDTC'], r['EXSTDY']])).toEqual([
      [1, 'hrIL-2 placebo', 1, 'MIU', 'SUBCUTANEOUS', '2025-03-03', 1],
      [2, 'hrIL-2 placebo', 1, 'MIU', 'SUBCUTANEOUS', '2025-03-07', 5],
    ]);
  });

  it('EX blinded: the drug is the blinded label, and the dose is dropped when the arms are dosed differently', () => {
    // A variant of sle-il2 whose active arm gets 2 MIU: the amount would tell the arms apart.
    const unequal: Protocol = {
      ...sle,
      arms: sle.arms.map((a) =>
        a.id === 'active'
          ? {
              ...a,
              interventions: a.interventions.map((i) => ({
                ...i,
                regimen: { ...i.regimen, steps: [{ kind: 'every' as const, interval: 2, forDays: 14, dose: { amount: 2, unit: 'MIU' as const } }] },
              })),
            }
          : a,
      ),
    };
    const blind = records(unequal, true).EX.map((r) => row(ex, r));
    expect(blind.map((r) => [r['EXTRT'], r['EXDOSE'], r['EXDOSU']])).toEqual([
      ['study drug (blinded)', null, null],
      ['study drug (blinded)', null, null],
    ]);
    expect(records(sle, true).EX.map((r) => row(ex, r)['EXDOSE'])).toEqual([1, 1]);
  });

  it('AE: confirmed events only, CTCAE grade as AETOXGR, seriousness flags, CT terms for causality, action and outcome', () => {
    const rows = records(sle, true).AE.map((r) => row(ae, r));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      AETERM: 'Pneumonia',
      AESER: 'Y',
      AESHOSP: 'Y',
      AESDTH: 'N',
      AETOXGR: '3',
      AEREL: 'UNLIKELY RELATED',
      AEACN: 'DRUG INTERRUPTED',
      AEOUT: 'RECOVERED/RESOLVED',
      AESTDTC: '2025-03-02',
      AESTDY: -1,
      AEENDY: 18,
    });
  });

  it('LB: the CDISC test code, the result as entered and standardised, the CTCAE grade as LBTOXGR', () => {
    expect(row(lb, records(sle, true).LB[0]!)).toMatchObject({
      LBTESTCD: 'ALT',
      LBTEST: 'Alanine Aminotransferase',
      LBORRES: '130',
      LBSTRESN: 130,
      LBORRESU: 'U/L',
      LBTOXGR: '2',
      LBTOX: 'Alanine aminotransferase increased',
      VISITNUM: 1,
      LBDY: 1,
    });
  });
});
