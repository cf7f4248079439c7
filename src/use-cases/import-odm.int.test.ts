import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCohorts } from '../demo/load-demo.js';
import { exportStudy } from '../interop/export-files/export-study.js';
import { odmIl2Schema, schemaErrors } from '../interop/export-files/xmllint.test-helper.js';
import { builtinProtocols, getBuiltinProtocol } from '../protocol/builtin/index.js';
import type { Db } from '../store/db.js';
import { createStudy, findStudy } from '../store/studies.js';
import { testDatabases } from '../store/test-databases.js';
import { findParticipant } from '../store/participants.js';
import { importOdm } from './import-odm.js';
import { audited } from '../store/audited-tx.js';
import { participantData } from '../store/export-pages.js';
import { insertSignature } from '../store/signatures.js';
import { insertUser } from '../store/users.js';
import { observations } from '../store/schema/index.js';
import { contentHash, SIGNATURE_MEANING, signedContent, signedRecordOf } from '../signatures/signature.js';
import { saveFormValues } from './save-form-values.js';

const at = new Date('2025-06-02T09:00:00.000Z');
const today = '2025-06-02';
const dir = mkdtempSync(join(tmpdir(), 'il2trials-odm-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const importer = { kind: 'operator', name: 'import-test' } as const;
/** The one User the second export has that the first has not: the operator who imported (audited as `cli:import-test`). */
const importerUser = /\n {2}<User OID="USR\.cli:import-test">\n {3}<LoginName>cli:import-test<\/LoginName>\n {3}<DisplayName>cli:import-test<\/DisplayName>\n {2}<\/User>/;

/**
 * A file without its il2:Records (status steps, consents, randomization, doses, adverse events):
 * these files are blinded, and a blinded file's randomized participants stay unrandomized when
 * imported, so their records differ by design; import-odm-records.int.test.ts round-trips them unblinded.
 */
const withoutRecords = (xml: string) => xml.replace(/\n *<il2:Records\b[^>]*?(\/>|>[^]*?<\/il2:Records>)/g, '');

type OdmFiles = { snapshot: string; transactional: string };
async function exportOdm(db: Db, id: string, out: string): Promise<OdmFiles> {
  const files = await exportStudy(db, { study: (await findStudy(db, id))!, format: 'odm', dir: join(dir, out), blinded: true, at });
  const [snapshot, transactional] = files.map((f) => readFileSync(f.path, 'utf8'));
  for (const f of files) expect(schemaErrors(f.path, odmIl2Schema), f.name).toEqual([]);
  return { snapshot: snapshot!, transactional: transactional! };
}

const count = async (db: Db, sql: string, params: unknown[] = []) => (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${sql}`, params))[0]!.n;
/** Everything an import could write, counted. */
const written = async (db: Db) => ({
  participants: await count(db, 'participants'),
  visits: await count(db, 'visits'),
  observations: await count(db, 'observations'),
  provenance: await count(db, 'value_provenance'),
  users: await count(db, 'imported_users'),
  adverseEvents: await count(db, 'adverse_events'),
  signatures: await count(db, 'signatures'),
  importedSignatures: await count(db, 'imported_signatures'),
  audit: await count(db, 'audit'),
});

describe.each(testDatabases())('ODM import ($kind)', (engine) => {
  /** Study A of each built-in protocol, filled by the demo, as the export wrote it. */
  const first = new Map<string, OdmFiles>();
  const ids = builtinProtocols.map((p) => p.id);

  beforeAll(async () => {
    const a = await engine.fresh();
    for (const p of builtinProtocols) await createStudy(a, { actor: 'test', at }, p);
    await loadDemoCohorts(a, 1, today, at);
    // Defined forms (src/forms/builtin), which the demo does not fill: NfL (decimals with a unit, text), and EQ-5D-5L with its calculated items.
    const firstStarted = async (studyId: string) =>
      (await a.query<{ id: string }>('SELECT id FROM participants WHERE study_id = $1 AND start_date IS NOT NULL ORDER BY code LIMIT 1', [studyId]))[0]!.id;
    const entered = async (studyId: string, visitId: string, formId: string, values: Record<string, unknown>) => {
      const study = (await findStudy(a, studyId))!;
      const p = (await findParticipant(a, await firstStarted(studyId)))!;
      const [date] = (await a.query<{ d: string }>("SELECT to_char(visit_date, 'YYYY-MM-DD') AS d FROM visits WHERE participant_id = $1 AND visit_id = $2", [p.id, visitId])).map((r) => r.d);
      await saveFormValues(a, { actor: 'test', at }, p, study.protocol, visitId, formId, { date: date ?? p.startDate!, values }, 'known values for the import test');
    };
    await entered('als-il2', 'week-0', 'nfl', { serum: { value: 900.5, unit: 'pg/mL' }, csf: 300, assay: 'Simoa NF-light' });
    await entered('ae-il2', 'baseline', 'eq-5d-5l', { mobility: 1, 'self-care': 2, 'usual-activities': 3, 'pain-discomfort': 4, 'anxiety-depression': 5, vas: 70 });
    // Electronic signatures, which the demo does not take: the casebook and the first visit of each study's first started participant, by one investigator.
    const signerId = await audited(a, { actor: 'test', at, studyId: null }, (w) => insertUser(w, { username: 'dr-sign', displayName: 'Dr Sign', passwordHash: 'not-used' }));
    for (const id of ids) {
      const p = (await findParticipant(a, await firstStarted(id)))!;
      const d = (await participantData(a, id, p.id))!;
      for (const visitId of [null, d.visits[0]!.visitId]) {
        const hash = contentHash(signedContent(d, signedRecordOf(visitId)));
        const signature = { studyId: id, participantId: p.id, visitId, signerId, signerName: 'Dr Sign', meaning: SIGNATURE_MEANING, signedAt: at, contentHash: hash };
        await audited(a, { actor: signerId, at, studyId: id }, (w) => insertSignature(w, signature));
      }
    }
    for (const id of ids) first.set(id, await exportOdm(a, id, `${engine.kind}-${id}-a`));
    for (const id of ids) expect(first.get(id)!.snapshot.match(/<Signature>\n\s*<UserRef UserOID="USR\.dr-sign"\/>/g), id).toHaveLength(2);
    expect(first.get('als-il2')!.snapshot).toMatch(/<ItemData ItemOID="IT\.other\.nfl\.serum" Value="900\.5">/);
    expect(first.get('ae-il2')!.snapshot).toMatch(/<ItemData ItemOID="IT\.other\.eq-5d-5l\.profile" Value="12345">/);
  }, 300_000);

  /** A fresh database holding study `id` created from its built-in protocol, nothing else. */
  async function freshStudy(id: string): Promise<Db> {
    const b = await engine.fresh();
    await createStudy(b, { actor: 'test', at }, getBuiltinProtocol(id));
    return b;
  }

  it.each(ids)(
    'round trip of %s: its transactional ODM imported into a fresh database exports again to the same two files, but for the importing operator among the Users',
    async (id) => {
      const a = first.get(id)!;
      const b = await freshStudy(id);
      const result = await importOdm({ db: b, by: importer, at }, a.transactional);
      const subjects = a.snapshot.match(/<SubjectData /g)!.length;
      const values = a.snapshot.match(/<ItemData /g)?.length ?? 0;
      expect(result).toMatchObject({
        studyId: id,
        fileType: 'Transactional',
        participants: subjects,
        values,
        provenance: a.transactional.match(/<AuditRecord>/g)?.length ?? 0,
        signatures: { kept: 2, reapplied: 0, note: expect.stringMatching(/not re-applied.*Part 11/) },
      });
      // Kept as provenance records, not signatures of this system: the signer has no account here.
      expect(await count(b, 'signatures')).toBe(0);
      expect(await count(b, 'imported_signatures')).toBe(2);
      expect(await count(b, 'participants')).toBe(subjects);
      // Defined forms' values went in through the forms use case, with the form's id and version.
      const definedValues = a.snapshot.match(/<ItemData ItemOID="IT\.(other|score)\.(nfl|eq-5d-5l)[."]/g)?.length ?? 0;
      expect(await count(b, "observations WHERE form_id IN ('nfl', 'eq-5d-5l') AND form_version = '1'")).toBe(definedValues);
      const again = await exportOdm(b, id, `${engine.kind}-${id}-b`);
      // Compared: the whole text of each file (header, metadata, AdminData, every SubjectData with
      // its il2 attributes, every value and AuditRecord) once the importer's User element and the records are taken out.
      expect(again.snapshot).toMatch(importerUser);
      expect(withoutRecords(again.snapshot.replace(importerUser, ''))).toBe(withoutRecords(a.snapshot));
      expect(withoutRecords(again.transactional.replace(importerUser, ''))).toBe(withoutRecords(a.transactional));
      // Every subject's records came along (their replay is checked in import-odm-records.int.test.ts).
      expect(again.snapshot.match(/<il2:Records /g)).toHaveLength(subjects);
    },
    120_000,
  );

  it('round trip from the snapshot file: the snapshot exports again the same', async () => {
    const a = first.get('sle-il2')!;
    const b = await freshStudy('sle-il2');
    const result = await importOdm({ db: b, by: importer, at }, a.snapshot, 'sle-il2');
    expect(result.fileType).toBe('Snapshot');
    expect(withoutRecords((await exportOdm(b, 'sle-il2', `${engine.kind}-snapshot-b`)).snapshot.replace(importerUser, ''))).toBe(withoutRecords(a.snapshot));
    // A change after the import: the visit's signature record no longer speaks for it and is not exported; the casebook's neither (it covers every visit).
    const p = (await b.query<{ id: string }>('SELECT id FROM participants WHERE id IN (SELECT participant_id FROM imported_signatures WHERE visit_id IS NOT NULL)'))[0]!;
    const visitId = (await b.query<{ v: string }>('SELECT visit_id AS v FROM imported_signatures WHERE participant_id = $1 AND visit_id IS NOT NULL', [p.id]))[0]!.v;
    const [o] = await b.query<{ id: string; n: number }>(
      'SELECT o.id, o.value_num AS n FROM observations o JOIN visits v ON v.id = o.visit_row_id WHERE v.participant_id = $1 AND v.visit_id = $2 AND o.value_num IS NOT NULL ORDER BY o.kind, o.key LIMIT 1',
      [p.id, visitId],
    );
    await audited(b, { actor: 'test', at, studyId: 'sle-il2' }, (w) => w.update(observations, { id: o!.id }, { value_num: Number(o!.n) + 1 }, 'a correction after the import'));
    expect((await exportOdm(b, 'sle-il2', `${engine.kind}-snapshot-c`)).snapshot).not.toMatch(/<Signature>/);
  }, 120_000);

  /** Study A's transactional file with one change, checked to have been made. */
  const edited = (id: string, from: string | RegExp, to: string) => {
    const xml = first.get(id)!.transactional;
    const out = xml.replace(from, to);
    expect(out).not.toBe(xml);
    return out;
  };

  it('a value whose ItemOID the item group does not list: INTEROP_ODM_UNKNOWN_REFERENCE naming the subject, visit and item; nothing written', async () => {
    const b = await freshStudy('sle-il2');
    const before = await written(b);
    const bad = edited('sle-il2', /<ItemData ItemOID="IT\.lab\.alt"/, '<ItemData ItemOID="IT.lab.nope"');
    await expect(importOdm({ db: b, by: importer, at }, bad)).rejects.toMatchObject({
      code: 'INTEROP_ODM_UNKNOWN_REFERENCE',
      message: expect.stringMatching(/^ODM SubjectData SubjectKey="[^"]+" › StudyEventData SE\.[a-z0-9-]+ › ItemData IT\.lab\.nope: ItemGroupDef IG\.labs has no ItemRef to it\.$/),
    });
    expect(await written(b)).toEqual(before);
  });

  it("the last subject's visit dated before their birth, refused by the entry rules after the other subjects were written: INTEROP_ODM_CONFLICT, and nothing is in the database", async () => {
    const b = await freshStudy('sle-il2');
    const before = await written(b);
    const xml = first.get('sle-il2')!.transactional;
    const last = xml.lastIndexOf('il2:VisitDate="');
    // The date is ten characters whatever it is.
    const bad = `${xml.slice(0, last)}il2:VisitDate="1901-01-01"${xml.slice(last + 'il2:VisitDate="YYYY-MM-DD"'.length)}`;
    expect(bad).not.toBe(xml);
    await expect(importOdm({ db: b, by: importer, at }, bad)).rejects.toMatchObject({
      code: 'INTEROP_ODM_CONFLICT',
      message: expect.stringMatching(/^ODM SubjectData SubjectKey="[^"]+" › StudyEventData SE\.[a-z0-9-]+: .*1901-01-01/),
    });
    expect(await written(b)).toEqual(before);
  });

  it("a defined form's value above its soft limit, imported by the operator (who can raise no data query): INTEROP_ODM_CONFLICT naming the form", async () => {
    const b = await freshStudy('als-il2');
    const bad = edited('als-il2', 'ItemOID="IT.other.nfl.serum" Value="900.5"', 'ItemOID="IT.other.nfl.serum" Value="1200.5"');
    await expect(importOdm({ db: b, by: importer, at }, bad)).rejects.toMatchObject({
      code: 'INTEROP_ODM_CONFLICT',
      message: expect.stringMatching(/^ODM SubjectData SubjectKey="[^"]+" › StudyEventData SE\.week-0 › FormData F\.nfl: .*Serum NfL.*\(FORM_SOFT_RANGE_UNCONFIRMED\)\.$/),
    });
    expect(await count(b, 'participants')).toBe(0);
  });

  it("a file whose range check differs from the study's item: INTEROP_ODM_CONFLICT naming the ItemDef", async () => {
    const b = await freshStudy('sle-il2');
    const bad = edited('sle-il2', /(<ItemDef OID="IT\.item\.pga\.pga"[^]*?<CheckValue>)3(<\/CheckValue>)/, '$110$2');
    await expect(importOdm({ db: b, by: importer, at }, bad)).rejects.toMatchObject({
      code: 'INTEROP_ODM_CONFLICT',
      message: expect.stringMatching(/^ODM ItemDef IT\.item\.pga\.pga: it differs from study sle-il2's item/),
    });
    expect(await count(b, 'participants')).toBe(0);
  });

  it('XML that is not well-formed: INTEROP_ODM_INVALID with its line; into a study that holds participants: INTEROP_ODM_CONFLICT', async () => {
    const b = await freshStudy('sle-il2');
    const xml = first.get('sle-il2')!.transactional;
    await expect(importOdm({ db: b, by: importer, at }, xml.replace('</ClinicalData>', ''))).rejects.toMatchObject({
      code: 'INTEROP_ODM_INVALID',
      message: expect.stringMatching(/^The ODM file is not well-formed XML at line \d+/),
    });
    await importOdm({ db: b, by: importer, at }, xml);
    await expect(importOdm({ db: b, by: importer, at }, xml)).rejects.toMatchObject({ code: 'INTEROP_ODM_CONFLICT', message: expect.stringMatching(/already holds \d+ participants/) });
  }, 120_000);

  it('writes nothing for a file the XSD check alone would pass but whose subject lacks il2:Sex: INTEROP_ODM_INVALID naming the subject', async () => {
    const b = await freshStudy('sle-il2');
    const bad = edited('sle-il2', / il2:Sex="(female|male)"/, '');
    await expect(importOdm({ db: b, by: importer, at }, bad)).rejects.toMatchObject({
      code: 'INTEROP_ODM_INVALID',
      message: expect.stringMatching(/^ODM SubjectData SubjectKey="[^"]+": il2:Sex must be female or male, not missing/),
    });
    expect(await count(b, 'participants')).toBe(0);
  });
});
