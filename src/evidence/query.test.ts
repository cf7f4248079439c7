import { noMatch, parseDoseRange, queryEvidence } from './query.js';
import { describe, expect, it } from 'vitest';
import { byDisease, byDose, publishedTrials, references, unpublishedTrials } from './index.js';

describe('the review tables (seed 004)', () => {
  it('have 10 published and 7 completed-unpublished trials', () => {
    expect(publishedTrials).toHaveLength(10);
    expect(unpublishedTrials).toHaveLength(7);
  });

  it('give GVHD three per-m² doses and T1DM three flat doses', () => {
    const gvhd = publishedTrials.find((r) => r.disease === 'GVHD');
    expect(gvhd).toMatchObject({
      dailyDoseText: '0.3/1/3 per m2',
      dailyDoses: [
        { amount: 0.3, unit: 'MIU', perM2: true },
        { amount: 1, unit: 'MIU', perM2: true },
        { amount: 3, unit: 'MIU', perM2: true },
      ],
      efficacy: { kind: 'marker', marker: 'Rash', direction: 'down' },
      immunologicalChanges: [{ marker: 'Treg', direction: 'up' }],
      references: [15, 16],
    });
    expect(publishedTrials.find((r) => r.disease === 'T1DM')?.dailyDoses.map((d) => [d.amount, d.perM2])).toEqual([
      [0.33, false],
      [1, false],
      [3, false],
    ]);
  });

  it('keep the SLE row with its five immunological changes', () => {
    expect(publishedTrials[0]).toMatchObject({
      disease: 'SLE',
      efficacyText: 'SLEDAI↓',
      immunologicalChanges: [
        { marker: 'Treg', direction: 'up' },
        { marker: 'Th17', direction: 'down' },
        { marker: 'Tfh', direction: 'down' },
        { marker: 'NK', direction: 'up' },
        { marker: 'CD56brightNK', direction: 'up' },
      ],
      citation: 'He et al.(2016,2019)',
      references: [1, 2],
    });
  });

  it('keep Table 2 rows as listed', () => {
    expect(unpublishedTrials.map((r) => [r.disease, r.year, r.type, r.number, r.country])).toEqual([
      ['RA', 2016, 'single-center', 47, 'China'],
      ['SS', 2016, 'single-center', 60, 'China'],
      ['Multiple sclerosis', 2016, 'single-center', 30, 'France'],
      ['Hemolytic anemia', 2017, 'single-center', 2, 'France'],
      ['CKD', 2016, 'single-center', 10, 'China'],
      ['SLE', 2017, 'multi-center', 100, 'France etc.'],
      ['Amyotrophic lateral sclerosis', 2015, 'single-center', 36, 'France'],
    ]);
  });

  it('cite only references whose text is in the reference list', () => {
    for (const row of publishedTrials) for (const n of row.references) expect(references[n], `[${n}] of ${row.disease}`).toBeTypeOf('string');
    expect(references[22]).toMatch(/^Miao M, Hao Z, Guo Y , et al\. Short-term and low-dose IL-2 therapy/);
  });
});

describe('byDisease', () => {
  it('finds SLE in both tables, in any case', () => {
    const rows = byDisease('sle');
    expect(rows.published.map((r) => r.citation)).toEqual(['He et al.(2016,2019)']);
    expect(rows.unpublished.map((r) => r.number)).toEqual([100]);
  });

  it('matches an abbreviation whole and a name in part', () => {
    expect(byDisease('AS').published.map((r) => r.disease)).toEqual(['AS']);
    expect(byDisease('AS').unpublished).toEqual([]);
    expect(byDisease('sjogren').published.map((r) => r.disease)).toEqual(['SS']);
    expect(byDisease("Sjögren's syndrome").unpublished.map((r) => r.number)).toEqual([60]);
    expect(byDisease('ALS').unpublished.map((r) => r.number)).toEqual([36]);
    expect(byDisease('dm/pm').published.map((r) => r.citation)).toEqual(['Zhang et al.(2019)']);
    expect(byDisease('RA').published.map((r) => r.citation)).toEqual(['Rosenzwajg et al.(2019)']);
    expect(byDisease('RA').unpublished.map((r) => r.number)).toEqual([47]);
  });

  it('finds nothing for an unknown disease or an empty name', () => {
    expect(byDisease('psoriasis')).toEqual({ published: [], unpublished: [] });
    expect(byDisease('  ')).toEqual({ published: [], unpublished: [] });
  });
});

describe('byDose', () => {
  it('returns the trials with a daily dose in the range, bounds included', () => {
    // 1.5 MIU: SS, HCV-induced vasculitis, alopecia areata.
    expect(byDose({ min: 1.5, max: 1.5 }).map((r) => r.disease)).toEqual(['SS', 'HCV-induced vasculitis', 'Alopecia areata']);
    // At most 0.5: AS 0.5, DM/PM 0.5, GVHD 0.3 per m², T1DM 0.33.
    expect(byDose({ max: 0.5 }).map((r) => r.disease)).toEqual(['AS', 'DM/PM', 'GVHD', 'T1DM']);
    // At least 3: the two dose-ranging trials.
    expect(byDose({ min: 3 }).map((r) => r.disease)).toEqual(['GVHD', 'T1DM']);
  });

  it('refuses a reversed range', () => {
    expect(() => byDose({ min: 2, max: 1 })).toThrow(expect.objectContaining({ code: 'EVIDENCE_INVALID_DOSE_RANGE' }));
  });
});

describe('queryEvidence: synonyms and daily dose ranges', () => {
  it('finds HCV-induced vasculitis by "HCV", haemolytic anaemia by either spelling, Sjögren by SS or name', () => {
    expect(queryEvidence({ disease: 'HCV' }).published.map((r) => r.disease)).toEqual(['HCV-induced vasculitis']);
    for (const q of ['haemolytic', 'hemolytic', 'Haemolytic anaemia']) expect(queryEvidence({ disease: q }).unpublished.map((r) => r.disease)).toEqual(['Hemolytic anemia']);
    for (const q of ['SS', 'Sjögren', 'sjogren']) expect(queryEvidence({ disease: q }).published.map((r) => r.disease)).toEqual(['SS']);
    expect(queryEvidence({ disease: 'AS' }).published.map((r) => r.disease)).toEqual(['AS']); // not "vasculitis"
  });

  it('filters by daily dose in million IU, bounds inclusive; "1-3", "1.5" and open ends parse', () => {
    expect(parseDoseRange('1-3')).toEqual({ min: 1, max: 3 });
    expect(parseDoseRange('1.5')).toEqual({ min: 1.5, max: 1.5 });
    expect(parseDoseRange('2-')).toEqual({ min: 2 });
    expect(parseDoseRange('-0.5')).toEqual({ max: 0.5 });
    expect(() => parseDoseRange('one')).toThrow(expect.objectContaining({ code: 'EVIDENCE_INVALID_DOSE_RANGE', path: 'dose' }));
    // SS (Miao 2018) is 1.5 MIU/day: inside 1–3, outside 0–1.
    expect(queryEvidence({ disease: 'SS', dose: { min: 1, max: 3 } }).published.map((r) => r.disease)).toEqual(['SS']);
    const none = queryEvidence({ disease: 'SS', dose: { min: 0, max: 1 } });
    expect(none).toEqual({ published: [], unpublished: [] });
    expect(noMatch(none, { disease: 'SS', dose: { min: 0, max: 1 } })).toBe('No trials match disease "SS" and daily dose 0–1 million IU in the review\'s tables.');
  });
});
