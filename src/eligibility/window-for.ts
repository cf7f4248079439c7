import { NEGATION } from './line-tense.js';
import type { Tense } from './qualifiers.js';
import type { TimeWindow } from './time-windows.js';

/**
 * The time window that applies to a phrase ending at `end` (its qualifiers end at `qEnd`): its own,
 * or one closing the list it is in ("X, Y or Z within 6 months"). A history with a window later in
 * its clause ("History of X or gastrointestinal perforation within 28 days") is `ambiguous`: the
 * window may bind it, and "ever" would then be a broader rule than the text. So is a phrase without
 * a tense of its own in a line that opened with "history of". In an exclusion with no negation before
 * the phrase in its clause the window is taken all the same: X within it excludes whether or not it
 * binds X, as X ever is broader; X before the window is left to a person (`unsure`).
 */
export function windowFor(
  text: string,
  windows: readonly TimeWindow[],
  end: number,
  qEnd: number,
  tense: Tense,
  covered: (i: number) => boolean,
  /** The line said "history of" before the phrase ("History of X, or Y, or Z within 6 months"). */
  lineHistory: boolean,
  side: 'inclusion' | 'exclusion',
): TimeWindow | 'ambiguous' | undefined {
  const own = windows.find((w) => w.start >= end && w.end <= qEnd);
  if (own) return own;
  const next = windows.find((w) => w.start >= end);
  if (!next) return undefined;
  const sameClause = !/[;.:]/.test(text.slice(end, next.start));
  if (tense === 'unstated') {
    const between = [...text.slice(end, next.start)].map((ch, i) => (covered(end + i) ? ' ' : ch)).join('');
    const words = between.match(/[A-Za-z][\w'-]*/g) ?? [];
    // In an inclusion under "History of X, or Y, or Z within 6 months" the window may bind Z alone.
    if (sameClause && words.every((w) => /^(?:or|and|nor)$/i.test(w)) && !(lineHistory && side === 'inclusion')) return next;
  }
  if (!sameClause) return undefined;
  const mayBindHistory = tense === 'history' || (tense === 'unstated' && lineHistory);
  // A list's window may bind its earlier items whether or not they are read yet ("Stroke or TIA within
  // 7 days"), so in an exclusion a phrase without a tense of its own is read within it, as a history is.
  if ((mayBindHistory || tense === 'unstated') && side === 'exclusion' && !NEGATION.test(text.slice(0, end).split(/[;.:]/).at(-1) ?? '')) return { ...next, unsure: true };
  return mayBindHistory ? 'ambiguous' : undefined;
}
