import { AppError } from '../../errors/app-error.js';
import { unknownAssessments } from '../../instruments/visit-forms/known-assessments.js';
import { protocolIssues } from '../../protocol/parse-protocol.js';
import type { RegimenStep } from '../../protocol/regimen-schema.js';
import { parseProtocol } from '../../protocol/parse-protocol.js';
import type { ProtocolInput } from '../../protocol/schema.js';
import { ctgovErrors } from './errors.js';
import { type ImportReport, ReportCollector } from './import-report.js';
import { mapArms } from './map-arms.js';
import { mapDesign } from './map-design.js';
import { mapEligibility } from './map-eligibility.js';
import { mapIdentification } from './map-identification.js';
import { mapOutcomes } from './map-outcomes.js';
import { mapSites } from './map-sites.js';
import type { StudyRecord } from './record.js';
import { unmappedFields } from './unmapped-fields.js';

/** A registry record turned into a protocol draft, with the report of what did not map as it stands. */
export interface CtgovImport {
  readonly protocol: ProtocolInput;
  readonly report: ImportReport;
}

/** Days a regimen occupies from study day 1 (steps laid end to end). */
export const regimenLength = (steps: readonly RegimenStep[]): number =>
  steps.reduce((n, s) => n + (s.kind === 'every' ? s.forDays : s.kind === 'days' ? s.length : s.kind === 'rest' ? s.days : s.times * regimenLength(s.steps)), 0);

/**
 * A protocol draft from a ClinicalTrials.gov API v2 study record. Pure. What the record does not say
 * and the protocol needs is drafted as an assumption, written both in the report and in the
 * protocol's notes, never silently; what the protocol has no place for is reported as unmapped.
 * The draft is a valid protocol whose instruments il2trials records; a record that cannot give one
 * (no arms, nothing to identify it by) is refused naming the field.
 */
export function importStudyRecord(record: StudyRecord): CtgovImport {
  const p = record.protocolSection;
  const r = new ReportCollector();
  const identification = mapIdentification(p, r);
  const arms = mapArms(p, r);
  const design = mapDesign(
    p,
    arms.map((a) => a.ratio ?? 1),
    r,
  );
  const { outcomes, visits } = mapOutcomes(p, r);
  const eligibility = mapEligibility(p, r);
  const { sites, contacts, references } = mapSites(p, r);
  const lastVisit = Math.max(...visits.map((v) => v.day + (v.windowAfter ?? 0)));
  const lastDose = Math.max(...arms.flatMap((a) => a.interventions.map((x) => (typeof x.regimen === 'string' ? 0 : regimenLength(x.regimen.steps)))));
  const durationDays = Math.max(lastVisit, lastDose);
  r.assume(
    'protocolSection.outcomesModule',
    'design.durationDays',
    `The record gives no study duration; the draft ends the study on day ${durationDays}, ${durationDays === lastVisit ? 'the last visit' : 'the end of dosing'}.`,
  );
  const entries = [...r.entries, ...unmappedFields(record as unknown as Record<string, unknown>, r)];
  const notes = [
    ...r.entries
      .filter((e) => e.kind !== 'unmapped')
      .map((e) => ({ kind: e.kind === 'discrepancy' ? ('discrepancy' as const) : ('assumption' as const), field: e.protocolField ?? e.field, text: `${e.reason} (record field ${e.field})` })),
    ...references,
  ];
  const protocol: ProtocolInput = { ...identification, design: { ...design, durationDays }, arms, visits, eligibility, outcomes, sites, contacts, notes };
  const name = identification.identifiers.registryId ?? identification.identifiers.orgStudyId ?? identification.id;
  const [issue, ...more] = protocolIssues(protocol);
  if (issue)
    throw new AppError(ctgovErrors.RECORD_INCOMPLETE, `The record ${name} gives no valid protocol: ${issue.path}: ${issue.message}${more.length ? ` (and ${more.length} more)` : ''}.`, issue.path);
  const [unknown] = unknownAssessments(parseProtocol(protocol));
  if (unknown) throw new AppError(ctgovErrors.RECORD_INCOMPLETE, `The draft of ${name} names an assessment il2trials cannot record: ${unknown.path}: ${unknown.message}.`, unknown.path);
  return { protocol, report: { record: name, entries } };
}
