/**
 * The SQL statements a request sends, counted from PostgreSQL's own log: bench:load turns on
 * log_statement for every session (ALTER SYSTEM and a reload reach the server's pooled
 * connections too), runs each operation once, and counts the statements logged meanwhile.
 * BEGIN and COMMIT are counted apart from the rest. The log is read through the superuser
 * connection (the cluster writes it beside its socket; test-postgres.ts).
 */
import type { Queryable } from '../src/store/db.js';

/** Statements logged by `log_statement = all`: simple queries and the execute step of extended ones. */
const logged = /LOG: {2}(?:statement|execute [^:]*): (.*)/g;

async function logText(admin: Queryable): Promise<string> {
  const [{ text }] = (await admin.query<{ text: string }>("SELECT pg_read_file(split_part(current_setting('unix_socket_directories'), ',', 1) || '/log') AS text")) as [{ text: string }];
  return text;
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

/** Each operation's statements, as `n + BEGIN/COMMIT` counts and the statements' text. */
export async function countStatements(admin: Queryable, ops: readonly { name: string; run: () => Promise<Response> }[]): Promise<Map<string, { statements: string[]; txControl: number }>> {
  const out = new Map<string, { statements: string[]; txControl: number }>();
  await admin.query("ALTER SYSTEM SET log_statement = 'all'");
  await admin.query('SELECT pg_reload_conf()');
  await settle();
  try {
    for (const op of ops) {
      const before = (await logText(admin)).length;
      await (await op.run()).arrayBuffer();
      await settle();
      const text = (await logText(admin)).slice(before);
      const all = [...text.matchAll(logged)].map((m) => m[1]!).filter((s) => !s.startsWith('SELECT pg_read_file'));
      const txControl = all.filter((s) => /^(BEGIN|COMMIT|ROLLBACK)$/.test(s.trim())).length;
      out.set(op.name, { statements: all.filter((s) => !/^(BEGIN|COMMIT|ROLLBACK)$/.test(s.trim())), txControl });
    }
  } finally {
    await admin.query('ALTER SYSTEM RESET log_statement');
    await admin.query('SELECT pg_reload_conf()');
  }
  return out;
}
