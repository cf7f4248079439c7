import { describe, expect, it } from 'vitest';
import { frozenJson } from './frozen-json.js';

describe('frozenJson', () => {
  it('writes what JSON.stringify writes, frozen or not', () => {
    const item = Object.freeze({ a: 1, b: 'x"y', c: undefined, d: null, e: Object.freeze([1, undefined, () => 0, 'z']) });
    const values = [item, Object.freeze([item, item, 2]), { live: item, at: new Date(0), n: [1, 2] }, Object.freeze({ when: new Date(0), toJSON: undefined }), 'text', 3, null];
    for (const v of values) expect(frozenJson(v)).toBe(JSON.stringify(v));
    expect(frozenJson(item)).toBe('{"a":1,"b":"x\\"y","d":null,"e":[1,null,null,"z"]}');
  });

  it("reuses a frozen part's text, and writes a live one as it is now", () => {
    const frozen: Readonly<{ n: number }> = Object.freeze({ n: 1 });
    const live = { items: [frozen], count: 1 };
    expect(frozenJson(live)).toBe('{"items":[{"n":1}],"count":1}');
    live.count = 2;
    live.items.push(Object.freeze({ n: 2 }));
    expect(frozenJson(live)).toBe('{"items":[{"n":1},{"n":2}],"count":2}');
  });

  it('does not keep the text of a frozen value holding a live one', () => {
    const inner = { n: 1 };
    const outer = Object.freeze({ inner });
    expect(frozenJson(outer)).toBe('{"inner":{"n":1}}');
    inner.n = 2;
    expect(frozenJson(outer)).toBe('{"inner":{"n":2}}');
  });
});
