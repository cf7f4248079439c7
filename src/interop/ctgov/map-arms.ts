import { AppError } from '../../errors/app-error.js';
import type { RegimenInput, RegimenStep } from '../../protocol/regimen-schema.js';
import type { DoseUnit, ProtocolInput, Route } from '../../protocol/schema.js';
import { ctgovErrors } from './errors.js';
import type { ReportCollector } from './import-report.js';
import { readDosing, routesIn } from './read-dosing.js';
import type { ArmGroup, ProtocolSection, RecordIntervention } from './record.js';
import { slugOf, uniqueId, unescapeMarkup } from './record-text.js';

type ArmInput = ProtocolInput['arms'][number];
type InterventionInput = ArmInput['interventions'][number];

const ARMS = 'protocolSection.armsInterventionsModule';

/** API v2 `ArmGroupType` → the protocol's arm type; a sham comparator is the protocol's placebo comparator. */
const armTypes: Readonly<Record<string, ArmInput['type']>> = {
  EXPERIMENTAL: 'experimental',
  ACTIVE_COMPARATOR: 'active-comparator',
  PLACEBO_COMPARATOR: 'placebo-comparator',
  SHAM_COMPARATOR: 'placebo-comparator',
  NO_INTERVENTION: 'no-intervention',
  OTHER: 'other',
};

/** "Drug: GET73" (API v2 interventionNames are `Type: name`, the type in title case) names intervention GET73. */
const nameOf = (entry: string): string => entry.replace(/^[A-Za-z ]+:\s*/, '').trim();

function interventionsOf(arm: ArmGroup, all: readonly RecordIntervention[]): RecordIntervention[] {
  const named = new Set((arm.interventionNames ?? []).map(nameOf));
  return all.filter((x) => (x.name !== undefined && named.has(x.name.trim())) || (arm.label !== undefined && x.armGroupLabels?.includes(arm.label)));
}

const isPlaceboText = (s: string | undefined): boolean => s !== undefined && /\bplacebo\b|\bsham\b|\bsaline\b|\bvehicle\b/i.test(s);

/** One dose of `amount` on day 1: the placeholder schedule when the record gives none, always reported. */
const placeholder = (amount: number, unit: DoseUnit): RegimenStep[] => [{ kind: 'days', days: [1], length: 1, dose: { amount, unit } }];

/** Arms and their interventions, each intervention's route and regimen read from the record's text. */
export function mapArms(p: ProtocolSection, r: ReportCollector): ArmInput[] {
  const groups = p.armsInterventionsModule?.armGroups ?? [];
  if (groups.length === 0)
    throw new AppError(ctgovErrors.RECORD_INCOMPLETE, `The record has no arms: ${ARMS}.armGroups is missing or empty, and a protocol needs at least one arm.`, `${ARMS}.armGroups`);
  const all = p.armsInterventionsModule?.interventions ?? [];
  r.use(`${ARMS}.armGroups[].label`, `${ARMS}.armGroups[].type`, `${ARMS}.armGroups[].description`, `${ARMS}.armGroups[].interventionNames`);
  r.use(`${ARMS}.interventions[].name`, `${ARMS}.interventions[].description`, `${ARMS}.interventions[].armGroupLabels`, `${ARMS}.interventions[].otherNames`, `${ARMS}.interventions[].type`);
  const armIds = new Set<string>();
  const drafts = groups.map((g, gi) => {
    const field = `${ARMS}.armGroups[${gi}]`;
    const label = g.label?.trim();
    if (!label) throw new AppError(ctgovErrors.RECORD_INCOMPLETE, `The record's arm ${gi + 1} has no label (${field}.label).`, `${field}.label`);
    // The only arm of a single-group study, untyped, is the one under study.
    const fallback = groups.length === 1 && !g.type ? 'experimental' : 'other';
    const type = armTypes[g.type ?? ''] ?? fallback;
    if (!armTypes[g.type ?? ''])
      r.assume(
        `${field}.type`,
        `arms[${gi}].type`,
        `Arm "${label}" has no known type (${g.type ?? 'none'}); ${fallback === 'experimental' ? "as the study's only arm, the draft says experimental" : 'the draft says other'}.`,
      );
    if (g.type === 'SHAM_COMPARATOR') r.assume(`${field}.type`, `arms[${gi}].type`, `Arm "${label}" is a sham comparator, kept as a placebo comparator.`);
    const records = interventionsOf(g, all);
    if (records.length === 0)
      throw new AppError(ctgovErrors.RECORD_INCOMPLETE, `The record's arm "${label}" names no intervention the record lists (${field}.interventionNames).`, `${field}.interventionNames`);
    return { g, gi, field, label, type, records, id: uniqueId(slugOf(label, `arm-${gi + 1}`), armIds) };
  });
  const isPlacebo = (d: (typeof drafts)[number], x: RecordIntervention) => isPlaceboText(x.name) || (d.type === 'placebo-comparator' && d.records.length === 1);
  const actives = new Set(drafts.flatMap((d) => d.records.filter((x) => !isPlacebo(d, x))));
  // The study's own description of its dosing: the schedule of its only active intervention, if that one's texts give none.
  const studyText = unescapeMarkup(p.descriptionModule?.detailedDescription ?? '');
  const arms: ArmInput[] = [];
  const activeSteps: { steps: RegimenStep[]; id: string }[] = [];
  const pending: (() => void)[] = [];
  for (const d of drafts) {
    const interventionIds = new Set<string>();
    const interventions: InterventionInput[] = [];
    d.records.forEach((x, xi) => {
      const drug = x.name?.trim() || nameOf(d.g.interventionNames?.[xi] ?? `intervention ${xi + 1}`);
      const at = `arms[${arms.length}].interventions[${xi}]`;
      const recordAt = `${ARMS}.interventions[${all.indexOf(x)}]`;
      const placebo = isPlacebo(d, x);
      if (placebo && d.type !== 'placebo-comparator' && d.records.length === 1)
        r.discrepancy(
          `${d.field}.type`,
          `arms[${arms.length}].type`,
          `Arm "${d.label}" is typed ${d.g.type} but its only intervention, ${drug}, is a placebo; the draft keeps the type ${d.type} and marks the intervention as a placebo.`,
        );
      const armText = unescapeMarkup(d.g.description ?? '');
      const ownText = unescapeMarkup(x.description ?? '');
      const routes = routesIn(`${armText} ${ownText} ${drug}`);
      let route: Route = routes[0] ?? 'subcutaneous';
      if (routes.length === 0) r.assume(`${recordAt}.description`, `${at}.route`, `The record gives no route for ${drug}; the draft says subcutaneous.`);
      if (routes.length > 1) {
        route = routes[0] as Route;
        r.discrepancy(`${recordAt}.description`, `${at}.route`, `The record names several routes for ${drug} (${routes.join(', ')}); the draft takes ${route}.`);
      }
      const fromArm = readDosing(armText);
      const fromOwn = readDosing(ownText);
      let reading = fromArm.kind === 'regimen' ? fromArm : fromOwn.kind === 'regimen' ? fromOwn : fromArm.dose ? fromArm : fromOwn;
      let description = (reading === fromArm ? armText : ownText) || drug;
      const fromStudy = readDosing(studyText);
      const sameDose = reading.dose === undefined || (fromStudy.dose?.amount === reading.dose.amount && fromStudy.dose.unit === reading.dose.unit);
      if (reading.kind !== 'regimen' && !placebo && actives.size === 1 && fromStudy.kind === 'regimen' && sameDose) {
        r.assume(
          'protocolSection.descriptionModule.detailedDescription',
          `${at}.regimen`,
          `The arm and intervention texts give no schedule for ${drug} (${reading.reason}); the draft reads it from the record's detailed description, the study's only active intervention being ${drug}.`,
        );
        reading = fromStudy;
        description = studyText;
      }
      const id = uniqueId(slugOf(drug, `intervention-${xi + 1}`), interventionIds);
      const base = { id, drug, otherNames: [...(x.otherNames ?? [])], placebo, route, verbatim: [ownText, armText].filter((t) => t !== '').join(' | ') || drug };
      if (reading.kind === 'regimen') {
        interventions.push({ ...base, regimen: { description, steps: reading.steps, holdRule: 'skip' } });
        if (reading.note) r.assume(`${recordAt}.description`, `${at}.regimen`, `The schedule of ${drug} is read from "${description}": ${reading.note}.`);
        if (!placebo) activeSteps.push({ steps: reading.steps, id });
        r.assume(`${recordAt}.description`, `${at}.regimen.holdRule`, `The record gives no rule for held doses of ${drug}; the draft skips a held dose.`);
        return;
      }
      const slot = interventions.length;
      interventions.push({ ...base, regimen: { description, steps: placeholder(0, 'mg') } });
      const armIndex = arms.length;
      // A placebo without its own schedule takes the active one's (resolved once every arm is read).
      pending.push(() => {
        const target = arms[armIndex]?.interventions[slot] as InterventionInput;
        const active = activeSteps[0];
        if (placebo && active) {
          target.regimen = { description: `matching placebo, on the schedule of ${active.id}`, steps: zeroed(active.steps), holdRule: 'skip' } satisfies RegimenInput;
          r.assume(
            `${recordAt}.description`,
            `${at}.regimen`,
            `The record gives no schedule for ${drug} (${reading.reason}); the draft gives it the schedule of ${active.id} with doses of 0, to confirm.`,
          );
          return;
        }
        const dose = reading.dose ?? { amount: placebo ? 0 : 1, unit: 'mg' as const };
        const amount = placebo ? dose.amount : dose.amount || 1;
        target.regimen = { description, steps: placeholder(amount, dose.unit), holdRule: 'skip' };
        r.assume(
          `${recordAt}.description`,
          `${at}.regimen`,
          `The record's dosing text for ${drug} cannot be read as a regimen (${reading.reason}); the draft holds a placeholder of one dose of ${amount} ${dose.unit} on day 1, to replace with the real schedule.`,
        );
      });
    });
    arms.push({ id: d.id, label: d.label, type: d.type, ratio: 1, interventions });
  }
  for (const resolve of pending) resolve();
  if (arms.length > 1) r.assume(`${ARMS}.armGroups`, 'arms[].ratio', 'The record gives no allocation ratio; the draft allocates the arms equally (1 each).');
  return arms;
}

const zeroed = (steps: readonly RegimenStep[]): RegimenStep[] =>
  steps.map((s) => (s.kind === 'cycle' ? { ...s, steps: zeroed(s.steps) } : s.kind === 'rest' ? s : { ...s, dose: { ...s.dose, amount: 0 } }));
