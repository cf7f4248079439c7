import { describe, expect, it } from 'vitest';
import { gradeLab } from './grade-lab.js';
import { grade } from './grade-lab.test-helper.js';

// Oracle rows are the admiral CTCAE v5 test cases (tests/testthat/test-derive_var_atoxgr.R, quoted in
// shared/reference/scoring/ctcae_v5_lab_grades.md) in ×10⁹/L, and the same values written in /mm³
// (× 1000 per CTCAE's own paired thresholds, 1.5 ×10⁹/L = 1500/mm³).
describe('CTCAE v5 neutrophil count decreased (LLN 2.0 ×10⁹/L)', () => {
  const rows: [number, number][] = [
    [0.49, 4],
    [0.5, 3],
    [0.99, 3],
    [1.0, 2],
    [1.49, 2],
    [1.5, 1],
    [1.9, 1],
    [2.0, 0],
  ];
  it.each(rows)('%d ×10⁹/L → grade %i', (value, g) => {
    expect(grade({ analyte: 'neutrophils', value, unit: '10^9/L', lln: 2.0 }, 'Neutrophil count decreased')).toBe(g);
  });
  it.each(rows.map(([v, g]) => [Math.round(v * 1000), g]))('%d /mm³ → grade %i', (value, g) => {
    expect(grade({ analyte: 'neutrophils', value, unit: '/mm3', lln: 2000 }, 'Neutrophil count decreased')).toBe(g);
  });
  it('without LLN, values below 1.5 still grade and 1.5 upwards cannot', () => {
    const term = 'Neutrophil count decreased';
    expect(grade({ analyte: 'neutrophils', value: 1.49, unit: '10^9/L' }, term)).toBe(2);
    for (const value of [1.5, 1.9, 2.0]) expect(grade({ analyte: 'neutrophils', value, unit: '10^9/L' }, term)).toBe('ungradable');
    expect(gradeLab({ analyte: 'neutrophils', value: 1.9, unit: '10^9/L' })[0]).toEqual({
      kind: 'ungradable',
      analyte: 'neutrophils',
      term,
      reason: 'Neutrophil count decreased cannot be graded without the lower limit of normal (LLN).',
    });
  });
});

describe('CTCAE v5 platelet count decreased (LLN 100 ×10⁹/L)', () => {
  const rows: [number, number][] = [
    [24, 4],
    [25, 3],
    [49, 3],
    [50, 2],
    [74, 2],
    [75, 1],
    [99, 1],
    [100, 0],
  ];
  it.each(rows)('%d ×10⁹/L → grade %i', (value, g) => {
    expect(grade({ analyte: 'platelets', value, unit: '10^9/L', lln: 100 }, 'Platelet count decreased')).toBe(g);
  });
  it.each(rows.map(([v, g]) => [v * 1000, g]))('%d /mm³ → grade %i', (value, g) => {
    expect(grade({ analyte: 'platelets', value, unit: '/mm3', lln: 100_000 }, 'Platelet count decreased')).toBe(g);
  });
  it('LLN missing: 75 cannot be graded, 74 can', () => {
    expect(grade({ analyte: 'platelets', value: 75, unit: '10^9/L' }, 'Platelet count decreased')).toBe('ungradable');
    expect(grade({ analyte: 'platelets', value: 74, unit: '10^9/L' }, 'Platelet count decreased')).toBe(2);
  });
});

describe('CTCAE v5 lymphocyte count decreased / increased', () => {
  // admiral rows; LLN 1.1 ×10⁹/L (admiral's fixture uses 140 for some rows, which does not change the grade)
  const rows: [number, number][] = [
    [0.19, 4],
    [0.2, 3],
    [0.49, 3],
    [0.5, 2],
    [0.79, 2],
    [0.8, 1],
    [1.09, 1],
    [1.1, 0],
  ];
  it.each(rows)('decreased: %d ×10⁹/L → grade %i', (value, g) => {
    expect(grade({ analyte: 'lymphocytes', value, unit: '10^9/L', lln: 1.1 }, 'Lymphocyte count decreased')).toBe(g);
  });
  it.each(rows.map(([v, g]) => [Math.round(v * 1000), g]))('decreased: %d /µL → grade %i', (value, g) => {
    expect(grade({ analyte: 'lymphocytes', value, unit: '/uL', lln: 1100 }, 'Lymphocyte count decreased')).toBe(g);
  });
  // ">4000 – 20,000/mm³" grade 2, ">20,000/mm³" grade 3; no grade 1
  const up: [number, number][] = [
    [4000, 0],
    [4001, 2],
    [20_000, 2],
    [20_001, 3],
  ];
  it.each(up)('increased: %d /mm³ → grade %i', (value, g) => {
    expect(grade({ analyte: 'lymphocytes', value, unit: '/mm3' }, 'Lymphocyte count increased')).toBe(g);
  });
  it.each(up.map(([v, g]) => [v / 1000, g]))('increased: %d ×10⁹/L → grade %i', (value, g) => {
    expect(grade({ analyte: 'lymphocytes', value, unit: '10^9/L' }, 'Lymphocyte count increased')).toBe(g);
  });
});

describe('CTCAE v5 white blood cell decreased (LLN 4.0 ×10⁹/L)', () => {
  // "<LLN–3000; <3000–2000; <2000–1000; <1000/mm³": each cut-off belongs to the milder grade
  const rows: [number, number][] = [
    [999, 4],
    [1000, 3],
    [1999, 3],
    [2000, 2],
    [2999, 2],
    [3000, 1],
    [3999, 1],
    [4000, 0],
  ];
  it.each(rows)('%d /mm³ → grade %i', (value, g) => {
    expect(grade({ analyte: 'leukocytes', value, unit: '/mm3', lln: 4000 }, 'White blood cell decreased')).toBe(g);
  });
  it.each(rows.map(([v, g]) => [v / 1000, g]))('%d ×10⁹/L → grade %i', (value, g) => {
    expect(grade({ analyte: 'leukocytes', value, unit: '10^9/L', lln: 4.0 }, 'White blood cell decreased')).toBe(g);
  });
});

describe('CTCAE v5 anaemia and haemoglobin increased (LLN 120 g/L, ULN 160 g/L)', () => {
  // Anaemia "<LLN–100 g/L; <100–80; <80 g/L"
  const rows: [number, number][] = [
    [79, 3],
    [80, 2],
    [99, 2],
    [100, 1],
    [119, 1],
    [120, 0],
  ];
  it.each(rows)('anaemia: %d g/L → grade %i', (value, g) => {
    expect(grade({ analyte: 'haemoglobin', value, unit: 'g/L', lln: 120, uln: 160 }, 'Anemia')).toBe(g);
  });
  it.each(rows.map(([v, g]) => [v / 10, g]))('anaemia: %d g/dL → grade %i', (value, g) => {
    expect(grade({ analyte: 'haemoglobin', value, unit: 'g/dL', lln: 12, uln: 16 }, 'Anemia')).toBe(g);
  });
  // Increased ">0–2 g/dL above ULN; >2–4; >4": ULN 160 g/L → 160 | 180 | 200
  const up: [number, number][] = [
    [160, 0],
    [161, 1],
    [180, 1],
    [181, 2],
    [200, 2],
    [201, 3],
  ];
  it.each(up)('increased: %d g/L → grade %i', (value, g) => {
    expect(grade({ analyte: 'haemoglobin', value, unit: 'g/L', lln: 120, uln: 160 }, 'Hemoglobin increased')).toBe(g);
  });
  it.each(up.map(([v, g]) => [v / 10, g]))('increased: %d g/dL → grade %i', (value, g) => {
    expect(grade({ analyte: 'haemoglobin', value, unit: 'g/dL', lln: 12, uln: 16 }, 'Hemoglobin increased')).toBe(g);
  });
});
