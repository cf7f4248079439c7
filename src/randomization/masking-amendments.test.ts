import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parseProtocol } from '../protocol/parse-protocol.js';
import { maskAmendment, WITHHELD_REASON } from './masking-amendments.js';
import { armTerms } from './masking-views.js';

// The df-il2 example's arm terms: its arm ids (placebo, il2-0-33, il2-1, il2-3), labels and drugs.
const terms = armTerms(parseProtocol(JSON.parse(readFileSync(new URL('../../examples/df-il2.json', import.meta.url), 'utf8'))));
const entry = (reason: string, changes: { path: string; kind: 'added' | 'removed' | 'changed' }[]) => ({ version: '2', reason, changes });

describe('an amendment as a blinded reader sees it', () => {
  it('reduces every arm change to one "arms changed", naming no arm', () => {
    const masked = maskAmendment(
      entry('labels clarified', [
        { path: 'arms[il2-3]', kind: 'changed' },
        { path: 'arms[il2-0-33]', kind: 'removed' },
        { path: 'visits[day-30]', kind: 'added' },
      ]),
      terms,
    );
    expect(masked.changes).toEqual([
      { path: 'arms', kind: 'changed' },
      { path: 'visits[day-30]', kind: 'added' },
    ]);
    expect(JSON.stringify(masked)).not.toMatch(/il2-/);
  });

  it('keeps only the list of a change whose path names an arm term, and withholds a reason naming an arm', () => {
    const masked = maskAmendment(
      entry('IL-2 3 MIU/day now given in the evening', [
        { path: 'visits[placebo-run-in]', kind: 'removed' },
        { path: 'design.masking', kind: 'changed' },
      ]),
      terms,
    );
    expect(masked).toEqual({
      version: '2',
      reason: WITHHELD_REASON,
      changes: [
        { path: 'visits', kind: 'changed' },
        { path: 'design.masking', kind: 'changed' },
      ],
    });
  });

  it('leaves an amendment that speaks of no arm as it is', () => {
    const a = entry('day-30 immune panel added', [{ path: 'visits[day-30]', kind: 'added' }]);
    expect(maskAmendment(a, terms)).toEqual(a);
  });
});
