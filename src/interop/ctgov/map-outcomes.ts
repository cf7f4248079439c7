import type { ProtocolInput } from '../../protocol/schema.js';
import type { ReportCollector } from './import-report.js';
import { readTimeFrame, type TimePoint } from './read-time-frame.js';
import type { ProtocolSection, RecordOutcome } from './record.js';
import { slugOf, uniqueId, unescapeMarkup } from './record-text.js';

type OutcomeInput = ProtocolInput['outcomes'][number];
type VisitInput = ProtocolInput['visits'][number];

const OUTCOMES = 'protocolSection.outcomesModule';

/**
 * Instruments and panels il2trials records, recognised by name in an outcome's measure (or, for the
 * immune panel, its description): the ids of src/instruments and the built-in forms.
 */
const instrumentNames: readonly (readonly [RegExp, string])[] = [
  [/\bESSDAI\b/, 'essdai'],
  [/\bSLEDAI(?:-2K)?\b/i, 'sledai-2k'],
  [/\bALSFRS-R\b/i, 'alsfrs-r'],
  [/\bALSAQ-40\b/i, 'alsaq-40'],
  [/\bMRC\b/, 'mrc'],
  [/\bROADS\b/, 'roads'],
  [/\bBASDAI\b/, 'basdai'],
  [/modified Rankin|\bmRS\b/, 'mrs'],
  [/\bN[Ff][Ll]\b|neurofilament/i, 'nfl'],
  [/immunolog|\bTreg\b|regulatory T/i, 'immune-panel'],
];

function instrumentOf(o: RecordOutcome): string | undefined {
  return instrumentNames.find(([re]) => re.test(o.measure ?? ''))?.[1] ?? (/\bTreg\b|regulatory CD4\+? T/i.test(o.description ?? '') ? 'immune-panel' : undefined);
}

const visitId = (p: TimePoint): string => (p.day === 1 ? 'week-0' : `${p.unit}-${p.value}`);
const visitName = (p: TimePoint): string => (p.day === 1 ? 'Week 0 (baseline)' : `${p.unit[0]?.toUpperCase()}${p.unit.slice(1)} ${p.value}`);

export interface MappedOutcomes {
  readonly outcomes: OutcomeInput[];
  readonly visits: VisitInput[];
}

/**
 * Outcomes with their time frames, and the visit schedule they imply: a baseline visit (week 0,
 * day 1) and one visit per time point any outcome names, each outcome assessed at baseline and at its
 * own time points. Windows and per-visit assessments beyond the outcomes' instruments are not in a
 * registry record; the report says so.
 */
export function mapOutcomes(p: ProtocolSection, r: ReportCollector): MappedOutcomes {
  const m = p.outcomesModule;
  const listed = [
    ...(m?.primaryOutcomes ?? []).map((o, i) => ({ o, kind: 'primary' as const, field: `${OUTCOMES}.primaryOutcomes[${i}]` })),
    ...(m?.secondaryOutcomes ?? []).map((o, i) => ({ o, kind: 'secondary' as const, field: `${OUTCOMES}.secondaryOutcomes[${i}]` })),
    ...(m?.otherOutcomes ?? []).map((o, i) => ({ o, kind: 'secondary' as const, field: `${OUTCOMES}.otherOutcomes[${i}]` })),
  ];
  for (const list of ['primaryOutcomes', 'secondaryOutcomes', 'otherOutcomes']) r.use(`${OUTCOMES}.${list}[].measure`, `${OUTCOMES}.${list}[].description`, `${OUTCOMES}.${list}[].timeFrame`);
  if ((m?.otherOutcomes ?? []).length > 0)
    r.assume(`${OUTCOMES}.otherOutcomes`, 'outcomes', `The protocol has primary and secondary outcomes only; the record's ${m?.otherOutcomes?.length} other outcome(s) are drafted as secondary.`);
  const byDay = new Map<number, TimePoint>([[1, { unit: 'week', value: 0, day: 1 }]]);
  const units = new Set<string>();
  const ids = new Set<string>();
  const outcomes = listed.flatMap(({ o, kind, field }, i) => {
    const measure = o.measure?.trim();
    if (!measure) {
      r.add({ kind: 'unmapped', field: `${field}.measure`, reason: 'an outcome without a measure title cannot be drafted; left out.' });
      return [];
    }
    const timeFrame = o.timeFrame?.trim() || 'not stated';
    if (!o.timeFrame?.trim()) r.assume(`${field}.timeFrame`, `outcomes[${i}].timeFrame`, `Outcome "${measure}" has no time frame; the draft says "not stated" and assesses it at baseline only.`);
    const points = readTimeFrame(timeFrame);
    if (o.timeFrame?.trim() && points.filter((t) => t.day > 1).length === 0)
      r.assume(
        `${field}.timeFrame`,
        `outcomes[${i}].visits`,
        `The time frame "${timeFrame}" names no week, day, month or year after baseline; outcome "${measure}" is assessed at baseline only until visits are chosen.`,
      );
    for (const t of points) {
      if (!byDay.has(t.day)) byDay.set(t.day, t);
      if (t.unit === 'month' || t.unit === 'year') units.add(t.unit);
    }
    const instrument = instrumentOf(o);
    const visits = [...new Set(['week-0', ...points.map((t) => visitId(byDay.get(t.day) as TimePoint))])];
    const description = o.description ? unescapeMarkup(o.description) : undefined;
    return [
      {
        id: uniqueId(slugOf(instrument ?? measure, `outcome-${i + 1}`), ids),
        kind,
        measure,
        timeFrame,
        ...(instrument ? { instrument } : {}),
        visits,
        ...(description ? { description } : {}),
      } satisfies OutcomeInput,
    ];
  });
  for (const u of units) r.assume(`${OUTCOMES}`, 'visits', `Time frames in ${u}s are placed on study days taking a ${u} as ${u === 'month' ? 30 : 365} days (month N = day 30N + 1).`);
  const points = [...byDay.values()].sort((a, b) => a.day - b.day);
  const visits = points.map((t) => {
    const id = visitId(t);
    const assessments = [...new Set(outcomes.filter((o) => o.instrument && o.visits.includes(id)).map((o) => o.instrument as string))];
    return { id, name: visitName(t), day: t.day, windowBefore: 0, windowAfter: 0, assessments } satisfies VisitInput;
  });
  r.assume(
    OUTCOMES,
    'visits',
    `The visit schedule (${visits.map((v) => `${v.id} on day ${v.day}`).join(', ')}) is read from the outcomes' time frames, with week N on day 7N + 1; visit windows (±0 days) and assessments other than the outcomes' instruments (labs, adverse events) are not in the record.`,
  );
  if (outcomes.length === 0) r.assume(OUTCOMES, 'outcomes', 'The record lists no outcome with a measure; the draft has none.');
  return { outcomes, visits };
}
