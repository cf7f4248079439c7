import { AppError } from '../../errors/app-error.js';
import { ieeeToIbm, writeMissing } from './ibm-float.js';
import { checkXptDataset, variableLength, type XptDataset, type XptValue } from './xpt-dataset.js';
import { interopErrors } from '../errors.js';

/**
 * SAS transport (XPORT) version 5 writer, one data set per file, following SAS TS-140 as summarised in
 * xpt-v5-format.md (copied beside the tests). Streaming: the header, then one buffer per observation,
 * then the blank padding that fills the last 80-byte record.
 */

const RECORD = 80;
const NAMESTR = 140;
const months = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** `ddMMMyy:hh:mm:ss` in UTC, as the library and member headers carry it (TS-140). */
export function xptDateTime(d: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(d.getUTCDate())}${months[d.getUTCMonth()]}${two(d.getUTCFullYear() % 100)}:${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}`;
}

const pad = (s: string, n: number) => s.slice(0, n).padEnd(n, ' ');
const record = (s: string) => Buffer.from(pad(s, RECORD), 'latin1');
const headerRecord = (kind: string, digits: string) => record(`HEADER RECORD*******${pad(kind, 8)}HEADER RECORD!!!!!!!${digits}`);
const zeros30 = '0'.repeat(30);

function namestr(ds: XptDataset): Buffer {
  const buf = Buffer.alloc(ds.variables.length * NAMESTR, 0);
  let pos = 0;
  ds.variables.forEach((v, i) => {
    const at = i * NAMESTR;
    const len = variableLength(v);
    buf.writeInt16BE(v.type === 'num' ? 1 : 2, at); // ntype
    buf.writeInt16BE(len, at + 4); // nlng
    buf.writeInt16BE(i + 1, at + 6); // nvar0
    buf.write(pad(v.name, 8), at + 8, 'latin1');
    buf.write(pad(v.label, 40), at + 16, 'latin1');
    buf.write(pad('', 8), at + 56, 'latin1'); // nform blank; nfl, nfd, nfj and nfill stay 0
    buf.write(pad('', 8), at + 72, 'latin1'); // niform blank; nifl, nifd 0
    buf.writeInt32BE(pos, at + 84); // npos
    pos += len;
  });
  const padded = Buffer.alloc(Math.ceil(buf.length / RECORD) * RECORD, 0x20);
  buf.copy(padded);
  return padded;
}

/** Library header, member header and descriptor, NAMESTRs, and the OBS header: everything before the first observation. */
export function xptHeader(ds: XptDataset): Buffer {
  checkXptDataset(ds);
  const when = xptDateTime(ds.created);
  const version = ds.sasVersion ?? 'il2trial';
  const os = ds.os ?? 'node';
  const real = (kind: string, name: string) => record(`SAS     ${pad(name, 8)}${pad(kind, 8)}${pad(version, 8)}${pad(os, 8)}${pad('', 24)}${when}`);
  return Buffer.concat([
    headerRecord('LIBRARY', zeros30),
    real('SASLIB', 'SAS'),
    record(when),
    headerRecord('MEMBER', '000000000000000001600000000140'),
    headerRecord('DSCRPTR', zeros30),
    real('SASDATA', ds.name),
    record(`${when}${pad('', 16)}${pad(ds.label, 40)}${pad('', 8)}`),
    headerRecord('NAMESTR', `000000${String(ds.variables.length).padStart(4, '0')}${'0'.repeat(20)}`),
    namestr(ds),
    headerRecord('OBS', zeros30),
  ]);
}

/** The observation's bytes: numbers as IBM doubles (null → `.`), text blank-padded to the variable's length. */
export function xptObservation(ds: XptDataset, values: readonly XptValue[], row: number): Buffer {
  const lengths = ds.variables.map(variableLength);
  const buf = Buffer.alloc(
    lengths.reduce((a, b) => a + b, 0),
    0x20,
  );
  let at = 0;
  ds.variables.forEach((v, i) => {
    const value = values[i] ?? null;
    const where = `${ds.name} row ${row} ${v.name}`;
    if (v.type === 'num') {
      if (value === null || (typeof value === 'number' && Number.isNaN(value))) writeMissing(buf, at);
      else if (typeof value === 'number') ieeeToIbm(value, buf, at);
      else throw new AppError(interopErrors.XPT_VALUE_INVALID, `${where} is numeric but holds the text "${value}".`, where);
    } else if (value !== null) {
      const bytes = Buffer.from(String(value), 'utf8');
      if (bytes.length > v.length) throw new AppError(interopErrors.XPT_VALUE_INVALID, `${where} holds ${bytes.length} bytes, more than its length ${v.length}.`, where);
      bytes.copy(buf, at);
    }
    at += lengths[i]!;
  });
  return buf;
}

/** The blanks that fill the last 80-byte record after `rows` observations. */
export function xptTrailer(ds: XptDataset, rows: number): Buffer {
  const used = (rows * ds.variables.reduce((a, v) => a + variableLength(v), 0)) % RECORD;
  return Buffer.alloc(used === 0 ? 0 : RECORD - used, 0x20);
}

/** The whole file as a stream of buffers, the rows read one at a time. */
export async function* xptFile(ds: XptDataset, rows: AsyncIterable<readonly XptValue[]> | Iterable<readonly XptValue[]>): AsyncGenerator<Buffer> {
  yield xptHeader(ds);
  let n = 0;
  for await (const r of rows) yield xptObservation(ds, r, ++n);
  yield xptTrailer(ds, n);
}
