import { describe, expect, it } from 'vitest';
import { createChunk, MISSING, NO_CODE, type ColumnSpec } from './column-chunk.js';
import { storePlain, targetOf, type Target } from './csv-cells.js';
import { readPlainAt } from './plain-cells.js';

const SPECS: ColumnSpec[] = [
  { name: 'age', kind: 'number', values: [] },
  { name: 'last_live_vaccination', kind: 'date', values: [] },
  { name: 'pregnant', kind: 'yes-no', values: [] },
  { name: 'sex', kind: 'code', values: ['female', 'male'] },
  { name: 'diagnoses', kind: 'codes', values: ['primary-sjogren', 'infection'] },
  { name: 'attested.inc-4', kind: 'attestation', values: [] },
];
const chunk = createChunk(SPECS, 2);
const target = (kind: string): Target => targetOf(SPECS.find((s) => s.kind === kind)!, chunk);
const value = (t: Target, r: number): unknown => (t.kind <= 1 ? t.numbers[r] : t.kind === 4 ? t.codes.map((c) => c[r]) : t.bytes[r]);

/** The cell read in a row "x,<cell>,y\n": what readPlainAt stored, or 'general' when it left it. */
function read(kind: string, cell: string): unknown {
  const t = target(kind);
  const b = new TextEncoder().encode(`x,${cell},y\n`);
  const end = readPlainAt(b, 2, t, 0);
  if (end < 0) return 'general';
  expect(end).toBe(b.length - 3); // the comma after the cell
  return value(t, 0);
}

describe('a cell in its usual form read in the pass that finds its end', () => {
  it('reads numbers, dates, yes/no, codes and attestations in their plain forms', () => {
    expect([read('number', '50.5'), read('number', '-3'), read('number', '.5'), read('number', '')]).toEqual([50.5, -3, 0.5, NaN]);
    // 2024-01-01 is day 19,723 from 1970-01-01; 2024 is a leap year, so 29 February is 31 + 28 days on.
    expect([read('date', '2024-02-29'), read('date', 'never'), read('date', 'NEVER'), read('date', '')]).toEqual([19_782, -Infinity, -Infinity, NaN]);
    expect([read('yes-no', 'yes'), read('yes-no', 'N'), read('yes-no', 'TRUE'), read('yes-no', '0'), read('yes-no', '')]).toEqual([1, 0, 1, 0, MISSING]);
    expect([read('yes-no', 'Y'), read('yes-no', 'no'), read('yes-no', 'False'), read('yes-no', '1')]).toEqual([1, 0, 0, 1]);
    expect([read('code', 'Male'), read('code', '')]).toEqual([1, NO_CODE]);
    expect([read('codes', 'primary-sjogren;infection'), read('codes', 'Infection ; other'), read('codes', 'none'), read('codes', '')]).toEqual([
      [1, 1],
      [0, 1],
      [0, 0],
      [MISSING, MISSING],
    ]);
    expect([
      read('attestation', 'yes|Dr A|2024-05-30'),
      read('attestation', 'no|x|2024-05-30'),
      read('attestation', 'TRUE|x|2024-05-30'),
      read('attestation', 'n|x|2024-05-30'),
      read('attestation', ''),
    ]).toEqual([1, 0, 1, 0, MISSING]);
  });

  it('leaves every other form to the general path', () => {
    for (const cell of [' 5', '5 ', '5\r', '1.2.3', '-', '.', '12 mg', '1234567890123456']) expect(read('number', cell)).toBe('general');
    // 2023 is no leap year; month 13 and day 0 do not exist.
    for (const cell of ['2023-02-29', '2024-13-01', '2024-01-00', '2024-1-01', 'nevermore', ' never']) expect(read('date', cell)).toBe('general');
    for (const cell of ['maybe', ' yes', 'yes ', 'ye', 'yess', 'tru', 'falsey', 'no\r', 'nay']) expect(read('yes-no', cell)).toBe('general');
    for (const cell of ['other', ' male']) expect(read('code', cell)).toBe('general');
    for (const cell of [' infection', 'Sjögren', 'infection\r', '  ']) expect(read('codes', cell)).toBe('general');
    for (const cell of ['yes', 'yes||2024-05-30', 'yes |x|2024-05-30', 'yes|x|2024-02-30', 'yes|x|2024-05-30 ', 'yes|a|b|2024-05-30', 'ye|x|2024-05-30', 'maybe|x|2024-05-30', 'yes,|x|2024-05-30'])
      expect(read('attestation', cell)).toBe('general');
  });

  it('stores what the general path stores whenever it takes a cell', () => {
    // Cells built from the pieces each form is made of, in every combination up to three pieces.
    const pieces = ['1', '0', '-', '.', '9', ' ', 'e', 'yes', 'no', 'never', 'male', '2024', '-02', '-29', '|', 'x', 'infection', ';', 'Y', '\r', 'true', 'FALSE', 'n', 'Ye'];
    const cells: string[] = [''];
    for (const a of pieces) for (const b of ['', ...pieces]) for (const c of ['', ...pieces]) cells.push(a + b + c);
    cells.push('yes|x|2024-02-29', 'no|Dr B|1999-12-31', '2000-02-29', '1900-02-29');
    // Dates across the calendar: every day of leap and common years, centuries, the edges of the form.
    for (const y of ['0000', '0001', '1899', '1900', '1969', '1970', '1999', '2000', '2023', '2024', '2100', '9999'])
      for (let m = 0; m <= 13; m++) for (let d = 0; d <= 32; d++) cells.push(`${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
    let taken = 0;
    for (const kind of ['number', 'date', 'yes-no', 'code', 'codes', 'attestation']) {
      const t = target(kind);
      for (const cell of cells) {
        const b = new TextEncoder().encode(`${cell},\n`);
        if (readPlainAt(b, 0, t, 0) < 0) continue;
        taken += 1;
        // The general path on the cell trimmed as csv-columns trims it, into row 1.
        const trimmed = cell.replace(/^[ \t]+/, '').replace(/[ \t\r]+$/, '');
        const s = cell.indexOf(trimmed);
        expect(storePlain(b, s, s + trimmed.length, t, 1), `${kind} ${JSON.stringify(cell)}`).toBe(true);
        expect(value(t, 0), `${kind} ${JSON.stringify(cell)}`).toEqual(value(t, 1));
      }
    }
    expect(taken).toBeGreaterThan(500);
  });

  it('matches codes that share a beginning, or are the beginning of another, as the general path does', () => {
    // Items are matched through a trie of the codes (csv-cells' codeTrie): "amp" ends inside "ampa1".
    const spec: ColumnSpec = { name: 'autoantibodies', kind: 'codes', values: ['ampa1', 'ampa2', 'amp', 'hu'] };
    const t = targetOf(spec, createChunk([spec], 2));
    const pieces = ['amp', 'a1', 'A2', 'a', 'hu', 'H', 'u', ';', ' ', 'x'];
    let taken = 0;
    for (const a of pieces)
      for (const b of ['', ...pieces])
        for (const c of ['', ...pieces]) {
          const cell = a + b + c;
          const bytes = new TextEncoder().encode(`${cell},\n`);
          if (readPlainAt(bytes, 0, t, 0) < 0) continue;
          taken += 1;
          const trimmed = cell.replace(/[ \t]+$/, '');
          expect(storePlain(bytes, 0, trimmed.length, t, 1), cell).toBe(true);
          expect(value(t, 0), cell).toEqual(value(t, 1));
        }
    expect(taken).toBeGreaterThan(500);
    expect([readCodes(t, 'AMPA2;amp'), readCodes(t, 'ampa; hu ;ampa1x')]).toEqual([
      [0, 1, 1, 0],
      [0, 0, 0, 1],
    ]);
  });
});

/** The codes cell `cell` read by readPlainAt into row 0 of t. */
function readCodes(t: Target, cell: string): unknown {
  expect(readPlainAt(new TextEncoder().encode(`${cell},\n`), 0, t, 0)).toBeGreaterThan(0);
  return value(t, 0);
}
