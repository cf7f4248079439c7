import { createCB } from 'xmlbuilder2';
import type { XMLBuilderCB } from 'xmlbuilder2/lib/interfaces.js';
import type { StagedStream } from './staged-files.js';

type Attrs = Readonly<Record<string, string | number | undefined>>;

const defined = (attrs: Attrs): Record<string, string> => Object.fromEntries(Object.entries(attrs).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]])));

/**
 * An XML document written as it is built (xmlbuilder2's callback builder), handed to a file in chunks:
 * `flush()` between records keeps memory to one chunk whatever the document's size.
 */
export class XmlStream {
  private chunks: string[] = [];
  private size = 0;
  private readonly cb: XMLBuilderCB;

  constructor(private readonly out: StagedStream) {
    this.cb = createCB({ data: (c: string) => void (this.chunks.push(c), (this.size += c.length)), prettyPrint: true, indent: ' ' });
    this.cb.dec({ version: '1.0', encoding: 'UTF-8' });
  }

  /** An element with attributes (undefined ones left out) and, inside, what `body` writes. */
  el(name: string, attrs: Attrs = {}, body?: () => void): this {
    this.cb.ele(name, defined(attrs));
    body?.();
    this.cb.up();
    return this;
  }

  /** Open an element that stays open across awaits (a document's root, a list of records); `close()` ends it. */
  open(name: string, attrs: Attrs = {}): this {
    this.cb.ele(name, defined(attrs));
    return this;
  }

  close(): this {
    this.cb.up();
    return this;
  }

  /** An element holding only text. */
  text(name: string, text: string, attrs: Attrs = {}): this {
    return this.el(name, attrs, () => void this.cb.txt(text));
  }

  /** `<name><TranslatedText xml:lang="en">text</TranslatedText></name>`, ODM's way of holding words. */
  translated(name: string, text: string): this {
    return this.el(name, {}, () => this.text('TranslatedText', text, { 'xml:lang': 'en' }));
  }

  async flush(): Promise<void> {
    if (this.size < 1 << 16) return;
    await this.drain();
  }

  async end(): Promise<void> {
    this.cb.end();
    await this.drain();
  }

  private async drain(): Promise<void> {
    const s = this.chunks.join('');
    this.chunks = [];
    this.size = 0;
    await this.out.write(s);
  }
}
