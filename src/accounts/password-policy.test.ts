import { describe, expect, it } from 'vitest';
import { passwordProblem } from './password-policy.js';

describe('password policy', () => {
  it('needs 12 characters, counted as characters, not bytes', () => {
    expect(passwordProblem('elevenchars', 'ana')).toBe('it has 11 characters and needs at least 12');
    // 12 characters, 13 bytes in UTF-8 ("é" is two): accepted by length.
    expect(passwordProblem('rhône valley', 'ana')).toBeUndefined();
  });
  it('refuses the common passwords of 12 characters and more, whatever the case', () => {
    // Both are on the zxcvbn-ts common list (keyboard walks of 12 characters).
    expect(passwordProblem('qwerty123456', 'ana')).toBe('it is on the list of common passwords');
    expect(passwordProblem('1QAZ2WSX3EDC', 'ana')).toBe('it is on the list of common passwords');
  });
  it('refuses a password that contains the username', () => {
    expect(passwordProblem('coordinator-ana-2026', 'Ana')).toBe('it contains the username');
  });
  it('accepts a long passphrase that is on no list', () => {
    expect(passwordProblem('correct horse battery staple', 'ana')).toBeUndefined();
  });
});
