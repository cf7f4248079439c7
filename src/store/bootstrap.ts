import { builtinProtocols } from '../protocol/builtin/index.js';
import { isUniqueViolation, type Db } from './db.js';
import { createStudy, listStudies } from './studies.js';

/** Make every built-in protocol a study (one site per protocol site) unless it already is one. */
export async function ensureBuiltinStudies(db: Db, at: Date): Promise<string[]> {
  const existing = new Set((await listStudies(db)).map((s) => s.id));
  const created: string[] = [];
  for (const p of builtinProtocols) {
    if (existing.has(p.id)) continue;
    try {
      await createStudy(db, { actor: 'system', at }, p);
      created.push(p.id);
    } catch (e) {
      // Another server process starting at the same time created it first.
      if (!isUniqueViolation(e)) throw e;
    }
  }
  return created;
}
