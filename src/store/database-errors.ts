import { defineErrors } from '../errors/define-errors.js';

/** Error codes of the database connection (the catalogue: src/errors/catalogue.ts). */
export const databaseErrors = defineErrors('DATABASE', {
  UNAVAILABLE: { status: 503, doc: 'The database cannot be reached (lost connection, restart, failover); the server retried within bounds and resumes by itself when the database returns.' },
  DATA_DIRECTORY_IN_USE: { status: 409, doc: 'The embedded database directory is held by another il2trials process; stop it or use PostgreSQL to share one database.' },
});
