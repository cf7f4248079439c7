import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemoCohorts } from '../../demo/load-demo.js';
import { getBuiltinProtocol } from '../../protocol/builtin/index.js';
import type { Db } from '../../store/db.js';
import { createStudy, findStudy, type Study } from '../../store/studies.js';
import { testDatabases } from '../../store/test-databases.js';
import { exportStudy } from '../export-files/export-study.js';
import type { FhirResource } from './fhir-resource.js';
import { fhirErrors } from './fhir-schema.test-helper.js';

const at = new Date('2025-06-02T09:00:00.000Z');
const dir = mkdtempSync(join(tmpdir(), 'il2trials-fhir-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Bundle = FhirResource & { type: string; entry: { fullUrl: string; resource: FhirResource }[] };

describe.each(testDatabases())('FHIR R4 Bundle of the demo studies ($kind)', (engine) => {
  let db: Db;
  const studies = new Map<string, Study>();
  const run = async (study: Study, blinded: boolean) => {
    const out = join(dir, `${engine.kind}-${study.id}-${blinded ? 'blind' : 'open'}`);
    const [file] = await exportStudy(db, { study, format: 'fhir', dir: out, blinded, at, pageSize: 7 });
    return { file: file!, bundle: JSON.parse(readFileSync(file!.path, 'utf8')) as Bundle };
  };

  beforeAll(async () => {
    db = await engine.fresh();
    for (const id of ['sle-il2', 'ae-il2']) await createStudy(db, { actor: 'test', at }, getBuiltinProtocol(id));
    await loadDemoCohorts(db, 1, '2025-06-02', at);
    for (const id of ['sle-il2', 'ae-il2']) studies.set(id, (await findStudy(db, id))!);
  }, 300_000);

  it.each([
    ['sle-il2', true],
    ['sle-il2', false],
    ['ae-il2', false],
  ] as const)(
    'writes %s (blinded: %s) as one Bundle whose every resource validates against the FHIR R4 schema, every reference resolving inside it',
    async (id, blinded) => {
      const { file, bundle } = await run(studies.get(id)!, blinded);
      expect(fhirErrors({ ...bundle, entry: [] })).toEqual([]);
      expect(bundle.type).toBe('collection');
      expect(file.rows).toBe(bundle.entry.length);
      const errors = bundle.entry.flatMap((e) => fhirErrors(e.resource));
      expect(errors.slice(0, 5)).toEqual([]);
      const urls = new Set(bundle.entry.map((e) => e.fullUrl));
      expect(urls.size).toBe(bundle.entry.length);
      const unresolved = (JSON.stringify(bundle.entry.map((e) => e.resource)).match(/urn:uuid:[0-9a-f-]+/g) ?? []).filter((u) => !urls.has(u));
      expect(unresolved).toEqual([]);
      const types = new Set(bundle.entry.map((e) => e.resource.resourceType));
      for (const t of ['ResearchStudy', 'Patient', 'ResearchSubject', 'Consent', 'Observation', 'Questionnaire', 'QuestionnaireResponse', 'MedicationAdministration']) expect(types, t).toContain(t);
      // The Groups of the arms only unblinded; one per arm, their members the randomized patients.
      const groups = bundle.entry.filter((e) => e.resource.resourceType === 'Group');
      const withArm = bundle.entry.filter((e) => e.resource.resourceType === 'ResearchSubject' && 'assignedArm' in e.resource);
      expect(groups.length).toBe(blinded ? 0 : getBuiltinProtocol(id).arms.length);
      if (blinded) expect(withArm).toEqual([]);
      else expect(groups.reduce((n, g) => n + Number(g.resource['quantity']), 0)).toBe(withArm.length);
    },
    120_000,
  );

  it('codes every lab Observation by LOINC and every adverse event with its seriousness and CTCAE grade', async () => {
    const { bundle } = await run(studies.get('sle-il2')!, true);
    // biome-ignore lint/suspicious/noExplicitAny: FHIR JSON read back in a test, its shape checked by the schema
    const resources = bundle.entry.map((e) => e.resource as FhirResource & Record<string, any>);
    const labs = resources.filter((r) => r.resourceType === 'Observation' && r.code.coding[0].system === 'http://loinc.org');
    expect(labs.length).toBeGreaterThan(0);
    const aes = resources.filter((r) => r.resourceType === 'AdverseEvent');
    expect(aes.length).toBeGreaterThan(0);
    for (const a of aes) {
      expect(['serious', 'non-serious']).toContain(a.seriousness.coding[0].code);
      expect(a.extension[0].valueInteger).toBeGreaterThanOrEqual(1);
    }
  }, 120_000);
});
