import { describe, expect, it } from 'vitest';
import { criteriaColumns } from '../../eligibility/columns.js';
import { protocolCriteria } from '../../eligibility/protocol-criteria.js';
import { screenCsv, type ScreenResult, type ScreenRowError } from '../../eligibility/screen.js';
import { getBuiltinProtocol } from '../../protocol/builtin/index.js';
import { seededRandom } from '../../random/seeded-random.js';
import { screenCsvParallel } from './screen-parallel.js';

const criteria = protocolCriteria(getBuiltinProtocol('ss-il2').eligibility);
const ref = { screening: '2024-06-01', firstDose: '2024-06-15' };
const columns = criteriaColumns(criteria);

/**
 * A CSV in every form the reader takes: CRLF line ends, blank lines, quoted cells (with a comma, a
 * doubled quote and a newline inside), values with units, spaces around cells, and bad rows.
 */
function generatedCsv(rows: number, seed: number): { csv: string; bad: number } {
  const rnd = seededRandom(seed).uniform;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  let bad = 0;
  const cell = (type: string, name: string): string => {
    if (rnd() < 0.05) return '';
    switch (type) {
      case 'attestation':
        return pick(['yes|Dr A|2024-05-30', 'no|Dr A|2024-05-30', '"yes|Dr ""B"", MD|2024-05-01"', ' no|Dr C|2024-04-02 ']);
      case 'number':
        return name === 'weight' ? pick(['70', '82.5', '"180 lb"', ' 64 ']) : pick(['0', '1.5', '12', '45.2', '"3"', '60.0']);
      case 'date':
        return pick(['never', 'NEVER', '2024-02-29', '2023-12-01', '"2024-05-20"']);
      case 'codes':
        return pick(['primary-sjogren', 'none', '"primary-sjogren;\nhcv"', 'primary-sjogren ; lymphoma', 'PRIMARY-SJOGREN']);
      case 'code':
        return pick(['female', 'male', '"Female"']);
      default:
        return pick(['yes', 'no', 'Y', '"n"']);
    }
  };
  const lines = [columns.map((c) => c.name).join(',')];
  for (let i = 1; i <= rows; i++) {
    if (rnd() < 0.03) lines.push(pick(['', '  ', '\r']));
    const cells = columns.map((c) => (c.name === 'patient_id' ? (rnd() < 0.1 ? `"p,${i}"` : `p${i}`) : cell(c.type, c.name)));
    if (rnd() < 0.02) {
      bad += 1;
      cells[cells.length - 1] = 'heavy'; // weight is the last column: not a number
    }
    lines.push(cells.join(','));
  }
  return { csv: lines.join('\r\n') + '\r\n', bad };
}

async function* pieces(bytes: Uint8Array, size: number): AsyncIterable<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}

function oneThread(bytes: Uint8Array) {
  const out: (ScreenResult | ScreenRowError)[] = [];
  const s = screenCsv(criteria, ref, { onResult: (r) => void out.push(r) });
  s.push(bytes);
  return { out, funnel: s.end() };
}

describe('screening on several threads', () => {
  it('gives the results, row errors and funnel of one thread, in row order, whatever the blocks', async () => {
    expect(columns.at(-1)?.name).toBe('weight');
    const { csv, bad } = generatedCsv(3000, 7);
    const bytes = new TextEncoder().encode(csv);
    const one = oneThread(bytes);
    expect(one.funnel.screened + one.funnel.badRows).toBe(3000);
    expect(one.funnel.badRows).toBe(bad);
    expect(bad).toBeGreaterThan(0);
    expect(one.out.filter((r) => r.kind === 'error').every((r) => r.problems.some((p) => p.endsWith(`column "weight": "heavy" is not a number (weight is a number in kg).`)))).toBe(true);
    // Blocks of 1 KiB to 64 KiB: many blocks, cut between every kind of row, bytes fed in odd pieces.
    for (const [blockBytes, piece] of [
      [1024, 333],
      [65_536, 4096],
    ] as const) {
      const out: (ScreenResult | ScreenRowError)[] = [];
      const funnel = await screenCsvParallel(criteria, ref, pieces(bytes, piece), { workers: 2, blockBytes, onResult: (r) => void out.push(r) });
      expect(JSON.stringify(out)).toBe(JSON.stringify(one.out));
      expect(JSON.stringify(funnel)).toBe(JSON.stringify(one.funnel));
      // The funnel alone (rows not counted on the way) is the same too.
      expect(JSON.stringify(await screenCsvParallel(criteria, ref, pieces(bytes, piece), { workers: 2, blockBytes }))).toBe(JSON.stringify(one.funnel));
    }
  }, 60_000);

  it('refuses a row of too many cells with the message one thread gives, and gives nothing of its block or after', async () => {
    const { csv } = generatedCsv(400, 11);
    const lines = csv.split('\r\n');
    lines[301] = lines[301] + ','.repeat(5000); // data row 300 or so: blank lines are not counted
    const bytes = new TextEncoder().encode(lines.join('\r\n'));
    let expected = '';
    try {
      oneThread(bytes);
    } catch (e) {
      expected = (e as Error).message;
    }
    expect(expected).toMatch(/^Row \d+ of the CSV has more than 4096 cells\.$/);
    for (const onResult of [undefined, () => undefined]) {
      const got = screenCsvParallel(criteria, ref, pieces(bytes, 500), { workers: 2, blockBytes: 2048, ...(onResult ? { onResult } : {}) });
      await expect(got).rejects.toThrow(expected);
    }
    const given: number[] = [];
    await screenCsvParallel(criteria, ref, pieces(bytes, 500), { workers: 2, blockBytes: 2048, onResult: (r) => void given.push(r.row) }).catch(() => undefined);
    const badRow = Number(/^Row (\d+)/.exec(expected)![1]);
    expect(given.length).toBeGreaterThan(0);
    expect(given).toEqual(Array.from({ length: given.length }, (_, i) => i + 1));
    expect(given.at(-1)!).toBeLessThan(badRow);
  }, 60_000);
});
