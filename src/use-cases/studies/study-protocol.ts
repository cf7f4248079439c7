import { AppError } from '../../errors/app-error.js';
import { unknownAssessments } from '../../instruments/visit-forms/known-assessments.js';
import { parseProtocol } from '../../protocol/parse-protocol.js';
import type { Protocol } from '../../protocol/schema.js';
import { protocolErrors } from '../../protocol/errors.js';

/**
 * A protocol a study may run: valid, and every assessment and outcome instrument one the platform
 * can record. The first unknown one is named with its path.
 */
export function studyProtocol(input: unknown): Protocol {
  const protocol = parseProtocol(input);
  const [first, ...more] = unknownAssessments(protocol);
  if (first) {
    const rest = more.length ? ` (and ${more.length} more)` : '';
    throw new AppError(protocolErrors.UNKNOWN_ASSESSMENT, `${first.path}: ${first.message}${rest}.`, first.path);
  }
  return protocol;
}
