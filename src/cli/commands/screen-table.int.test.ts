import { describe, expect, it } from 'vitest';
import { findFact } from '../../eligibility/facts.js';
import { readFact } from '../../eligibility/patient-facts.js';
import { randomCase } from '../../eligibility/random-criteria.test-helper.js';
import { screenCsv, type ScreenResult, type ScreenRowError } from '../../eligibility/screen.js';
import { screenTable } from '../../eligibility/screen-table.js';
import { sqlColumnType } from '../../eligibility/to-sql.js';
import { testDatabases } from '../../store/test-databases.js';
import { runTableScreen } from './screen-table.js';

/**
 * Property: screening where the data live (the criteria as one SQL query, NULL for unknown) gives
 * every patient the result the CSV path gives — status, failed criteria, missing facts — and the
 * same funnel, over random criteria and random patients with missing facts, on each engine.
 */
const REF = { screening: '2024-06-01', firstDose: '2024-06-15' };

/** A CSV cell as the table holds it: canonical units, -infinity for never, NULL when empty. */
function sqlValue(name: string, cell: string): unknown {
  if (cell === '') return null;
  const def = findFact(name);
  if (def?.type === 'number') return readFact(name, cell, name, undefined);
  if (def?.type === 'date') return cell === 'never' ? '-infinity' : cell;
  if (def?.type === 'boolean') return readFact(name, cell, name);
  return cell;
}

describe.each(testDatabases())('screen ID --database --table on $kind', (engine) => {
  it('agrees with the CSV path on every patient of random cases (seeds 1–6)', async () => {
    const db = await engine.fresh();
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const { criteria, header, rows } = randomCase(seed, 250);
      const table = `candidates_${seed}`;
      await db.exec(`CREATE TABLE ${table} (${header.map((h) => `"${h}" ${h === 'patient_id' ? 'text' : sqlColumnType(h)}`).join(', ')})`);
      for (const row of rows) {
        await db.query(
          `INSERT INTO ${table} VALUES (${header.map((_, k) => `$${k + 1}`).join(', ')})`,
          header.map((h, k) => (h === 'patient_id' ? row[k] : sqlValue(h, row[k]!))),
        );
      }
      const fromCsv = new Map<string, ScreenResult | ScreenRowError>();
      const csv = screenCsv(criteria, REF, { onResult: (r) => void fromCsv.set(r.patientId, r) });
      csv.push(new TextEncoder().encode([header, ...rows].map((r) => r.join(',')).join('\n')));
      const csvFunnel = csv.end();
      const fromTable: (ScreenResult | ScreenRowError)[] = [];
      const funnel = await runTableScreen(db, screenTable(criteria, REF, table), table, (r) => void fromTable.push(r));
      expect(fromTable).toHaveLength(rows.length);
      for (const r of fromTable) {
        const c = fromCsv.get(r.patientId)!;
        expect(r.kind === 'result' && c.kind === 'result' ? [r.status, r.failed, r.missing] : r).toEqual(c.kind === 'result' ? [c.status, c.failed, c.missing] : c);
      }
      expect(funnel).toEqual(csvFunnel);
    }
  });
  it('refuses a table that does not exist, naming it', async () => {
    const db = await engine.fresh();
    const { criteria } = randomCase(1, 1);
    await expect(runTableScreen(db, screenTable(criteria, REF, 'nowhere'), 'nowhere', () => undefined)).rejects.toThrow(/Cannot screen the table "nowhere": the table "nowhere" does not exist\./);
  });
});
