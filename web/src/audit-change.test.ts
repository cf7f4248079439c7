import { describe, expect, it } from 'vitest';
import { changeText } from './audit-change.js';

describe('an audited change in words', () => {
  it('gives an inserted row its values, and an update or delete the value before and after', () => {
    expect(changeText({ field: 'status', old: null, new: 'screening' }, 'insert')).toBe('status: screening');
    expect(changeText({ field: 'status', old: 'eligible', new: 'consented' }, 'update')).toBe('status: eligible → consented');
    expect(changeText({ field: 'start_date', old: null, new: '2026-03-02' }, 'update')).toBe('start_date: empty → 2026-03-02');
    expect(changeText({ field: 'dose', old: 1.5, new: null }, 'delete')).toBe('dose: 1.5 → empty');
  });

  it('writes structured values as JSON', () => {
    expect(changeText({ field: 'items', old: { a: 1 }, new: { a: 2, b: [0, true] } }, 'update')).toBe('items: {"a":1} → {"a":2,"b":[0,true]}');
  });
});
