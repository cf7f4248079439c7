import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { parseInput } from './validate.js';

const ae = z.object({
  term: z.string().min(1),
  grade: z.number().int().min(1).max(5),
  onsetDate: z.iso.date(),
  outcome: z.enum(['recovered', 'not-recovered']),
  reason: z.string().min(1, 'a held dose needs a reason'),
  seriousCriteria: z.array(z.string()).min(1),
  code: z.string().min(3).max(4),
});
const good = { term: 'Fever', grade: 2, onsetDate: '2025-06-01', outcome: 'recovered', reason: 'low count', seriousCriteria: ['death'], code: 'abc' };

function refusal(schema: z.ZodType, data: unknown, where?: 'body' | 'query'): { message: string; path?: string; issues: { path: string; message: string }[] } {
  try {
    parseInput(schema, data, where);
  } catch (e) {
    return e as never;
  }
  throw new Error('expected a refusal');
}

describe('parseInput', () => {
  it('answers the parsed input', () => {
    expect(parseInput(ae, good)).toEqual(good);
  });

  it('names the field in one sentence instead of zod text', () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ term: undefined }, 'Field "term" is required.'],
      [{ term: '' }, 'Field "term" is required.'],
      [{ term: 7 }, 'Field "term" must be a text.'],
      [{ grade: 2.5 }, 'Field "grade" must be a whole number.'],
      [{ grade: 0 }, 'Field "grade" must be at least 1.'],
      [{ grade: 6 }, 'Field "grade" must be at most 5.'],
      [{ onsetDate: '2025-02-30' }, 'Field "onsetDate" must be a date as YYYY-MM-DD, not "2025-02-30".'],
      [{ outcome: 'fine' }, 'Field "outcome" must be one of "recovered", "not-recovered".'],
      [{ seriousCriteria: [] }, 'Field "seriousCriteria" needs at least one entry.'],
      [{ code: 'ab' }, 'Field "code" must have at least 3 characters.'],
      [{ code: 'abcde' }, 'Field "code" must have at most 4 characters.'],
      [{ grade: null }, 'Field "grade" must be a number, not empty.'],
    ];
    for (const [change, message] of cases) {
      const e = refusal(ae, { ...good, ...change });
      expect(e.message).toBe(message);
      expect(e.path).toBe(Object.keys(change)[0]);
      expect(e.message).not.toMatch(/Invalid input|Too small|Too big|expected/);
    }
  });

  it("keeps a schema's own message, after the field", () => {
    expect(refusal(ae, { ...good, reason: '' }).message).toBe('Field "reason" is invalid: a held dose needs a reason.');
  });

  it('counts the further problems and lists each as a sentence', () => {
    const e = refusal(ae, {});
    expect(e.message).toBe('Field "term" is required (and 6 more problems).');
    expect(e.issues.map((i) => i.message)).toEqual([
      'Field "term" is required.',
      'Field "grade" is required.',
      'Field "onsetDate" is required.',
      'Field "outcome" is required.',
      'Field "reason" is required.',
      'Field "seriousCriteria" is required.',
      'Field "code" is required.',
    ]);
  });

  it('names nested fields by their path and unknown fields by name', () => {
    const panel = z.object({ panel: z.object({ treg: z.number().max(100) }) }).strict();
    expect(refusal(panel, { panel: { treg: 140 } }).message).toBe('Field "panel.treg" must be at most 100.');
    expect(refusal(panel, { panel: { treg: 1 }, extra: 1 }, 'query').message).toBe('The request query has a field this request does not take: "extra".');
  });
});
