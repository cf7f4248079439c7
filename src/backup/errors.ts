/** Error codes of backup and restore (see src/server/errors.ts for the catalogue). */
export const backupErrorCodes = {
  BackupFailed: 'The backup or restore could not be made (a missing pg_dump/pg_restore, an unreadable file); the message says which.',
  RestoreTargetNotEmpty: 'A restore goes into an empty data directory or an empty PostgreSQL database only, so no data is overwritten.',
  WrongBackupKind: 'The file is not a backup of the kind the target needs (a PGlite tarball for --data, a pg_dump archive for DATABASE_URL).',
} as const;
