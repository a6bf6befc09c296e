import { cadenceState, daysBetween, isCoolingState, todayIn } from './campaign';

describe('cadenceState', () => {
  const topTeam = { idealDays: 21, maxDays: 45 };

  it('is on track up to and including the ideal day, due after it, overdue after the maximum', () => {
    expect(cadenceState(0, topTeam)).toBe('on_track');
    expect(cadenceState(21, topTeam)).toBe('on_track');
    expect(cadenceState(22, topTeam)).toBe('due');
    expect(cadenceState(45, topTeam)).toBe('due');
    expect(cadenceState(46, topTeam)).toBe('overdue');
  });

  it('says never for someone with no contact, and a same-day ideal and maximum goes straight to overdue', () => {
    expect(cadenceState(null, topTeam)).toBe('never');
    expect(cadenceState(8, { idealDays: 7, maxDays: 7 })).toBe('overdue');
  });

  it('calls due and overdue cooling, and nothing else', () => {
    expect(['never', 'on_track', 'due', 'overdue'].filter((state) => isCoolingState(state as never))).toEqual(['due', 'overdue']);
  });
});

describe('todayIn', () => {
  it('gives the calendar date in the zone: Auckland (UTC+13 in December) is a day ahead of UTC from 11:00 UTC', () => {
    const beforeMidnightThere = new Date('2026-12-01T10:59:00Z');
    const afterMidnightThere = new Date('2026-12-01T11:00:00Z');
    expect(todayIn('Pacific/Auckland', beforeMidnightThere)).toBe('2026-12-01');
    expect(todayIn('Pacific/Auckland', afterMidnightThere)).toBe('2026-12-02');
    expect(todayIn('UTC', afterMidnightThere)).toBe('2026-12-01');
  });

  it('is behind UTC in the Americas late in the UTC day', () => {
    expect(todayIn('America/Los_Angeles', new Date('2026-12-02T03:00:00Z'))).toBe('2026-12-01');
    expect(todayIn('UTC', new Date('2026-12-02T03:00:00Z'))).toBe('2026-12-02');
  });
});

describe('daysBetween', () => {
  it('counts whole calendar days, across month ends and daylight saving changes', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-02-28', '2026-03-01')).toBe(1);
    expect(daysBetween('2026-03-01', '2026-02-28')).toBe(-1);
  });
});
