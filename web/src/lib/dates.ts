import type { IsoDate } from '@soundings/shared';

const DAY_MS = 86_400_000;

/** Today in the user's calendar, `YYYY-MM-DD`. */
export function todayIso(now: Date = new Date()): IsoDate {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

function dayNumber(iso: IsoDate): number {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return Date.UTC(y, m - 1, d) / DAY_MS;
}

/** Whole calendar days from `iso` to today (negative when `iso` is in the future). */
export function daysSince(iso: IsoDate, now: Date = new Date()): number {
  return dayNumber(todayIso(now)) - dayNumber(iso);
}

const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** `2025-03-04` → `4 Mar 2025`. */
export function formatDate(iso: IsoDate | null | undefined): string {
  if (!iso) return '—';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return dateFormat.format(new Date(Date.UTC(y, m - 1, d)));
}

/** "today", "yesterday", "12 days ago", "3 months ago", "in 5 days". */
export function formatRelativeDays(iso: IsoDate, now: Date = new Date()): string {
  const days = daysSince(iso, now);
  if (days === 0) return 'today';
  if (days === 1) return 'yesterday';
  if (days === -1) return 'tomorrow';
  const abs = Math.abs(days);
  let amount: string;
  if (abs < 14) amount = `${abs} days`;
  else if (abs < 60) amount = `${Math.round(abs / 7)} weeks`;
  else if (abs < 730) amount = `${Math.round(abs / 30.44)} months`;
  else amount = `${Math.round(abs / 365.25)} years`;
  return days > 0 ? `${amount} ago` : `in ${amount}`;
}

const dateTimeFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** A moment in the reader's own time zone: `4 Mar 2025, 14:05`. */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const moment = new Date(iso);
  return Number.isNaN(moment.getTime()) ? '—' : dateTimeFormat.format(moment);
}

const dayHeadingFormat = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `2026-03-03` → `Tuesday 3 March 2026`. */
export function formatDayHeading(iso: IsoDate): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  // Some ICU versions put a comma after the weekday; the headings read better without.
  return dayHeadingFormat.format(new Date(Date.UTC(y, m - 1, d))).replace(/^(\p{L}+),/u, '$1');
}

const timeFormat = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit' });

/** The clock time of a moment in the reader's time zone: `09:30`. */
export function formatTime(iso: string): string {
  const moment = new Date(iso);
  return Number.isNaN(moment.getTime()) ? '—' : timeFormat.format(moment);
}

/** A moment split for a pair of date and time inputs, in the reader's time zone. */
export function toDateAndTime(iso: string): { date: IsoDate; time: string } {
  const moment = new Date(iso);
  const time = `${String(moment.getHours()).padStart(2, '0')}:${String(moment.getMinutes()).padStart(2, '0')}`;
  return { date: todayIso(moment), time };
}

/** The moment a date and time input pair names, in the reader's time zone, as ISO 8601; null when incomplete. */
export function fromDateAndTime(date: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) return null;
  const moment = new Date(`${date}T${time}:00`);
  return Number.isNaN(moment.getTime()) ? null : moment.toISOString();
}
