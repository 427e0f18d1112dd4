/**
 * Dates known to the day, the month or the year ("2025-02-13", "2025-02", "2025"). A partial
 * date is a period: questions that need a day take its first or its last day, whichever
 * claims less (see the README's "Dates and precision").
 */
import type { DatePrecision } from './model';

export const PARTIAL_DATE_PATTERN = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export function precisionOf(partial: string): DatePrecision {
  return partial.length === 4 ? 'YEAR' : partial.length === 7 ? 'MONTH' : 'DAY';
}

/** The first day of the period, YYYY-MM-DD. */
export function firstDay(partial: string): string {
  return partial.length === 4
    ? `${partial}-01-01`
    : partial.length === 7
      ? `${partial}-01`
      : partial;
}

/** The last day of the period, YYYY-MM-DD. */
export function lastDay(partial: string): string {
  if (partial.length === 10) return partial;
  const [y, m] = partial.split('-').map(Number) as [number, number | undefined];
  const month = m ?? 12;
  // Day 0 of the next month is the last day of this one.
  const last = new Date(Date.UTC(y, month, 0));
  return last.toISOString().slice(0, 10);
}

/** A partial date with the precision its text shows: "2025-02" from ("2025-02-01", MONTH). */
export function partialOf(day: string, precision: DatePrecision): string {
  return precision === 'YEAR' ? day.slice(0, 4) : precision === 'MONTH' ? day.slice(0, 7) : day;
}

/** Whether a partial date names a real calendar period between 1900 and 2200. */
export function isRealPartialDate(partial: string): boolean {
  if (!PARTIAL_DATE_PATTERN.test(partial)) return false;
  const [y, m, d] = firstDay(partial).split('-').map(Number);
  if (y === undefined || m === undefined || d === undefined) return false;
  if (y < 1900 || y > 2200) return false;
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** The day after a YYYY-MM-DD day. */
export function nextDay(day: string): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
}
