import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { alsIl2 } from '../../protocol/builtin/als-il2.js';
import { getBuiltinProtocol } from '../../protocol/builtin/index.js';
import { cli } from './run-cli.test-helper.js';

const dir = mkdtempSync(join(tmpdir(), 'il2trials-protocol-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('il2trials protocols / protocol show', () => {
  it('lists the four built-ins with registry id, design and n', () => {
    const r = cli('protocols', '--json');
    expect(r.code).toBe(0);
    const rows = JSON.parse(r.stdout) as { id: string; registryId: string | null; design: string; n: number }[];
    expect(rows.map((x) => [x.id, x.registryId, x.n])).toEqual([
      ['ss-il2', 'NCT02464319', 60],
      ['sle-il2', null, 60],
      ['als-il2', 'NCT04952155', 13],
      ['ae-il2', null, 10],
    ]);
    expect(rows[0]?.design).toBe('phase2 · randomized 1:1 · parallel · quadruple masking');
  });

  it('shows a protocol with its notes, and as JSON the protocol itself', () => {
    const human = cli('protocol', 'show', 'ss-il2');
    expect(human.stdout).toContain('inc-3: Liver values above 1,5 ULN');
    expect(human.stdout).toContain('[discrepancy] eligibility.inclusion[2]:');
    expect(JSON.parse(cli('protocol', 'show', 'ss-il2', '--json').stdout)).toEqual(getBuiltinProtocol('ss-il2'));
  });

  it('refuses an unknown id with one sentence and exit 1', () => {
    const r = cli('protocol', 'show', 'nope');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('il2trials: There is no built-in protocol "nope"; the known ids are ss-il2, sle-il2, als-il2, ae-il2.\n');
  });
});

describe('il2trials protocol validate', () => {
  it('says valid for a good file', () => {
    const file = join(dir, 'als.json');
    writeFileSync(file, JSON.stringify(alsIl2));
    const r = cli('protocol', 'validate', file);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(`valid: ${file} (protocol als-il2)\n`);
  });

  it('names the bad field of a bad file in one sentence, exit 1', () => {
    const arm = alsIl2.arms[0]!;
    const intervention = arm.interventions[0]!;
    const bad = {
      ...alsIl2,
      arms: [{ ...arm, interventions: [{ ...intervention, regimen: { ...intervention.regimen, steps: [{ kind: 'every', interval: 2, forDays: 14, dose: { amount: -1, unit: 'MIU' } }] } }] }],
    };
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(bad));
    const r = cli('protocol', 'validate', file);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`il2trials: ${file}: arms[0].interventions[0].regimen.steps[0].dose.amount: dose must not be negative\n`);
    const json = cli('protocol', 'validate', file, '--json');
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual({ valid: false, issues: [{ path: 'arms[0].interventions[0].regimen.steps[0].dose.amount', message: 'dose must not be negative' }] });
  });

  it('points a ClinicalTrials.gov record to the import instead of listing its 15 missing protocol fields', () => {
    const file = join(dir, 'NCT00763412.json');
    writeFileSync(file, JSON.stringify({ protocolSection: { identificationModule: { nctId: 'NCT00763412' } } }));
    const r = cli('protocol', 'validate', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`il2trials: ${file} is a ClinicalTrials.gov study record, not a protocol: run "il2trials import ctgov ${file}" for a protocol draft and a report of what to confirm.\n`);
  });

  it('names a file that is not JSON', () => {
    const file = join(dir, 'broken.json');
    writeFileSync(file, '{ "id": ');
    const r = cli('protocol', 'validate', file);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`^il2trials: Protocol file ${file} is not valid JSON \\(.+\\)\\.\\n$`));
  });
});
