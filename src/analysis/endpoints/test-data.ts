import { getBuiltinProtocol } from '../../protocol/builtin/index.js';
import type { AnalysisData, AnalysisObservation, AnalysisParticipant } from './types.js';

/** Small hand-checkable data sets for the endpoint and report tests. */
export const person = (id: string, armId: string | null, o: Partial<AnalysisParticipant> = {}): AnalysisParticipant => ({
  id,
  code: id,
  sex: 'female',
  birthDate: '1970-01-01',
  status: 'on-treatment',
  statusReason: null,
  armId,
  enrolledOn: '2025-01-01',
  startDate: '2025-01-02',
  dosesScheduled: 10,
  dosesGiven: 10,
  ...o,
});

export const scores = (instrument: string, values: Record<string, Record<string, number>>): AnalysisObservation[] =>
  Object.entries(values).flatMap(([pid, byVisit]) => Object.entries(byVisit).map(([visitId, value]) => ({ participantId: pid, visitId, kind: 'score' as const, key: instrument, value })));

/**
 * ss-il2 (active vs placebo; ESSDAI at week-0 and week-24). Changes week-0 → week-24:
 *   active  A1 10→4 (−6), A2 12→5 (−7), A3 8→6 (−2): mean −5, SD √7, median −6
 *   placebo P1 10→9 (−1), P2 9→9 (0),  P3 11→8 (−3): mean −4/3, SD √(7/3), median −1
 * A4 (active) has no doses and no scores; W1 (placebo) withdrew after 1 of 10 doses; A3 gave 8/10 doses
 * (exactly 80 %: per-protocol), P3 7/10 (70 %: not per-protocol).
 */
export const ssData: AnalysisData = {
  protocol: getBuiltinProtocol('ss-il2'),
  participants: [
    person('A1', 'active', { status: 'completed' }),
    person('A2', 'active', { status: 'completed' }),
    person('A3', 'active', { dosesGiven: 8 }),
    person('A4', 'active', { status: 'randomized', startDate: null, dosesScheduled: 0, dosesGiven: 0 }),
    person('P1', 'placebo'),
    person('P2', 'placebo', { sex: 'male' }),
    person('P3', 'placebo', { dosesGiven: 7 }),
    person('W1', 'placebo', { status: 'withdrawn', statusReason: 'moved abroad', dosesGiven: 1 }),
    person('S1', null, { status: 'ineligible', enrolledOn: null, startDate: null, dosesScheduled: 0, dosesGiven: 0 }),
    person('S2', null, { status: 'screening', enrolledOn: null, startDate: null, dosesScheduled: 0, dosesGiven: 0 }),
  ],
  observations: scores('essdai', {
    A1: { 'week-0': 10, 'week-24': 4 },
    A2: { 'week-0': 12, 'week-24': 5 },
    A3: { 'week-0': 8, 'week-24': 6 },
    P1: { 'week-0': 10, 'week-24': 9 },
    P2: { 'week-0': 9, 'week-24': 9 },
    P3: { 'week-0': 11, 'week-24': 8 },
  }),
  adverseEvents: [
    { participantId: 'A1', term: 'Headache', grade: 1, serious: false },
    { participantId: 'A1', term: 'Headache', grade: 2, serious: false },
    { participantId: 'P1', term: 'Injection site reaction', grade: 1, serious: false },
    { participantId: 'A4', term: 'Fever', grade: 3, serious: true },
  ],
};

/** Every key at any depth of a JSON value. */
export const keysOf = (v: unknown): string[] => (Array.isArray(v) ? v.flatMap(keysOf) : v !== null && typeof v === 'object' ? Object.entries(v).flatMap(([k, x]) => [k, ...keysOf(x)]) : []);
