import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exportStudy } from '../interop/export-files/export-study.js';
import { odmIl2Schema, schemaErrors } from '../interop/export-files/xmllint.test-helper.js';
import { getBuiltinProtocol } from '../protocol/builtin/index.js';
import type { Db } from '../store/db.js';
import { createStudy, findStudy, listSites } from '../store/studies.js';
import { findParticipant } from '../store/participants.js';
import { testDatabases } from '../store/test-databases.js';
import { addParticipant } from './add-participant.js';
import { importOdm } from './import-odm.js';
import { participantCalendarOf } from './participant-calendars.js';
import { randomizeParticipant } from './randomize-participant.js';
import { recordAdverseEvent } from './record-adverse-event.js';
import { recordDose } from './record-dose.js';
import { transitionParticipant } from './transition-participant.js';

/**
 * The records besides values (status steps, consents, randomization, doses with a correction,
 * adverse events) through ODM: a small sle-il2 study of three participants, exported unblinded and
 * blinded, each imported into a fresh database.
 */
const studyId = 'sle-il2';
const protocol = getBuiltinProtocol(studyId);
const at = new Date('2025-06-02T09:00:00.000Z');
const dir = mkdtempSync(join(tmpdir(), 'il2trials-odm-records-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const importer = { kind: 'operator', name: 'import-test' } as const;
const who = (iso: string) => ({ actor: 'coordinator', at: new Date(`${iso}T10:00:00.000Z`) });

/** Everything the records live in, as rows to compare between two databases (no ids, which differ). */
async function recordsOf(db: Db) {
  const q = (sql: string) => db.query<Record<string, unknown>>(sql);
  return {
    participants: await q(
      "SELECT code, status, to_char(status_on, 'YYYY-MM-DD') AS status_on, status_reason, arm_id, kit_number, to_char(start_date, 'YYYY-MM-DD') AS start_date FROM participants ORDER BY code",
    ),
    enrolments: await q("SELECT p.code, to_char(e.enrolled_on, 'YYYY-MM-DD') AS d FROM enrolments e JOIN participants p ON p.id = e.participant_id ORDER BY 1"),
    consents: await q("SELECT p.code, c.form_version, to_char(c.signed_on, 'YYYY-MM-DD') AS d FROM consents c JOIN participants p ON p.id = c.participant_id ORDER BY 1, 3"),
    doses: await q("SELECT p.code, d.day, to_char(d.dose_date, 'YYYY-MM-DD') AS d, d.status, d.reason FROM doses d JOIN participants p ON p.id = d.participant_id ORDER BY 1, 2"),
    adverseEvents: await q(
      `SELECT p.code, a.status, a.term, to_char(a.onset_date, 'YYYY-MM-DD') AS onset, to_char(a.resolved_date, 'YYYY-MM-DD') AS resolved, a.grade, a.serious,
              a.serious_criteria, a.relatedness, a.action_taken, a.outcome FROM adverse_events a JOIN participants p ON p.id = a.participant_id ORDER BY 1, 3`,
    ),
    randomizations: await q(
      'SELECT p.code, r.sequence, r.stratum, r.stratum_index, r.block, r.arm_id, r.kit_number, r.randomized_at FROM randomizations r JOIN participants p ON p.id = r.participant_id ORDER BY 1',
    ),
  };
}

const count = async (db: Db, sql: string) => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`))[0]!.n;
const records = (xml: string) => xml.match(/<il2:Records [^>]*?(\/>|>[^]*?<\/il2:Records>)/g) ?? [];

describe.each(testDatabases())('ODM records: status, consents, randomization, doses and adverse events ($kind)', (engine) => {
  let a: Db;
  const files = { unblinded: '', blinded: '', unblindedSnapshot: '' };
  /** Study A's records, read before any other database is made (PGlite's fresh() empties the one database of the file). */
  let recordsA: Awaited<ReturnType<typeof recordsOf>>;

  async function exportOdm(db: Db, blinded: boolean, out: string): Promise<{ snapshot: string; transactional: string }> {
    const written = await exportStudy(db, { study: (await findStudy(db, studyId))!, format: 'odm', dir: join(dir, `${engine.kind}-${out}`), blinded, at });
    for (const f of written) expect(schemaErrors(f.path, odmIl2Schema), f.name).toEqual([]);
    const [snapshot, transactional] = written.map((f) => readFileSync(f.path, 'utf8'));
    return { snapshot: snapshot!, transactional: transactional! };
  }

  async function fresh(): Promise<Db> {
    const b = await engine.fresh();
    await createStudy(b, { actor: 'test', at }, protocol);
    return b;
  }

  beforeAll(async () => {
    a = await fresh();
    const siteId = (await listSites(a, studyId))[0]!.id;
    const add = (code: string) => addParticipant(a, who('2025-01-05'), { studyId, siteId, code, sex: 'female', birthDate: '1980-03-04' });
    const step = async (id: string, to: Parameters<typeof transitionParticipant>[4]['to'], date: string, reason?: string) => {
      const p = (await findParticipant(a, id))!;
      await transitionParticipant(a, who(date), p, protocol, { to, date, today: date, reason, eligibilityBy: to === 'eligible' ? 'override' : undefined });
    };
    // randomized, treated, two doses (the second held, then corrected to given), two adverse events.
    const r1 = await add('R-001');
    await step(r1.id, 'eligible', '2025-01-06', 'meets the criteria on the investigator’s review');
    await step(r1.id, 'consented', '2025-01-07');
    await step(r1.id, 'enrolled', '2025-01-08');
    await randomizeParticipant(a, who('2025-01-09'), studyId, r1.id, protocol, {});
    await step(r1.id, 'on-treatment', '2025-01-10');
    const p1 = (await findParticipant(a, r1.id))!;
    const [d1, d2] = (await participantCalendarOf(a, p1, protocol)).doses;
    await recordDose(a, who(d1!.date), p1, protocol, { day: d1!.day, date: d1!.date, status: 'given' }, undefined);
    await recordDose(a, who(d2!.date), p1, protocol, { day: d2!.day, date: d2!.date, status: 'held', reason: 'infection' }, undefined);
    await recordDose(a, who(d2!.date), p1, protocol, { day: d2!.day, date: d2!.date, status: 'given' }, 'entered on the wrong participant’s sheet');
    await recordAdverseEvent(a, who('2025-01-20'), p1, { term: 'Injection site reaction', onsetDate: '2025-01-12', endDate: '2025-01-15', grade: 1, relatedness: 'definite', outcome: 'recovered' });
    await recordAdverseEvent(a, who('2025-01-20'), p1, {
      term: 'Pneumonia',
      onsetDate: '2025-01-18',
      grade: 3,
      serious: true,
      seriousCriteria: ['hospitalisation'],
      relatedness: 'unlikely',
      actionTaken: 'none',
      outcome: 'recovering',
    });
    // consented, then withdrawn; R-003: registered only.
    const r2 = await add('R-002');
    await step(r2.id, 'eligible', '2025-01-06', 'meets the criteria');
    await step(r2.id, 'consented', '2025-01-07');
    await step(r2.id, 'withdrawn', '2025-01-09', 'moved away');
    await add('R-003');
    const unblinded = await exportOdm(a, false, 'a-unblinded');
    files.unblinded = unblinded.transactional;
    files.unblindedSnapshot = unblinded.snapshot;
    files.blinded = (await exportOdm(a, true, 'a-blinded')).transactional;
    recordsA = await recordsOf(a);
  }, 300_000);

  it('an unblinded file imported into a fresh database: the same status steps, consents, allocation (not drawn again), doses with their correction and adverse events; exported again, the same records', async () => {
    const b = await fresh();
    const result = await importOdm({ db: b, by: importer, at }, files.unblinded);
    // Worked out from the study above: R-001 eligible, consented, enrolled, randomized, on-treatment; R-002 eligible, consented, withdrawn.
    expect(result.records).toEqual({ steps: 8, consents: 2, doses: 2, adverseEvents: 2, randomized: 1, blindedRandomizations: 0, skipped: { steps: 0, doses: 0, adverseEvents: 0 } });
    const mine = recordsA;
    expect(mine.randomizations).toHaveLength(1);
    expect(mine.doses).toEqual([expect.objectContaining({ status: 'given', reason: null }), expect.objectContaining({ status: 'given', reason: null })]);
    expect(await recordsOf(b)).toEqual(mine);
    // The held dose and its correction are both in b's audit trail, with the correction's reason.
    expect(await count(b, "audit WHERE entity = 'doses' AND action = 'update' AND reason = 'entered on the wrong participant’s sheet'")).toBe(1);
    const again = await exportOdm(b, false, 'b-unblinded');
    expect(records(again.transactional)).toEqual(records(files.unblinded));
    expect(records(again.snapshot)).toEqual(records(files.unblindedSnapshot));
    expect(records(files.unblinded)).toHaveLength(3);
    // b has R-001's allocation (slot 1) but not a's list: a new participant is refused, not drawn into slot 1 again.
    const siteId = (await listSites(b, studyId))[0]!.id;
    const r4 = await addParticipant(b, who('2025-02-01'), { studyId, siteId, code: 'R-004', sex: 'male', birthDate: '1975-05-06' });
    for (const [to, date] of [
      ['eligible', '2025-02-02'],
      ['consented', '2025-02-03'],
      ['enrolled', '2025-02-04'],
    ] as const) {
      await transitionParticipant(b, who(date), (await findParticipant(b, r4.id))!, protocol, {
        to,
        date,
        today: date,
        eligibilityBy: to === 'eligible' ? 'override' : undefined,
        reason: to === 'eligible' ? 'reviewed' : undefined,
      });
    }
    const allocations = await count(b, 'randomizations');
    await expect(randomizeParticipant(b, who('2025-02-05'), studyId, r4.id, protocol, {})).rejects.toMatchObject({
      code: 'RANDOMIZATION_SEQUENCE_ELSEWHERE',
      message: `Study ${studyId}'s allocations up to slot 1 were imported from another database, whose allocation list stayed there: randomize R-004 in the source database (here, slot 1 would be drawn a second time).`,
    });
    expect(await count(b, 'randomizations')).toBe(allocations);
    expect((await findParticipant(b, r4.id))!).toMatchObject({ status: 'enrolled', armId: null });
  }, 60_000);

  it('a blinded file carries that R-001 was randomized (when, stratum, kit) but no arm; imported, R-001 stays enrolled and unrandomized, and no arm is anywhere', async () => {
    expect(files.blinded).toMatch(/<il2:Randomization RandomizedAt="2025-01-09T10:00:00.000Z" Stratum="[^"]+" KitNumber="[^"]+"\/>/);
    expect(files.blinded).not.toMatch(/ArmID=|Sequence=|StratumIndex=|Block=/);
    const b = await fresh();
    const result = await importOdm({ db: b, by: importer, at }, files.blinded);
    // R-001's on-treatment step and both doses cannot follow a randomization without its arm.
    expect(result.records).toMatchObject({
      randomized: 0,
      blindedRandomizations: 1,
      skipped: { steps: 1, doses: 2 },
      steps: 6,
      adverseEvents: 2,
      note: expect.stringMatching(/stays enrolled and unrandomized/),
    });
    const mine = await recordsOf(b);
    expect(mine.participants.find((p) => p.code === 'R-001')).toMatchObject({ status: 'enrolled', arm_id: null, kit_number: null, start_date: null });
    expect(mine.participants.every((p) => p.arm_id === null)).toBe(true);
    expect(mine.randomizations).toEqual([]);
    // The audit trail of everything a participant's records write names no arm (the study's own record, its protocol, names them all).
    expect(await count(b, `audit WHERE entity <> 'studies' AND changes::text ~ '"(${protocol.arms.map((x) => x.id).join('|')})"'`)).toBe(0);
  }, 60_000);

  it('a malformed extension: INTEROP_ODM_INVALID naming the element, the subject and its line, and nothing written', async () => {
    const b = await fresh();
    const before = await count(b, 'audit');
    const bad = files.unblinded.replace('Term="Pneumonia" OnsetDate="2025-01-18" Grade="3"', 'Term="Pneumonia" OnsetDate="2025-01-18" Grade="seven"');
    expect(bad).not.toBe(files.unblinded);
    const line = bad.slice(0, bad.indexOf('Grade="seven"')).split('\n').length;
    await expect(importOdm({ db: b, by: importer, at }, bad)).rejects.toMatchObject({
      code: 'INTEROP_ODM_INVALID',
      message: `ODM <il2:AdverseEvent> of SubjectData SubjectKey="R-001" (line ${line}): Grade "seven" is not a whole number from 0 to 5.`,
    });
    expect(await count(b, 'participants')).toBe(0);
    expect(await count(b, 'audit')).toBe(before);
  }, 60_000);

  it('a correction of a dose without its reason: INTEROP_ODM_INVALID naming the DoseWrite, and nothing written', async () => {
    const b = await fresh();
    const bad = files.unblinded.replace(/( <il2:DoseWrite [^>]*?) ChangeReason="[^"]*"/, '$1');
    expect(bad).not.toBe(files.unblinded);
    await expect(importOdm({ db: b, by: importer, at }, bad)).rejects.toMatchObject({
      code: 'INTEROP_ODM_INVALID',
      message: expect.stringMatching(/^ODM <il2:DoseWrite> of SubjectData SubjectKey="R-001" \(line \d+\): a correction of a dose/),
    });
    expect(await count(b, 'participants')).toBe(0);
  }, 60_000);
});
