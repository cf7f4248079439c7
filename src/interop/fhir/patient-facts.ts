import { AppError } from '../../errors/app-error.js';
import { ageOn } from '../../dates/age-on.js';
import { parseIsoDay } from '../../dates/iso-date.js';
import { readFact } from '../../eligibility/patient-facts.js';
import { fhirErrors } from './errors.js';
import { diagnosisOfIcd10Code, diagnosisOfSnomed, dictionaryUnitOfUcum, factOfLoinc, flagOfLoinc, patientSystems, resultPresence, treatmentOfRxnorm } from './patient-facts-codes.js';

/** A part of the Bundle that gave no fact, and why (a code not in the tables, a status that is not a result). */
export interface UnmappedEntry {
  readonly path: string;
  readonly reason: string;
}

/**
 * Screening facts read from a patient's FHIR R4 Bundle: fact name → value text as the screening
 * form takes it ("72 kg", "yes", "a;b"), the reference date the age is counted at, and what was not read.
 */
export interface BundleFacts {
  readonly facts: Record<string, string>;
  readonly referenceDate?: string;
  readonly unmapped: readonly UnmappedEntry[];
}

/** The resources read (see the readers below). */
const READ = ['Patient', 'Observation', 'Condition', 'MedicationStatement'] as const;
/**
 * Other FHIR R4 resources a patient's record holds (hl7.org/fhir/R4/resourcelist.html): reported
 * as not read. Any other resourceType is refused, since the file is then not a patient record.
 */
// biome-ignore format: a list of names
const NOT_READ = new Set([
  'AllergyIntolerance', 'Encounter', 'Procedure', 'Immunization', 'MedicationRequest', 'MedicationAdministration', 'MedicationDispense',
  'Medication', 'DiagnosticReport', 'Practitioner', 'PractitionerRole', 'Organization', 'Location', 'CarePlan', 'CareTeam', 'Goal',
  'FamilyMemberHistory', 'Specimen', 'DocumentReference', 'Provenance', 'Coverage', 'Claim', 'ExplanationOfBenefit', 'Device',
  'ServiceRequest', 'QuestionnaireResponse', 'RelatedPerson', 'ImagingStudy', 'Consent', 'Composition', 'List',
]);

type Json = Record<string, unknown>;
type Coding = { system?: unknown; code?: unknown };

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const codingsOf = (concept: unknown): Coding[] => (isObject(concept) && Array.isArray(concept.coding) ? concept.coding.filter(isObject) : []);
const codeIn = (concept: unknown, system: string): string | undefined => {
  const c = codingsOf(concept).find((x) => x.system === system && typeof x.code === 'string');
  return c ? String(c.code) : undefined;
};
const listed = (concept: unknown): string =>
  codingsOf(concept)
    .map((c) => `${String(c.system ?? '(no system)')}|${String(c.code ?? '')}`)
    .join(', ') || 'none';
const malformed = (path: string, what: string) => new AppError(fhirErrors.BUNDLE_MALFORMED, `Bundle ${path} ${what}.`, path);

/** What one Bundle reading gathers: facts with the date they were observed, codes, and the report. */
class Reading {
  readonly values = new Map<string, { text: string; at: string; path: string }>();
  readonly codes = new Map<string, Set<string>>();
  readonly unmapped: UnmappedEntry[] = [];
  skip(path: string, reason: string): void {
    this.unmapped.push({ path, reason });
  }
  /** A value for a fact: checked as the screening form would read it; the latest observation wins. */
  set(name: string, text: string, path: string, at = ''): void {
    try {
      readFact(name, text, path);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      this.skip(path, e.message);
      return;
    }
    const held = this.values.get(name);
    if (!held || at > held.at) this.values.set(name, { text, at, path });
  }
  code(fact: string, code: string): void {
    const set = this.codes.get(fact) ?? new Set<string>();
    set.add(code);
    this.codes.set(fact, set);
  }
}

function readPatient(r: Reading, p: Json, path: string, referenceDate: string | undefined): void {
  if (p.gender === 'female' || p.gender === 'male') r.set('sex', p.gender, `${path}.gender`);
  else if (p.gender !== undefined) r.skip(`${path}.gender`, `gender "${String(p.gender)}" is not a sex the trial registers (female, male).`);
  if (p.birthDate === undefined) return;
  const born = String(p.birthDate);
  if (parseIsoDay(born) === undefined) r.skip(`${path}.birthDate`, `birthDate "${born}" is not a full date, so the age in completed years is not known.`);
  else if (referenceDate === undefined) r.skip(`${path}.birthDate`, 'no reference date (the Bundle has no timestamp), so the age is not counted.');
  else r.set('age', String(ageOn(born, referenceDate)), `${path}.birthDate`);
}

const RESULT_STATUSES = new Set(['final', 'amended', 'corrected']);

function readObservation(r: Reading, o: Json, path: string): void {
  if (!RESULT_STATUSES.has(String(o.status))) return r.skip(`${path}.status`, `status "${String(o.status)}" is not a result (final, amended or corrected).`);
  const loinc = codeIn(o.code, patientSystems.loinc);
  const at = typeof o.effectiveDateTime === 'string' ? o.effectiveDateTime : '';
  const fact = loinc ? factOfLoinc.get(loinc) : undefined;
  if (fact) {
    const q = o.valueQuantity;
    if (!isObject(q) || typeof q.value !== 'number') return r.skip(`${path}.valueQuantity`, `LOINC ${loinc} (${fact}) has no valueQuantity with a number.`);
    const ucum = q.system === patientSystems.ucum && typeof q.code === 'string' ? q.code : typeof q.unit === 'string' ? q.unit : '';
    const unit = dictionaryUnitOfUcum[ucum] ?? ucum;
    return r.set(fact, unit === '' ? String(q.value) : `${q.value} ${unit}`, `${path}.valueQuantity`, at);
  }
  const flag = loinc ? flagOfLoinc.get(loinc) : undefined;
  if (flag) {
    const answers = [o.valueCodeableConcept, ...(Array.isArray(o.interpretation) ? o.interpretation : [])].flatMap((c) => codingsOf(c));
    const found = answers.map((c) => resultPresence.get(`${String(c.system)}|${String(c.code)}`)).find((v) => v !== undefined);
    if (found === undefined) return r.skip(`${path}.valueCodeableConcept`, `LOINC ${loinc} (${flag}) has no positive or negative result code.`);
    return r.set(flag, found ? 'yes' : 'no', `${path}.valueCodeableConcept`, at);
  }
  r.skip(`${path}.code`, `no LOINC code the screening reads (codes: ${listed(o.code)}).`);
}

const CURRENT = new Set(['active', 'recurrence', 'relapse']);
const PAST = new Set(['inactive', 'remission', 'resolved']);

function readCondition(r: Reading, c: Json, path: string): void {
  const verification = codingsOf(c.verificationStatus).map((x) => String(x.code));
  if (verification.some((v) => v === 'refuted' || v === 'entered-in-error')) return r.skip(`${path}.verificationStatus`, `verificationStatus "${verification.join(', ')}" is not a diagnosis.`);
  const clinical = codingsOf(c.clinicalStatus).map((x) => String(x.code))[0];
  if (clinical === undefined || (!CURRENT.has(clinical) && !PAST.has(clinical)))
    return r.skip(`${path}.clinicalStatus`, `clinicalStatus "${clinical ?? 'none'}" does not say whether the condition is current.`);
  const snomed = codeIn(c.code, patientSystems.snomed);
  const icd = codeIn(c.code, patientSystems.icd10) ?? codeIn(c.code, patientSystems.icd10cm);
  const code = (snomed ? diagnosisOfSnomed.get(snomed) : undefined) ?? (icd ? diagnosisOfIcd10Code(icd) : undefined);
  if (!code) return r.skip(`${path}.code`, `no SNOMED CT or ICD-10 code a screening fact names (codes: ${listed(c.code)}).`);
  if (CURRENT.has(clinical)) r.code('diagnoses', code);
  r.code('history', code);
}

function readMedication(r: Reading, m: Json, path: string): void {
  const status = String(m.status);
  if (status !== 'active' && status !== 'completed' && status !== 'stopped') return r.skip(`${path}.status`, `status "${status}" does not say the medication was taken.`);
  if (m.medicationCodeableConcept === undefined) return r.skip(`${path}.medicationCodeableConcept`, 'the medication is not given as a code (a medicationReference is not followed).');
  const rx = codeIn(m.medicationCodeableConcept, patientSystems.rxnorm);
  const code = rx ? treatmentOfRxnorm.get(rx) : undefined;
  if (!code) return r.skip(`${path}.medicationCodeableConcept`, `no RxNorm code a screening fact names (codes: ${listed(m.medicationCodeableConcept)}).`);
  if (status === 'active') r.code('current_treatments', code);
  r.code('prior_treatments', code);
}

/**
 * Read a patient's FHIR R4 Bundle (Patient, Observation, Condition, MedicationStatement) as
 * screening facts. Codes and units outside the tables of patient-facts-codes.ts are reported in
 * `unmapped`, never guessed. The age is counted on `referenceDate`, else on the Bundle's timestamp
 * day, else on `otherwise` (the caller's today). A code list (diagnoses, treatments) holds what the Bundle codes; the person screening
 * checks it is complete before submitting. Throws when the file is not a patient's Bundle.
 */
export function bundleFacts(bundle: unknown, options: { readonly referenceDate?: string; readonly otherwise?: string } = {}): BundleFacts {
  if (!isObject(bundle) || bundle.resourceType !== 'Bundle') throw malformed('resourceType', 'must be "Bundle" (the file is not a FHIR Bundle)');
  if (!Array.isArray(bundle.entry)) throw malformed('entry', 'must be a list of entries');
  const stamp = typeof bundle.timestamp === 'string' ? bundle.timestamp.slice(0, 10) : undefined;
  const referenceDate = options.referenceDate ?? (stamp && parseIsoDay(stamp) !== undefined ? stamp : undefined) ?? options.otherwise;
  const r = new Reading();
  let patientAt: string | undefined;
  bundle.entry.forEach((entry: unknown, i) => {
    const path = `entry[${i}].resource`;
    if (!isObject(entry) || !isObject(entry.resource)) throw malformed(path, 'must be a resource object');
    const res = entry.resource;
    if (typeof res.resourceType !== 'string') throw malformed(`${path}.resourceType`, 'must be a resource type');
    const type = res.resourceType;
    if (!(READ as readonly string[]).includes(type)) {
      if (NOT_READ.has(type)) return r.skip(`${path}.resourceType`, `${type} resources are not read for screening.`);
      throw new AppError(fhirErrors.UNKNOWN_RESOURCE_TYPE, `Bundle ${path}.resourceType "${type}" is not a FHIR R4 resource of a patient record.`, `${path}.resourceType`);
    }
    if (type === 'Patient') {
      if (patientAt !== undefined) throw malformed(path, `is a second Patient (the first is ${patientAt}); a screening Bundle is one patient's`);
      patientAt = path;
      readPatient(r, res, path, referenceDate);
    } else if (type === 'Observation') readObservation(r, res, path);
    else if (type === 'Condition') readCondition(r, res, path);
    else readMedication(r, res, path);
  });
  const facts: Record<string, string> = {};
  for (const [name, v] of r.values) facts[name] = v.text;
  for (const [name, set] of r.codes) facts[name] = [...set].sort().join(';');
  return { facts, ...(referenceDate ? { referenceDate } : {}), unmapped: r.unmapped };
}
