import type { EligibilityText } from '../protocol/schema.js';
import { correctedCriterion } from './corrected-criterion.js';
import { formatExpr, type Computability, type Criterion, type Side } from './expression.js';
import { parseCriterionLine } from './parse-line.js';

export interface Reading {
  readonly computability: Computability;
  /** The expression in the criteria language, as the designer would type it. */
  readonly expression: string;
  /** Why (part of) the criterion stays attested; absent when it is fully computable. */
  readonly notComputable?: string;
}

/** What the correction editor shows of one protocol line: its text, the parser's reading and the saved correction. */
export interface CriterionReadings {
  readonly id: string;
  readonly side: Side;
  readonly text: string;
  readonly parsed: Reading & { readonly flags: readonly string[] };
  readonly corrected: Reading | null;
}

const reading = (c: Criterion): Reading => ({ computability: c.computability, expression: formatExpr(c.expr), ...(c.notComputable ? { notComputable: c.notComputable } : {}) });

/** Every inclusion and exclusion line of a protocol, in screening order, with both readings. */
export function criterionReadings(eligibility: EligibilityText): readonly CriterionReadings[] {
  return (['inclusion', 'exclusion'] as const).flatMap((side) =>
    eligibility[side].map((c) => {
      const parsed = parseCriterionLine(c.id, side, c.text);
      return {
        id: c.id,
        side,
        text: c.text,
        parsed: { ...reading(parsed), flags: parsed.flags },
        corrected: c.expression === undefined ? null : reading(correctedCriterion(c.id, side, c.text, c.expression)),
      };
    }),
  );
}
