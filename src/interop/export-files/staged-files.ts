import { once } from 'node:events';
import { createWriteStream, mkdirSync, renameSync, rmSync, type WriteStream } from 'node:fs';
import { join } from 'node:path';

/**
 * Files an export writes, each first beside its final name (`.partial`), all renamed into place only
 * when every one is complete: a failed export leaves no file, whole or half-written.
 */
export class StagedFiles {
  private readonly staged: string[] = [];
  private readonly scratch: string[] = [];

  constructor(readonly dir: string) {}

  /** A stream to a new file of the export; `write` waits when the disk is slower, so memory stays flat. */
  open(name: string): StagedStream {
    mkdirSync(this.dir, { recursive: true });
    const path = join(this.dir, name);
    this.staged.push(path);
    return new StagedStream(createWriteStream(`${path}.partial`), path);
  }

  /** A working file the export reads back before it finishes; removed at commit as at discard. */
  openScratch(name: string): StagedStream {
    const s = this.open(name);
    this.scratch.push(this.staged.pop()!);
    return s;
  }

  /** Move every file into place. */
  commit(): string[] {
    for (const p of this.staged) renameSync(`${p}.partial`, p);
    this.removeScratch();
    return [...this.staged];
  }

  /** Remove every staged file (after a failure). */
  discard(): void {
    for (const p of this.staged) rmSync(`${p}.partial`, { force: true });
    this.removeScratch();
  }

  private removeScratch(): void {
    for (const p of this.scratch) rmSync(`${p}.partial`, { force: true });
  }

  /** Run `write` with these files; commit when it resolves, discard when it throws. */
  static async write<T>(dir: string, write: (files: StagedFiles) => Promise<T>): Promise<{ result: T; paths: string[] }> {
    const files = new StagedFiles(dir);
    try {
      const result = await write(files);
      return { result, paths: files.commit() };
    } catch (e) {
      files.discard();
      throw e;
    }
  }
}

export class StagedStream {
  constructor(
    private readonly stream: WriteStream,
    readonly path: string,
  ) {}

  async write(chunk: string | Buffer): Promise<void> {
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }

  async writeAll(chunks: AsyncIterable<string | Buffer>): Promise<void> {
    for await (const c of chunks) await this.write(c);
  }

  close(): Promise<void> {
    return new Promise((resolve, reject) => this.stream.end((e?: Error | null) => (e ? reject(e) : resolve())));
  }
}
