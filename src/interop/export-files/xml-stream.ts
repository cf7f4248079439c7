import type { StagedStream } from './staged-files.js';

type Attrs = Readonly<Record<string, string | number | undefined>>;

/** XML 1.0 escaping: markup characters as entities; characters XML cannot hold at all are refused by the caller's data (none reach here from the eCRF). */
const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string) => escapeText(s).replace(/"/g, '&quot;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');

const attrText = (attrs: Attrs) =>
  Object.entries(attrs)
    .flatMap(([k, v]) => (v === undefined ? [] : [` ${k}="${escapeAttr(String(v))}"`]))
    .join('');

/**
 * An XML document written as it is built, indented one space per level, handed to a file in chunks:
 * `flush()` between records keeps memory to one chunk whatever the document's size.
 * Hand-written rather than xmlbuilder2's callback builder: that one took 11 s for 20,000 ItemData
 * (a DOM node and a namespace-map copy per element), 10 minutes for one 10,000-participant ODM file.
 */
export class XmlStream {
  private chunks: string[] = ['<?xml version="1.0" encoding="UTF-8"?>'];
  private size = 0;
  private readonly stack: string[] = [];
  /** Whether the innermost open element has had a child yet (else it is closed as `<x/>`). */
  private open_ = false;

  /** `out`: a file of an export, or any sink of text (the ODM import writes a study's metadata to memory). */
  constructor(private readonly out: Pick<StagedStream, 'write'>) {}

  private push(s: string): void {
    this.chunks.push(s);
    this.size += s.length;
  }

  private startTag(name: string, attrs: Attrs): void {
    if (this.open_) this.push('>');
    this.push(`\n${' '.repeat(this.stack.length)}<${name}${attrText(attrs)}`);
    this.stack.push(name);
    this.open_ = true;
  }

  /** Open an element that stays open across awaits (a document's root, a list of records); `close()` ends it. */
  open(name: string, attrs: Attrs = {}): this {
    this.startTag(name, attrs);
    return this;
  }

  close(): this {
    const name = this.stack.pop()!;
    if (this.open_) this.push('/>');
    else this.push(`\n${' '.repeat(this.stack.length)}</${name}>`);
    this.open_ = false;
    return this;
  }

  /** An element with attributes (undefined ones left out) and, inside, what `body` writes. */
  el(name: string, attrs: Attrs = {}, body?: () => void): this {
    this.startTag(name, attrs);
    body?.();
    return this.close();
  }

  /** An element holding only text. */
  text(name: string, text: string, attrs: Attrs = {}): this {
    this.startTag(name, attrs);
    this.push(`>${escapeText(text)}</${name}>`);
    this.stack.pop();
    this.open_ = false;
    return this;
  }

  /** `<name><TranslatedText xml:lang="en">text</TranslatedText></name>`, ODM's way of holding words. */
  translated(name: string, text: string): this {
    return this.el(name, {}, () => this.text('TranslatedText', text, { 'xml:lang': 'en' }));
  }

  async flush(): Promise<void> {
    if (this.size >= 1 << 16) await this.drain();
  }

  async end(): Promise<void> {
    this.push('\n');
    await this.drain();
  }

  private async drain(): Promise<void> {
    const s = this.chunks.join('');
    this.chunks = [];
    this.size = 0;
    await this.out.write(s);
  }
}
