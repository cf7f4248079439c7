import { dictionary } from '@zxcvbn-ts/language-common';
import { AppError } from '../errors/app-error.js';
import { accountErrors } from './errors.js';

/** NIST SP 800-63B §5.1.1.2 asks for at least 8; a trial platform holding health data asks for 12. */
export const minPasswordLength = 12;

let common: ReadonlySet<string> | undefined;

/**
 * The 49,233 most common passwords of the maintained zxcvbn-ts list (built from leaked password
 * corpora), compared ignoring case as NIST SP 800-63B §5.1.1.2 asks ("commonly-used, expected, or
 * compromised" values are refused). Loaded on first use.
 */
function commonPasswords(): ReadonlySet<string> {
  common ??= new Set(dictionary['passwords-common'].map((p) => p.toLowerCase()));
  return common;
}

/** The reason a password may not be chosen, or undefined when it may. Pure. */
export function passwordProblem(password: string, username: string): string | undefined {
  if ([...password].length < minPasswordLength) return `it has ${[...password].length} characters and needs at least ${minPasswordLength}`;
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) return 'it is on the list of common passwords';
  // Names of one or two letters would refuse half of all passphrases; longer ones are guessed first.
  if (username.length >= 3 && lower.includes(username.toLowerCase())) return 'it contains the username';
  return undefined;
}

/** Refuse a password that breaks the policy, naming the field it came in. */
export function assertAcceptablePassword(password: string, username: string, field = 'newPassword'): void {
  const problem = passwordProblem(password, username);
  if (problem) throw new AppError(accountErrors.WEAK_PASSWORD, `The password in field "${field}" cannot be used: ${problem}.`, field);
}
