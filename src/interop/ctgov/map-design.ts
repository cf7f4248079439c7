import type { ProtocolInput } from '../../protocol/schema.js';
import type { ReportCollector } from './import-report.js';
import type { ProtocolSection } from './record.js';

type DesignInput = ProtocolInput['design'];
type MaskedRole = DesignInput['masking']['masked'][number];
const DI = 'protocolSection.designModule.designInfo';

// API v2 enums DesignAllocation, InterventionalAssignment, DesignMasking, WhoMasked.
const allocations: Readonly<Record<string, DesignInput['allocation']>> = { RANDOMIZED: 'randomized', NON_RANDOMIZED: 'non-randomized', NA: 'n/a' };
const models: Readonly<Record<string, DesignInput['interventionModel']>> = {
  PARALLEL: 'parallel',
  SINGLE_GROUP: 'single-group',
  CROSSOVER: 'crossover',
  FACTORIAL: 'factorial',
  SEQUENTIAL: 'sequential',
};
const levels: Readonly<Record<string, DesignInput['masking']['level']>> = { NONE: 'none', SINGLE: 'single', DOUBLE: 'double', TRIPLE: 'triple', QUADRUPLE: 'quadruple' };
const LEVEL_COUNT: Readonly<Record<string, number>> = { none: 0, single: 1, double: 2, triple: 3, quadruple: 4 };
const roles: Readonly<Record<string, MaskedRole>> = { PARTICIPANT: 'participant', CARE_PROVIDER: 'care-provider', INVESTIGATOR: 'investigator', OUTCOMES_ASSESSOR: 'outcomes-assessor' };

/** Allocation, intervention model, purpose and masking (who is masked), without the duration (set from the schedule). */
export function mapDesign(p: ProtocolSection, armRatios: readonly number[], r: ReportCollector): Omit<DesignInput, 'durationDays'> {
  const d = p.designModule?.designInfo;
  r.use(`${DI}.allocation`, `${DI}.interventionModel`, `${DI}.primaryPurpose`, `${DI}.maskingInfo.masking`, `${DI}.maskingInfo.whoMasked`, 'protocolSection.designModule.studyType');
  if (p.designModule?.studyType && p.designModule.studyType !== 'INTERVENTIONAL')
    r.discrepancy('protocolSection.designModule.studyType', 'design', `The record is a ${p.designModule.studyType} study; il2trials runs interventional trials, so the draft reads it as one.`);
  let allocation = allocations[d?.allocation ?? ''];
  if (!allocation) {
    allocation = armRatios.length > 1 ? 'randomized' : 'n/a';
    r.assume(`${DI}.allocation`, 'design.allocation', `The record gives no allocation; with ${armRatios.length} arm(s) the draft says ${allocation}.`);
  }
  let interventionModel = models[d?.interventionModel ?? ''];
  if (!interventionModel) {
    interventionModel = armRatios.length > 1 ? 'parallel' : 'single-group';
    r.assume(`${DI}.interventionModel`, 'design.interventionModel', `The record gives no intervention model; the draft says ${interventionModel}.`);
  }
  if (interventionModel === 'crossover')
    r.discrepancy(
      `${DI}.interventionModel`,
      'arms',
      'The record is a crossover; the protocol gives each participant one arm for the whole study, so the periods and washout are for the designer to add.',
    );
  const primaryPurpose = (d?.primaryPurpose ?? 'treatment').toLowerCase().replace(/_/g, '-');
  if (!d?.primaryPurpose) r.assume(`${DI}.primaryPurpose`, 'design.primaryPurpose', 'The record gives no primary purpose; the draft says treatment.');
  let level = levels[d?.maskingInfo?.masking ?? ''];
  if (!level) {
    level = 'none';
    r.assume(`${DI}.maskingInfo.masking`, 'design.masking.level', 'The record gives no masking; the draft says none (open label).');
  }
  const masked: MaskedRole[] = level === 'none' ? [] : (d?.maskingInfo?.whoMasked ?? []).flatMap((w) => roles[w] ?? []);
  if (level !== 'none' && masked.length !== LEVEL_COUNT[level])
    r.discrepancy(
      `${DI}.maskingInfo.whoMasked`,
      'design.masking.masked',
      `Masking is ${level} but the record names ${masked.length} masked role(s) (${masked.join(', ') || 'none'}); the draft keeps the roles it names.`,
    );
  if (level !== 'none' && allocation !== 'randomized')
    r.discrepancy(`${DI}.maskingInfo.masking`, 'design.masking', `Masking is ${level} but the allocation is ${allocation}; a study cannot go live masked without a randomization to hide.`);
  if (allocation !== 'randomized') return { allocation, interventionModel, primaryPurpose, masking: { level, masked } };
  const sum = armRatios.reduce((s, x) => s + x, 0);
  r.assume(
    `${DI}.allocation`,
    'design.randomization',
    `The record says only "randomized"; the draft uses permuted blocks of sizes ${sum} and ${2 * sum} stratified by site, as the built-in protocols do.`,
  );
  return { allocation, interventionModel, primaryPurpose, masking: { level, masked }, randomization: { scheme: 'permuted-blocks', blockSizes: [sum, 2 * sum], strata: ['site'] } };
}
