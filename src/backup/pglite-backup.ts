import { PGlite } from '@electric-sql/pglite';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { AppError } from '../errors/app-error.js';
import { lockDataDir } from '../store/drivers/pglite/data-dir-lock.js';
import { backupErrors } from './errors.js';

/** gzip's magic number (RFC 1952 §2.3.1): PGlite's dumpDataDir('gzip') writes a gzipped tarball. */
const isGzip = (b: Uint8Array) => b[0] === 0x1f && b[1] === 0x8b;

/**
 * A consistent copy of a PGlite data directory: taken with the directory locked to this process
 * (no server writes meanwhile), by PGlite's own dumpDataDir, which tars its files between
 * statements, after a checkpoint.
 */
export async function backupPglite(dir: string, out: string, now: Date): Promise<number> {
  const lock = lockDataDir(dir, 'backup', now, true);
  try {
    const pg = await PGlite.create({ dataDir: dir });
    try {
      await pg.exec('CHECKPOINT');
      const bytes = new Uint8Array(await (await pg.dumpDataDir('gzip')).arrayBuffer());
      writeFileSync(out, bytes);
      return bytes.length;
    } finally {
      await pg.close();
    }
  } finally {
    lock.release();
  }
}

/** Unpack a PGlite backup into `dir`, which must be empty or not exist. */
export async function restorePglite(file: string, dir: string, now: Date): Promise<void> {
  const bytes = readFileSync(file);
  if (!isGzip(bytes)) throw new AppError(backupErrors.WRONG_BACKUP_KIND, `${file} is not a PGlite backup (a gzipped tarball from il2trials backup --data).`, 'file');
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new AppError(backupErrors.RESTORE_TARGET_NOT_EMPTY, `The data directory ${dir} is not empty; restore into a new directory.`, 'data');
  mkdirSync(dir, { recursive: true });
  const lock = lockDataDir(dir, 'restore', now);
  try {
    const pg = await PGlite.create({ dataDir: dir, loadDataDir: new Blob([bytes]) });
    await pg.close();
  } finally {
    lock.release();
  }
}
