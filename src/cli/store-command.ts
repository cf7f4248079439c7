import { userInfo } from 'node:os';
import type { z } from 'zod';
import { AppError } from '../errors/app-error.js';
import type { Db } from '../store/db.js';
import { openStore } from '../store/open-store.js';
import type { UseCaseContext } from '../use-cases/use-case-context.js';
import { requestErrors } from '../errors/request-errors.js';

/** The option every command that writes takes. */
export const dataOption = ['--data <dir>', 'embedded database directory (ignored when DATABASE_URL is set)', 'data'] as const;

/**
 * Run `fn` as the operator at the console (audited as `cli:<login name>`) over the database that
 * `--data` or DATABASE_URL names, closing it afterwards. `command` is written into the PGlite lock,
 * so another process refused by it is told which command holds the directory.
 */
export async function withOperator<T>(dataDir: string, command: string, fn: (c: UseCaseContext & { db: Db }) => Promise<T>): Promise<T> {
  const { db } = await openStore({ dataDir, command });
  try {
    return await fn({ db, by: { kind: 'operator', name: userInfo().username }, at: new Date() });
  } finally {
    await db.close();
  }
}

/** Check one option's value with the API's own schema; a bad one is one sentence naming the option. */
export function optionValue<S extends z.ZodType>(schema: S, value: unknown, flag: string): z.output<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  throw new AppError(requestErrors.INVALID_OPTION, `${flag} "${String(value)}" is invalid: ${r.error.issues[0]?.message ?? 'bad value'}.`, flag.replace(/^-+/, ''));
}
