import { describe, expect, it } from 'vitest';
import type { Value } from './ast.js';
import { evaluate } from './evaluate.js';
import { parseExpression } from './parse.js';

const items: Record<string, Value> = { a: 3, b: 4, zero: 0, gone: null, sex: 2, yes: true, no: false, day: '2024-03-01', name: 'x' };
const chosen: Record<string, string[]> = { symptoms: ['1', '3'] };
const tables: Record<string, [number, number][]> = {
  norm: [
    [0, 0],
    [1, 12.5],
    [2, 25],
  ],
};

const ev = (source: string) =>
  evaluate(parseExpression(source), {
    item: (id, code) => (code === undefined ? (items[id] ?? null) : chosen[id] ? chosen[id].includes(code) : null),
    lookup: (t, key) => tables[t]?.find(([raw]) => raw === key)?.[1] ?? null,
  });

describe('form expressions: arithmetic', () => {
  it.each([
    ['1 + 2 * 3', 7], // * before +
    ['(1 + 2) * 3', 9],
    ['10 - 4 - 3', 3], // left to right: (10 − 4) − 3
    ['12 / 4 / 3', 1], // (12 / 4) / 3
    ['-[a] + 5', 2], // −3 + 5
    ['2 * -3', -6],
    ['[a] * [b]', 12],
    ['8*[a] + 4*[b]', 40], // 24 + 16
    ['1.5e1 + .5', 15.5],
    ['[yes] + [yes] + [no]', 2], // booleans count 1 and 0
    ['2 ^ 3 * 2', 16], // ^ before *: 8 × 2
    ['2 ^ 3 ^ 2', 512], // right to left: 2^9
    ['-2 ^ 2', -4], // −(2²)
    ['4 ^ -1', 0.25],
    ['round(([b] * 10000) / (([a] * 50) ^ (2)), 1)', 1.8], // REDCap's BMI shape: 40000 / 150² = 1.777… → 1.8
  ])('%s = %d', (source, expected) => {
    expect(ev(source)).toBe(expected);
  });

  it('missing propagates through arithmetic, and a division by zero is missing', () => {
    expect(ev('[a] + [gone]')).toBeNull();
    expect(ev('-[gone]')).toBeNull();
    expect(ev('[a] / [zero]')).toBeNull();
  });
});

describe('form expressions: comparisons and logic', () => {
  it.each([
    ['[a] < [b]', true],
    ['[a] >= 3', true],
    ['[a] <> 3', false],
    ['[a] != 3', false], // `!=` spells `<>`
    ['[a] == 3', true], // `==` spells `=`
    ["[sex] = '2'", true], // a code as REDCap writes it: numeric text compares as a number
    ["[day] < '2024-04-01'", true], // ISO dates order as text
    ["[name] = 'x'", true],
    ['[a] > 2 and [b] > 5', false],
    ['[a] > 2 or [b] > 5', true],
    ['not [a] = 3', false],
    ['not ([a] = 3 or [b] = 3)', false],
    ['[a] = 3 AND [b] = 4', true], // keywords in either case
  ])('%s is %s', (source, expected) => {
    expect(ev(source)).toBe(expected);
  });

  it("'' stands for missing, as in REDCap branching logic", () => {
    expect(ev("[gone] = ''")).toBe(true);
    expect(ev("[a] = ''")).toBe(false);
    expect(ev("[gone] <> ''")).toBe(false);
    expect(ev("[a] <> ''")).toBe(true);
  });

  it('comparing with missing is missing; and/or follow Kleene logic', () => {
    expect(ev('[gone] > 1')).toBeNull();
    expect(ev('[gone] > 1 and [a] = 99')).toBe(false); // false wins an and
    expect(ev('[gone] > 1 and [a] = 3')).toBeNull();
    expect(ev('[gone] > 1 or [a] = 3')).toBe(true); // true wins an or
    expect(ev('[gone] > 1 or [a] = 99')).toBeNull();
    expect(ev('not ([gone] > 1)')).toBeNull();
  });

  it('reads one option of a multiple choice as [item(code)]', () => {
    expect(ev('[symptoms(1)]')).toBe(true);
    expect(ev('[symptoms(2)]')).toBe(false);
    expect(ev("[symptoms(3)] = '1'")).toBe(true); // REDCap's checked = '1'
    expect(ev('[symptoms(1)] + [symptoms(2)] + [symptoms(3)]')).toBe(2);
  });

  it('text used as a condition is refused', () => {
    expect(() => ev("'yes' and [yes]")).toThrow(expect.objectContaining({ code: 'FORM_EXPRESSION_TYPE_ERROR' }));
  });
});

describe('form expressions: functions', () => {
  it.each([
    ['sum(1, 2, 3)', 6],
    ['sum([a], [b], 1)', 8],
    ['mean([a], [b], 2)', 3], // 9 / 3
    ['min([a], [b])', 3],
    ['max([a], [b], -1)', 4],
    ['abs(-2.5)', 2.5],
    ['round(2.675, 2)', 2.68], // half away from zero, not 2.67 of binary floating point
    ['round(-2.5)', -3],
    ['round(10 / 3, 1)', 3.3],
    ['if([a] > 2, 10, 20)', 10],
    ['if([a] > 5, 10, 20)', 20],
    ['coalesce([gone], [b], [a])', 4],
    ["lookup('norm', [a] - 2)", 12.5], // raw 1 → 12.5
    ["lookup('norm', 2)", 25],
  ])('%s = %d', (source, expected) => {
    expect(ev(source)).toBe(expected);
  });

  it('missing: sum, mean, min, max with a missing argument; if with a missing condition; lookup with no row', () => {
    expect(ev('sum([a], [gone])')).toBeNull();
    expect(ev('mean([gone])')).toBeNull();
    expect(ev('max([a], [gone])')).toBeNull();
    expect(ev('if([gone] > 1, 1, 2)')).toBeNull();
    expect(ev("lookup('norm', 7)")).toBeNull();
    expect(ev('coalesce([gone])')).toBeNull();
  });

  it('missing() asks whether a value is missing, and is never missing itself', () => {
    expect(ev('missing([gone])')).toBe(true);
    expect(ev('missing([a])')).toBe(false);
  });

  it('if evaluates only the branch it takes', () => {
    expect(ev("if([a] > 2, 1, 'x' and [yes])")).toBe(1);
  });
});
