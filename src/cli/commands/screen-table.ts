import type { Db } from '../../store/db.js';
import { AppError } from '../../errors/app-error.js';
import type { Funnel, ScreenResult, ScreenRowError } from '../../eligibility/screen.js';
import type { TableScreen } from '../../eligibility/screen-table.js';
import { eligibilityErrors } from '../../eligibility/errors.js';

const PAGE = 5000;

/**
 * Run a table screen's query through a cursor, a page of rows at a time, so that a table of any
 * size streams with flat memory; each row's result goes to `onResult` (awaited, so the writer's
 * back-pressure holds the cursor). Read-only: the transaction only holds the cursor.
 */
export async function runTableScreen(db: Db, screen: TableScreen, table: string, onResult: (r: ScreenResult | ScreenRowError) => Promise<void> | void): Promise<Funnel> {
  try {
    await db.transaction(async (tx) => {
      await tx.exec(`DECLARE screen_rows NO SCROLL CURSOR FOR ${screen.sql}`);
      for (;;) {
        const rows = await tx.query(`FETCH ${PAGE} FROM screen_rows`);
        for (const r of rows) await onResult(screen.row(r));
        if (rows.length < PAGE) break;
      }
      await tx.exec('CLOSE screen_rows');
    });
  } catch (e) {
    if (e instanceof AppError && e.code !== 'DATABASE_UNAVAILABLE') throw e;
    const code = (e as { code?: unknown }).code;
    const what = code === '42P01' ? `the table "${table}" does not exist` : code === '42703' ? `${(e as Error).message} (give the column with --map)` : (e as Error).message;
    throw new AppError(eligibilityErrors.UNREADABLE_TABLE, `Cannot screen the table "${table}": ${what}.`, table);
  }
  return screen.funnel();
}
