import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cli } from './run-cli.test-helper.js';

describe('il2trials ctcae grade', () => {
  it('grades ALT 130 U/L (ULN 40) against an abnormal baseline of 100: grade 0, with the rule applied', () => {
    // CTCAE v5.0 ALT increased, baseline abnormal: grade 1 is ≥ 1.5 × baseline = 150 U/L; 130 is below it.
    const r = cli('ctcae', 'grade', '--analyte', 'ALT', '--value', '130', '--unit', 'U/L', '--uln', '40', '--baseline', '100', '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([
      {
        analyte: 'alt',
        value: 130,
        unit: 'U/L',
        uln: 40,
        baseline: 100,
        gradings: [{ term: 'Alanine aminotransferase increased', grade: 0, rule: '130 U/L is not ≥ 1.5 × baseline = 150 U/L, baseline abnormal (grade 1)' }],
      },
    ]);
    // Without the baseline (taken as normal): 130 > 3 × ULN = 120 and ≤ 5 × ULN = 200, grade 2.
    const normal = JSON.parse(cli('ctcae', 'grade', '--analyte', 'alt', '--value', '130', '--unit', 'U/L', '--uln', '40', '--json').stdout);
    expect(normal[0].gradings[0]).toEqual({ term: 'Alanine aminotransferase increased', grade: 2, rule: '130 U/L > 3 × ULN = 120 U/L, baseline normal' });
  });

  it('grades every row of a CSV file, leukocytosis and haemoglobin in mmol/L among them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ctcae-'));
    const file = join(dir, 'labs.csv');
    writeFileSync(file, 'analyte,value,unit,lln,uln,baseline\nWBC,150,10^9/L,4,10,\nHgb,4.8,mmol/L,7.4,9.9,\n');
    const r = cli('ctcae', 'grade', '--csv', file, '--json');
    expect(r.code, r.stderr).toBe(0);
    const [wbc, hgb] = JSON.parse(r.stdout);
    // WBC 150 ×10⁹/L = 150,000/mm³ > 100,000/mm³: Leukocytosis grade 3 (CTCAE v5.0; no grade 1 or 2).
    expect(wbc.gradings).toEqual([
      { term: 'White blood cell decreased', grade: 0, rule: '150000 /mm3 is not < 1 × LLN = 4000 /mm3 (grade 1)' },
      { term: 'Leukocytosis', grade: 3, rule: '150000 /mm3 > 100000 /mm3' },
    ]);
    // Hgb 4.8 mmol/L × 16.1145 g/L per mmol/L = 77.3496 g/L < 80 g/L: Anemia grade 3 (CTCAE v5.0 lists <4.9 mmol/L too).
    expect(hgb.gradings[0]).toEqual({ term: 'Anemia', grade: 3, rule: '77.3496 g/L < 80 g/L' });
    // ULN 9.9 mmol/L = 159.53355 g/L; 77.3 is not above it.
    expect(hgb.gradings[1]).toMatchObject({ term: 'Hemoglobin increased', grade: 0 });

    const table = cli('ctcae', 'grade', '--csv', file);
    expect(table.stdout).toMatch(/leukocytes\s+150\s+10\^9\/L\s+Leukocytosis\s+3\s+150000 \/mm3 > 100000 \/mm3/);
  });

  it('names the bad row and field, exits non-zero and prints nothing on stdout', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ctcae-'));
    const file = join(dir, 'labs.csv');
    writeFileSync(file, 'analyte,value,unit\nALT,50,U/L\nALT,fifty,U/L\n');
    const r = cli('ctcae', 'grade', '--csv', file, '--json');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`il2trials: Row 3 of ${file}: the value "fifty" is not a number.\n`);
    const unit = cli('ctcae', 'grade', '--analyte', 'Hgb', '--value', '12', '--unit', 'mg/mL');
    expect(unit.code).toBe(1);
    expect(unit.stderr).toBe('il2trials: Unit "mg/mL" is not supported for haemoglobin; use one of g/L, g/dL, mmol/L.\n');
  });
});
