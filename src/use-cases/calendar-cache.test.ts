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

describe('a slot of the calendar cache', () => {
  it('is reused while its inputs stay the same and replaced when they change, so it holds one entry', () => {
    const cache = new CalendarCache<string>(10);
    expect(cache.forInputs('p1@v1', 'no doses', () => 'calendar 1')).toBe('calendar 1');
    expect(cache.forInputs('p1@v1', 'no doses', () => 'rebuilt')).toBe('calendar 1');
    expect(cache.forInputs('p1@v1', 'day 1 given', () => 'calendar 2')).toBe('calendar 2');
    expect(cache.forInputs('p1@v1', 'day 1 given, day 3 given', () => 'calendar 3')).toBe('calendar 3');
    expect(cache.size).toBe(1);
    // The state it replaced is gone: going back to it builds again.
    expect(cache.forInputs('p1@v1', 'no doses', () => 'calendar 4')).toBe('calendar 4');
  });
});
