import { describe, expect, it } from 'vitest';
import { essdai, scoreEssdai } from './essdai.js';

const zero = Object.fromEntries(essdai.items.map((i) => [i.id, 0]));

describe('ESSDAI (Seror 2010, Table 3)', () => {
  it('all domains at no activity scores 0', () => {
    expect(scoreEssdai(zero).total).toBe(0);
  });

  it('every domain at its highest level scores 123', () => {
    // 3×2 + 4×3 + 2×2 + 2×3 + 3×3 + 5×3 + 5×3 + 6×3 + 5×3 + 5×3 + 2×3 + 1×2
    // = 6 + 12 + 4 + 6 + 9 + 15 + 15 + 18 + 15 + 15 + 6 + 2 = 123
    const max = { ...zero, constitutional: 2, lymphadenopathy: 3, glandular: 2, articular: 3, cutaneous: 3, pulmonary: 3, renal: 3, muscular: 3, pns: 3, cns: 3, haematological: 3, biological: 2 };
    expect(scoreEssdai(max).total).toBe(123);
  });

  it('articular moderate + glandular low + constitutional low + biological moderate = 11 (essdai.md example)', () => {
    // 2×2 + 1×2 + 1×3 + 2×1 = 4 + 2 + 3 + 2 = 11
    const s = scoreEssdai({ ...zero, articular: 2, glandular: 1, constitutional: 1, biological: 2 });
    expect(s.total).toBe(11);
    expect(s.components).toMatchObject({ articular: 4, glandular: 2, constitutional: 3, biological: 2, renal: 0 });
  });

  it('muscular moderate + CNS moderate + haematological low = 24', () => {
    // 2×6 + 2×5 + 1×2 = 12 + 10 + 2 = 24
    expect(scoreEssdai({ ...zero, muscular: 2, cns: 2, haematological: 1 }).total).toBe(24);
  });

  it('CNS has no low level, constitutional no high level', () => {
    expect(() => scoreEssdai({ ...zero, cns: 1 })).toThrow(expect.objectContaining({ code: 'INSTRUMENT_ITEM_OUT_OF_RANGE', path: 'cns' }));
    expect(() => scoreEssdai({ ...zero, constitutional: 3 })).toThrow('ESSDAI item "constitutional" must be one of 0, 1, 2, not 3.');
  });

  it('a missing domain is named', () => {
    const { renal: _omit, ...rest } = zero;
    expect(() => scoreEssdai(rest)).toThrow(expect.objectContaining({ code: 'INSTRUMENT_ITEM_MISSING', path: 'renal' }));
  });

  it('every level is described by its published level name and value (No 0, Low 1, Moderate 2, High 3)', () => {
    const names = ['No', 'Low', 'Moderate', 'High'];
    for (const item of essdai.items) {
      if (item.allowed.kind !== 'choice') throw new Error(`${item.id} is not a choice`);
      for (const option of item.allowed.options) expect(option.label.split(':')[0], `${item.id} level ${option.value}`).toBe(names[option.value]);
    }
  });

  it('haematological levels carry Table 3 cut-offs', () => {
    const labels = essdai.items.find((i) => i.id === 'haematological')?.allowed;
    if (labels?.kind !== 'choice') throw new Error('haematological is not a choice');
    const [, low, moderate, high] = labels.options.map((o) => o.label);
    expect(low).toContain('1000 < neutrophils < 1500/mm³');
    expect(moderate).toContain('8 ≤ haemoglobin ≤ 10 g/dl');
    expect(high).toContain('platelets < 50,000/mm³');
  });
});
