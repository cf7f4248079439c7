import type { ReportCollector, ReportEntry } from './import-report.js';

/** Why a module the protocol has no place for is left out (ClinicalTrials.gov API v2 module names). */
const moduleReasons: Readonly<Record<string, string>> = {
  'protocolSection.identificationModule': 'secondary ids, acronym and the organization are not part of the protocol schema',
  'protocolSection.statusModule': 'submission, QC and verification dates and expanded access are registry bookkeeping, not part of the protocol schema',
  'protocolSection.sponsorCollaboratorsModule': 'the protocol keeps the lead sponsor only; responsible party and collaborators are left out',
  'protocolSection.oversightModule': 'oversight (FDA regulation, data monitoring committee) is not part of the protocol schema',
  'protocolSection.descriptionModule': 'the brief summary and detailed description are prose the protocol schema has no field for',
  'protocolSection.conditionsModule': 'keywords are not part of the protocol schema',
  'protocolSection.designModule': 'descriptions of the model and masking and other design details are prose the protocol schema has no field for',
  'protocolSection.armsInterventionsModule': 'intervention details beyond name, type, description and other names are left out',
  'protocolSection.contactsLocationsModule': 'geographic coordinates and other location details are not part of the protocol schema',
  'protocolSection.referencesModule': 'links and other references beyond citations are left out',
  'protocolSection.ipdSharingStatementModule': 'the individual participant data sharing plan is not part of the protocol schema',
  'protocolSection.eligibilityModule': 'other eligibility details (sampling method, study population) are not part of the protocol schema',
  'protocolSection.outcomesModule': 'outcome details beyond measure, description and time frame are left out',
  derivedSection: 'derived by the registry (MeSH terms, browse branches), not written by the sponsor',
  documentSection: 'documents (protocol, SAP) are files the protocol schema does not hold',
  annotationSection: 'registry annotations are not part of the protocol schema',
  resultsSection: 'the results section is read by the results import, not into the protocol',
  hasResults: 'whether results are posted is not part of the protocol',
};

/** Sections reported once as a whole rather than field by field. */
const WHOLE = ['derivedSection', 'documentSection', 'annotationSection', 'resultsSection'];

/** Every leaf path of a JSON value, array positions as `[]`, with how often each occurs. */
function leaves(value: unknown, path: string, out: Map<string, number>): void {
  if (Array.isArray(value)) {
    if (value.length === 0) out.set(path, (out.get(path) ?? 0) + 1);
    for (const v of value) leaves(v, `${path}[]`, out);
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) leaves(v, path ? `${path}.${k}` : k, out);
  } else out.set(path, (out.get(path) ?? 0) + 1);
}

const covered = (path: string, used: ReadonlySet<string>): boolean => {
  for (const u of used) if (path === u || path.startsWith(`${u}.`) || path.startsWith(`${u}[`)) return true;
  return false;
};

/** The record's fields the import did not read, one entry per path, each with the reason. */
export function unmappedFields(record: Record<string, unknown>, r: ReportCollector): ReportEntry[] {
  const all = new Map<string, number>();
  leaves(record, '', all);
  const out: ReportEntry[] = [];
  const wholeSections = new Map<string, number>();
  for (const [field, count] of all) {
    if (covered(field, r.used)) continue;
    const section = WHOLE.find((s) => field === s || field.startsWith(`${s}.`));
    if (section) {
      wholeSections.set(section, (wholeSections.get(section) ?? 0) + count);
      continue;
    }
    const module = Object.keys(moduleReasons)
      .filter((m) => field === m || field.startsWith(`${m}.`))
      .sort((a, b) => b.length - a.length)[0];
    const reason = module ? (moduleReasons[module] as string) : 'the field is not one the import knows';
    out.push({ kind: 'unmapped', field, reason: `${reason}.`, ...(count > 1 ? { count } : {}) });
  }
  for (const [field, count] of wholeSections) out.push({ kind: 'unmapped', field, reason: `${moduleReasons[field] as string} (${count} fields).`, count });
  return out;
}
