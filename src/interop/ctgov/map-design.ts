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

/**
 * The blinding a description names when the record has no masking field: ICH E9 (2.3.1) calls a trial
 * double-blind when neither the subjects nor the investigators know the treatment, single-blind when
 * the subjects do not; open label masks no one.
 */
function maskingInProse(text: string): { level: DesignInput['masking']['level']; masked: MaskedRole[]; words: string } | undefined {
  const m = /\b(double|single)[- ](?:blind(?:ed)?|mask(?:ed)?)\b|\bopen[- ]label(?:ed)?\b/i.exec(text);
  if (!m) return undefined;
  if (!m[1]) return { level: 'none', masked: [], words: m[0] };
  return m[1].toLowerCase() === 'double' ? { level: 'double', masked: ['participant', 'investigator'], words: m[0] } : { level: 'single', masked: ['participant'], words: m[0] };
}

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
  let masked: MaskedRole[] = level === undefined || level === 'none' ? [] : (d?.maskingInfo?.whoMasked ?? []).flatMap((w) => roles[w] ?? []);
  if (!level) {
    const said = maskingInProse(`${p.descriptionModule?.briefSummary ?? ''} ${p.descriptionModule?.detailedDescription ?? ''}`);
    level = said?.level ?? 'none';
    masked = said?.masked ?? [];
    r.assume(
      `${DI}.maskingInfo.masking`,
      'design.masking.level',
      said
        ? `The record gives no masking; its description says "${said.words}", drafted as ${level} masking of ${masked.join(' and ') || 'no one'} (ICH E9 2.3.1).`
        : 'The record gives no masking; the draft says none (open label).',
    );
  } else if (level !== 'none' && masked.length !== LEVEL_COUNT[level])
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
