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

/** The reader's own locale (the browser's first language): every date and time in the app reads in it. */
export const readerLocale: string | undefined = typeof navigator === 'undefined' ? undefined : (navigator.languages?.[0] ?? navigator.language);

// Calendar days are shown as the day they name, moments in the reader's time zone.
const dateFormat = new Intl.DateTimeFormat(readerLocale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

/** `2025-03-04` → `4 Mar 2025` (in en-GB; `Mar 4, 2025` in en-US). */
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

const dateTimeFormat = new Intl.DateTimeFormat(readerLocale, {
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

const dayHeadingFormat = new Intl.DateTimeFormat(readerLocale, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** `2026-03-03` → `Tuesday 3 March 2026`. */
export function formatDayHeading(iso: IsoDate): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  // Some ICU versions put a comma after the weekday; the headings read better without.
  return dayHeadingFormat.format(new Date(Date.UTC(y, m - 1, d))).replace(/^(\p{L}+),/u, '$1');
}

const timeFormat = new Intl.DateTimeFormat(readerLocale, { hour: '2-digit', minute: '2-digit' });

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

function isoOf(year: number, month: number, day: number): IsoDate | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < 1000 || year > 9999 || month < 1 || month > 12 || day < 1) return null;
  const moment = new Date(Date.UTC(year, month - 1, day));
  if (moment.getUTCMonth() !== month - 1) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const monthNames = (): Map<string, number> => {
  const names = new Map<string, number>();
  for (const month of ['short', 'long'] as const) {
    const format = new Intl.DateTimeFormat(readerLocale, { month, timeZone: 'UTC' });
    for (let index = 0; index < 12; index += 1) {
      names.set(format.format(new Date(Date.UTC(2020, index, 1))).toLocaleLowerCase().replace(/\.$/, ''), index + 1);
    }
  }
  return names;
};

/** Whether the reader's locale writes the day before the month in numeric dates (en-GB 4/3/2025, en-US 3/4/2025). */
const dayFirst = (): boolean => {
  const parts = new Intl.DateTimeFormat(readerLocale, { day: 'numeric', month: 'numeric', year: 'numeric' }).formatToParts(new Date(2020, 0, 2));
  return parts.findIndex((part) => part.type === 'day') < parts.findIndex((part) => part.type === 'month');
};

/**
 * A typed date as the day it names: ISO (`2026-11-11`), the way the app prints dates (`11 Nov 2026`,
 * `Nov 11, 2026`, full month names too) or numeric in the reader's order (`11/11/2026`). Null when it is none.
 */
export function parseDayInput(text: string): IsoDate | null {
  const typed = text.trim().toLocaleLowerCase();
  if (!typed) return null;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(typed);
  if (iso) return isoOf(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const numeric = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/.exec(typed);
  if (numeric) {
    const [first, second] = [Number(numeric[1]), Number(numeric[2])];
    return dayFirst() ? isoOf(Number(numeric[3]), second, first) : isoOf(Number(numeric[3]), first, second);
  }
  const words = typed.replace(/,/g, ' ').split(/\s+/).filter(Boolean);
  if (words.length !== 3) return null;
  const names = monthNames();
  const monthAt = words.findIndex((word) => names.has(word.replace(/\.$/, '')));
  if (monthAt === -1 || !/^\d{4}$/.test(words[2])) return null;
  const month = names.get(words[monthAt].replace(/\.$/, ''))!;
  const day = Number(words[monthAt === 0 ? 1 : 0]);
  return isoOf(Number(words[2]), month, day);
}
