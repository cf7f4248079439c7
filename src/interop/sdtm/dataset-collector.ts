import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { AppError } from '../../errors/app-error.js';
import type { DatasetCell, DatasetColumn } from '../dataset-json/dataset-column.js';
import type { StagedFiles, StagedStream } from '../export-files/staged-files.js';
import type { DomainSpec } from './domain-spec.js';
import { MAX_VALUE_BYTES } from './text-limits.js';
import { interopErrors } from '../errors.js';

/**
 * The rows of one SDTM dataset as they are made, one JSON array per line in a staged scratch file, with
 * the count and each character variable's longest value. Dataset-JSON states the record count before
 * the rows and XPT the lengths before the data, so both are written from this file once it is complete.
 */
export class DatasetCollector {
  private count = 0;
  private readonly longest: number[];
  private readonly scratch: StagedStream;

  constructor(
    readonly spec: DomainSpec,
    files: StagedFiles,
  ) {
    this.longest = spec.variables.map(() => 0);
    this.scratch = files.openScratch(`.${spec.name.toLowerCase()}.rows`);
  }

  get records(): number {
    return this.count;
  }

  async add(rows: readonly (readonly DatasetCell[])[]): Promise<void> {
    let text = '';
    for (const row of rows) {
      this.count++;
      row.forEach((v, i) => {
        if (typeof v !== 'string') return;
        const bytes = Buffer.byteLength(v, 'utf8');
        if (bytes > MAX_VALUE_BYTES) {
          const name = this.spec.variables[i]!.name;
          throw new AppError(
            interopErrors.XPT_VALUE_INVALID,
            `${this.spec.name} row ${this.count} ${name} is ${bytes} bytes; SDTM character values are at most ${MAX_VALUE_BYTES}.`,
            `${this.spec.name}.${name}`,
          );
        }
        if (bytes > this.longest[i]!) this.longest[i] = bytes;
      });
      text += `${JSON.stringify(row)}\n`;
    }
    await this.scratch.write(text);
  }

  /** The Dataset-JSON columns, character lengths the longest value written (at least 1). */
  columns(): DatasetColumn[] {
    return this.spec.variables.map((v, i) => ({
      itemOID: `IT.${this.spec.name}.${v.name}`,
      name: v.name,
      label: v.label,
      dataType: v.dataType,
      // ISO 8601 dates have no length in Dataset-JSON (as in CDISC's examples); the XPT gives them 10.
      ...(v.dataType === 'string' ? { length: Math.max(1, this.longest[i]!) } : {}),
      ...(v.keySequence === undefined ? {} : { keySequence: v.keySequence }),
    }));
  }

  /** Finish the scratch file. */
  close(): Promise<void> {
    return this.scratch.close();
  }

  /** The rows again, in the order they were added. */
  async *rows(): AsyncGenerator<DatasetCell[]> {
    const lines = createInterface({ input: createReadStream(`${this.scratch.path}.partial`), crlfDelay: Infinity });
    for await (const line of lines) if (line) yield JSON.parse(line) as DatasetCell[];
  }
}
