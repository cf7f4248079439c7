import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors/app-error.js';
import { alsIl2 } from '../../protocol/builtin/als-il2.js';
import { ssIl2 } from '../../protocol/builtin/ss-il2.js';
import { parseProtocol } from '../../protocol/parse-protocol.js';
import type { Protocol } from '../../protocol/schema.js';
import { importStudyRecord } from './import-record.js';
import { readStudyRecord } from './read-record.js';

const text = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
const imported = (name: string) => importStudyRecord(readStudyRecord(text(name), name));
const thrown = (fn: () => unknown): AppError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
};

/** What "equal to the built-in" compares: arms (without their labels and ids), masking, eligibility, outcomes and schedule. */
const comparable = (p: Protocol) => ({
  arms: p.arms.map((a) => ({
    type: a.type,
    ratio: a.ratio,
    interventions: a.interventions.map((x) => ({ drug: x.drug, placebo: x.placebo, route: x.route, otherNames: x.otherNames, steps: x.regimen.steps })),
  })),
  masking: p.design.masking,
  allocation: p.design.allocation,
  interventionModel: p.design.interventionModel,
  eligibility: p.eligibility,
  outcomes: p.outcomes.map((o) => ({ kind: o.kind, measure: o.measure, timeFrame: o.timeFrame, instrument: o.instrument, visits: o.visits })),
  schedule: p.visits.map((v) => ({ id: v.id, day: v.day, windowBefore: v.windowBefore, windowAfter: v.windowAfter })),
  durationDays: p.design.durationDays,
});

describe.each([
  { file: 'seed-NCT02464319.json', builtin: ssIl2 },
  { file: 'seed-NCT04952155.json', builtin: alsIl2 },
])('the seed record $file against its built-in protocol', ({ file, builtin }) => {
  const { protocol, report } = imported(file);
  const draft = comparable(parseProtocol(protocol));
  const expected = comparable(parseProtocol(builtin));
  const confirmed = (protocolField: string) => report.entries.some((e) => e.kind !== 'unmapped' && e.protocolField === protocolField);

  it('equals it in masking, allocation, eligibility and outcomes', () => {
    expect(draft.masking).toEqual(expected.masking);
    expect(draft.allocation).toEqual(expected.allocation);
    expect(draft.interventionModel).toEqual(expected.interventionModel);
    expect(draft.eligibility).toEqual(expected.eligibility);
    expect(draft.outcomes).toEqual(expected.outcomes);
  });

  it('equals it in arms, except regimens the report names as decisions to confirm', () => {
    draft.arms.forEach((arm, ai) => {
      const want = expected.arms[ai];
      expect({ ...arm, interventions: arm.interventions.map((x) => ({ ...x, steps: undefined })) }).toEqual({ ...want, interventions: want?.interventions.map((x) => ({ ...x, steps: undefined })) });
      arm.interventions.forEach((x, xi) => {
        if (JSON.stringify(x.steps) !== JSON.stringify(want?.interventions[xi]?.steps))
          expect(confirmed(`arms[${ai}].interventions[${xi}].regimen`), `arms[${ai}].interventions[${xi}].regimen`).toBe(true);
      });
    });
  });

  it('has the same visits on the same days; windows and duration differ and the report names both', () => {
    expect(draft.schedule.map((v) => [v.id, v.day])).toEqual(expected.schedule.map((v) => [v.id, v.day]));
    expect(draft.durationDays).not.toBe(expected.durationDays);
    expect(confirmed('design.durationDays')).toBe(true);
    expect(report.entries.find((e) => e.protocolField === 'visits')?.reason).toMatch(/visit windows \(±0 days\)/);
  });
});

describe('the four ClinicalTrials.gov reference records', () => {
  it.each(['NCT03418623.json', 'NCT00763412.json', 'NCT02210780.json', 'NCT02552212.json'])('%s drafts a valid protocol with every assumption also written in its notes', (file) => {
    const { protocol, report } = imported(file);
    const p = parseProtocol(protocol);
    const nctId = JSON.parse(text(file)).protocolSection.identificationModule.nctId;
    expect(p.identifiers.registryId).toBe(nctId);
    const confirmations = report.entries.filter((e) => e.kind !== 'unmapped');
    expect(p.notes.filter((n) => n.kind === 'assumption' || n.kind === 'discrepancy')).toHaveLength(confirmations.length);
    for (const e of report.entries) expect(e.reason.length, e.field).toBeGreaterThan(10);
  });

  it('NCT02552212: escaped comparisons read (BASDAI \\>= 4), 105 sites, quadruple masking, references cited, prose reported unmapped', () => {
    const { protocol, report } = imported('NCT02552212.json');
    const p = parseProtocol(protocol);
    expect(p.eligibility.inclusion.map((c) => c.text)).toContain('Bath Ankylosing Spondylitis Disease Activity Index (BASDAI) score >= 4');
    expect(p.eligibility.inclusion).toHaveLength(8);
    expect(p.eligibility.exclusion).toHaveLength(11);
    expect(p.eligibility).toMatchObject({ minAge: { value: 18, unit: 'years' }, sex: 'all' });
    expect(p.eligibility.maxAge).toBeUndefined();
    expect(p.sites).toHaveLength(105);
    expect(p.design.masking).toEqual({ level: 'quadruple', masked: ['participant', 'care-provider', 'investigator', 'outcomes-assessor'] });
    expect(p.outcomes.filter((o) => o.kind === 'primary')).toHaveLength(11);
    expect(p.notes.filter((n) => n.kind === 'publication').every((n) => n.source !== undefined)).toBe(true);
    expect(report.entries.find((e) => e.field === 'protocolSection.descriptionModule.briefSummary')).toMatchObject({ kind: 'unmapped' });
    expect(report.entries.find((e) => e.protocolField === 'arms[0].interventions[0].regimen')?.reason).toMatch(/400 mg, 200 mg/);
  });

  it('NCT02210780: the "Placebo qw" arm typed EXPERIMENTAL is a discrepancy; triple masking names three roles', () => {
    const { protocol, report } = imported('NCT02210780.json');
    const p = parseProtocol(protocol);
    expect(p.arms.map((a) => [a.label, a.type, a.interventions[0]?.placebo])).toEqual([
      ['Placebo qw', 'experimental', true],
      ['Dupilumab 300 mg qw', 'experimental', false],
    ]);
    expect(report.entries.filter((e) => e.kind === 'discrepancy' && e.field.endsWith('armGroups[].type'))).toHaveLength(1);
    expect(p.design.masking).toEqual({ level: 'triple', masked: ['participant', 'investigator', 'outcomes-assessor'] });
    expect(p.eligibility.inclusion[0]?.text).toMatch(/\[Eichenfeld 2004\]\)that/);
    expect(p.eligibility.exclusion).toHaveLength(7);
  });

  it('NCT00763412: month-only dates drafted as the first of the month, and several doses a day left to confirm', () => {
    const { protocol, report } = imported('NCT00763412.json');
    const p = parseProtocol(protocol);
    expect(p.dates.start).toEqual({ date: '2006-11-01', kind: 'actual' });
    expect(report.entries.some((e) => e.field === 'protocolSection.statusModule.startDateStruct.date' && e.kind === 'assumption')).toBe(true);
    expect(p.eligibility.inclusion).toHaveLength(5);
    expect(p.eligibility.exclusion).toHaveLength(6);
    expect(p.eligibility.inclusion[2]?.text).toContain('fasting blood glucose <126 mg/dl');
    expect(report.entries.find((e) => e.protocolField === 'arms[1].interventions[0].regimen')?.reason).toMatch(/several doses a day/);
  });

  it('NCT03418623: a crossover is a discrepancy, 21 to 40 years', () => {
    const { protocol, report } = imported('NCT03418623.json');
    expect(protocol.eligibility).toMatchObject({ minAge: { value: 21, unit: 'years' }, maxAge: { value: 40, unit: 'years' } });
    expect(protocol.design.interventionModel).toBe('crossover');
    expect(report.entries.some((e) => e.kind === 'discrepancy' && e.field.endsWith('interventionModel'))).toBe(true);
  });
});

describe('malformed records give one sentence naming the place', () => {
  it('a truncated file names the line where the JSON stops', () => {
    const cut = text('NCT03418623.json').slice(0, 3000);
    const e = thrown(() => readStudyRecord(cut, 'cut.json'));
    expect(e.code).toBe('CTGOV_RECORD_MALFORMED');
    expect(e.message).toMatch(/^cut\.json is not valid JSON: it breaks at .*line \d+, column \d+/);
  });

  it('a record with no arms names armGroups', () => {
    const record = JSON.parse(text('NCT03418623.json'));
    delete record.protocolSection.armsInterventionsModule.armGroups;
    const e = thrown(() => importStudyRecord(readStudyRecord(JSON.stringify(record))));
    expect(e.code).toBe('CTGOV_RECORD_INCOMPLETE');
    expect(e.path).toBe('protocolSection.armsInterventionsModule.armGroups');
    expect(e.message).toBe('The record has no arms: protocolSection.armsInterventionsModule.armGroups is missing or empty, and a protocol needs at least one arm.');
  });

  it('JSON that is no study record names the protocolSection', () => {
    expect(thrown(() => readStudyRecord('{"studies": []}')).message).toMatch(/holds 0 studies/);
    expect(thrown(() => readStudyRecord('[1, 2]')).path).toBe('protocolSection');
  });
});
