import { randomizeBody, dispenseBody, unblindBody } from '../../api/randomization.js';
import { sitesFor, sitesOf, unblindedGrantsFor } from '../../access/index.js';
import { authenticate } from '../../auth/accounts.js';
import { AppError } from '../../errors/app-error.js';
import { designFromProtocol, generateList, type ListEntry } from '../../randomization/index.js';
import { studyLock } from '../../store/lock.js';
import { listNotifications, listRandomizations, studySeed } from '../../store/randomization.js';
import { dispenseKit } from '../../use-cases/dispense-kit.js';
import { randomizeParticipant } from '../../use-cases/randomize-participant.js';
import { unblindParticipant } from '../../use-cases/unblind-participant.js';
import { listStudies } from '../../store/studies.js';
import { studyOf } from '../access.js';
import { principalOf, type RouteModule } from '../context.js';
import { installMasking } from '../masking.js';
import { assertTrialConfiguration } from '../../randomization/masking-checks.js';
import { doc } from '../openapi.js';
import { parseInput } from '../validate.js';
import { visibleParticipant } from './participants.js';
import { authErrors } from '../../auth/errors.js';

export const randomizationRoutes: RouteModule = (app, { db, now }) => {
  const isLocked = async (studyId: string) => (await studyLock(db, studyId))?.locked ?? false;
  installMasking(app, db);
  // A design study is checked when it is activated; the live ones are checked at every start.
  app.addHook('onReady', async () => assertTrialConfiguration((await listStudies(db)).filter((s) => s.status === 'live')));

  app.post<{ Params: { id: string } }>('/api/participants/:id/randomize', { schema: { tags: ['randomization'], body: doc(randomizeBody) }, config: { action: 'randomize' } }, async (req) => {
    const p = principalOf(req);
    const { participant, study } = await visibleParticipant(db, req, req.params.id);
    const { covariates } = parseInput(randomizeBody, req.body ?? {});
    const done = await randomizeParticipant(db, { actor: p.userId, at: now() }, study.id, participant.id, study.protocol, covariates);
    return { id: done.id, code: done.code, status: done.status, kitNumber: done.kitNumber, armId: done.armId };
  });

  app.get<{ Params: { studyId: string } }>('/api/studies/:studyId/dispensing', { schema: { tags: ['randomization'] }, config: { action: 'dispense' } }, async (req) => {
    const study = studyOf(req);
    const sites = sitesFor(principalOf(req), 'dispense', study.id);
    return (await listRandomizations(db, study.id))
      .filter((r) => sites === 'all' || sites.includes(r.siteId))
      .map((r) => ({ participantId: r.participantId, code: r.code, siteId: r.siteId, kitNumber: r.kitNumber, armId: r.armId, dispensed: r.dispensedAt !== null, dispensedAt: r.dispensedAt }));
  });

  app.post<{ Params: { id: string } }>('/api/participants/:id/dispense', { schema: { tags: ['randomization'], body: doc(dispenseBody) }, config: { action: 'dispense' } }, async (req, reply) => {
    const p = principalOf(req);
    const { participant } = await visibleParticipant(db, req, req.params.id);
    const { kitNumber } = parseInput(dispenseBody, req.body);
    reply.status(201);
    return dispenseKit(db, { actor: p.userId, at: now() }, participant, kitNumber);
  });

  app.post<{ Params: { id: string } }>('/api/participants/:id/unblind', { schema: { tags: ['randomization'], body: doc(unblindBody) }, config: { action: 'unblind' } }, async (req) => {
    const p = principalOf(req);
    const { participant } = await visibleParticipant(db, req, req.params.id);
    const body = parseInput(unblindBody, req.body);
    // Re-entering the password proves the person at the keyboard is the logged-in investigator.
    const again = await authenticate(db, p.username, body.password);
    if (again.userId !== p.userId) throw new AppError(authErrors.BAD_CREDENTIALS, 'The username or password is wrong.', 'password');
    await unblindParticipant(db, { actor: p.userId, at: now() }, participant, p.username, body.reason);
    return { id: participant.id, code: participant.code, armId: participant.armId, kitNumber: participant.kitNumber };
  });

  app.get<{ Params: { studyId: string } }>('/api/studies/:studyId/notifications', { schema: { tags: ['randomization'] }, config: { action: 'notification.read' } }, async (req) => {
    const study = studyOf(req);
    // Only notices about participants of the sites where the reader holds an unblinded role.
    const grants = unblindedGrantsFor(principalOf(req), 'notification.read', { studyId: study.id }, study.protocol.design.masking, { locked: await isLocked(study.id) });
    return listNotifications(db, study.id, sitesOf(grants));
  });

  /**
   * The unblinded statistician's concealment audit: the seed, the allocations made, and the list
   * regenerated from the seed. The statistician is unblinded by the database lock (ICH E9 blind review).
   */
  app.get<{ Params: { studyId: string } }>('/api/studies/:studyId/randomization/list', { schema: { tags: ['randomization'] }, config: { action: 'randomization.audit' } }, async (req) => {
    const study = studyOf(req);
    const design = designFromProtocol(study.protocol);
    const seed = await studySeed(db, study.id);
    const made = await listRandomizations(db, study.id);
    const counts = new Map<string, number>();
    for (const r of made) counts.set(r.siteId, (counts.get(r.siteId) ?? 0) + 1);
    const strata: Record<string, readonly ListEntry[]> = {};
    if (design.scheme.scheme !== 'minimization' && design.factors.every((f) => f.id === 'site')) {
      for (const siteId of design.factors.length ? study.protocol.sites.map((s) => s.id) : ['']) {
        const n = design.factors.length ? (counts.get(siteId) ?? 0) : made.length;
        strata[siteId || 'all'] = generateList(design, seed, design.factors.length ? { site: siteId } : {}, n);
      }
    }
    return { scheme: design.scheme, seed: Buffer.from(seed).toString('hex'), allocations: made, list: strata };
  });
};
