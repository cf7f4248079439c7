import { audited } from '../../store/audited-tx.js';
import { insertStudy, type Study } from '../../store/studies.js';
import { callerId, requireAction, type UseCaseContext } from '../use-case-context.js';
import { studyProtocol } from './study-protocol.js';

/** Create a study from a protocol (a file, an upload, a built-in) as a design: nothing randomized yet. */
export async function createStudyFromProtocol(c: UseCaseContext, input: unknown): Promise<Study> {
  requireAction(c.by, 'study.create', null);
  const protocol = studyProtocol(input);
  return audited(c.db, { actor: callerId(c.by), at: c.at, studyId: protocol.id }, (w) => insertStudy(w, protocol, 'design'));
}
