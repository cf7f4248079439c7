/** Error codes of the database connection (see src/server/errors.ts for the catalogue). */
export const databaseErrorCodes = {
  DatabaseUnavailable: 'The database cannot be reached (lost connection, restart, failover); the server retried within bounds and resumes by itself when the database returns.',
  DataDirectoryInUse: 'The embedded database directory is held by another il2trials process; stop it or use PostgreSQL to share one database.',
} as const;
