import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

/** WCAG 2.1 relative luminance and contrast ratio (https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio). */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const css = readFileSync(new URL('./styles.css', import.meta.url), 'utf8');
const variable = (name: string): string => {
  const m = new RegExp(`--${name}:\\s*(#[0-9a-fA-F]{6})`).exec(css);
  if (!m?.[1]) throw new Error(`styles.css defines no --${name}`);
  return m[1];
};

describe('colour contrast of the style sheet', () => {
  it('checks the formula on known pairs', () => {
    // Black on white is the maximum, 21:1; #767676 on white is the classic 4.54:1.
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });
  it('gives text at least 4.5:1 on the page and on panels (WCAG 1.4.3)', () => {
    for (const fg of ['text', 'muted', 'primary', 'primary-dark', 'error', 'ok', 'warn']) {
      for (const bg of ['bg', 'panel']) expect(contrast(variable(fg), variable(bg)), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
    }
    expect(contrast('#ffffff', variable('primary')), 'button text').toBeGreaterThanOrEqual(4.5);
  });
  it('gives the focus ring at least 3:1 against the page (WCAG 1.4.11)', () => {
    expect(contrast(variable('focus'), variable('bg'))).toBeGreaterThanOrEqual(3);
  });
});
