import { describe, expect, it } from 'vitest';
import { alsfrsProgressionRate, alsfrsR, DAYS_PER_MONTH, scoreAlsfrsR } from './alsfrs-r.js';

const all = (v: number) => Object.fromEntries(alsfrsR.items.filter((i) => i.id !== 'cutting-food-gastrostomy').map((i) => [i.id, v]));

describe('ALSFRS-R (Cedarbaum 1999)', () => {
  it('all items 0 scores 0', () => {
    expect(scoreAlsfrsR(all(0))).toEqual({ instrument: 'alsfrs-r', total: 0, components: { bulbar: 0, motor: 0, fineMotor: 0, grossMotor: 0, respiratory: 0 } });
  });

  it('all items 4 scores the maximum 48: 12 bulbar, 24 motor (12 fine + 12 gross), 12 respiratory', () => {
    // 12 items × 4 = 48; bulbar, fine motor, gross motor, respiratory 3 items × 4 = 12 each; motor 6 items × 4 = 24
    expect(scoreAlsfrsR(all(4))).toEqual({ instrument: 'alsfrs-r', total: 48, components: { bulbar: 12, motor: 24, fineMotor: 12, grossMotor: 12, respiratory: 12 } });
  });

  it('a bulbar-onset pattern sums by domain', () => {
    // bulbar 1+2+2 = 5; fine motor 4+4+3 = 11; gross motor 4+3+3 = 10; motor 11+10 = 21; respiratory 3+4+4 = 11;
    // total 5 + 21 + 11 = 37
    const s = scoreAlsfrsR({
      speech: 1,
      salivation: 2,
      swallowing: 2,
      handwriting: 4,
      'cutting-food': 4,
      'dressing-hygiene': 3,
      'turning-in-bed': 4,
      walking: 3,
      'climbing-stairs': 3,
      dyspnea: 3,
      orthopnea: 4,
      'respiratory-insufficiency': 4,
    });
    expect(s.total).toBe(37);
    expect(s.components).toEqual({ bulbar: 5, motor: 21, fineMotor: 11, grossMotor: 10, respiratory: 11 });
  });

  it('item 5b replaces 5a for a patient with gastrostomy', () => {
    // all 4 except swallowing 1 and 5b 2: 48 − 3 − 2 = 43; fine motor 4 + 2 + 4 = 10
    const { 'cutting-food': _omit, ...rest } = all(4);
    const s = scoreAlsfrsR({ ...rest, swallowing: 1, 'cutting-food-gastrostomy': 2 });
    expect(s.total).toBe(43);
    expect(s.components['fineMotor']).toBe(10);
  });

  it('both 5a and 5b, or neither, is refused', () => {
    expect(() => scoreAlsfrsR({ ...all(4), 'cutting-food-gastrostomy': 4 })).toThrow(expect.objectContaining({ code: 'INSTRUMENT_ITEM_ALTERNATIVE_CONFLICT' }));
    const { 'cutting-food': _omit, ...rest } = all(4);
    expect(() => scoreAlsfrsR(rest)).toThrow(expect.objectContaining({ code: 'INSTRUMENT_ITEM_MISSING', path: 'cutting-food' }));
  });

  it('a missing item and an out-of-range item are named', () => {
    const { orthopnea: _omit, ...rest } = all(4);
    expect(() => scoreAlsfrsR(rest)).toThrow('ALSFRS-R item "orthopnea" is missing.');
    expect(() => scoreAlsfrsR({ ...all(4), walking: 5 })).toThrow(expect.objectContaining({ code: 'INSTRUMENT_ITEM_OUT_OF_RANGE', path: 'walking' }));
    expect(() => scoreAlsfrsR({ ...all(4), walking: 2.5 })).toThrow(expect.objectContaining({ code: 'INSTRUMENT_ITEM_OUT_OF_RANGE' }));
  });
});

describe('ALSFRS-R progression rate ΔFS (Kimura 2006)', () => {
  it('uses a month of 365.25/12 = 30.4375 days', () => {
    expect(DAYS_PER_MONTH).toBe(30.4375);
  });

  it('(48 − 36) over 365 days from onset', () => {
    // 2023-01-01 → 2024-01-01 = 365 days = 365 / 30.4375 = 11.9918… months; 12 / 11.9918 = 1.000684 points/month
    const r = alsfrsProgressionRate(36, '2023-01-01', '2024-01-01');
    expect(r.months).toBeCloseTo(11.99179, 4);
    expect(r.pointsPerMonth).toBeCloseTo(1.000685, 5);
  });

  it('(48 − 40) over two calendar years (730 days)', () => {
    // 2022-01-01 → 2024-01-01 is 730 days (2023 not leap, 2024 leap after Jan): 730/30.4375 = 23.9836 months; 8/23.9836 = 0.33356
    expect(alsfrsProgressionRate(40, '2022-01-01', '2024-01-01').pointsPerMonth).toBeCloseTo(0.33356, 5);
  });

  it('refuses an assessment on or before onset, and a total above 48', () => {
    expect(() => alsfrsProgressionRate(40, '2024-01-01', '2024-01-01')).toThrow(expect.objectContaining({ code: 'INSTRUMENT_DATE_ORDER_INVALID' }));
    expect(() => alsfrsProgressionRate(49, '2023-01-01', '2024-01-01')).toThrow(expect.objectContaining({ code: 'INSTRUMENT_ITEM_OUT_OF_RANGE' }));
    expect(() => alsfrsProgressionRate(40, '2023-02-30', '2024-01-01')).toThrow(expect.objectContaining({ code: 'INSTRUMENT_INVALID_DATE' }));
  });
});
