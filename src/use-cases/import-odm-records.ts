import { isoDay } from '../dates/iso-date.js';
import type { Participant } from '../enrolment/participant.js';
import type { ParticipantStatus } from '../enrolment/participant-lifecycle.js';
import { AppError } from '../errors/app-error.js';
import { interopErrors } from '../interop/errors.js';
import type { AdverseEventRecord, ParticipantRecords, StatusStep } from '../interop/odm/odm-records.js';
import type { Protocol } from '../protocol/schema.js';
import type { AdverseEventFields, AeStatus, Relatedness } from '../safety/adverse-event.js';
import { updateAdverseEvent } from '../store/adverse-events.js';
import type { AuditedTx } from '../store/audited-tx.js';
import { insertConsent, listConsents } from '../store/consents.js';
import { findParticipant, updateParticipant } from '../store/participants.js';
import { insertRandomization } from '../store/randomization.js';
import { recordAdverseEventIn } from './record-adverse-event.js';
import { recordDoseIn } from './record-dose.js';
import { transitionParticipantIn } from './transition-participant.js';

/** What replaying a file's records did, and what a blinded file left out. */
export interface RecordsReplayed {
  readonly steps: number;
  readonly consents: number;
  readonly doses: number;
  readonly adverseEvents: number;
  /** Allocations taken as the file records them (never drawn again). */
  readonly randomized: number;
  /** Participants the file says were randomized without saying to which arm (a blinded file): left enrolled, unrandomized. */
  readonly blindedRandomizations: number;
  /**
   * Not imported: what could not follow a blinded randomization (the steps after it, on treatment and
   * completed; the doses, which need the treatment start), and withdrawn lab proposals whose lab value
   * the source corrected (the import enters the value as it stands, which proposes nothing).
   */
  readonly skipped: { readonly steps: number; readonly doses: number; readonly adverseEvents: number };
}

export const noRecords: RecordsReplayed = { steps: 0, consents: 0, doses: 0, adverseEvents: 0, randomized: 0, blindedRandomizations: 0, skipped: { steps: 0, doses: 0, adverseEvents: 0 } };

export const blindedNote =
  'A blinded file says a participant was randomized but not to which arm: such a participant stays enrolled and unrandomized here (the import never draws an arm again), and the steps and doses that follow randomization are not imported. Import an unblinded export (after lock, --unblinded) to carry the allocation.';

export const addReplayed = (a: RecordsReplayed, b: RecordsReplayed): RecordsReplayed => ({
  steps: a.steps + b.steps,
  consents: a.consents + b.consents,
  doses: a.doses + b.doses,
  adverseEvents: a.adverseEvents + b.adverseEvents,
  randomized: a.randomized + b.randomized,
  blindedRandomizations: a.blindedRandomizations + b.blindedRandomizations,
  skipped: { steps: a.skipped.steps + b.skipped.steps, doses: a.skipped.doses + b.skipped.doses, adverseEvents: a.skipped.adverseEvents + b.skipped.adverseEvents },
});

type At = <T>(where: string, fn: () => Promise<T>) => Promise<T>;
const conflict = (at: string, problem: string) => new AppError(interopErrors.ODM_CONFLICT, `ODM ${at}: ${problem}.`, at);
const terminal = (s: StatusStep) => s.to === 'completed' || s.to === 'withdrawn';

/** A replay of one participant's records in two parts: the steps up to treatment (before the visits), then doses, adverse events and the final step. */
export class RecordsReplay {
  private blinded = false;
  private n = { steps: 0, consents: 0, doses: 0, adverseEvents: 0, randomized: 0, skippedSteps: 0, skippedDoses: 0, skippedAes: 0 };

  constructor(
    private readonly w: AuditedTx,
    private p: Participant,
    private readonly protocol: Protocol,
    private readonly r: ParticipantRecords,
    /** The status the file says the participant has. */
    private readonly status: string,
    private readonly where: string,
    private readonly at: At,
  ) {}

  private async step(s: StatusStep, i: number): Promise<void> {
    const where = `${this.where} › il2:StatusStep[${i + 1}] To="${s.to}"`;
    const reason = s.reason ?? undefined;
    if (this.blinded && s.to !== 'withdrawn') {
      this.n.skippedSteps++;
      return;
    }
    if (s.to === 'randomized') {
      const z = this.r.randomization;
      if (!z) throw conflict(where, 'the participant steps to randomized, but the records carry no il2:Randomization');
      if (z.armId === null) {
        this.blinded = true;
        return;
      }
      const armId = z.armId;
      this.p = await this.at(where, async () => {
        if (this.p.status !== 'enrolled') throw conflict(where, `participant ${this.p.code} is ${this.p.status}, and only an enrolled participant is randomized`);
        if (this.protocol.design.allocation !== 'randomized') throw conflict(where, 'the study does not randomize');
        const a = z.allocation;
        // The allocation as the source recorded it, when it recorded it: the sequence is never drawn again here.
        if (a?.sequence) {
          await insertRandomization(this.w, {
            participantId: this.p.id,
            studyId: this.p.studyId,
            assignment: { sequence: a.sequence.sequence, stratum: a.stratum, stratumIndex: a.sequence.stratumIndex, block: a.sequence.block ?? undefined, armId },
            kitNumber: z.kitNumber ?? '',
            randomizedAt: new Date(a.randomizedAt),
          });
        }
        return updateParticipant(this.w, this.p.id, { status: 'randomized', statusOn: s.on, armId, kitNumber: z.kitNumber }, reason ?? `status ${this.p.status} → randomized`);
      });
      this.n.randomized++;
      this.n.steps++;
      return;
    }
    const eligibilityBy = s.to === 'eligible' || s.to === 'ineligible' ? ('override' as const) : undefined;
    this.p = await this.at(where, () => transitionParticipantIn(this.w, this.p, this.protocol, { to: s.to as ParticipantStatus, date: s.on, reason, today: isoDay(this.w.ctx.at), eligibilityBy }));
    this.n.steps++;
  }

  /** The steps before completion or withdrawal, and the consents: before the visits are saved. */
  async beforeVisits(): Promise<Participant> {
    const steps = this.r.steps;
    for (const [i, s] of steps.entries()) if (!terminal(s)) await this.step(s, i);
    // The step to consented recorded the first consent under the version in force; it must be the file's.
    const mine = await listConsents(this.w.tx, this.p.id);
    for (const [i, c] of this.r.consents.entries()) {
      const where = `${this.where} › il2:Consent[${i + 1}]`;
      const held = mine[i];
      if (held) {
        if (held.formVersion !== c.formVersion || held.signedOn !== c.signedOn)
          throw conflict(
            where,
            `the file's consent (version ${c.formVersion}, signed ${c.signedOn}) is not the one the step to consented recorded here (version ${held.formVersion}, signed ${held.signedOn})`,
          );
        continue;
      }
      // A re-consent under a later version, as the source recorded it.
      await insertConsent(this.w, this.p.id, c);
      this.n.consents++;
    }
    this.n.consents += Math.min(mine.length, this.r.consents.length);
    if (mine.length > this.r.consents.length) throw conflict(this.where, `the file carries ${this.r.consents.length} consents, but the steps recorded ${mine.length}`);
    return this.p;
  }

  /** Doses, adverse events, and the final step (completed or withdrawn): after the visits (a lab's adverse event comes from its value). */
  async afterVisits(): Promise<RecordsReplayed> {
    for (const d of this.r.doses) {
      if (this.p.startDate === null && this.blinded) {
        this.n.skippedDoses++;
        continue;
      }
      for (const [i, write] of d.writes.entries()) {
        const where = `${this.where} › il2:Dose Day="${d.day}" › il2:DoseWrite[${i + 1}]`;
        await this.at(where, () =>
          recordDoseIn(this.w, this.p, this.protocol, { day: d.day, date: write.date, status: write.status, reason: write.reason ?? undefined }, write.changeReason ?? undefined),
        );
      }
      this.n.doses++;
    }
    for (const [i, e] of this.r.adverseEvents.entries()) await this.adverseEvent(e, `${this.where} › il2:AdverseEvent[${i + 1}] Term="${e.term}"`);
    for (const [i, s] of this.r.steps.entries()) if (terminal(s)) await this.step(s, i);
    this.p = (await findParticipant(this.w.tx, this.p.id))!;
    if (!this.blinded && this.p.status !== this.status) throw conflict(this.where, `the file says participant ${this.p.code} is ${this.status}, but its status steps leave them ${this.p.status}`);
    return {
      steps: this.n.steps,
      consents: this.n.consents,
      doses: this.n.doses,
      adverseEvents: this.n.adverseEvents,
      randomized: this.n.randomized,
      blindedRandomizations: this.blinded ? 1 : 0,
      skipped: { steps: this.n.skippedSteps, doses: this.n.skippedDoses, adverseEvents: this.n.skippedAes },
    };
  }

  private async adverseEvent(e: AdverseEventRecord, where: string): Promise<void> {
    const fields: AdverseEventFields = {
      status: e.status as AeStatus,
      term: e.term,
      onsetDate: e.onsetDate,
      endDate: e.endDate,
      grade: e.grade,
      serious: e.serious,
      seriousCriteria: e.seriousCriteria,
      relatedness: (e.relatedness ?? undefined) as Relatedness | undefined,
      actionTaken: e.actionTaken ?? undefined,
      outcome: e.outcome ?? undefined,
    };
    if (e.fromLab) {
      // The lab's entry proposed it again; what the source did with it since (confirmed, assessed) is a revision of it.
      const [made] = await this.w.tx.query<{ id: string; status: string }>(
        "SELECT id, status FROM adverse_events WHERE participant_id = $1 AND source_observation_id IS NOT NULL AND term = $2 AND to_char(onset_date, 'YYYY-MM-DD') = $3 ORDER BY id LIMIT 1",
        [this.p.id, e.term, e.onsetDate],
      );
      if (!made && e.status === 'withdrawn') {
        this.n.skippedAes++;
        return;
      }
      if (!made) throw conflict(where, `the file says a lab result proposed it, but the lab values imported propose no "${e.term}" with onset ${e.onsetDate}`);
      await this.at(where, () => updateAdverseEvent(this.w, made.id, fields, 'as recorded in the source system (ODM import)'));
    } else {
      await this.at(where, () => recordAdverseEventIn(this.w, this.p, { ...fields, term: e.term, onsetDate: e.onsetDate, grade: e.grade }));
    }
    this.n.adverseEvents++;
  }
}
