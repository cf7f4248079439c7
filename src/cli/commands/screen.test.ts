import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { cli } from './run-cli.test-helper.js';

const dir = mkdtempSync(join(tmpdir(), 'il2trials-screen-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * The columns sle-il2 reads, in criterion order, worked out from the record's lines: age; inc-1
 * diagnoses; inc-2, inc-3 attested; inc-4 proteinuria (and diagnoses); inc-5 the seven laboratory
 * facts; inc-6 SLEDAI; inc-7–9 the tests; inc-10 the consent record; exc-1 NYHA, ALT, AST and its attested
 * rest; exc-2 attested rest; exc-3 attested; exc-4 pulse date, pulse dose, weight (the dose is per
 * kg), IV bolus date; exc-5 prior treatments and attested rest; exc-6 PPD; exc-7, exc-8 attested.
 * The record's sex is "All", so sex is not read.
 */
const sleColumns = [
  'age',
  'diagnoses',
  'attested.inc-2',
  'attested.inc-3',
  'proteinuria',
  'ana_titre',
  'anti_dsdna_positive',
  'immunoglobulin',
  'c3_decreased',
  'c4_decreased',
  'leukocytes',
  'platelets',
  'sledai',
  'hiv_positive',
  'hbv_positive',
  'hcv_positive',
  'pregnancy_test_positive',
  'informed_consent',
  'nyha_class',
  'alt_uln',
  'ast_uln',
  'attested.exc-1',
  'attested.exc-2',
  'attested.exc-3',
  'last_steroid_pulse',
  'steroid_pulse_dose',
  'weight',
  'last_iv_corticosteroid_bolus',
  'prior_treatments',
  'attested.exc-5',
  'ppd_induration',
  'attested.exc-7',
  'attested.exc-8',
];

describe('il2trials screen ID --template', () => {
  it('prints the CSV header the protocol reads', () => {
    const r = cli('screen', 'sle-il2', '--template');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toBe(['patient_id', ...sleColumns].join(',') + '\n');
    expect(JSON.parse(cli('screen', 'sle-il2', '--template', '--json').stdout)).toEqual(['patient_id', ...sleColumns]);
  });
});

describe('il2trials screen ID --csv FILE --json', () => {
  it('reports a bad row by row and column on stderr, screens the others, and exits 1', () => {
    const csv = join(dir, 'candidates.csv');
    writeFileSync(
      csv,
      [
        'patient_id,age,sledai,ppd_induration',
        'P1,40,6,5', // SLEDAI 6 < 8: inc-6 fails
        'P2,40,ten,5', // not a number
        'P3,40,10,15 mm', // PPD 15 mm > 10: exc-6 fails
        'P4,40,10,5', // nothing fails, the other facts are unknown
      ].join('\n') + '\n',
    );
    const r = cli('screen', 'sle-il2', '--csv', csv, '--date', '2025-06-02', '--json');
    expect(r.code).toBe(1); // --help: "the exit code is 1 if any row was bad"
    expect(r.stderr).toContain('row 2, column "sledai"');
    expect(r.stderr).toContain('"ten" is not a number');
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.slice(0, 3).map((l) => [l.row, l.patientId, l.status, l.failed])).toEqual([
      [1, 'P1', 'ineligible', ['inc-6']],
      [3, 'P3', 'ineligible', ['exc-6']],
      [4, 'P4', 'incomplete', []],
    ]);
    // P4 misses every column it was not given, in the protocol's order.
    expect(lines[2].missing).toEqual(sleColumns.filter((c) => !['age', 'sledai', 'ppd_induration'].includes(c)));
    expect(lines[3]).toMatchObject({ kind: 'funnel', protocol: 'sle-il2', screened: 3, badRows: 1, eligible: 0, ineligible: 2, incomplete: 1 });
    expect(lines).toHaveLength(4);
  });
});

describe('il2trials screen ID --csv FILE --threads N', () => {
  it('refuses a thread count that is not a whole number of at least 1, in one sentence, with exit 1', () => {
    const csv = join(dir, 'one.csv');
    writeFileSync(csv, 'patient_id,age\nP1,40\n');
    for (const n of ['abc', '0', '-2', '1.5']) {
      const r = cli('screen', 'sle-il2', '--csv', csv, '--threads', n);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('--threads must be a whole number of at least 1.');
      expect(r.stdout).toBe('');
    }
  });
});

describe('il2trials screen ID --csv FILE without a patient_id column', () => {
  it('says the header lacks the column, and only an empty file is called empty', () => {
    // A file with a header but no patient_id column had been called empty, which it is not.
    const noId = join(dir, 'no-id.csv');
    writeFileSync(noId, 'age,sex\n40,female\n');
    const r = cli('screen', 'sle-il2', '--csv', noId);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('The CSV header has no "patient_id" column.');
    expect(r.stderr).not.toContain('empty');
    const empty = join(dir, 'empty.csv');
    writeFileSync(empty, '');
    const e = cli('screen', 'sle-il2', '--csv', empty);
    expect(e.code).toBe(1);
    expect(e.stderr).toContain(`The CSV file "${empty}" is empty: it needs a header with a "patient_id" column.`);
  });
});
