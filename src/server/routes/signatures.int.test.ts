import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { odmIl2Schema, schemaErrors } from '../../interop/export-files/xmllint.test-helper.js';
import { testDatabases } from '../../store/test-databases.js';
import { testApp, testPassword } from '../test-app.js';

const databases = testDatabases();
const study = 'sle-il2';

describe.each(databases)('electronic signatures on $kind', (database) => {
  it('signs a visit and a casebook with the password, shows them with the record, invalidates them on an edit, audits and exports them in ODM', async () => {
    const db = await database.fresh();
    const t = await testApp(db);
    const [siteId] = (await db.query<{ id: string }>('SELECT id FROM sites WHERE study_id = $1 ORDER BY id LIMIT 1', [study])).map((r) => r.id);
    expect(siteId).toBeDefined();
    await t.user('inv', [{ studyId: study, siteId: null, role: 'investigator' }]);
    await t.user('coord', [{ studyId: study, siteId: null, role: 'coordinator' }]);
    await t.user('mon', [{ studyId: study, siteId: null, role: 'monitor' }]);
    const inv = await t.login('inv');
    const coord = await t.login('coord');
    const mon = await t.login('mon');
    const call = (cookie: string, method: 'GET' | 'POST', url: string, payload?: object) => t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });
    const [{ id }] = (await db.query<{ id: string }>(
      "INSERT INTO participants (study_id, site_id, code, sex, birth_date, status) VALUES ($1, $2, 'S-001', 'female', '1980-01-01', 'enrolled') RETURNING id",
      [study, siteId],
    )) as [{ id: string }];
    expect((await call(inv, 'POST', `/api/participants/${id}/randomize`, {})).statusCode).toBe(200);
    expect((await call(inv, 'POST', `/api/participants/${id}/transition`, { to: 'on-treatment', date: '2025-06-02' })).statusCode).toBe(200);
    const visitUrl = `/api/participants/${id}/visits/week-0/observations`;
    expect((await call(coord, 'POST', visitUrl, { date: '2025-05-05', labs: [{ analyte: 'lymphocytes', value: 1500, unit: '/mm3' }] })).statusCode).toBe(201);

    // Only the investigator signs, and only with the password re-entered; nothing is written otherwise.
    expect((await call(coord, 'POST', `/api/participants/${id}/signatures`, { visitId: 'week-0', password: testPassword })).statusCode).toBe(403);
    const wrong = await call(inv, 'POST', `/api/participants/${id}/signatures`, { visitId: 'week-0', password: 'not it' });
    expect(wrong.statusCode).toBe(401);
    expect((await call(inv, 'POST', `/api/participants/${id}/signatures`, { visitId: 'week-0' })).json().error).toMatchObject({ code: 'HTTP_INVALID_BODY', path: 'password' });
    expect((await call(inv, 'POST', `/api/participants/${id}/signatures`, { visitId: 'week-4', password: testPassword })).json().error.code).toBe('SIGNATURE_NOTHING_TO_SIGN');
    expect(await db.query('SELECT * FROM signatures')).toEqual([]);

    const signed = await call(inv, 'POST', `/api/participants/${id}/signatures`, { visitId: 'week-0', password: testPassword });
    expect(signed.statusCode, signed.body).toBe(201);
    expect(signed.json()).toMatchObject({
      visitId: 'week-0',
      signerUsername: 'inv',
      signerName: 'inv',
      meaning: 'reviewed and approved',
      signedAt: '2025-06-02T09:00:00.000Z',
      status: 'valid',
      line: 'inv (inv), 2025-06-02 09:00 UTC: reviewed and approved',
    });
    expect((await call(inv, 'POST', `/api/participants/${id}/signatures`, { visitId: 'week-0', password: testPassword })).json().error.code).toBe('SIGNATURE_ALREADY_SIGNED');
    expect((await call(inv, 'POST', `/api/participants/${id}/signatures`, { password: testPassword })).statusCode).toBe(201);
    const [invId] = (await db.query<{ id: string }>("SELECT id FROM users WHERE username = 'inv'")).map((u) => u.id);
    expect(await db.query("SELECT actor, action FROM audit WHERE entity = 'signatures' ORDER BY seq")).toEqual([
      { actor: invId, action: 'insert' },
      { actor: invId, action: 'insert' },
    ]);

    // Shown with the record: the participant, the visit list, the visit's data; the monitor reads them too.
    const statusOf = async () => ({
      participant: (await call(mon, 'GET', `/api/participants/${id}`)).json().signatures.map((s: { visitId: string | null; status: string }) => [s.visitId, s.status]),
      visits: (await call(mon, 'GET', `/api/participants/${id}/visits`)).json().find((v: { visitId: string }) => v.visitId === 'week-0').signature.status,
      visit: (await call(inv, 'GET', visitUrl)).json().signature.status,
    });
    expect(await statusOf()).toEqual({
      participant: [
        ['week-0', 'valid'],
        [null, 'valid'],
      ],
      visits: 'valid',
      visit: 'valid',
    });

    const odm = async () => {
      const r = await call(mon, 'GET', `/api/studies/${study}/export/odm/${study}-odm-snapshot.xml`);
      expect(r.statusCode).toBe(200);
      const dir = mkdtempSync(join(tmpdir(), 'il2-odm-'));
      try {
        writeFileSync(join(dir, 'odm.xml'), r.body);
        expect(schemaErrors(join(dir, 'odm.xml'), odmIl2Schema)).toEqual([]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      return r.body;
    };
    const before = await odm();
    const flat = before.replace(/>\s+</g, '><');
    expect(flat).toContain('<SignatureDef OID="SD.reviewed-and-approved" Methodology="Electronic"><Meaning>reviewed and approved</Meaning>');
    // One in SubjectData (the casebook), one in the week-0 StudyEventData.
    expect(flat.match(/<Signature>/g)).toHaveLength(2);
    expect(flat).toMatch(
      new RegExp(
        `<SubjectData SubjectKey="S-001"[^>]*><Signature><UserRef UserOID="USR\\.inv"/><LocationRef LocationOID="LOC\\.${siteId}"/><SignatureRef SignatureOID="SD\\.reviewed-and-approved"/><DateTimeStamp>2025-06-02T09:00:00\\.000Z</DateTimeStamp></Signature>`,
      ),
    );
    expect(flat).toMatch(/<StudyEventData StudyEventOID="SE\.week-0"[^>]*><Signature><UserRef UserOID="USR\.inv"\/>/);

    // An edit of a signed value invalidates the visit's signature and the casebook's.
    const edit = await call(coord, 'POST', visitUrl, { date: '2025-05-05', labs: [{ analyte: 'lymphocytes', value: 1600, unit: '/mm3' }], reason: 'transcription error' });
    expect(edit.statusCode, edit.body).toBe(201);
    expect(await statusOf()).toEqual({
      participant: [
        ['week-0', 'invalidated'],
        [null, 'invalidated'],
      ],
      visits: 'invalidated',
      visit: 'invalidated',
    });
    expect((await call(mon, 'GET', `/api/participants/${id}/signatures`)).json()[0].line).toMatch(/\(invalidated: the record changed after signing\)$/);
    expect((await odm()).match(/<Signature>/g)).toBeNull();

    // Signing again after the change gives a valid signature once more.
    expect((await call(inv, 'POST', `/api/participants/${id}/signatures`, { visitId: 'week-0', password: testPassword })).json().status).toBe('valid');
    expect((await statusOf()).visit).toBe('valid');
  });
});
