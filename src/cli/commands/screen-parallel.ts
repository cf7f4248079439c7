import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { ReferenceDates } from '../../eligibility/compile.js';
import { lastRowEnd, rowSpan } from '../../eligibility/csv-rows.js';
import type { Criterion } from '../../eligibility/expression.js';
import { type Funnel, FunnelCounter } from '../../eligibility/funnel.js';
import { screenCsv, type ScreenResult, type ScreenRowError } from '../../eligibility/screen.js';

/**
 * A CSV screened on several threads: the bytes are cut into blocks of whole rows (csv-rows.ts, by
 * the reader's own rules, so quoted newlines and blank lines are where one thread sees them), each
 * block is screened by a worker after the header, and the blocks' funnels and results are taken
 * back in file order: the results, the funnel and each bad row's message are screenCsv's on one
 * thread. With results, rows are counted here so that each block is numbered from its first row;
 * for the funnel alone they are not (a block's rows are its screened and bad rows). A block that
 * fails (a row of too many cells, a bad header) comes back and is screened again here, numbered
 * from its first row, for the error one thread gives; nothing of it or after it is given out. At
 * most two blocks per worker are in flight, so memory stays flat whatever the file's size.
 */
export interface BlockJob {
  readonly id: number;
  readonly header: Uint8Array;
  readonly block: Uint8Array;
  /** With results: the block's first data row; for the funnel alone, not known (1). */
  readonly firstRow: number;
}

/** A screened block's answer; its bytes' buffer comes back too, to be filled again. */
export type BlockDone =
  | { readonly id: number; readonly funnel: Funnel; readonly results: readonly (ScreenResult | ScreenRowError)[]; readonly buffer: ArrayBuffer }
  | { readonly id: number; readonly failed: Uint8Array };

export interface ParallelScreenOptions {
  /** Threads (at most the machine's cores); 1 screens on this thread. */
  readonly workers?: number;
  readonly capacity?: number;
  /** Bytes per block (default 4 MiB). */
  readonly blockBytes?: number;
  readonly onResult?: (r: ScreenResult | ScreenRowError) => void;
}

// Compiled (dist), the worker is the .js beside this file. Under tsx it is the .ts, loaded after
// tsx's hooks are registered in the worker: Node 20 passes neither them nor --import on.
const underTsx = import.meta.url.endsWith('.ts');
const workerUrl = new URL(underTsx ? './screen-worker.ts' : './screen-worker.js', import.meta.url);
// tsx's ESM API beside the CommonJS one that require finds (whose own import of it is broken in 4.23).
const tsxApi = (): string =>
  pathToFileURL(
    createRequire(import.meta.url)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs'),
  ).href;
const startWorker = (workerData: unknown): Worker =>
  underTsx
    ? new Worker(`import(${JSON.stringify(tsxApi())}).then((tsx) => (tsx.register(), import(${JSON.stringify(workerUrl.href)})))`, { eval: true, workerData })
    : new Worker(workerUrl, { workerData });

export async function screenCsvParallel(criteria: readonly Criterion[], ref: ReferenceDates, source: AsyncIterable<Uint8Array>, options: ParallelScreenOptions = {}): Promise<Funnel> {
  const threads = Math.min(Math.floor(options.workers ?? availableParallelism()) || 1, availableParallelism());
  const { onResult, capacity } = options;
  const single = { ...(capacity ? { capacity } : {}) };
  if (threads <= 1) {
    const screen = screenCsv(criteria, ref, { ...single, ...(onResult ? { onResult } : {}) });
    for await (const bytes of source) screen.push(bytes);
    return screen.end();
  }
  const blockBytes = options.blockBytes ?? 4 << 20;
  const workers = Array.from({ length: threads }, () => startWorker({ criteria, ref, capacity: capacity ?? 4096, results: onResult !== undefined }));
  const answers = new Map<number, (d: BlockDone) => void>();
  let crashed: unknown;
  for (const w of workers) {
    w.on('message', (d: BlockDone) => answers.get(d.id)?.(d));
    w.on('error', (e) => {
      crashed = e;
      for (const answer of answers.values()) answer({ id: -1, failed: new Uint8Array(0) });
    });
  }
  const pending: Promise<BlockDone>[] = [];
  const counter = new FunnelCounter(criteria);
  let header: Uint8Array | undefined;
  let taken = 0;
  let rowsTaken = 0;
  let rowsSent = 0;
  // Block buffers handed back by the workers, filled again: memory is the blocks in flight, not
  // whatever a worker's garbage collector has yet to free.
  const free: ArrayBuffer[] = [];
  const blockOf = (parts: readonly Uint8Array[], size: number): Uint8Array => {
    const i = free.findIndex((f) => f.byteLength >= size);
    const b = new Uint8Array(i >= 0 ? free.splice(i, 1)[0]! : new ArrayBuffer(Math.max(size, 2 * blockBytes)), 0, size);
    let at = 0;
    for (const part of parts) {
      b.set(part, at);
      at += part.length;
    }
    return b;
  };
  const take = async (): Promise<void> => {
    const d = await pending[taken]!;
    pending[taken++] = undefined as never;
    if (crashed !== undefined) throw crashed;
    if ('failed' in d) {
      const again = screenCsv(criteria, ref, { ...single, firstRow: rowsTaken + 1 });
      again.push(header!);
      again.push(d.failed);
      again.end();
      throw new Error('A block a worker refused was screened without error on the main thread.');
    }
    free.push(d.buffer);
    if (onResult) for (const r of d.results) onResult(r);
    counter.addFunnel(d.funnel);
    rowsTaken += d.funnel.screened + d.funnel.badRows;
  };
  const send = async (block: Uint8Array): Promise<void> => {
    if (crashed !== undefined) throw crashed;
    const id = pending.length;
    pending.push(
      new Promise<BlockDone>((resolve) =>
        answers.set(id, (d) => {
          answers.delete(id);
          resolve(d);
        }),
      ),
    );
    const job: BlockJob = { id, header: header!, block, firstRow: rowsSent + 1 };
    if (onResult) rowsSent += rowSpan(block, 0, true).rows;
    workers[id % threads]!.postMessage(job, [block.buffer as ArrayBuffer]);
    if (pending.length - taken >= 2 * threads) await take();
  };

  try {
    let parts: Uint8Array[] = [];
    let held = 0;
    // What is held, cut after its last whole row; the rest waits for the next bytes.
    const cut = async (final: boolean): Promise<void> => {
      const b = blockOf(parts, held);
      let p = 0;
      if (!header) {
        const h = rowSpan(b, 0, final, 1);
        if (h.rows === 0) {
          parts = [b];
          return;
        }
        header = new Uint8Array(b.subarray(0, h.end));
        p = h.end;
      }
      const end = lastRowEnd(b, p, final);
      const rest = new Uint8Array(b.subarray(end));
      // An empty block still has the header checked.
      if (end > p || (final && pending.length === 0)) await send(b.subarray(p, end));
      parts = rest.length > 0 ? [rest] : [];
      held = rest.length;
    };
    for await (const bytes of source) {
      parts.push(bytes);
      held += bytes.length;
      if (held >= blockBytes) await cut(false);
    }
    await cut(true);
    // No header: the bytes (blank lines, or none) are refused as one thread refuses them.
    if (!header) return screenCsv(criteria, ref).end();
    while (taken < pending.length) await take();
    return counter.funnel();
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}
