import type { CriterionResult, EligibilityResult } from '../eligibility/evaluate.js';

/** An attestation as recorded: the criterion, whether its attested text holds, who said so, when. */
export interface RecordedAttestation {
  readonly criterionId: string;
  readonly holds: boolean;
  readonly userId: string;
  readonly username: string;
  /** Server time of the request, ISO 8601. */
  readonly at: string;
}

/** Why the decision is what it is: one sentence, then each criterion with its reason. */
export interface ScreeningExplanation {
  readonly summary: string;
  readonly criteria: readonly CriterionResult[];
  readonly failed: readonly string[];
  readonly missing: readonly string[];
}

/** The one-sentence explanation of a decision, naming the criteria or facts it turned on. */
export function decisionSummary(result: EligibilityResult, screenedOn: string): string {
  const n = result.criteria.length;
  switch (result.status) {
    case 'eligible':
      return `Eligible on ${screenedOn}: all ${n} criteria assessed and none excludes.`;
    case 'ineligible': {
      const reasons = result.criteria.filter((c) => c.fails).map((c) => `${c.id} (${c.reason})`);
      return `Ineligible on ${screenedOn}: fails ${reasons.join('; ')}.`;
    }
    case 'incomplete': {
      const unknown = result.criteria.filter((c) => c.status === 'unknown').map((c) => c.id);
      const missing = result.missing.length > 0 ? `; missing facts ${result.missing.join(', ')}` : '';
      return `Incomplete on ${screenedOn}: ${unknown.join(', ')} still unknown${missing}.`;
    }
  }
}
