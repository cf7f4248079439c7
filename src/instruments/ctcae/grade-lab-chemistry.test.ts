import { describe, expect, it } from 'vitest';
import { gradeLab, proposedAdverseEvents } from './grade-lab.js';
import { convertLab } from './lab-units.js';
import { grade } from './grade-lab.test-helper.js';

describe('CTCAE v5 ALT / AST increased', () => {
  // admiral: ULN 40, baseline normal: ">ULN–3 ULN; >3–5; >5–20; >20 ULN" → 40 | 120 | 200 | 800
  const normal: [number, number][] = [
    [801, 4],
    [800, 3],
    [201, 3],
    [200, 2],
    [121, 2],
    [120, 1],
    [41, 1],
    [40, 0],
  ];
  it.each(normal)('baseline normal, ULN 40: ALT %d → grade %i', (value, g) => {
    expect(grade({ analyte: 'alt', value, unit: 'U/L', uln: 40, baseline: 30 }, 'Alanine aminotransferase increased')).toBe(g);
    expect(grade({ analyte: 'ast', value, unit: 'U/L', uln: 40 }, 'Aspartate aminotransferase increased')).toBe(g);
  });
  // admiral: BASE 40 above ULN 39: "1.5–3.0 × baseline; >3–5; >5–20; >20 × baseline" → 60 (inclusive) | 120 | 200 | 800
  const abnormal: [number, number][] = [
    [801, 4],
    [800, 3],
    [201, 3],
    [200, 2],
    [121, 2],
    [120, 1],
    [60, 1],
    [59, 0],
  ];
  it.each(abnormal)('baseline 40 abnormal (ULN 39): ALT %d → grade %i', (value, g) => {
    expect(grade({ analyte: 'alt', value, unit: 'U/L', uln: 39, baseline: 40 }, 'Alanine aminotransferase increased')).toBe(g);
  });
  it('ULN missing cannot be graded; an abnormal baseline without ULN cannot be recognised', () => {
    expect(grade({ analyte: 'alt', value: 500, unit: 'U/L' }, 'Alanine aminotransferase increased')).toBe('ungradable');
    expect(grade({ analyte: 'alt', value: 500, unit: 'U/L', baseline: 80 }, 'Alanine aminotransferase increased')).toBe('ungradable');
  });
});

describe('CTCAE v5 blood bilirubin increased', () => {
  // ULN 21 µmol/L (= 21/17.1 = 1.228… mg/dL), baseline normal: ">ULN–1.5; >1.5–3; >3–10; >10 ULN" → 21 | 31.5 | 63 | 210
  const normal: [number, number][] = [
    [21, 0],
    [21.1, 1],
    [31.5, 1],
    [31.6, 2],
    [63, 2],
    [63.1, 3],
    [210, 3],
    [210.1, 4],
  ];
  it.each(normal)('ULN 21 µmol/L: %d µmol/L → grade %i', (value, g) => {
    expect(grade({ analyte: 'bilirubin', value, unit: 'umol/L', uln: 21 }, 'Blood bilirubin increased')).toBe(g);
  });
  // ULN 1.2 mg/dL: 1.2 | 1.8 | 3.6 | 12 mg/dL
  const mg: [number, number][] = [
    [1.2, 0],
    [1.21, 1],
    [1.8, 1],
    [1.81, 2],
    [3.6, 2],
    [3.61, 3],
    [12, 3],
    [12.01, 4],
  ];
  it.each(mg)('ULN 1.2 mg/dL: %d mg/dL → grade %i', (value, g) => {
    expect(grade({ analyte: 'bilirubin', value, unit: 'mg/dL', uln: 1.2 }, 'Blood bilirubin increased')).toBe(g);
  });
  // baseline 30 µmol/L above ULN 21: ">1.0–1.5 × baseline; >1.5–3; >3–10; >10" → 30 | 45 | 90 | 300
  const abnormal: [number, number][] = [
    [30, 0],
    [30.1, 1],
    [45, 1],
    [45.1, 2],
    [90, 2],
    [90.1, 3],
    [300, 3],
    [300.1, 4],
  ];
  it.each(abnormal)('baseline 30 abnormal: %d µmol/L → grade %i', (value, g) => {
    expect(grade({ analyte: 'bilirubin', value, unit: 'umol/L', uln: 21, baseline: 30 }, 'Blood bilirubin increased')).toBe(g);
  });
});

describe('CTCAE v5 creatinine increased', () => {
  // ULN 100 µmol/L: ">ULN–1.5; >1.5–3; >3–6; >6 ULN" → 100 | 150 | 300 | 600
  const rows: [number, number][] = [
    [100, 0],
    [101, 1],
    [150, 1],
    [151, 2],
    [300, 2],
    [301, 3],
    [600, 3],
    [601, 4],
  ];
  it.each(rows)('ULN 100 µmol/L: %d µmol/L → grade %i', (value, g) => {
    expect(grade({ analyte: 'creatinine', value, unit: 'umol/L', uln: 100 }, 'Creatinine increased')).toBe(g);
  });
  // ULN 1.2 mg/dL: 1.2 | 1.8 | 3.6 | 7.2 mg/dL
  const mg: [number, number][] = [
    [1.2, 0],
    [1.21, 1],
    [1.8, 1],
    [1.81, 2],
    [3.6, 2],
    [3.61, 3],
    [7.2, 3],
    [7.21, 4],
  ];
  it.each(mg)('ULN 1.2 mg/dL: %d mg/dL → grade %i', (value, g) => {
    expect(grade({ analyte: 'creatinine', value, unit: 'mg/dL', uln: 1.2 }, 'Creatinine increased')).toBe(g);
  });
  it('baseline multiples raise the grade: ">1.5–3.0 × baseline" (2), ">3.0 × baseline" (3)', () => {
    // baseline 40, ULN 100: 61 µmol/L is > 1.5 × 40 = 60 but < ULN → grade 2; 60 → 0; 121 > 3 × 40 = 120 → grade 3
    const c = (value: number) => grade({ analyte: 'creatinine', value, unit: 'umol/L', uln: 100, baseline: 40 }, 'Creatinine increased');
    expect([c(60), c(61), c(120), c(121)]).toEqual([0, 2, 2, 3]);
  });
  it('ULN missing is ungradable even with a baseline', () => {
    expect(grade({ analyte: 'creatinine', value: 200, unit: 'umol/L', baseline: 50 }, 'Creatinine increased')).toBe('ungradable');
  });
});

describe('lab grading results and errors', () => {
  it('proposes an adverse event for each grade ≥ 1 only', () => {
    const gradings = [...gradeLab({ analyte: 'lymphocytes', value: 450, unit: '/mm3', lln: 1000 }), ...gradeLab({ analyte: 'neutrophils', value: 3000, unit: '/mm3', lln: 1500 })];
    expect(proposedAdverseEvents(gradings)).toEqual([{ term: 'Lymphocyte count decreased', grade: 3 }]);
  });

  it('converts with the cited factors', () => {
    // bilirubin 1 mg/dL = 17.1 µmol/L; creatinine 1 mg/dL = 88.4 µmol/L (Young 1987)
    expect(convertLab('bilirubin', 2, 'mg/dL', 'umol/L')).toBe(34.2);
    expect(convertLab('creatinine', 176.8, 'umol/L', 'mg/dL')).toBe(2);
    expect(convertLab('neutrophils', 1.5, '10^9/L', '/mm3')).toBe(1500);
    expect(convertLab('haemoglobin', 95, 'g/L', 'g/dL')).toBe(9.5);
  });

  it('names an unknown analyte, an unsupported unit and a negative value', () => {
    expect(() => gradeLab({ analyte: 'crp', value: 1, unit: 'mg/L' })).toThrow(expect.objectContaining({ code: 'INSTRUMENT_UNKNOWN_ANALYTE' }));
    expect(() => gradeLab({ analyte: 'alt', value: 1, unit: 'ukat/L' })).toThrow('Unit "ukat/L" is not supported for alt; use one of U/L.');
    expect(() => gradeLab({ analyte: 'alt', value: 30, unit: 'U/L', uln: -1 })).toThrow(expect.objectContaining({ code: 'INSTRUMENT_LAB_VALUE_INVALID', path: 'uln' }));
  });
});

describe('CTCAE v5 leukocytosis and haemoglobin in mmol/L', () => {
  // Leukocytosis: grade 3 ">100,000/mm3", no grade 1 or 2 (admiral: AVAL > 100 ×10⁹/L).
  it.each([
    [100_000, 0],
    [100_001, 3],
    [150_000, 3],
  ])('WBC %d /mm³ → leukocytosis grade %i', (value, g) => {
    expect(grade({ analyte: 'leukocytes', value, unit: '/mm3', lln: 4000 }, 'Leukocytosis')).toBe(g);
  });
  it('WBC 150 ×10⁹/L is leukocytosis grade 3 and white blood cell decreased grade 0', () => {
    expect(grade({ analyte: 'leukocytes', value: 150, unit: '10^9/L', lln: 4 }, 'Leukocytosis')).toBe(3);
    expect(grade({ analyte: 'leukocytes', value: 150, unit: '10^9/L', lln: 4 }, 'White blood cell decreased')).toBe(0);
  });
  // 1 mmol/L (monomer) = 16.1145 g/L: 6.2 mmol/L = 99.91 g/L, 4.9 mmol/L = 78.96 g/L, 5.0 mmol/L = 80.5725 g/L.
  it.each([
    [6.3, 1],
    [6.2, 2],
    [5.0, 2],
    [4.9, 3],
  ])('Hgb %d mmol/L (LLN 7.4) → anemia grade %i', (value, g) => {
    expect(grade({ analyte: 'haemoglobin', value, unit: 'mmol/L', lln: 7.4 }, 'Anemia')).toBe(g);
  });
  it('converts mmol/L to g/dL by the monomer molar mass', () => {
    expect(convertLab('haemoglobin', 6.2, 'mmol/L', 'g/dL')).toBeCloseTo(9.99099, 5); // 6.2 × 16.1145 / 10
  });
});
