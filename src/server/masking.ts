import type { FastifyInstance } from 'fastify';
import { grantsIn, isBlinded, unblindedGrantsFor, type Action, type Target } from '../access/index.js';
import type { Principal } from '../auth/principal.js';
import type { Protocol } from '../protocol/schema.js';
import { maskRecord } from '../randomization/index.js';
import type { Queryable } from '../store/db.js';
import { studyLock } from '../store/lock.js';
import { findParticipant } from '../store/participants.js';
import { hasUnblinded } from '../store/randomization.js';
import { findStudy, listStudies, type Study } from '../store/studies.js';

/** What a blinded user sees wherever an arm's intervention would be named: the same for active and placebo. */
export const BLINDED_LABEL = 'study drug (blinded)';

/** Whether every role the user holds in the study is blinded by its protocol's masking (the statistician until lock). */
export function isBlindedIn(p: Principal, study: Pick<Study, 'id' | 'protocol'>, locked: boolean): boolean {
  return isBlinded(grantsIn(p, study.id), study.protocol.design.masking, { locked });
}

/** Whether every grant through which the user may take the action on the target is blinded (or there is none). */
export function isBlindedFor(p: Principal, action: Action, study: Pick<Study, 'id' | 'protocol'>, target: Target, locked: boolean): boolean {
  return unblindedGrantsFor(p, action, target, study.protocol.design.masking, { locked }).length === 0;
}

/** Strings that name an arm or what differs between arms (ids, labels, intervention ids and drug names). */
export function armTerms(protocol: Pick<Protocol, 'arms'>): ReadonlySet<string> {
  const perArm = protocol.arms.map((a) => new Set([a.id, a.label, ...a.interventions.flatMap((i) => [i.id, i.drug, ...i.otherNames])]));
  const shared = (t: string) => perArm.every((s) => s.has(t));
  return new Set(perArm.flatMap((s) => [...s]).filter((t) => !shared(t)));
}

/**
 * A response as a blinded user may see it: arm fields and fields keyed by an arm absent, any value naming an arm or
 * its intervention replaced by one neutral label, a protocol's arms reduced to their ratios (the count
 * and ratio stay known) and notes that speak of the arms dropped.
 */
export function maskForBlinded(value: unknown, protocols: readonly Pick<Protocol, 'arms'>[]): unknown {
  const terms = new Set(protocols.flatMap((p) => [...armTerms(p)]));
  // Messages quote the ids they name ('Intervention "hril2-placebo" is dosed in …'): replace those.
  const quoted = (text: string) => [...terms].reduce((t, term) => t.replaceAll(`"${term}"`, `"${BLINDED_LABEL}"`), text);
  const mentions = (text: string) => /placebo/i.test(text) || [...terms].some((t) => text.includes(t));
  const walk = (v: unknown, key: string | undefined): unknown => {
    if (typeof v === 'string') return terms.has(v) ? BLINDED_LABEL : quoted(v);
    if (Array.isArray(v)) {
      if (key === 'arms') return v.map((a: { ratio?: unknown }) => ({ ratio: a?.ratio }));
      if (key === 'notes') return v.filter((n: { text?: unknown }) => !(typeof n?.text === 'string' && mentions(n.text))).map((n) => walk(n, undefined));
      return v.map((x) => walk(x, undefined));
    }
    if (v !== null && typeof v === 'object') {
      // Results keyed by arm ({ active: …, placebo: … }) lose those keys, like any arm field.
      return Object.fromEntries(Object.entries(v).filter(([k]) => !terms.has(k)).map(([k, x]) => [k, walk(x, k)]));
    }
    return v;
  };
  return walk(maskRecord(value, { blinded: true }), undefined);
}

const participantUrl = /^\/api\/participants\/([^/?]+)/;

/** The studies a response may speak of: the one named in the URL, else every study. */
async function studiesOfRequest(q: Queryable, url: string, params: Record<string, string | undefined>): Promise<{ studies: Study[]; participantId?: string }> {
  if (params.studyId) {
    const s = await findStudy(q, params.studyId);
    return { studies: s ? [s] : [] };
  }
  const pid = participantUrl.exec(url)?.[1];
  const participant = pid ? await findParticipant(q, pid) : undefined;
  if (participant) {
    const s = await findStudy(q, participant.studyId);
    return { studies: s ? [s] : [], participantId: participant.id };
  }
  return { studies: await listStudies(q) };
}

/**
 * Mask every API response for a blinded user in one place, so no route can forget it. A participant
 * whose code this user broke is shown to this user unmasked.
 */
export function installMasking(app: FastifyInstance, q: Queryable): void {
  app.addHook('preSerialization', async (req, _reply, payload: unknown) => {
    const p = req.principal;
    if (!p) return payload;
    const { studies, participantId } = await studiesOfRequest(q, req.url, req.params as Record<string, string | undefined>);
    const blinding: Study[] = [];
    for (const s of studies) if (isBlindedIn(p, s, (await studyLock(q, s.id))?.locked ?? false)) blinding.push(s);
    if (blinding.length === 0) return payload;
    if (participantId && (await hasUnblinded(q, p.userId, participantId))) return payload;
    return maskForBlinded(payload, blinding.map((s) => s.protocol));
  });
}
