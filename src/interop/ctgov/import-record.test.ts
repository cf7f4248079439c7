import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors/app-error.js';
import { aeIl2 } from '../../protocol/builtin/ae-il2.js';
import { alsIl2 } from '../../protocol/builtin/als-il2.js';
import { sleIl2 } from '../../protocol/builtin/sle-il2.js';
import { ssIl2 } from '../../protocol/builtin/ss-il2.js';
import { parseProtocol } from '../../protocol/parse-protocol.js';
import type { Protocol, ProtocolInput } from '../../protocol/schema.js';
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

type Comparable = ReturnType<typeof comparable>;
type Compared = Exclude<keyof Comparable, 'arms'>;

/**
 * Each seed record, its built-in protocol, and where the two differ: the compared part, and the
 * protocol field the report names a decision on (an assumption or discrepancy) or, as `unmapped:`,
 * the record field it reports unmapped. Any other part must be equal.
 */
const seeds: { file: string; builtin: ProtocolInput; differs: Partial<Record<Compared, string>>; arms: Record<string, string>; sameVisitDays?: true }[] = [
  { file: 'seed-NCT02464319.json', builtin: ssIl2, differs: { schedule: 'visits', durationDays: 'design.durationDays' }, arms: {}, sameVisitDays: true },
  { file: 'seed-NCT04952155.json', builtin: alsIl2, differs: { schedule: 'visits', durationDays: 'design.durationDays' }, arms: {}, sameVisitDays: true },
  {
    // The Veeva page gives no outcomes or visits (its description's "end points" are prose).
    file: 'seed-sle-001.json',
    builtin: sleIl2,
    differs: { outcomes: 'outcomes', schedule: 'visits', durationDays: 'design.durationDays' },
    // The draft's placebo has the active schedule with doses of 0; the built-in's, 1 MIU of placebo.
    arms: { 'arms[1].interventions[0].steps': 'arms[1].interventions[0].regimen' },
  },
  {
    // No outcomes section: the page names its outcomes in the detailed description only.
    file: 'seed-ae-003.json',
    builtin: aeIl2,
    differs: { outcomes: 'outcomes', schedule: 'visits', durationDays: 'design.durationDays' },
    arms: {
      // "Proleukin (Interleukin-2, IL-2)" is in the detailed description only, which the report lists as unmapped.
      'arms[0].interventions[0].otherNames': 'unmapped:protocolSection.descriptionModule.detailedDescription',
    },
  },
];

describe.each(seeds)('the seed record $file against its built-in protocol', ({ file, builtin, differs, arms, sameVisitDays }) => {
  const { protocol, report } = imported(file);
  const draft = comparable(parseProtocol(protocol));
  const expected = comparable(parseProtocol(builtin));
  const named = (ref: string) =>
    ref.startsWith('unmapped:') ? report.entries.some((e) => e.kind === 'unmapped' && e.field === ref.slice(9)) : report.entries.some((e) => e.kind !== 'unmapped' && e.protocolField === ref);

  it('equals it in masking, allocation, eligibility, outcomes and schedule, except where the report names a decision', () => {
    for (const key of ['masking', 'allocation', 'interventionModel', 'eligibility', 'outcomes', 'schedule', 'durationDays'] as const) {
      const ref = differs[key];
      if (ref === undefined) expect(draft[key], key).toEqual(expected[key]);
      else {
        expect(draft[key], key).not.toEqual(expected[key]);
        expect(named(ref), `${key}: ${ref}`).toBe(true);
      }
    }
    if (!sameVisitDays) return;
    // The two records with registry outcomes: the same visits on the same days, only the windows differ.
    expect(draft.schedule.map((v) => [v.id, v.day])).toEqual(expected.schedule.map((v) => [v.id, v.day]));
    expect(report.entries.find((e) => e.protocolField === 'visits')?.reason).toMatch(/visit windows \(±0 days\)/);
  });

  it('equals it in arms, except where the report names a decision', () => {
    expect(draft.arms).toHaveLength(expected.arms.length);
    draft.arms.forEach((arm, ai) => {
      const want = expected.arms[ai] as Comparable['arms'][number];
      expect([arm.type, arm.ratio, arm.interventions.length], `arms[${ai}]`).toEqual([want.type, want.ratio, want.interventions.length]);
      arm.interventions.forEach((x, xi) => {
        for (const key of ['drug', 'placebo', 'route', 'otherNames', 'steps'] as const) {
          const at = `arms[${ai}].interventions[${xi}].${key}`;
          const same = JSON.stringify(x[key]) === JSON.stringify(want.interventions[xi]?.[key]);
          const declared = arms[at];
          if (declared) {
            expect(same, `${at} differs`).toBe(false);
            expect(named(declared), `${at}: ${declared}`).toBe(true);
          } else if (!same && key === 'steps') expect(named(`arms[${ai}].interventions[${xi}].regimen`), at).toBe(true);
          else expect(x[key], at).toEqual(want.interventions[xi]?.[key]);
        }
      });
    });
  });

  it('names a decision on every field where the built-in takes a fact from the publication, not the record', () => {
    for (const note of builtin.notes?.filter((n) => n.kind === 'publication') ?? []) {
      const top = note.field.replace(/\[\d+\]$/, '');
      expect(
        report.entries.some((e) => e.kind !== 'unmapped' && (e.protocolField === note.field || e.protocolField === top)),
        note.field,
      ).toBe(true);
    }
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

describe('seed records without an NCT number (pages that do not print it)', () => {
  const entry = (report: { entries: readonly { protocolField?: string; kind: string; reason: string }[] }, field: string) =>
    report.entries.find((e) => e.kind !== 'unmapped' && e.protocolField === field)?.reason;

  it('seed 003 is identified by its organisation study id, with no registry id; the missing title, condition and arm type are drafted and named', () => {
    const { protocol, report } = imported('seed-ae-003.json');
    expect([protocol.id, protocol.identifiers, report.record]).toEqual(['1510112713', { orgStudyId: '1510112713' }, '1510112713']);
    expect(entry(report, 'id')).toMatch(/no NCT number; the draft is identified by the organisation's study id 1510112713/);
    expect([protocol.title, protocol.conditions]).toEqual(['Study 1510112713', ['not stated']]);
    expect(entry(report, 'title')).toMatch(/no title/);
    expect(entry(report, 'conditions')).toMatch(/lists no condition/);
    expect(protocol.arms[0]?.type).toBe('experimental');
    expect(entry(report, 'arms[0].type')).toMatch(/only arm, the draft says experimental/);
    expect(entry(report, 'enrolment.kind')).toMatch(/enrolment of 10 is actual or estimated/);
    // The arm's "1.5 MIU/day from day 1 to 5 at W1 3 MIU/day … at W3, W6, and W9": the built-in's schedule, its week count named.
    expect(entry(report, 'arms[0].interventions[0].regimen')).toMatch(/weeks are counted from 1/);
    // Unlabelled dates on the page, transcribed as start and completion (SOURCE.md).
    expect(protocol.dates).toEqual({ start: { date: '2016-03-31', kind: 'actual' }, completion: { date: '2019-06-12', kind: 'actual' } });
  });

  it('seed 001 (no identifier at all) is identified by its title; its schedule and blinding are read from its description, named', () => {
    const { protocol, report } = imported('seed-sle-001.json');
    expect(protocol.id).toBe('a-pilot-study-with-low-dose-hril-2-for-the-treatment-of');
    expect(protocol.identifiers).toEqual({});
    expect(entry(report, 'id')).toMatch(/identified by its brief title/);
    expect(entry(report, 'arms[0].interventions[0].regimen')).toMatch(/reads it from the record's detailed description/);
    // No masking field; the summary's "double-blind" is participant and investigator (ICH E9 2.3.1), as the built-in assumes.
    expect(protocol.design.masking).toEqual({ level: 'double', masked: ['participant', 'investigator'] });
    expect(entry(report, 'design.masking.level')).toMatch(/its description says "double-blind"/);
    // 3 cycles of 28 days: dosing ends on day 84, the draft's end (it has no visit after baseline).
    expect(protocol.design.durationDays).toBe(84);
  });

  it('a record with neither an NCT number, an organisation study id nor a title is refused naming nctId', () => {
    const record = JSON.parse(text('seed-ae-003.json'));
    delete record.protocolSection.identificationModule;
    const e = thrown(() => importStudyRecord(readStudyRecord(JSON.stringify(record))));
    expect([e.code, e.path]).toEqual(['CTGOV_RECORD_INCOMPLETE', 'protocolSection.identificationModule.nctId']);
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
