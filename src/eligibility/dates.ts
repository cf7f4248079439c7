import type { WindowUnit } from './expression.js';

/** A calendar date as a whole number of days since 1970-01-01 (UTC); `never` is -Infinity. */
export type DayNumber = number;

const MS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of an ISO date (YYYY-MM-DD), or undefined when it is not a real calendar date. */
export function parseIsoDay(text: string): DayNumber | undefined {
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return ms / MS_PER_DAY;
}

export function formatDay(day: DayNumber): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/**
 * The first day of a window of `amount` `unit` ending on `anchor`. Weeks are 7 days; months and
 * years are calendar months, clamped to the month's last day (as PostgreSQL's date - interval does:
 * 31 March minus 1 month is 28 or 29 February).
 */
export function windowStart(anchor: DayNumber, amount: number, unit: WindowUnit): DayNumber {
  if (unit === 'days') return anchor - amount;
  if (unit === 'weeks') return anchor - 7 * amount;
  const months = unit === 'months' ? amount : 12 * amount;
  const a = new Date(anchor * MS_PER_DAY);
  const total = a.getUTCFullYear() * 12 + a.getUTCMonth() - months;
  const y = Math.floor(total / 12);
  const m = total - 12 * y;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(a.getUTCDate(), lastDay)) / MS_PER_DAY;
}
