import { defineErrors } from '../errors/define-errors.js';

/** Error codes of backup and restore (the catalogue: src/errors/catalogue.ts). */
export const backupErrors = defineErrors('BACKUP', {
  FAILED: { status: 400, doc: 'The backup or restore could not be made (a missing pg_dump/pg_restore, an unreadable file); the message says which.' },
  RESTORE_TARGET_NOT_EMPTY: { status: 409, doc: 'A restore goes into an empty data directory or an empty PostgreSQL database only, so no data is overwritten.' },
  WRONG_BACKUP_KIND: { status: 400, doc: 'The file is not a backup of the kind the target needs (a PGlite tarball for --data, a pg_dump archive for DATABASE_URL).' },
});
