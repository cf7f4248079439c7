import { readFileSync } from 'node:fs';
import { AppError } from '../../errors/app-error.js';
import { eligibilityErrors } from '../../eligibility/errors.js';
import { evaluateEligibility } from '../../eligibility/evaluate.js';
import { readFacts } from '../../eligibility/patient-facts.js';
import { protocolCriteria } from '../../eligibility/protocol-criteria.js';
import { fhirErrors } from '../../interop/fhir/errors.js';
import { bundleFacts } from '../../interop/fhir/patient-facts.js';
import { getBuiltinProtocol } from '../../protocol/builtin/index.js';
import { printJson } from '../output.js';

/**
 * `il2trials screen ID --fhir FILE`: pre-screen one patient from their EHR's FHIR Bundle. The age is
 * counted on --date, else the Bundle's timestamp day, else today; codes not mapped are listed, not guessed.
 */
export function screenFhir(id: string, file: string, opts: { date?: string; firstDose?: string; json?: boolean }, today: string): void {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new AppError(eligibilityErrors.UNREADABLE_FILE, `Cannot read the FHIR Bundle file "${file}".`, file);
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    throw new AppError(fhirErrors.BUNDLE_MALFORMED, `The FHIR Bundle file "${file}" is not JSON (${(e as Error).message}).`, file);
  }
  const criteria = protocolCriteria(getBuiltinProtocol(id).eligibility);
  const read = bundleFacts(doc, { ...(opts.date ? { referenceDate: opts.date } : {}), otherwise: today });
  // bundleFacts fell back to today when neither --date nor the Bundle's timestamp gave a day.
  const screening = read.referenceDate!;
  const result = evaluateEligibility(criteria, readFacts(read.facts), { screening, ...(opts.firstDose ? { firstDose: opts.firstDose } : {}) });
  const evaluation = { status: result.status, failed: result.failed, missing: result.missing };
  if (opts.json) return printJson({ protocol: id, referenceDate: screening, facts: read.facts, unmapped: read.unmapped, evaluation });
  const lines = [
    `${id} on ${screening}: ${result.status}${result.failed.length > 0 ? ` (fails ${result.failed.join(', ')})` : ''}`,
    ...(result.missing.length > 0 ? [`missing: ${result.missing.join(', ')}`] : []),
    'facts from the Bundle:',
    ...Object.entries(read.facts).map(([name, value]) => `  ${name} = ${value}`),
    ...(read.unmapped.length > 0 ? ['not read (never guessed):', ...read.unmapped.map((u) => `  ${u.path}: ${u.reason}`)] : []),
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}
