import { AppError } from '../../errors/app-error.js';
import { ctgovErrors } from './errors.js';
import type { StudyRecord } from './record.js';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Line and column (1-based) of a character offset. */
function lineColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `line ${before.length}, column ${(before.at(-1)?.length ?? 0) + 1}`;
}

/** Where JSON.parse stopped, from its message (Node 20: "… in JSON at position 123", "Unexpected end of JSON input"). */
function whereParseStopped(text: string, message: string): string {
  const at = /position (\d+)/.exec(message);
  if (at) return `at ${lineColumn(text, Number(at[1]))}`;
  return `at its end (${lineColumn(text, text.trimEnd().length)}), before the JSON is complete (a truncated file?)`;
}

/**
 * A ClinicalTrials.gov API v2 study record from its JSON text: one object with a protocolSection.
 * Accepts the single-study answer (`{ protocolSection, … }`) and a one-study search page
 * (`{ studies: [record] }`). Bad text is refused with the line and column where it breaks.
 */
export function readStudyRecord(text: string, name = 'the record'): StudyRecord {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new AppError(ctgovErrors.RECORD_MALFORMED, `${name} is not valid JSON: it breaks ${whereParseStopped(text, (e as Error).message)}.`);
  }
  if (isObject(json) && Array.isArray(json.studies)) {
    if (json.studies.length !== 1) throw new AppError(ctgovErrors.RECORD_INCOMPLETE, `${name} holds ${json.studies.length} studies in "studies"; import one study at a time.`, 'studies');
    json = json.studies[0];
  }
  if (!isObject(json) || !isObject(json.protocolSection)) {
    throw new AppError(ctgovErrors.RECORD_INCOMPLETE, `${name} has no protocolSection object, so it is no ClinicalTrials.gov API v2 study record.`, 'protocolSection');
  }
  return json as unknown as StudyRecord;
}
