import { describe, expect, it } from 'vitest';
import { essdai } from '../../src/instruments/scores/essdai.js';
import { validateItems } from '../../src/instruments/scores/validate-items.js';
import { changedItems, itemValuesFromText } from './item-values.js';

describe('item values from typed text', () => {
  it('reads numbers, decimal commas and empty boxes', () => {
    expect(itemValuesFromText({ a: '2', b: ' 1,5 ', c: '', d: '.5' })).toEqual({ a: 2, b: 1.5, d: 0.5 });
  });
  it('keeps text that is not a number, so validation names it', () => {
    const values = itemValuesFromText({ constitutional: 'two' });
    expect(values).toEqual({ constitutional: 'two' });
    const issue = validateItems(essdai, values).find((i) => i.item === 'constitutional');
    expect(issue?.code).toBe('INSTRUMENT_ITEM_NOT_A_NUMBER');
  });
  it('lists each changed item with its old and new value', () => {
    // Constitutional 1 → 2 changed; glandular 0 → 0 unchanged; articular saved 1, now cleared.
    const changes = changedItems(essdai, { constitutional: 1, glandular: 0, articular: 1 }, { constitutional: 2, glandular: 0 });
    expect(changes).toHaveLength(2);
    expect(changes[0]).toMatch(/^Constitutional .*: 1 → 2$/);
    expect(changes[1]).toMatch(/^Articular .*: 1 → empty$/);
  });
});
