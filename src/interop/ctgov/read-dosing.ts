import type { Route } from '../../protocol/schema.js';
import type { Dose, RegimenStep } from '../../protocol/regimen-schema.js';
import { doseUnitOf } from './dose-unit.js';
import { readWeekBlocks } from './read-week-blocks.js';

/** What the free text of an arm or intervention says about dosing, as far as the regimen language can say it. */
export type DosingReading =
  | { readonly kind: 'regimen'; readonly steps: RegimenStep[]; readonly dose: Dose; readonly note?: string }
  | { readonly kind: 'open'; readonly dose?: Dose; readonly reason: string };

// "1 million U", "1 million IU", "1.5 MIU", "300 mg", "0.5 mg/kg"; the text is unescaped first.
const DOSE = /(\d+(?:\.\d+)?)\s*(million\s*(?:IU|U|units?)\b|MIU\b|mg\/kg\b|mg\/m2\b|mg\b|IU\b)/gi;
const WORD_NUMBERS: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, twelve: 12 };
const NUM = String.raw`(\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve)`;
const num = (s: string): number => WORD_NUMBERS[s.toLowerCase()] ?? Number(s);
const DAYS_PER: Readonly<Record<string, number>> = { day: 1, week: 7, month: 28 };

/** Every distinct dose the text names ("1 million IU" once even when written twice). */
export function dosesIn(text: string): Dose[] {
  const out: Dose[] = [];
  for (const m of text.matchAll(DOSE)) {
    const unit = doseUnitOf(m[2] as string);
    if (!unit) continue;
    const dose = { amount: Number(m[1]), unit };
    if (!out.some((d) => d.amount === dose.amount && d.unit === dose.unit)) out.push(dose);
  }
  return out;
}

/** Days between doses: 1 daily, 2 every other day, 7 weekly, 14 every 2 weeks; "multiple" for several doses a day. */
function intervalIn(text: string): number | 'multiple' | undefined {
  if (/\b\d+(?:\s*-\s*\d+)?\s+times\s+(?:a|per|each)\s+day\b|\btwice\s+(?:a|per)\s+day\b|\b(?:bid|tid|qid)\b|before each meal/i.test(text)) return 'multiple';
  if (/every other day|\bqod\b|every 2(?:nd)? days?|alternate days|every second day/i.test(text)) return 2;
  const weeks = /every\s+(\d+)\s+weeks?|\bq(\d+)w\b/i.exec(text);
  if (weeks) return 7 * Number(weeks[1] ?? weeks[2]);
  if (/\bweekly\b|every week|once a week|\bqw\b/i.test(text)) return 7;
  if (/\bdaily\b|once a day|every day|\bqd\b|per day|\/day\b/i.test(text)) return 1;
  return undefined;
}

/** The route the text names; more than one is a discrepancy for the caller to report. */
export function routesIn(text: string): Route[] {
  const found: Route[] = [];
  if (/subcutaneous|\bs\.c\.|\(sc\)|\bsc\b|\bs\.c\b/i.test(text)) found.push('subcutaneous');
  if (/intravenous|\bi\.v\.|\biv\b|infusion/i.test(text)) found.push('intravenous');
  if (/\boral(?:ly)?\b|capsules?|tablets?|\bpills?\b|by mouth/i.test(text)) found.push('oral');
  if (/intramuscular|\bi\.m\./i.test(text)) found.push('intramuscular');
  return found;
}

/**
 * A regimen from dosing text, when the text says one dose, how often, for how long and (optionally)
 * the rest after it and how many cycles: "1 million IU every other day for 2 weeks, followed by a
 * 2-week break, 6 cycles" is a cycle of 6 × (every 2 days for 14 days, 14 days' rest). Anything else
 * (several doses, a loading dose, several doses a day, no duration) is `open`, with the reason,
 * unless it gives daily doses on days of numbered weeks (readWeekBlocks), read with a `note`.
 */
export function readDosing(text: string): DosingReading {
  const doses = dosesIn(text);
  const [dose] = doses;
  if (!dose) return { kind: 'open', reason: 'the text names no dose in MIU, IU, mg or mg/kg' };
  const weekBlocks = readWeekBlocks(text);
  if (weekBlocks) return { kind: 'regimen', dose, steps: weekBlocks, note: "weeks are counted from 1 (W1 = study days 1–7), each week's doses running to the next dosing week" };
  if (doses.length > 1)
    return {
      kind: 'open',
      dose,
      reason: `the text names ${doses.length} different doses (${doses.map((d) => `${d.amount} ${d.unit}`).join(', ')}), a loading or stepped dose the draft does not guess`,
    };
  const interval = intervalIn(text);
  if (interval === 'multiple') return { kind: 'open', dose, reason: 'the text gives several doses a day; the regimen language schedules at most one dose a day' };
  if (interval === undefined) return { kind: 'open', dose, reason: 'the text gives no dosing frequency (daily, every other day, weekly, every N weeks)' };
  // "for 2 weeks", "for a period of 14 days"
  const duration = new RegExp(String.raw`\bfor\s+(?:a\s+period\s+of\s+)?${NUM}[\s-]+(day|week|month)s?\b`, 'i').exec(text);
  if (!duration) return { kind: 'open', dose, reason: 'the text gives no duration of dosing ("for N weeks")' };
  const forDays = num(duration[1] as string) * (DAYS_PER[(duration[2] as string).toLowerCase()] as number);
  const every: RegimenStep = { kind: 'every', interval, forDays, dose };
  // "followed by a 2-week break", "After a 14-day rest"
  const rest = new RegExp(String.raw`(?:followed by|then|after)\s+(?:a\s+)?${NUM}[\s-]+(day|week)s?\s*(?:break|rest|pause|off|without)`, 'i').exec(text);
  const restDays = rest ? num(rest[1] as string) * (DAYS_PER[(rest[2] as string).toLowerCase()] as number) : 0;
  const cycles = new RegExp(String.raw`\b${NUM}\s+(?:cycles|courses)\b`, 'i').exec(text);
  const times = cycles ? num(cycles[1] as string) : 1;
  const block: RegimenStep[] = restDays > 0 ? [every, { kind: 'rest', days: restDays }] : [every];
  if (times > 1) return { kind: 'regimen', dose, steps: [{ kind: 'cycle', times, steps: block }] };
  return { kind: 'regimen', dose, steps: block };
}
