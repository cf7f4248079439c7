import { describe, expect, it } from 'vitest';
import { CalendarCache } from './calendar-cache.js';

describe('the calendar cache', () => {
  it('builds once per key, again for a new key', () => {
    const cache = new CalendarCache<{ n: number }>(10);
    let builds = 0;
    const build = () => ({ n: ++builds });
    const first = cache.getOrBuild('p1@v1:no doses', build);
    expect(cache.getOrBuild('p1@v1:no doses', build)).toBe(first);
    expect(cache.getOrBuild('p1@v1:day 1 given', build)).toEqual({ n: 2 });
    expect(builds).toBe(2);
  });

  it('holds at most its capacity, dropping the least recently used', () => {
    const cache = new CalendarCache<string>(2);
    cache.getOrBuild('a', () => 'a');
    cache.getOrBuild('b', () => 'b');
    cache.getOrBuild('a', () => 'rebuilt a');
    cache.getOrBuild('c', () => 'c');
    expect(cache.size).toBe(2);
    expect(cache.getOrBuild('a', () => 'rebuilt a')).toBe('a');
    expect(cache.getOrBuild('b', () => 'rebuilt b')).toBe('rebuilt b');
  });
});
