import { AppError } from '../errors/app-error.js';
import { parseIsoDay, type DayNumber } from '../dates/iso-date.js';
import { findFact, isAttestationFact, isCodeValue, type FactDefinition } from './facts.js';
import { findConversion } from './units.js';
import { eligibilityErrors } from './errors.js';
import type { ErrorEntry } from '../errors/define-errors.js';

/** A human attestation: whether the attested text holds for the patient, who said so, and when. */
export interface Attestation {
  readonly holds: boolean;
  readonly by: string;
  readonly at: string;
}

/**
 * A fact value as evaluation sees it: numbers in the canonical unit, dates as day numbers (never is
 * -Infinity), code sets as Sets. Per-kg units are resolved here too, so weight must be read first
 * (readFacts does that).
 */
export type FactValue = number | boolean | string | ReadonlySet<string> | Attestation;
export type PatientFacts = Readonly<Record<string, FactValue | undefined>>;

const NUMBER_WITH_UNIT = /^\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)\s*(.*?)\s*$/i;
// A bare number is in the canonical unit; the common case in a CSV, read without the unit parser.
const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;
const TRUE_WORDS = new Set(['true', 'yes', 'y', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'n', '0']);

function bad(entry: ErrorEntry, where: string, message: string): AppError {
  return new AppError(entry, `${where}: ${message}.`, where);
}

function readNumber(def: FactDefinition, raw: unknown, where: string, weight: number | undefined): number | undefined {
  let value: number;
  let unit: string;
  if (typeof raw === 'number') {
    value = raw;
    unit = '';
  } else if (typeof raw === 'string' && PLAIN_NUMBER.test(raw)) {
    return Number(raw);
  } else if (typeof raw === 'string') {
    const m = NUMBER_WITH_UNIT.exec(raw);
    if (!m) throw bad(eligibilityErrors.BAD_FACT_VALUE, where, `"${raw}" is not a number (${def.name} is a number in ${def.unit || 'points'})`);
    value = Number(m[1]);
    unit = m[2] ?? '';
  } else if (typeof raw === 'object' && raw !== null && typeof (raw as { value?: unknown }).value === 'number') {
    value = (raw as { value: number }).value;
    unit = String((raw as { unit?: unknown }).unit ?? '');
  } else {
    throw bad(eligibilityErrors.BAD_FACT_VALUE, where, `${def.name} must be a number, "number unit" or {value, unit}`);
  }
  if (!Number.isFinite(value)) throw bad(eligibilityErrors.BAD_FACT_VALUE, where, `${def.name} is not a finite number`);
  if (unit === '') return value;
  const conv = findConversion(def.units ?? [], unit);
  if (!conv) {
    const accepted = (def.units ?? []).map((u) => u.unit).join(', ') || 'no unit';
    throw bad(eligibilityErrors.UNKNOWN_UNIT, where, `unit "${unit}" is not accepted for ${def.name} (accepted: ${accepted})`);
  }
  if (conv.perKg) {
    // A per-kg value needs the weight to become an absolute dose; without it the fact is unknown.
    return weight === undefined ? undefined : value * conv.factor * weight;
  }
  return value * conv.factor;
}

function readBoolean(def: FactDefinition, raw: unknown, where: string): boolean {
  if (typeof raw === 'boolean') return raw;
  const s = String(raw).trim().toLowerCase();
  if (TRUE_WORDS.has(s)) return true;
  if (FALSE_WORDS.has(s)) return false;
  throw bad(eligibilityErrors.BAD_FACT_VALUE, where, `"${String(raw)}" is not yes/no (${def.name} is true or false)`);
}

function readDate(raw: unknown, where: string, name: string): DayNumber {
  const s = String(raw).trim();
  if (s.toLowerCase() === 'never') return -Infinity;
  const day = parseIsoDay(s);
  if (day === undefined) throw bad(eligibilityErrors.BAD_FACT_VALUE, where, `"${s}" is not a date (${name} is YYYY-MM-DD or never)`);
  return day;
}

function readCodes(raw: unknown, where: string, name: string): ReadonlySet<string> {
  const list = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.split(';') : undefined;
  if (!list) throw bad(eligibilityErrors.BAD_FACT_VALUE, where, `${name} must be a list of codes or "a;b;c"`);
  const codes = list.map((c) => c.trim().toLowerCase()).filter((c) => c !== '' && c !== 'none');
  return new Set(codes);
}

function readAttestation(raw: unknown, where: string): Attestation {
  let holds: unknown, by: unknown, at: unknown;
  if (typeof raw === 'string') [holds, by, at] = raw.split('|').map((s) => s.trim());
  else if (typeof raw === 'object' && raw !== null) ({ holds, by, at } = raw as Record<string, unknown>);
  const holdsValue = typeof holds === 'boolean' ? holds : TRUE_WORDS.has(String(holds).toLowerCase()) ? true : FALSE_WORDS.has(String(holds).toLowerCase()) ? false : undefined;
  if (holdsValue === undefined || typeof by !== 'string' || by === '' || typeof at !== 'string' || parseIsoDay(at) === undefined) {
    throw bad(eligibilityErrors.BAD_FACT_VALUE, where, 'an attestation needs holds (yes/no), by (who) and at (YYYY-MM-DD), as {holds, by, at} or "yes|by|at"');
  }
  return { holds: holdsValue, by, at };
}

/**
 * Read one fact value (from JSON or a CSV cell) into its evaluation form. Empty text and null mean
 * missing (undefined). `where` names the place for the error message (a JSON path, a row and column).
 */
export function readFact(name: string, raw: unknown, where: string, weight?: number): FactValue | undefined {
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return undefined;
  if (isAttestationFact(name)) return readAttestation(raw, where);
  const def = findFact(name);
  if (!def) throw bad(eligibilityErrors.UNKNOWN_FACT, where, `"${name}" is not a fact in the dictionary`);
  switch (def.type) {
    case 'number':
      return readNumber(def, raw, where, weight);
    case 'boolean':
      return readBoolean(def, raw, where);
    case 'date':
      return readDate(raw, where, name);
    case 'codes':
      return readCodes(raw, where, name);
    case 'code': {
      const s = String(raw).trim().toLowerCase();
      if (!isCodeValue(def, s))
        throw bad(eligibilityErrors.BAD_FACT_VALUE, where, `"${String(raw)}" is not ${def.values ? `one of ${def.values.join(', ')}` : 'a code (lower-case letters, digits and hyphens)'} (${name})`);
      return s;
    }
  }
}

/**
 * Read a facts document ({name: value}). Every bad entry is reported at once, each with its name.
 */
export function readFacts(doc: unknown): PatientFacts {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    throw new AppError(eligibilityErrors.BAD_FACTS_FILE, 'The facts document must be a JSON object of fact names to values.');
  }
  const raw = doc as Record<string, unknown>;
  const problems: string[] = [];
  const out: Record<string, FactValue | undefined> = {};
  const weightOrder = Object.keys(raw).sort((a, b) => Number(b === 'weight') - Number(a === 'weight'));
  for (const name of weightOrder) {
    try {
      const w = out.weight;
      out[name] = readFact(name, raw[name], name, typeof w === 'number' ? w : undefined);
    } catch (e) {
      if (e instanceof AppError) problems.push(e.message);
      else throw e;
    }
  }
  if (problems.length > 0) {
    const first = problems.length === 1 ? 'problem' : 'problems';
    throw new AppError(eligibilityErrors.BAD_FACT_VALUE, `The facts have ${problems.length} ${first}: ${problems.join(' ')}`);
  }
  return out;
}
