import { AppError } from '../errors/app-error.js';
import type { EligibilityText } from '../protocol/schema.js';
import { parseExpression } from './parse-expression.js';
import { eligibilityErrors } from './errors.js';

/** Criterion id → the designer's expression, or null to go back to the parser's reading of the text. */
export type Corrections = Readonly<Record<string, string | null>>;

/**
 * The protocol's eligibility with each correction set on its criterion (`expression`). Every
 * expression is checked first, so a bad one leaves nothing changed: ELIGIBILITY_BAD_EXPRESSION names the
 * criterion and the character, ELIGIBILITY_UNKNOWN_CRITERION an id the protocol does not have.
 */
export function applyCorrections(eligibility: EligibilityText, corrections: Corrections): EligibilityText {
  const ids = Object.keys(corrections);
  if (ids.length === 0) throw new AppError(eligibilityErrors.NO_CORRECTION, 'Give at least one criterion id with its expression.', 'criteria');
  const known = new Set([...eligibility.inclusion, ...eligibility.exclusion].map((c) => c.id));
  for (const id of ids) {
    if (!known.has(id)) throw new AppError(eligibilityErrors.UNKNOWN_CRITERION, `The protocol has no criterion "${id}" (its criteria are ${[...known].join(', ')}).`, `criteria.${id}`);
    const source = corrections[id];
    if (source === null || source === undefined) continue;
    try {
      parseExpression(source);
    } catch (e) {
      if (e instanceof AppError && e.code === 'ELIGIBILITY_BAD_EXPRESSION') throw new AppError(eligibilityErrors.BAD_EXPRESSION, `Criterion ${id}: ${e.message}`, `criteria.${id}`);
      throw e;
    }
  }
  const corrected = (list: EligibilityText['inclusion']) =>
    list.map((c) => {
      if (!Object.hasOwn(corrections, c.id)) return c;
      const { expression: _old, ...rest } = c;
      const source = corrections[c.id];
      return source === null || source === undefined ? rest : { ...rest, expression: source.trim() };
    });
  return { ...eligibility, inclusion: corrected(eligibility.inclusion), exclusion: corrected(eligibility.exclusion) };
}
