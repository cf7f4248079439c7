import { describe, expect, it } from 'vitest';
import { ascii, markItems, valueBytes, yesNo } from './cell-bytes.js';

const bytes = (s: string) => new TextEncoder().encode(s);
const has = (cell: string, code: string) => {
  const b = bytes(`x,${cell},y`);
  const column = new Uint8Array(1);
  markItems(b, 2, 2 + bytes(cell).length, [valueBytes(code)], [column], 0);
  return column[0] === 1;
};

describe('a codes cell read from its bytes', () => {
  it('finds a code among ";"-separated items, trimmed, in any case, and only as a whole item', () => {
    expect(has('primary-sjogren;infection', 'infection')).toBe(true);
    expect(has('Primary-Sjogren ; infection', 'primary-sjogren')).toBe(true);
    expect(has('primary-sjogren', 'sjogren')).toBe(false);
    expect(has('cancer-free', 'cancer')).toBe(false);
    expect(has('none', 'cancer')).toBe(false);
    expect(has(';;cancer;', 'cancer')).toBe(true);
    // The cell's bounds are kept: "y" after the cell is no item of it.
    expect(has('x', 'y')).toBe(false);
  });
  it('tells ASCII cells (byte case-folding is exact) from others, and reads yes/no words', () => {
    expect(ascii(bytes('primary-sjogren'), 0, 15)).toBe(true);
    expect(ascii(bytes('Sjögren'), 0, bytes('Sjögren').length)).toBe(false);
    expect([yesNo(bytes('YES'), 0, 3), yesNo(bytes('n'), 0, 1), yesNo(bytes('maybe'), 0, 5)]).toEqual([1, 0, -1]);
  });
});
