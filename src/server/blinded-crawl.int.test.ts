import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { blindedRoles, roles, type Role } from '../access/index.js';
import { getBuiltinProtocol } from '../protocol/builtin/index.js';
import type { Protocol } from '../protocol/schema.js';
import { exportTableNames } from '../interop/csv-export/export-tables.js';
import { exportFormats } from '../interop/export-files/export-study.js';
import type { Db } from '../store/db.js';
import { createStudy } from '../store/studies.js';
import { testDatabases } from '../store/test-databases.js';
import { lockStudy } from '../use-cases/lock-study.js';
import { studyProtocol } from '../use-cases/studies/study-protocol.js';
import { testApp, testNow, type TestApp } from './test-app.js';

/**
 * The blinded crawl: every GET route of the OpenAPI document, every file of every export format and
 * every error body, read by every role the study's masking blinds, before and after lock, must show no
 * arm (id, label, intervention, drug), no block structure (block sizes, block and sequence numbers,
 * stratum indices) and no dose that differs between arms. Two trials: SLE (double-blind, the same
 * nominal 1 MIU in both arms) and a dose-finding trial whose arms differ by dose only (placebo,
 * 0.33, 1 and 3 MIU).
 */
const databases = testDatabases();
const sle = getBuiltinProtocol('sle-il2');
const doseFinding = studyProtocol(JSON.parse(readFileSync(new URL('../../examples/df-il2.json', import.meta.url), 'utf8')));

/** What would tell a blinded reader the arm, in any body: JSON, CSV or XML. */
function leakPatterns(p: Protocol): { arms: RegExp[]; armIds: RegExp[]; doses: RegExp[] } {
  const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const drugs = p.arms.map((a) => new Set(a.interventions.flatMap((i) => [i.drug, ...i.otherNames])));
  // A drug every arm gets names no arm.
  const differing = [...new Set(drugs.flatMap((s) => [...s]))].filter((d) => !drugs.every((s) => s.has(d)));
  const words = [...p.arms.flatMap((a) => [a.label, ...a.interventions.map((i) => i.id)]), ...differing];
  const amounts = new Set(p.arms.flatMap((a) => a.interventions.flatMap((i) => (typeof i.regimen === 'string' ? [] : (JSON.stringify(i.regimen.steps).match(/"amount":[\d.]+/g) ?? [])))));
  const dosesDiffer = amounts.size > 1;
  const arms = [
    ...words.map((w) => new RegExp(escape(w))),
    /"arm(Id|Label)?"\s*:/,
    /"(blockSizes?|block|blockNumber|stratumIndex|stratum_index|sequence)"\s*:/,
    /"field"\s*:\s*"(block|stratum_index|sequence|arm_id)"/,
    /\bblock_?sizes?\b/i,
  ];
  // A quoted arm id, except as a status: sle-il2's arm "active" is also a FHIR status code (ResearchStudy, Consent, Questionnaire).
  const armIds = p.arms.map((a) => new RegExp(`(?<!"status"\\s*:\\s*)"${escape(a.id)}"`));
  // An amount of time ("within 3 months", a criterion's window: {"amount":3,"unit":"months"}) is no dose.
  const doseAmount = /"amount"\s*:\s*[^,}]*,\s*"unit"\s*:\s*"(?!(?:days|weeks|months|years)")/;
  return { arms, armIds, doses: dosesDiffer ? [/"(dose|totalDose)"\s*:/, doseAmount, /\b0\.33\b/, /\b[0-9.]+ MIU\b/] : [] };
}

/**
 * The review's literature (/api/evidence, the same for every reader and study) names other trials'
 * doses and groups ("placebo" as a group of a published trial): only this study's own terms count there.
 */
const leaks = (body: string, patterns: ReturnType<typeof leakPatterns>, url = '') =>
  [...patterns.arms, ...(url.startsWith('/api/evidence') ? [] : [...patterns.armIds, ...patterns.doses])].filter((re) => re.test(body)).map(String);

interface Trial {
  readonly protocol: Protocol;
  readonly participants: string[];
}

/** Randomized participants on treatment, with a dose, a visit, an adverse event and a query each study. */
async function seed(db: Db, t: TestApp, cookie: string, monitor: string, p: Protocol): Promise<Trial> {
  const site = p.sites[0]!.id;
  const rows = await db.query<{ id: string }>(
    `INSERT INTO participants (study_id, site_id, code, sex, birth_date, status)
     SELECT $1, $2, 'P' || lpad(i::text, 3, '0'), 'female', '1980-01-01', 'enrolled' FROM generate_series(1, 6) i RETURNING id`,
    [p.id, site],
  );
  const ids = rows.map((r) => r.id);
  const call = async (method: 'POST', url: string, payload: object, who = cookie) => {
    const r = await t.app.inject({ method, url, headers: { cookie: who }, payload });
    if (r.statusCode >= 300) throw new Error(`${url}: ${r.statusCode} ${r.body}`);
    return r.json();
  };
  for (const id of ids) await call('POST', `/api/participants/${id}/randomize`, {});
  for (const id of ids.slice(0, 4)) {
    await call('POST', `/api/participants/${id}/transition`, { to: 'on-treatment', date: '2025-06-02' });
    await call('POST', `/api/participants/${id}/doses`, { day: 1, date: '2025-06-02', status: 'given' });
    await call('POST', `/api/participants/${id}/visits/${p.visits[0]!.id}/observations`, { date: '2025-06-02', labs: [{ analyte: 'lymphocytes', value: 1500, unit: '/mm3' }] });
  }
  await call('POST', `/api/participants/${ids[0]}/adverse-events`, { term: 'injection site reaction', onsetDate: '2025-05-06', grade: 1, relatedness: 'possible' });
  await call('POST', '/api/queries', { participantId: ids[0], visitId: p.visits[0]!.id, field: 'labs.lymphocytes', text: 'please confirm' }, monitor);
  return { protocol: p, participants: ids };
}

/** Every GET path of the API with its parameters filled for this study, and the export files by name (`files`: by format). */
async function getUrls(t: TestApp, cookie: string, trial: Trial): Promise<{ pages: string[]; files: string[][] }> {
  const spec = (await t.app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
  const p = trial.protocol;
  const fill = (path: string) =>
    path.replace('{studyId}', p.id).replace('{id}', trial.participants[0]!).replace('{visitId}', p.visits[0]!.id).replace('{siteId}', p.sites[0]!.id).replace('{username}', 'inv');
  const plain = Object.entries(spec.paths)
    .filter(([path, ops]) => 'get' in ops && !path.includes('{format}') && !path.includes('{file}'))
    .map(([path]) => fill(path));
  const csv = exportTableNames.map((table) => `/api/studies/${p.id}/export/${table}.csv`);
  const files: string[][] = [csv];
  for (const format of exportFormats) {
    // The refusal of an unknown file names every file of the format.
    const r = await t.app.inject({ url: `/api/studies/${p.id}/export/${format}/none`, headers: { cookie } });
    const names = /its files are (.*)\.$/.exec(r.json().error.message)?.[1]?.split(', ') ?? [];
    expect(names.length, `${format} export files`).toBeGreaterThan(0);
    files.push(names.map((n) => `/api/studies/${p.id}/export/${format}/${n}`));
  }
  return { pages: plain, files };
}

/** Requests that fail, so their error bodies are crawled too: unknown ids and bad bodies on every route. */
async function errorRequests(t: TestApp, trial: Trial): Promise<{ method: string; url: string; payload?: object }[]> {
  const spec = (await t.app.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
  const p = trial.protocol;
  const junk = { day: 2, date: '2025-05-06', status: 'given', to: 'nonsense', kitNumber: 'K9999', term: '', grade: 9 };
  return Object.entries(spec.paths).flatMap(([path, ops]) =>
    Object.keys(ops)
      .filter(() => path !== '/api/auth/logout')
      .map((method) => ({
        method: method.toUpperCase(),
        url: path
          .replace('{studyId}', p.id)
          .replace('{id}', method === 'get' ? 'no-such-id' : trial.participants[0]!)
          .replace(/\{[^}]+\}/g, 'none'),
        ...(method === 'get' || method === 'delete' ? {} : { payload: junk }),
      })),
  );
}

describe.each(databases)('the blinded crawl on $kind', (database) => {
  it.each([
    ['sle-il2 (double-blind, equal doses)', sle],
    ['df-il2 (triple-blind, arms differ by dose)', doseFinding],
  ])(
    'shows no arm, block structure or arm-distinguishing dose to any blinded role of %s, before and after lock',
    async (_name, protocol) => {
      const db = await database.fresh();
      const t = await testApp(db);
      if (protocol.id !== sle.id) await createStudy(db, { actor: 'system', at: testNow }, protocol);
      const cookies = new Map<Role, string>();
      for (const role of roles) {
        await t.user(role, [{ studyId: protocol.id, siteId: null, role }]);
        cookies.set(role, await t.login(role));
      }
      await t.user('inv', [{ studyId: protocol.id, siteId: null, role: 'investigator' }]);
      const trial = await seed(db, t, cookies.get('investigator')!, cookies.get('monitor')!, protocol);
      const patterns = leakPatterns(protocol);
      const { pages, files } = await getUrls(t, cookies.get('admin')!, trial);
      expect(pages).toEqual(expect.arrayContaining([`/api/studies/${protocol.id}`, `/api/studies/${protocol.id}/audit`, `/api/participants/${trial.participants[0]}/calendar`]));
      const errors = await errorRequests(t, trial);
      let crawled = 0;
      // Every leak of the crawl, listed at once: what a failure reports.
      const found: string[] = [];
      for (const locked of [false, true]) {
        if (locked) await lockStudy(db, { actor: 'system', at: testNow }, protocol.id, 'final analysis');
        const blinded = blindedRoles(protocol.design.masking, { locked });
        let firstExporter: Role | undefined;
        expect(blinded.length).toBeGreaterThanOrEqual(locked ? 5 : 6);
        for (const role of blinded) {
          const cookie = cookies.get(role)!;
          // An export depends on its reader only through whether they are blinded (routes/export.ts): every
          // file for the first blinded role the policy lets export, the first file of each format for the others.
          const exported = firstExporter === undefined ? files.flat() : files.map((f) => f[0]!);
          for (const url of [...pages, ...exported]) {
            const r = await t.app.inject({ url, headers: { cookie } });
            if (firstExporter === undefined && url.includes('/export/') && r.statusCode === 200) firstExporter = role;
            if (r.statusCode >= 500) found.push(`${role} GET ${url} (locked: ${locked}) → ${r.statusCode}`);
            for (const l of leaks(r.body, patterns, url)) found.push(`${role} GET ${url} (locked: ${locked}) → ${r.statusCode}: ${l}`);
            crawled++;
          }
          for (const e of errors) {
            const r = await t.app.inject({ method: e.method as 'GET', url: e.url, headers: { cookie }, ...(e.payload ? { payload: e.payload } : {}) });
            for (const l of leaks(r.body, patterns, e.url)) found.push(`${role} ${e.method} ${e.url} (locked: ${locked}) → ${r.statusCode}: ${l}`);
          }
        }
      }
      expect(found).toEqual([]);
      expect(crawled).toBeGreaterThan(200);
      // The same checks find the arm, the blocks and (in the dose-finding trial) the dose for the unblinded pharmacist and the statistician after lock.
      const pharm = cookies.get('unblinded-pharmacist')!;
      const dispensing = (await t.app.inject({ url: `/api/studies/${protocol.id}/dispensing`, headers: { cookie: pharm } })).body;
      expect(leaks(dispensing, patterns).length).toBeGreaterThan(0);
      const statistician = cookies.get('statistician')!;
      const view = (await t.app.inject({ url: `/api/studies/${protocol.id}`, headers: { cookie: statistician } })).json();
      expect(view.protocol.design.randomization).toEqual(protocol.design.randomization);
      expect(view.protocol.arms.map((a: { id: string }) => a.id)).toEqual(protocol.arms.map((a) => a.id));
      const audit = (await t.app.inject({ url: `/api/studies/${protocol.id}/audit?entity=randomizations`, headers: { cookie: statistician } })).body;
      expect(leaks(audit, patterns)).toEqual(expect.arrayContaining([String(/"field"\s*:\s*"(block|stratum_index|sequence|arm_id)"/)]));
    },
    600_000,
  );
});
