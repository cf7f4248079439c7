import type { FastifyInstance, FastifyRequest } from 'fastify';
import { grantsIn, isBlinded, unblindedGrantsFor, type Action, type Target } from '../access/index.js';
import type { Principal } from '../auth/principal.js';
import type { ParticipantCalendar } from '../dosing/participant-calendar.js';
import type { Protocol } from '../protocol/schema.js';
import { maskRecord } from '../randomization/index.js';
import { maskAmendment } from '../randomization/masking-amendments.js';
import { armTerms, maskCalendar, maskProtocol, mentionsArm } from '../randomization/masking-views.js';
import type { ProtocolVersionEntry } from '../store/protocol-versions.js';
import type { Queryable } from '../store/db.js';
import { findParticipant } from '../store/participants.js';
import { hasUnblinded } from '../store/randomization.js';
import { listStudies, type Study } from '../store/studies.js';
import { findStudyState, type StudyState } from '../store/study-states.js';
import { studyLock } from '../store/lock.js';
import { errorCatalogue } from '../errors/catalogue.js';
import type { ErrorBody } from './errors.js';

export { BLINDED_LABEL } from '../randomization/masking-views.js';

/** Whether every role the user holds in the study is blinded by its protocol's masking (the statistician until lock). */
export function isBlindedIn(p: Principal, study: Pick<Study, 'id' | 'protocol'>, locked: boolean): boolean {
  return isBlinded(grantsIn(p, study.id), study.protocol.design.masking, { locked });
}

/** Whether every grant through which the user may take the action on the target is blinded (or there is none). */
export function isBlindedFor(p: Principal, action: Action, study: Pick<Study, 'id' | 'protocol'>, target: Target, locked: boolean): boolean {
  return unblindedGrantsFor(p, action, target, study.protocol.design.masking, { locked }).length === 0;
}

/** A masked response type: how a blinded reader sees the response of one route, given its study's protocol. */
type MaskedView = (payload: never, protocol: Protocol) => unknown;

/**
 * The responses whose shape carries more than arm fields, by route: the protocol (arms, block sizes),
 * its amendments (which arm changed) and the dosing calendar (intervention, arm-distinguishing doses). Every response then loses its
 * arm and block-structure fields by name (maskRecord).
 */
const maskedViews: Readonly<Record<string, MaskedView>> = {
  '/api/studies/:studyId': (v: { protocol: Protocol }) => ({ ...v, protocol: maskProtocol(v.protocol) }),
  '/api/studies/:studyId/versions': (v: { amendments: ProtocolVersionEntry[] }, p) => ({ ...v, amendments: v.amendments.map((a) => maskAmendment(a, armTerms(p))) }),
  '/api/participants/:id/calendar': (v: ParticipantCalendar, p) => maskCalendar(v, p),
};

const isErrorBody = (v: unknown): v is ErrorBody => v !== null && typeof v === 'object' && 'error' in v && typeof (v as ErrorBody).error?.code === 'string';

/**
 * An error body's sentences are free text built from the request: one that names an arm (an
 * intervention quoted in a dosing error) is replaced by the catalogue's sentence for its code.
 */
function maskErrorBody(body: ErrorBody, protocols: readonly Protocol[]): ErrorBody {
  const terms = new Set(protocols.flatMap((p) => [...armTerms(p)]));
  const general = errorCatalogue.get(body.error.code)?.doc ?? 'The request failed.';
  const sentence = (text: string) => (mentionsArm(text, terms) ? general : text);
  const { issues, ...error } = body.error;
  return { error: { ...error, message: sentence(error.message), ...(issues ? { issues: issues.map((i) => ({ ...i, message: sentence(i.message) })) } : {}) } };
}

/** A response as a blinded user may see it: its route's masked view, then no arm or block-structure field anywhere. */
export function maskForBlinded(payload: unknown, route: string | undefined, protocols: readonly Protocol[]): unknown {
  if (isErrorBody(payload)) return maskRecord(maskErrorBody(payload, protocols), { blinded: true });
  const view = route === undefined ? undefined : maskedViews[route];
  const [protocol] = protocols;
  const shaped = view && protocol && protocols.length === 1 ? view(payload as never, protocol) : payload;
  return maskRecord(shaped, { blinded: true });
}

const participantUrl = /^\/api\/participants\/([^/?]+)/;
const reads = new Set(['GET', 'HEAD']);

/**
 * The studies a response may speak of, with their lock states: the one named in the URL, else the
 * participant's, else every study. The study the access check already read for this request is
 * reused, except after a write under /api/studies/:studyId, which may have changed that study (an
 * amendment, the lock): those read it again, as it is now.
 */
async function studiesOfRequest(q: Queryable, req: FastifyRequest): Promise<{ states: StudyState[]; participantId?: string }> {
  const params = req.params as Record<string, string | undefined>;
  const pid = params.studyId ? undefined : participantUrl.exec(req.url)?.[1];
  const fresh = !reads.has(req.method) && params.studyId !== undefined;
  if (req.study && req.studyLocked !== undefined && !fresh && (params.studyId === req.study.id || pid !== undefined)) {
    return { states: [{ study: req.study, locked: req.studyLocked }], ...(pid ? { participantId: pid } : {}) };
  }
  if (params.studyId) {
    const s = await findStudyState(q, params.studyId);
    return { states: s ? [s] : [] };
  }
  const participant = pid ? await findParticipant(q, pid) : undefined;
  if (participant) {
    const s = await findStudyState(q, participant.studyId);
    return { states: s ? [s] : [], participantId: participant.id };
  }
  const all = await listStudies(q);
  return { states: await Promise.all(all.map(async (study) => ({ study, locked: (await studyLock(q, study.id))?.locked ?? false }))) };
}

/** Whether the user unblinded the participant: as read with it on a read (src/server/access.ts), else now. */
async function unblindedParticipant(q: Queryable, req: FastifyRequest, userId: string, participantId: string): Promise<boolean> {
  const known = req.unblinding;
  if (known?.participantId === participantId && reads.has(req.method)) return known.unblinded;
  return hasUnblinded(q, userId, participantId);
}

/**
 * Mask every API response for a blinded user in one place, so no route can forget it. A participant
 * whose code this user broke is shown to this user unmasked.
 */
export function installMasking(app: FastifyInstance, q: Queryable): void {
  app.addHook('preSerialization', async (req, _reply, payload: unknown) => {
    const p = req.principal;
    if (!p) return payload;
    const { states, participantId } = await studiesOfRequest(q, req);
    const blinding: Study[] = states.filter((s) => isBlindedIn(p, s.study, s.locked)).map((s) => s.study);
    if (blinding.length === 0) return payload;
    if (participantId && (await unblindedParticipant(q, req, p.userId, participantId))) return payload;
    return maskForBlinded(
      payload,
      req.routeOptions.url,
      blinding.map((s) => s.protocol),
    );
  });
}
