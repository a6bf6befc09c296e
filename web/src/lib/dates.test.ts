import { formatDate, parseDayInput, readerLocale } from './dates';

describe('parseDayInput', () => {
  it('reads an ISO day, the printed form and full month names as the same day', () => {
    expect(parseDayInput('2026-11-11')).toBe('2026-11-11');
    expect(parseDayInput(formatDate('2026-11-11'))).toBe('2026-11-11');
    expect(parseDayInput('11 November 2026')).toBe('2026-11-11');
    expect(parseDayInput('Nov 11, 2026')).toBe('2026-11-11');
    expect(parseDayInput(' 3 mar 2025 ')).toBe('2025-03-03');
  });

  it('refuses days that do not exist and text that is not a date', () => {
    expect(parseDayInput('2026-02-30')).toBeNull();
    expect(parseDayInput('31 Apr 2026')).toBeNull();
    expect(parseDayInput('soon')).toBeNull();
    expect(parseDayInput('')).toBeNull();
    expect(parseDayInput('12 Smarch 2026')).toBeNull();
  });

  it('reads numeric dates in the order the locale writes them (day first for a British reader)', () => {
    expect(readerLocale).toBe('en-GB');
    expect(parseDayInput('02/01/2020')).toBe('2020-01-02');
  });
});
