import { z } from 'zod';
import { AppError } from '../errors/app-error.js';
import { randomizationErrors } from './errors.js';

/**
 * The shape of `design.randomization` in a protocol, and its resolution against the protocol's arms
 * and sites into a `RandomizationDesign` that the allocation functions use.
 */

const factorId = z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be a lower-case factor id such as site or severity');
const unique = (xs: readonly unknown[]) => new Set(xs).size === xs.length;

/** Levels of factors other than `site` (whose levels are the protocol's site ids). */
const levelsSchema = z.record(factorId, z.array(z.string().min(1)).min(2, 'a factor needs at least two levels'));

export const simpleSchemeSchema = z.strictObject({ scheme: z.literal('simple') });

export const permutedBlocksSchemeSchema = z.strictObject({
  scheme: z.literal('permuted-blocks'),
  /** Block sizes, each chosen with equal probability per block; each a multiple of the ratio sum. */
  blockSizes: z.array(z.number().int().positive()).min(1, 'at least one block size is needed').refine(unique, 'block sizes must not repeat'),
  /** Stratification factors: a separate sequence per combination of their levels. */
  strata: z.array(factorId).refine(unique, 'strata must not repeat').default([]),
  levels: levelsSchema.default({}),
});

const weightedFactorSchema = z.union([factorId.transform((id) => ({ id, weight: 1 })), z.strictObject({ id: factorId, weight: z.number().positive().default(1) })]);

export const minimizationSchemeSchema = z.strictObject({
  scheme: z.literal('minimization'),
  factors: z
    .array(weightedFactorSchema)
    .min(1, 'minimization needs at least one factor')
    .refine((fs) => unique(fs.map((f) => f.id)), 'factors must not repeat'),
  /** Imbalance measure of Pocock & Simon (1975): range or variance of the ratio-adjusted counts. */
  measure: z.enum(['range', 'variance']).default('range'),
  /** Probability of allocating to the arm that minimizes imbalance. */
  probability: z.number().gt(0).max(1).default(0.8),
  levels: levelsSchema.default({}),
});

export const randomizationSchemeSchema = z.discriminatedUnion('scheme', [simpleSchemeSchema, permutedBlocksSchemeSchema, minimizationSchemeSchema]);
export type RandomizationScheme = z.infer<typeof randomizationSchemeSchema>;
export type RandomizationSchemeInput = z.input<typeof randomizationSchemeSchema>;
export type SchemeKind = RandomizationScheme['scheme'];

export type ArmShare = { readonly id: string; readonly ratio: number };
export type Factor = { readonly id: string; readonly levels: readonly string[]; readonly weight: number };

/** A scheme resolved against a protocol: arms with their ratios and the factors it uses, in order. */
export type RandomizationDesign = {
  readonly scheme: RandomizationScheme;
  readonly arms: readonly ArmShare[];
  /** Strata (permuted blocks) or minimization factors, with their levels; empty for simple. */
  readonly factors: readonly Factor[];
};

export type SchemeIssue = { readonly path: string; readonly message: string };

export const SCHEME_PATH = 'design.randomization';

export type RandomizedProtocol = {
  readonly id: string;
  readonly arms: readonly { readonly id: string; readonly ratio: number }[];
  readonly sites: readonly { readonly id: string }[];
  readonly design: { readonly randomization?: Readonly<Record<string, unknown>> | undefined };
};

export function ratioSum(arms: readonly ArmShare[]): number {
  return arms.reduce((s, a) => s + a.ratio, 0);
}

/** Every problem of a scheme for these arms and sites, each with its path (empty when valid). */
export function checkScheme(input: unknown, arms: readonly ArmShare[], siteIds: readonly string[]): { readonly design?: RandomizationDesign; readonly issues: readonly SchemeIssue[] } {
  const parsed = randomizationSchemeSchema.safeParse(input);
  if (!parsed.success) {
    return {
      issues: parsed.error.issues.map((i) => ({ path: [SCHEME_PATH, ...i.path.map(String)].join('.'), message: i.message })),
    };
  }
  const scheme = parsed.data;
  const issues: SchemeIssue[] = [];
  if (arms.length < 2) issues.push({ path: 'arms', message: 'randomization needs at least two arms' });
  const sum = ratioSum(arms);
  if (scheme.scheme === 'permuted-blocks') {
    scheme.blockSizes.forEach((size, i) => {
      if (size % sum !== 0) {
        issues.push({
          path: `${SCHEME_PATH}.blockSizes.${i}`,
          message: `block size ${size} is not a multiple of the allocation ratio sum ${sum}`,
        });
      }
    });
  }
  const wanted = scheme.scheme === 'permuted-blocks' ? scheme.strata.map((id) => ({ id, weight: 1 })) : scheme.scheme === 'minimization' ? scheme.factors : [];
  const declared = scheme.scheme === 'simple' ? {} : scheme.levels;
  if ('site' in declared) {
    issues.push({ path: `${SCHEME_PATH}.levels.site`, message: "site levels are the protocol's site ids and cannot be declared" });
  }
  const factors: Factor[] = [];
  for (const [i, f] of wanted.entries()) {
    const levels = f.id === 'site' ? siteIds : declared[f.id];
    if (levels === undefined) {
      const list = scheme.scheme === 'permuted-blocks' ? 'strata' : 'factors';
      issues.push({
        path: `${SCHEME_PATH}.${list}.${i}`,
        message: `factor "${f.id}" has no levels: declare them in ${SCHEME_PATH}.levels.${f.id}`,
      });
      continue;
    }
    factors.push({ id: f.id, levels, weight: f.weight });
  }
  for (const id of Object.keys(declared)) {
    if (id !== 'site' && !wanted.some((f) => f.id === id)) {
      issues.push({ path: `${SCHEME_PATH}.levels.${id}`, message: `levels are declared for "${id}", which the scheme does not use` });
    }
  }
  return issues.length > 0 ? { issues } : { design: { scheme, arms, factors }, issues };
}

/** Resolve a scheme against arms and sites, or throw one AppError listing every problem. */
export function buildDesign(input: unknown, arms: readonly ArmShare[], siteIds: readonly string[], owner = 'the scheme'): RandomizationDesign {
  const { design, issues } = checkScheme(input, arms, siteIds);
  if (design) return design;
  throw new AppError(randomizationErrors.INVALID_RANDOMIZATION_SCHEME, `The randomization scheme of ${owner} is invalid: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}.`, issues[0]?.path);
}

/** The protocol's randomization design; throws RANDOMIZATION_NOT_RANDOMIZED for a protocol without a scheme. */
export function designFromProtocol(protocol: RandomizedProtocol): RandomizationDesign {
  const raw = protocol.design.randomization;
  if (raw === undefined) {
    throw new AppError(randomizationErrors.NOT_RANDOMIZED, `Protocol "${protocol.id}" has no randomization scheme (${SCHEME_PATH} is absent).`, SCHEME_PATH);
  }
  return buildDesign(
    raw,
    protocol.arms.map((a) => ({ id: a.id, ratio: a.ratio })),
    protocol.sites.map((s) => s.id),
    `protocol "${protocol.id}"`,
  );
}
