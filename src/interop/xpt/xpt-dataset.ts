import { AppError } from '../../errors/app-error.js';
import { interopErrors } from '../errors.js';

/** One variable of a SAS transport v5 data set. Numerics are always 8 bytes (xpt-v5-format.md §5.3). */
export type XptVariable = { readonly name: string; readonly label: string; readonly type: 'num' } | { readonly name: string; readonly label: string; readonly type: 'char'; readonly length: number };

/** A data set's header: what the library, member and NAMESTR records say about it. */
export interface XptDataset {
  readonly name: string;
  readonly label: string;
  readonly variables: readonly XptVariable[];
  /** Written as both "created" and "modified" (SAS writes them equal; TS-140). */
  readonly created: Date;
  /** The SAS version and operating system fields; by default this program's name, blank-padded to 8. */
  readonly sasVersion?: string;
  readonly os?: string;
}

export type XptValue = string | number | null;

/** Largest character value the XPORT engine accepts (SAS Usage Note 1528; xpt-v5-format.md §7). */
export const XPT_MAX_CHAR_BYTES = 200;

const namePattern = /^[A-Z_][A-Z0-9_]{0,7}$/;
// Printable ASCII only: FDA asks for ASCII names and labels (Study Data Technical Conformance Guide).
const asciiPattern = /^[\x20-\x7e]*$/;

export const variableLength = (v: XptVariable): number => (v.type === 'num' ? 8 : v.length);

/** Refuse a header the v5 layout cannot hold, naming the data set or variable. */
export function checkXptDataset(ds: XptDataset): void {
  if (!namePattern.test(ds.name)) throw new AppError(interopErrors.XPT_NAME_INVALID, `Data set name "${ds.name}" is not 1–8 upper-case letters, digits or underscores.`, 'name');
  if (ds.label.length > 40 || !asciiPattern.test(ds.label))
    throw new AppError(interopErrors.XPT_LABEL_INVALID, `Data set ${ds.name}'s label "${ds.label}" is longer than 40 characters or not ASCII.`, 'label');
  const seen = new Set<string>();
  for (const v of ds.variables) {
    const where = `${ds.name}.${v.name}`;
    if (!namePattern.test(v.name) || seen.has(v.name))
      throw new AppError(interopErrors.XPT_NAME_INVALID, `Variable name "${where}" is not 1–8 upper-case letters, digits or underscores, or is repeated.`, where);
    seen.add(v.name);
    if (v.label.length > 40 || !asciiPattern.test(v.label))
      throw new AppError(interopErrors.XPT_LABEL_INVALID, `Variable ${where}'s label "${v.label}" is longer than 40 characters or not ASCII.`, where);
    if (v.type === 'char' && (!Number.isInteger(v.length) || v.length < 1 || v.length > XPT_MAX_CHAR_BYTES)) {
      throw new AppError(interopErrors.XPT_LENGTH_INVALID, `Variable ${where} is declared ${v.length} bytes long; SAS transport character values are 1–200 bytes.`, where);
    }
  }
}
