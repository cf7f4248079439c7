import type { Dose, RegimenStep } from '../../protocol/regimen-schema.js';
import { doseUnitOf } from './dose-unit.js';

// "1.5 MIU/day from day 1 to 5 at W1", "3 MIU/day from day 1 to day 5 at W3, W6, and W9" (the AE seed's arm).
const BLOCK =
  /(\d+(?:\.\d+)?)\s*(MIU|million\s*IU|IU|mg)\s*\/\s*d(?:ay)?\s+from\s+day[\s-]*(\d+)\s+to\s+(?:day[\s-]*)?(\d+)\s+(?:at|in|on)\s+((?:W|weeks?\s*)\d+(?:\s*(?:,\s*and|,|and)\s*(?:W|weeks?\s*)?\d+)*)/gi;

interface Block {
  readonly dose: Dose;
  readonly days: number[];
  readonly weeks: number[];
}

/**
 * Dosing given as daily doses on days of numbered weeks ("1.5 MIU/day from day 1 to 5 at W1, 3
 * MIU/day from day 1 to day 5 at W3, W6, and W9"), weeks counted from 1 (week N = study days
 * 7N − 6 … 7N): each week's block runs to the next dosing week (a rest fills a gap before the next
 * dose), equally spaced weeks of one dose being a cycle. Undefined when the text is not of that form,
 * the weeks overlap or a dose's weeks are unequally spaced.
 */
export function readWeekBlocks(text: string): RegimenStep[] | undefined {
  const blocks: Block[] = [];
  for (const m of text.matchAll(BLOCK)) {
    const [from, to] = [Number(m[3]), Number(m[4])];
    if (from < 1 || to < from || to > 7) return undefined;
    const days = Array.from({ length: to - from + 1 }, (_, i) => from + i);
    const unit = doseUnitOf(m[2] as string);
    if (!unit) return undefined;
    blocks.push({ dose: { amount: Number(m[1]), unit }, days, weeks: [...(m[5] as string).matchAll(/\d+/g)].map((w) => Number(w[0])) });
  }
  if (blocks.length === 0) return undefined;
  blocks.sort((a, b) => (a.weeks[0] as number) - (b.weeks[0] as number));
  const steps: RegimenStep[] = [];
  let week = 1; // the first week not yet laid out
  for (const b of blocks) {
    const first = b.weeks[0] as number;
    if (first < week) return undefined;
    if (first > week) steps.push({ kind: 'rest', days: 7 * (first - week) });
    const gaps = b.weeks.slice(1).map((w, j) => w - (b.weeks[j] as number));
    const gap = gaps[0] ?? 1;
    if (gaps.some((g) => g !== gap || g < 1)) return undefined;
    if (b.weeks.length === 1) {
      // One week of dosing, then rest until the next dosing week.
      steps.push({ kind: 'days', days: b.days, length: 7, dose: b.dose });
      week = first + 1;
      continue;
    }
    const cycle: RegimenStep = { kind: 'days', days: b.days, length: 7 * gap, dose: b.dose };
    steps.push({ kind: 'cycle', times: b.weeks.length, steps: [cycle] });
    week = (b.weeks.at(-1) as number) + gap;
  }
  return steps;
}
