import { describe, expect, it } from 'vitest';
import { pageWindow } from './paging.js';

describe('a long list shown a page at a time', () => {
  it('cuts 4,012 rows into pages of 50, the last one short', () => {
    // 4,012 / 50 = 80.24: 80 full pages and an 81st of 12 rows (rows 4,001–4,012, 0-based 4,000 up to 4,012).
    expect(pageWindow(4012, 0)).toEqual({ page: 0, pages: 81, first: 0, end: 50 });
    expect(pageWindow(4012, 1)).toEqual({ page: 1, pages: 81, first: 50, end: 100 });
    expect(pageWindow(4012, 80)).toEqual({ page: 80, pages: 81, first: 4000, end: 4012 });
  });

  it('keeps a page past the end of a list that shrank on its last page, and shows nothing of an empty list', () => {
    // 120 rows at 50 a page: pages 0–2, the last holding rows 100–119.
    expect(pageWindow(120, 7)).toEqual({ page: 2, pages: 3, first: 100, end: 120 });
    expect(pageWindow(0, 3)).toEqual({ page: 0, pages: 0, first: 0, end: 0 });
    expect(pageWindow(7, -1, 5)).toEqual({ page: 0, pages: 2, first: 0, end: 5 });
  });
});
