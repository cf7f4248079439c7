import { SaxesParser, type SaxesAttributeNS, type SaxesTagNS } from 'saxes';
import { AppError } from '../../errors/app-error.js';
import { il2Ns, odmNs } from './odm-namespace.js';
import { interopErrors } from '../errors.js';

/**
 * An XML element as the ODM reader walks it: its local name (`il2:Name` in the il2trials extension), attributes (unqualified ones by local
 * name, the il2trials extension's as `il2:Name`, `xml:lang`), children, text and line.
 */
export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: XmlElement[];
  text: string;
  readonly line: number;
}

const xmlNs = 'http://www.w3.org/XML/1998/namespace';

function attrsOf(tag: SaxesTagNS): Record<string, string> {
  const out: Record<string, string> = {};
  for (const a of Object.values(tag.attributes) as SaxesAttributeNS[]) {
    if (a.uri === '') out[a.local] = a.value;
    else if (a.uri === il2Ns) out[`il2:${a.local}`] = a.value;
    else if (a.uri === xmlNs) out[`xml:${a.local}`] = a.value;
  }
  return out;
}

/** The document as the reader gets it: its whole text, or its chunks as they arrive (a request body, a file stream). */
export type XmlSource = string | AsyncIterable<string | Uint8Array>;

/**
 * Parse a document with saxes (a maintained, conforming XML parser) into elements of the ODM
 * namespace and of the il2trials extension (named `il2:Name`); elements of other namespaces
 * (another vendor's extensions) are skipped with their content. Not well-formed XML is `INTEROP_ODM_INVALID` with its line.
 *
 * Streaming: the source is fed chunk by chunk, and an element `detach` picks (SubjectData) is handed
 * to `onDetached` when it closes and not kept in the tree, so memory holds one chunk and one such
 * element, never the whole text or the whole tree.
 */
export async function parseXmlStream(source: XmlSource, detach: (el: XmlElement) => boolean = () => false, onDetached: (el: XmlElement) => void = () => {}): Promise<XmlElement> {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const stack: (XmlElement | null)[] = [];
  let root: XmlElement | undefined;
  parser.on('opentag', (tag) => {
    const parent = stack[stack.length - 1];
    if (parent === null || (tag.uri !== odmNs && tag.uri !== il2Ns)) {
      stack.push(null);
      return;
    }
    const el: XmlElement = { name: tag.uri === il2Ns ? `il2:${tag.local}` : tag.local, attrs: attrsOf(tag), children: [], text: '', line: parser.line };
    if (parent) parent.children.push(el);
    else root ??= el;
    stack.push(el);
  });
  parser.on('text', (t) => {
    const el = stack[stack.length - 1];
    if (el) el.text += t;
  });
  parser.on('cdata', (t) => {
    const el = stack[stack.length - 1];
    if (el) el.text += t;
  });
  parser.on('closetag', () => {
    const el = stack.pop();
    const parent = stack[stack.length - 1];
    if (el && parent && detach(el)) {
      parent.children.pop();
      onDetached(el);
    }
  });
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    if (typeof source === 'string') parser.write(source);
    else for await (const chunk of source) parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    if (typeof source !== 'string') parser.write(decoder.decode());
    parser.close();
  } catch (e) {
    if (e instanceof AppError) throw e;
    const why = e instanceof Error ? e.message.replace(/^(?:[^:\n]*:)?\d+:\d+: /, '') : String(e);
    throw new AppError(interopErrors.ODM_INVALID, `The ODM file is not well-formed XML at line ${parser.line}: ${why}.`, `line ${parser.line}`);
  }
  if (!root) throw new AppError(interopErrors.ODM_INVALID, `The file has no ODM element in the ODM 1.3 namespace (${odmNs}).`, 'ODM');
  return root;
}
