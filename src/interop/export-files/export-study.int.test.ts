import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCohorts } from '../../demo/load-demo.js';
import { syntheticCohort } from '../../demo/synthetic-cohort.js';
import { builtinProtocols } from '../../protocol/builtin/index.js';
import { audited } from '../../store/audited-tx.js';
import type { Db } from '../../store/db.js';
import { createStudy, findStudy, type Study } from '../../store/studies.js';
import { testDatabases } from '../../store/test-databases.js';
import { saveVisitForm } from '../../store/visit-forms.js';
import { datasetJsonErrors } from '../dataset-json/dataset-schema.test-helper.js';
import { exportStudy, type ExportFormat } from './export-study.js';
import { defineSchema, odmIl2Schema, odmSchema, schemaErrors, withoutIl2Extension } from './xmllint.test-helper.js';

const Library = (createRequire(import.meta.url)('xport-js') as typeof import('xport-js')).default;
const at = new Date('2025-06-02T09:00:00.000Z');
const today = '2025-06-02';
const dir = mkdtempSync(join(tmpdir(), 'il2trials-cdisc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const sdtmDomains = ['dm', 'ex', 'ae', 'ds', 'sv', 'lb', 'qs', 'ts', 'ta', 'te', 'tv', 'ti'];
type DatasetJson = { name: string; records: number; columns: { name: string; label: string; length?: number }[]; rows: (string | number | null)[][] };
const readJson = (out: string, d: string) => JSON.parse(readFileSync(join(out, `${d}.json`), 'utf8')) as DatasetJson;
const col = (ds: DatasetJson, name: string) => ds.columns.findIndex((c) => c.name === name);
const values = (ds: DatasetJson, name: string) => ds.rows.map((r) => r[col(ds, name)]);

describe.each(testDatabases())('CDISC exports of every seed trial filled by the demo ($kind)', (engine) => {
  let db: Db;
  const studies = new Map<string, Study>();
  /** The USUBJID whose week-0 PGA the test sets. */
  let pgaSubject = '';
  const run = (study: Study, format: ExportFormat, blinded: boolean) => {
    const out = join(dir, `${engine.kind}-${study.id}-${format}-${blinded ? 'blind' : 'open'}`);
    return exportStudy(db, { study, format, dir: out, blinded, at }).then((files) => ({ out, files }));
  };

  beforeAll(async () => {
    db = await engine.fresh();
    for (const p of builtinProtocols) await createStudy(db, { actor: 'test', at }, p);
    await loadDemoCohorts(db, 1, today, at);
    // Known values: the first started sle-il2 participant's week-0 PGA form (items and total), over the demo's own.
    const [first] = await db.query<{ id: string; code: string; start_date: string }>(
      "SELECT id, code, to_char(start_date, 'YYYY-MM-DD') AS start_date FROM participants WHERE study_id = 'sle-il2' AND start_date IS NOT NULL ORDER BY code LIMIT 1",
    );
    pgaSubject = `sle-il2-${first!.code}`;
    await audited(db, { actor: 'test', at, studyId: 'sle-il2' }, (w) =>
      saveVisitForm(
        w,
        first!.id,
        {
          visitId: 'week-0',
          date: first!.start_date,
          observations: [
            { kind: 'item', key: 'pga.pga', value: 1.5 },
            { kind: 'item', key: 'pga.newBilagA', value: 0 },
            { kind: 'item', key: 'pga.newBilagB', value: 1 },
            { kind: 'score', key: 'pga', value: 1.5 },
          ],
        },
        'known values for the export test',
      ),
    );
    for (const p of builtinProtocols) studies.set(p.id, (await findStudy(db, p.id))!);
  }, 300_000);

  it.each(builtinProtocols.map((p) => p.id))(
    'writes the SDTM datasets of %s as Dataset-JSON valid against the v1.1 schema and as XPT that xport-js reads back to the same rows',
    async (id) => {
      const study = studies.get(id)!;
      const { out, files } = await run(study, 'sdtm', true);
      expect(readdirSync(out).sort()).toEqual([...sdtmDomains.flatMap((d) => [`${d}.json`, `${d}.xpt`]), 'define.xml'].sort());
      expect(schemaErrors(join(out, 'define.xml'), defineSchema)).toEqual([]);
      for (const d of sdtmDomains) {
        const ds = readJson(out, d);
        expect(datasetJsonErrors(ds), `${d}.json`).toEqual([]);
        expect(ds.records).toBe(ds.rows.length);
        expect(files.find((f) => f.name === `${d}.json`)?.rows).toBe(ds.rows.length);
        for (const c of ds.columns) {
          expect(c.name.length).toBeLessThanOrEqual(8);
          expect(c.label.length).toBeLessThanOrEqual(40);
          expect(c.length ?? 0).toBeLessThanOrEqual(200);
        }
        const back: unknown[][] = [];
        // The text is UTF-8 (criteria quote "×10^9/L"); XPT has no encoding field, so the reader is told.
        for await (const r of new Library(join(out, `${d}.xpt`)).read({ rowFormat: 'array', skipHeader: true, encoding: 'utf8' })) back.push(r as unknown[]);
        // A missing character value is blanks in XPT, read back as "", and null in Dataset-JSON.
        const numeric = ds.columns.map((c) => ['integer', 'float'].includes((c as { dataType?: string }).dataType ?? ''));
        expect(back, `${d}.xpt`).toEqual(ds.rows.map((r) => r.map((v, i) => (v === null && !numeric[i] ? '' : v))));
      }
      const cohort = syntheticCohort(builtinProtocols.find((p) => p.id === id)!, 1 + builtinProtocols.findIndex((p) => p.id === id), today);
      const dm = readJson(out, 'dm');
      expect(values(dm, 'USUBJID')).toEqual(cohort.map((c) => `${id}-${c.code}`).sort());
      expect(values(dm, 'STUDYID').every((s) => s === id)).toBe(true);
    },
    120_000,
  );

  it('blinded: ARM and ACTARM hold the blinded label, no file names an arm or its drug, and EX keeps the matched dose (sle-il2: 1 MIU s.c. in both arms)', async () => {
    const study = studies.get('sle-il2')!;
    const { out } = await run(study, 'sdtm', true);
    const dm = readJson(out, 'dm');
    const assigned = dm.rows.filter((r) => r[col(dm, 'ARMNRS')] === null);
    expect(assigned.length).toBeGreaterThan(0);
    for (const r of assigned) expect([r[col(dm, 'ARM')], r[col(dm, 'ARMCD')]]).toEqual(['study drug (blinded)', 'BLINDED']);
    for (const f of readdirSync(out)) expect(readFileSync(join(out, f), 'latin1'), f).not.toMatch(/placebo|hrIL-2 active|ACTIVE|PLACEBO/);
    const ex = readJson(out, 'ex');
    const givenDoses = (await db.query<{ n: number }>("SELECT count(*)::int AS n FROM doses d JOIN participants p ON p.id = d.participant_id WHERE p.study_id = 'sle-il2' AND d.status = 'given'"))[0]!
      .n;
    expect(ex.rows.length).toBe(givenDoses);
    expect(new Set(ex.rows.map((r) => [r[col(ex, 'EXTRT')], r[col(ex, 'EXDOSE')], r[col(ex, 'EXDOSU')], r[col(ex, 'EXROUTE')]].join('|')))).toEqual(
      new Set(['study drug (blinded)|1|MIU|SUBCUTANEOUS']),
    );
    expect(readJson(out, 'ta').rows.map((r) => r[2])).toEqual(['BLINDED', 'BLINDED', 'BLINDED']);
  }, 120_000);

  it("unblinded: DM names each participant's arm as the demo allocated it, and EX the arm's drug", async () => {
    const study = studies.get('sle-il2')!;
    const { out } = await run(study, 'sdtm', false);
    const cohort = syntheticCohort(builtinProtocols[1]!, 2, today);
    const dm = readJson(out, 'dm');
    const label = (armId: string | null) => builtinProtocols[1]!.arms.find((a) => a.id === armId)?.label ?? null;
    for (const r of dm.rows) {
      const c = cohort.find((x) => `sle-il2-${x.code}` === r[col(dm, 'USUBJID')])!;
      if (r[col(dm, 'ARMNRS')] === null) expect(r[col(dm, 'ARM')]).toBe(label(c.armId));
    }
    const ex = readJson(out, 'ex');
    expect(new Set(values(ex, 'EXTRT'))).toEqual(new Set(['hrIL-2 active', 'hrIL-2 placebo']));
    expect(new Set(readJson(out, 'ta').rows.map((r) => r[2]))).toEqual(new Set(['ACTIVE', 'PLACEBO']));
  }, 120_000);

  it('QS holds every item entered and the total, with 8-character test codes from the instrument (PGA: PGA01–PGA03, PGATOT)', async () => {
    const { out } = await run(studies.get('sle-il2')!, 'sdtm', true);
    const qs = readJson(out, 'qs');
    const pga = qs.rows.filter((r) => r[col(qs, 'USUBJID')] === pgaSubject && String(r[col(qs, 'QSTESTCD')]).startsWith('PGA') && r[col(qs, 'VISITNUM')] === 1);
    // The demo's SLEDAI-2K forms are there too, items and totals.
    expect(new Set(values(qs, 'QSTESTCD'))).toContain('SLEDTOT');
    expect(pga.map((r) => [r[col(qs, 'QSTESTCD')], r[col(qs, 'QSSTRESN')], r[col(qs, 'VISITNUM')]])).toEqual([
      ['PGA01', 1.5, 1],
      ['PGA02', 0, 1],
      ['PGA03', 1, 1],
      ['PGATOT', 1.5, 1],
    ]);
    const lb = readJson(out, 'lb');
    expect(new Set(values(lb, 'LBTESTCD'))).toEqual(new Set(['ALT', 'WBC']));
  }, 120_000);

  it('define: describes every dataset with the lengths found, QS value-level metadata per question with its code list, valid against the Define-XML 2.1 schema', async () => {
    const { out, files } = await run(studies.get('sle-il2')!, 'define', true);
    expect(files.map((f) => f.name)).toEqual(['define.xml']);
    expect(readdirSync(out)).toEqual(['define.xml']);
    const file = join(out, 'define.xml');
    expect(schemaErrors(file, defineSchema)).toEqual([]);
    const xml = readFileSync(file, 'utf8');
    expect(xml.match(/<ItemGroupDef /g)?.length).toBe(12);
    const sdtm = await run(studies.get('sle-il2')!, 'sdtm', true);
    const usubjid = readJson(sdtm.out, 'dm').columns.find((c) => c.name === 'USUBJID')!.length;
    expect(xml).toContain(`<ItemDef OID="IT.DM.USUBJID" Name="USUBJID" DataType="text" Length="${usubjid}" SASFieldName="USUBJID">`);
    // PGA item 2 ("new BILAG A") is a 0–9 choice: its VLM item refers to a code list with ten coded values.
    expect(xml).toMatch(/<def:WhereClauseDef OID="WC\.QS\.QSORRES\.PGA02">/);
    expect(xml).toContain('<CodeListRef CodeListOID="CL.QS.PGA02"/>');
    expect(
      xml
        .split('<CodeList OID="CL.QS.PGA02"')[1]!
        .split('</CodeList>')[0]!
        .match(/<CodeListItem /g)?.length,
    ).toBe(10);
  }, 120_000);

  it('define: a document the schema rejects is reported (the check can fail)', () => {
    const bad = join(dir, 'bad-define.xml');
    writeFileSync(bad, '<ODM xmlns="http://www.cdisc.org/ns/odm/v1.3" ODMVersion="1.3.2" FileOID="x" FileType="Snapshot" CreationDateTime="2025-01-01T00:00:00"><Study/></ODM>');
    expect(schemaErrors(bad, defineSchema).join('\n')).toMatch(/Study/);
  });

  it.each(builtinProtocols.map((p) => p.id))(
    'writes %s as ODM 1.3.2, snapshot and transactional, valid against the XSD with the il2trials extension (and without it, against the plain XSD), with an AuditRecord on every value',
    async (id) => {
      const { out, files } = await run(studies.get(id)!, 'odm', true);
      expect(files.map((f) => f.name)).toEqual([`${id}-odm-snapshot.xml`, `${id}-odm-transactional.xml`]);
      const values = (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM observations o JOIN participants p ON p.id = o.participant_id WHERE p.study_id = $1', [id]))[0]!.n;
      const writes = (
        await db.query<{ n: number }>(
          "SELECT count(*)::int AS n FROM audit a JOIN observations o ON a.entity = 'observations' AND a.entity_id = o.id::text JOIN participants p ON p.id = o.participant_id WHERE p.study_id = $1",
          [id],
        )
      )[0]!.n;
      for (const [f, items] of [
        [files[0]!, values],
        [files[1]!, writes],
      ] as const) {
        expect(schemaErrors(f.path, odmIl2Schema), f.name).toEqual([]);
        const xml = readFileSync(f.path, 'utf8');
        const plain = join(dir, `plain-${f.name}`);
        writeFileSync(plain, withoutIl2Extension(xml));
        expect(schemaErrors(plain, odmSchema), `${f.name} without the extension`).toEqual([]);
        expect(xml).toMatch(/<SubjectData SubjectKey="[^"]+" (TransactionType="Insert" )?il2:Sex="(female|male)" il2:BirthDate="\d{4}-\d{2}-\d{2}">/);
        expect(xml.match(/<ItemData /g)?.length ?? 0, f.name).toBe(items);
        expect(xml.match(/<AuditRecord>/g)?.length ?? 0, f.name).toBe(items);
        expect(f.rows, f.name).toBe(items);
        expect(xml.match(/<SubjectData /g)?.length, f.name).toBe(syntheticCohort(builtinProtocols.find((p) => p.id === id)!, 1 + builtinProtocols.findIndex((p) => p.id === id), today).length);
        expect(xml).toMatch(
          /<AuditRecord>\s*<UserRef UserOID="USR\.demo"\/>\s*<LocationRef LocationOID="LOC\.[a-z-]+"\/>\s*<DateTimeStamp>2025-06-02T09:00:00\.000Z<\/DateTimeStamp>\s*<ReasonForChange>initial entry<\/ReasonForChange>\s*<SourceID>audit:\d+<\/SourceID>/,
        );
      }
      expect(readdirSync(out).sort()).toEqual(files.map((f) => f.name).sort());
    },
    120_000,
  );

  it('ODM: a file the XSD rejects is reported (the check can fail)', () => {
    const bad = join(dir, 'bad-odm.xml');
    writeFileSync(
      bad,
      '<ODM xmlns="http://www.cdisc.org/ns/odm/v1.3" ODMVersion="1.3.2" FileOID="x" FileType="Snapshot" CreationDateTime="2025-01-01T00:00:00"><ClinicalData StudyOID="s" MetaDataVersionOID="m"><SubjectData/></ClinicalData></ODM>',
    );
    expect(schemaErrors(bad, odmSchema).join('\n')).toMatch(/SubjectKey/);
  });

  it.each(builtinProtocols.map((p) => p.id))(
    'writes the CSV tables of %s, doses with amount and unit',
    async (id) => {
      const { out, files } = await run(studies.get(id)!, 'csv', true);
      expect(files.map((f) => f.name)).toEqual(['participants', 'visits', 'observations', 'doses', 'adverse_events']);
      const doses = readFileSync(join(out, `${id}-doses.csv`), 'utf8')
        .trim()
        .split('\n');
      expect(doses[0]).toBe('participant_code,site_id,day,dose_date,status,dose,dose_unit,reason');
      expect(doses.length - 1).toBe(files.find((f) => f.name === 'doses')!.rows);
    },
    120_000,
  );
});
