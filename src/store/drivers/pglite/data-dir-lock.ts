import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { AppError } from '../../../errors/app-error.js';
import { databaseErrors } from '../../database-errors.js';

/**
 * One process per PGlite data directory. PGlite is PostgreSQL in one process with no shared
 * memory or file locks of its own: two processes on one directory each keep their own buffers and
 * overwrite each other's pages, losing acknowledged writes. So whoever opens it first writes
 * `il2trials.lock` (pid, host, command) with O_EXCL, and everyone else is refused by name.
 */
export const lockFileName = 'il2trials.lock';

interface Holder {
  readonly pid: number;
  readonly host: string;
  readonly command: string;
  readonly since: string;
}

export interface DataDirLock {
  readonly file: string;
  release(): void;
}

function readHolder(file: string): Holder | undefined {
  try {
    const h = JSON.parse(readFileSync(file, 'utf8')) as Partial<Holder>;
    return typeof h.pid === 'number' && typeof h.host === 'string' ? { pid: h.pid, host: h.host, command: String(h.command ?? 'il2trials'), since: String(h.since ?? '') } : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a process with this pid runs on this host (EPERM: it runs, under another user). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Take the directory for `command`, or throw DATABASE_DATA_DIRECTORY_IN_USE naming the holder. A lock left by
 * a process of this host that no longer runs is stale (a crash or kill -9) and is taken over;
 * one from another host cannot be checked from here, so its message says how to clear it.
 * `reading` words the refusal for a command that would only read.
 */
export function lockDataDir(dir: string, command: string, now: Date, reading = false): DataDirLock {
  const file = join(dir, lockFileName);
  const me: Holder = { pid: process.pid, host: hostname(), command, since: now.toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(file, JSON.stringify(me), { flag: 'wx' });
      return {
        file,
        release() {
          if (readHolder(file)?.pid === me.pid) rmSync(file, { force: true });
        },
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    const holder = readHolder(file);
    // Unreadable (a holder mid-write) or a dead local process: take it over and try again.
    if (holder && (holder.host !== me.host || alive(holder.pid))) throw inUse(dir, file, holder, command, reading);
    if (holder || attempt > 0) rmSync(file, { force: true });
  }
  throw new AppError(databaseErrors.DATA_DIRECTORY_IN_USE, `The data directory ${dir} is being taken by another process at this moment; try again.`, 'data');
}

function inUse(dir: string, file: string, h: Holder, command: string, reading: boolean): AppError {
  const who = `il2trials ${h.command} (pid ${h.pid} on ${h.host}, since ${h.since})`;
  const remote = h.host !== hostname() ? ` (if that process is gone, delete ${file})` : '';
  const message = reading
    ? `${command} cannot read ${dir}: ${who} holds it, and a live embedded database has no consistent snapshot to read${remote}; stop it first, or read through its API.`
    : `${command} cannot open ${dir}: ${who} holds it${remote}; stop it first, or use PostgreSQL (DATABASE_URL) to share one database between processes.`;
  return new AppError(databaseErrors.DATA_DIRECTORY_IN_USE, message, 'data');
}
