import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../errors/app-error.js';
import type { ReferenceDates } from '../../eligibility/compile.js';
import type { Criterion } from '../../eligibility/expression.js';
import { screenCsv, type ScreenResult, type ScreenRowError } from '../../eligibility/screen.js';
import type { BlockDone, BlockJob } from './screen-parallel.js';

/**
 * One screening thread (screen-parallel.ts): each block of whole rows is screened after the file's
 * header, numbered from its first row, and its funnel (and results, when asked) sent back; a block
 * that fails is sent back as it came.
 */
const { criteria, ref, capacity, results } = workerData as { criteria: Criterion[]; ref: ReferenceDates; capacity: number; results: boolean };
const port = parentPort!;

port.on('message', ({ id, header, block, firstRow }: BlockJob) => {
  const out: (ScreenResult | ScreenRowError)[] = [];
  let done: BlockDone;
  try {
    const screen = screenCsv(criteria, ref, { capacity, firstRow, ...(results ? { onResult: (r) => void out.push(r) } : {}) });
    screen.push(header);
    screen.push(block);
    done = { id, funnel: screen.end(), results: out, buffer: block.buffer as ArrayBuffer };
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    // The block goes back, to be screened again where its first row's number is known.
    port.postMessage({ id, failed: block } satisfies BlockDone, [block.buffer as ArrayBuffer]);
    return;
  }
  port.postMessage(done, [done.buffer]);
});
