/** Rows a long list shows at a time: a study of 1,000 participants stays quick to render and to scan. */
export const pageSize = 50;

/** The rows one page of a list shows: `first` (0-based) up to, not including, `end`, on page `page` of `pages`. */
export interface PageWindow {
  readonly page: number;
  readonly pages: number;
  readonly first: number;
  readonly end: number;
}

/**
 * Page `page` (0-based) of a list of `count` rows, `size` at a time. A page past the end is the last
 * one, so a list that shrank (another week chosen) still shows rows.
 */
export function pageWindow(count: number, page: number, size: number = pageSize): PageWindow {
  const pages = Math.ceil(count / size);
  const shown = Math.max(0, Math.min(page, pages - 1));
  const first = shown * size;
  return { page: shown, pages, first, end: Math.min(count, first + size) };
}
