import { describe, expect, it } from 'vitest';
import { frozenJson } from './frozen-json.js';

describe('frozenJson', () => {
  it('writes what JSON.stringify writes, frozen or not', () => {
    const item = Object.freeze({ a: 1, b: 'x"y', c: undefined, d: null, e: Object.freeze([1, undefined, () => 0, 'z']) });
    const values = [item, Object.freeze([item, item, 2]), { live: item, at: new Date(0), n: [1, 2] }, Object.freeze({ when: new Date(0), toJSON: undefined }), 'text', 3, null];
    for (const v of values) expect(frozenJson(v)).toBe(JSON.stringify(v));
    expect(frozenJson(item)).toBe('{"a":1,"b":"x\\"y","d":null,"e":[1,null,null,"z"]}');
  });

  it('writes a live answer as it is now, whatever frozen parts it holds', () => {
    const frozen: Readonly<{ n: number }> = Object.freeze({ n: 1 });
    const live = { items: [frozen], count: 1 };
    expect(frozenJson(live)).toBe('{"items":[{"n":1}],"count":1}');
    live.count = 2;
    live.items.push(Object.freeze({ n: 2 }));
    expect(frozenJson(live)).toBe('{"items":[{"n":1},{"n":2}],"count":2}');
  });

  it('does not keep the text of a frozen value holding a live one or a Date', () => {
    const inner = { n: 1 };
    const outer = Object.freeze({ inner });
    expect(frozenJson(outer)).toBe('{"inner":{"n":1}}');
    expect(frozenJson(outer)).toBe('{"inner":{"n":1}}');
    inner.n = 2;
    expect(frozenJson(outer)).toBe('{"inner":{"n":2}}');
    const when = new Date(0);
    const dated = Object.freeze({ when: Object.freeze(when) });
    expect(frozenJson(dated)).toBe('{"when":"1970-01-01T00:00:00.000Z"}');
    expect(frozenJson(dated)).toBe('{"when":"1970-01-01T00:00:00.000Z"}');
    when.setTime(1000);
    expect(frozenJson(dated)).toBe('{"when":"1970-01-01T00:00:01.000Z"}');
  });

  it('writes a deeply frozen answer as JSON.stringify does, the second time too', () => {
    const answer = Object.freeze({ week: Object.freeze({ from: '2025-03-14' }), items: Object.freeze([Object.freeze({ code: 'A' })]) });
    const first = frozenJson(answer);
    expect(first).toBe('{"week":{"from":"2025-03-14"},"items":[{"code":"A"}]}');
    expect(frozenJson(answer)).toBe(first);
    expect(frozenJson(answer)).toBe(first);
  });
});
