import { AppError } from '../errors/app-error.js';
import type { Protocol } from '../protocol/schema.js';
import { checkScheme } from './scheme.js';
import { randomizationErrors } from './errors.js';

/** One failed start-up check: which check, which study, what is wrong. */
export interface ConfigurationIssue {
  readonly check: 'randomized-without-scheme' | 'scheme-without-randomization' | 'scheme-inconsistent' | 'masked-without-randomization';
  readonly studyId: string;
  readonly message: string;
}

/**
 * The trial rules a server checks before it serves (clinicedc's system checks): a randomized study
 * must have a scheme that fits its arms' ratios and sites; a scheme needs a randomized study; a
 * masked study needs a randomization to hide (masking a single open allocation hides nothing).
 */
export function checkTrialConfiguration(studies: readonly { readonly id: string; readonly protocol: Protocol }[]): ConfigurationIssue[] {
  const issues: ConfigurationIssue[] = [];
  for (const { id, protocol } of studies) {
    const randomized = protocol.design.allocation === 'randomized';
    const scheme = protocol.design.randomization;
    const masked = protocol.design.masking.level !== 'none';
    if (randomized && scheme === undefined) {
      issues.push({ check: 'randomized-without-scheme', studyId: id, message: 'the study is randomized but design.randomization is absent' });
    }
    if (!randomized && scheme !== undefined) {
      issues.push({ check: 'scheme-without-randomization', studyId: id, message: `design.randomization is given but the allocation is ${protocol.design.allocation}` });
    }
    if (scheme !== undefined) {
      const arms = protocol.arms.map((a) => ({ id: a.id, ratio: a.ratio }));
      for (const i of checkScheme(
        scheme,
        arms,
        protocol.sites.map((s) => s.id),
      ).issues) {
        issues.push({ check: 'scheme-inconsistent', studyId: id, message: `${i.path}: ${i.message}` });
      }
    }
    if (masked && !randomized) {
      issues.push({ check: 'masked-without-randomization', studyId: id, message: `masking is ${protocol.design.masking.level} but the allocation is ${protocol.design.allocation}` });
    }
  }
  return issues;
}

/** Throw one error naming every failed check, so a misconfigured server does not start. */
export function assertTrialConfiguration(studies: readonly { readonly id: string; readonly protocol: Protocol }[]): void {
  const issues = checkTrialConfiguration(studies);
  if (issues.length === 0) return;
  throw new AppError(
    randomizationErrors.INCONSISTENT_TRIAL_CONFIGURATION,
    `The server refuses to start: ${issues.map((i) => `check ${i.check} failed for study ${i.studyId} (${i.message})`).join('; ')}.`,
  );
}
