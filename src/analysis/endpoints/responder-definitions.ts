import { sri4 } from '../../instruments/index.js';
import type { Outcome } from '../../protocol/schema.js';
import type { AnalysisObservation, AnalysisParticipant } from './types.js';

/** A participant's status at one visit: responder, non-responder, or an input missing (analysed as non-responder). */
export type ResponderStatus = boolean | 'missing';

type Lookup = (participantId: string, visitId: string, kind: AnalysisObservation['kind'], key: string) => number | undefined;

export interface ResponderDefinition {
  readonly name: string;
  readonly missingRule: string;
  readonly classify: (get: Lookup, participantId: string, baselineVisit: string, visit: string) => ResponderStatus;
}

/** ESSDAI minimal clinically important improvement: a fall of ≥ 3 points (Seror R et al. Ann Rheum Dis 2016;75:382-389; He J et al. JAMA Netw Open 2022;5:e2241451 primary end point). */
export const ESSDAI_IMPROVEMENT = 3;

export const responderDefinitionTable: Readonly<Record<NonNullable<Outcome['responder']>['definition'], ResponderDefinition>> = {
  'sri-4': {
    name: 'SRI-4',
    missingRule: 'A participant without SLEDAI-2K or PGA at baseline or at the visit, or without the new BILAG counts at the visit, is a non-responder.',
    classify: (get, id, first, at) => {
      const input = {
        baselineSledai: get(id, first, 'score', 'sledai-2k'),
        followUpSledai: get(id, at, 'score', 'sledai-2k'),
        baselinePga: get(id, first, 'score', 'pga'),
        followUpPga: get(id, at, 'score', 'pga'),
        newBilagA: get(id, at, 'item', 'pga.newBilagA'),
        newBilagB: get(id, at, 'item', 'pga.newBilagB'),
      };
      const complete = Object.values(input).every((v) => v !== undefined);
      return complete ? sri4(input as { [K in keyof typeof input]: number }).responder : 'missing';
    },
  },
  'essdai-improvement-3': {
    name: 'ESSDAI improvement ≥ 3',
    missingRule: 'A participant without ESSDAI at baseline or at the visit (withdrawn, visit missed) is a non-responder.',
    classify: (get, id, first, at) => {
      const before = get(id, first, 'score', 'essdai');
      const after = get(id, at, 'score', 'essdai');
      return before === undefined || after === undefined ? 'missing' : before - after >= ESSDAI_IMPROVEMENT;
    },
  },
};

/** Each participant's status at `visit` versus `baselineVisit` under `definition`. */
export function classifyResponders(
  definition: ResponderDefinition,
  participants: readonly AnalysisParticipant[],
  observations: readonly AnalysisObservation[],
  baselineVisit: string,
  visit: string,
): Map<string, ResponderStatus> {
  const value = new Map(observations.map((o) => [`${o.participantId}|${o.visitId}|${o.kind}|${o.key}`, o.value]));
  const get: Lookup = (id, v, kind, key) => value.get(`${id}|${v}|${kind}|${key}`);
  return new Map(participants.map((p) => [p.id, definition.classify(get, p.id, baselineVisit, visit)] as const));
}
