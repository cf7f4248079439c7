import { AppError } from '../../errors/app-error.js';
import { builtinProtocols } from '../../protocol/builtin/index.js';
import { activateStudy } from './activate-study.js';
import { createStudyFromProtocol } from './create-study.js';
import { isUniqueViolation, type Db } from '../../store/db.js';
import { listStudies } from '../../store/studies.js';

/**
 * Make every built-in protocol a live study unless it already is one, the way any protocol file
 * becomes one: created as a design, then activated (checks, sealed allocation list).
 */
export async function ensureBuiltinStudies(db: Db, at: Date): Promise<string[]> {
  const existing = new Set((await listStudies(db)).map((s) => s.id));
  const created: string[] = [];
  const c = { db, by: { kind: 'system' } as const, at };
  for (const p of builtinProtocols) {
    if (existing.has(p.id)) continue;
    try {
      await createStudyFromProtocol(c, p);
      await activateStudy(c, p.id);
      created.push(p.id);
    } catch (e) {
      // Another server process starting at the same time created (or activated) it first.
      if (!isUniqueViolation(e) && !(e instanceof AppError && (e.code === 'RECORD_ALREADY_EXISTS' || e.code === 'STUDY_NOT_DESIGN'))) throw e;
    }
  }
  return created;
}
