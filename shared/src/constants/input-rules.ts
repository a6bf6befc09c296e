/**
 * What typed text and dates must be before they are stored. The API refuses the rest with a 400 naming the
 * field; the web forms apply the same functions so a person sees the same sentence before sending.
 */

/** `name`: a person's name. `line`: one line (a title, a token's name). `text`: may hold paragraphs. */
/** `unit`: one line naming what a number counts, where a symbol alone will do (`%`, `£`). */
export type TextKind = 'name' | 'line' | 'text' | 'unit';

// Unpaired UTF-16 halves: no character at all, and stored as U+FFFD if let through.
const UNPAIRED_SURROGATE = /\p{Cs}/u;
// Tab, line feed and carriage return are how paragraphs are typed; every other control character is not text.
const CONTROL_IN_TEXT = /(?![\t\n\r])\p{Cc}/u;
const CONTROL = /\p{Cc}/u;
// Embeddings, overrides and isolates reorder what a reader sees (a name that displays as another).
// Left-to-right and right-to-left marks (U+200E, U+200F) stay: mixed Arabic or Hebrew text needs them.
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
const LETTER = /\p{L}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
const LETTER_DIGIT_OR_SYMBOL = /[\p{L}\p{N}\p{S}%‰‱]/u;
// What a client wrote when it turned an absent value into text.
const PLACEHOLDER = /^(?:null|undefined|nan)$/i;

/** How text is stored: without surrounding white space, and composed (NFC) so one name typed two ways is one name. */
export function canonicalText(value: string): string {
  return value.trim().normalize('NFC');
}

/**
 * Why `value` (already canonical) cannot be stored as `kind`, or null when it can.
 * Empty text is for the caller to allow or refuse: optional fields may be empty, required ones not.
 */
export function textProblem(value: string, kind: TextKind): string | null {
  if (UNPAIRED_SURROGATE.test(value)) return 'must not contain unpaired surrogates (broken UTF-16)';
  if ((kind === 'text' ? CONTROL_IN_TEXT : CONTROL).test(value)) {
    return kind === 'text' ? 'must not contain control characters other than tabs and line breaks' : 'must be one line without control characters';
  }
  if (BIDI_CONTROL.test(value)) return 'must not contain bidirectional override or isolate characters (U+202A–U+202E, U+2066–U+2069)';
  if (value === '') return null;
  if (kind === 'unit' && !LETTER_DIGIT_OR_SYMBOL.test(value)) return 'must contain a letter, digit or symbol such as %';
  if (kind !== 'unit' && (kind === 'name' ? !LETTER.test(value) : !LETTER_OR_DIGIT.test(value))) {
    return kind === 'name' ? 'must contain at least one letter' : 'must contain at least one letter or digit';
  }
  if (PLACEHOLDER.test(value)) return `must be a real value, not the word "${value}"`;
  return null;
}

/** Two fears are the same fear when they read the same, whatever the case, spacing or compatibility forms. */
export function fearIdentity(statement: string): string {
  return statement.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim();
}

/** The days a campaign can have: nothing before this was ever a sounding, a briefing or a meeting here. */
export const CAMPAIGN_START = '2000-01-01';
/** How far ahead a follow-up, a briefing or a meeting may be planned. */
export const PLANNING_YEARS_AHEAD = 5;

/** `day` (YYYY-MM-DD) moved by whole years; 29 February lands on 28 February in a common year. */
export function addYears(day: string, years: number): string {
  const [year, month, date] = day.split('-').map(Number);
  const moved = new Date(Date.UTC(year + years, month - 1, date));
  if (moved.getUTCMonth() !== month - 1) moved.setUTCDate(0);
  return moved.toISOString().slice(0, 10);
}

/**
 * The latest date anyone could call "today": people ahead of the server's clock (up to UTC+14) must be able
 * to log a conversation they had this morning. Never more than one day after today in UTC.
 */
export function latestPossibleToday(now = new Date()): string {
  return new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
}

/** The last day a follow-up, a briefing or a meeting may be planned for. */
export function latestPlannableDay(now = new Date()): string {
  return addYears(latestPossibleToday(now), PLANNING_YEARS_AHEAD);
}
