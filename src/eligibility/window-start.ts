import type { DayNumber } from '../dates/iso-date.js';
import type { WindowUnit } from './expression.js';

const MS_PER_DAY = 86_400_000;

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
