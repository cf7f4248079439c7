import { describe, expect, it } from 'vitest';
import { getBuiltinProtocol } from '../protocol/builtin/index.js';
import { lockStudy } from '../use-cases/lock-study.js';
import { createStudy } from './studies.js';
import { findStudyState } from './study-states.js';
import { testDatabases } from './test-databases.js';

const at = new Date('2025-06-02T09:00:00.000Z');

describe.each(testDatabases())('the study state read on $kind', (database) => {
  it('reuses the parsed protocol while the row is unchanged, and reads it again after any update of the row', async () => {
    const db = await database.fresh();
    const sle = getBuiltinProtocol('sle-il2');
    await createStudy(db, { actor: 'system', at }, sle);

    const first = await findStudyState(db, sle.id);
    expect(first?.locked).toBe(false);
    expect(first?.study.protocol).toEqual(sle);
    // Unchanged row: the very same (frozen) object, so no handler can change what the next request reads.
    const second = await findStudyState(db, sle.id);
    expect(second?.study.protocol).toBe(first?.study.protocol);
    expect(Object.isFrozen(second?.study.protocol.design.masking)).toBe(true);

    // A change that keeps the protocol version (as a corrected criterion or a site change does) is still seen.
    await db.query(`UPDATE studies SET protocol = jsonb_set(protocol, '{title}', '"Renamed"') WHERE id = $1`, [sle.id]);
    const renamed = await findStudyState(db, sle.id);
    expect(renamed?.study.protocol.title).toBe('Renamed');
    expect(renamed?.study.protocolVersion).toBe(sle.version);

    await lockStudy(db, { actor: 'system', at }, sle.id, 'database lock for the final analysis');
    const locked = await findStudyState(db, sle.id);
    expect(locked?.locked).toBe(true);
    expect(locked?.study.protocol.title).toBe('Renamed');

    expect(await findStudyState(db, 'no-such-study')).toBeUndefined();
  });
});
