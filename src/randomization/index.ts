/** The randomization area's public functions, for the store, the server and the CLI. */
export { randomizationErrors } from './errors.js';
export { SEED_BYTES } from './keyed-stream.js';
export {
  randomizationSchemeSchema,
  checkScheme,
  buildDesign,
  designFromProtocol,
  type RandomizationScheme,
  type RandomizationSchemeInput,
  type RandomizationDesign,
  type SchemeIssue,
  type ArmShare,
  type Factor,
} from './scheme.js';
export { describeDesign } from './describe.js';
export { stratumKey, UNSTRATIFIED, type Covariates } from './stratum.js';
export {
  nextAssignment,
  generateList,
  initialRandomizationState,
  type RandomizationState,
  type Assignment,
  type ListEntry,
} from './randomize.js';
export { blockAt } from './permuted-blocks.js';
export { minimizationScores, minimizationChoice, type MarginCounts } from './minimization.js';
export { kitList, kitFor, type KitList } from './kits.js';
export { maskRecord, isArmRevealingField, isBlockStructureField, isMaskedField, type Viewer } from './masking.js';
export { ratioImbalance, convergenceGuessCredit } from './balance.js';
export { simulate, type SimulationReport, type SimulationInput } from './simulate.js';
