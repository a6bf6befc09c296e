import type { ResponsibilityMonthRow } from './responsibility.repository';
import { buildResponsibilityReport, periodOf, responsibilitySummary } from './responsibility.rules';

function month(start: string, counts: Partial<Omit<ResponsibilityMonthRow, 'month_start' | 'month_end'>> = {}): ResponsibilityMonthRow {
  const end = new Date(Date.UTC(Number(start.slice(0, 4)), Number(start.slice(5, 7)), 0)).toISOString().slice(0, 10);
  return {
    month_start: start,
    month_end: end,
    briefings_by_leaders: 0,
    briefings_by_hr: 0,
    initiatives_by_leaders: 0,
    initiatives_by_hr: 0,
    pilots_by_leaders: 0,
    pilots_by_hr: 0,
    ...counts,
  };
}

const none = { byLeaders: 0, byHr: 0 };

describe('periodOf', () => {
  it('gives the leader share across briefings, initiatives and pilots', () => {
    const period = periodOf('2026-10-01', '2026-10-31', { briefings: { byLeaders: 3, byHr: 1 }, initiatives: { byLeaders: 1, byHr: 0 }, pilots: { byLeaders: 0, byHr: 1 } });
    expect(period.leaderShare).toBeCloseTo(4 / 6);
    expect(period.hrLeads).toBe(false);
  });

  it('flags HR leading more than half, but not exactly half', () => {
    const half = periodOf('2026-10-01', '2026-10-31', { briefings: { byLeaders: 1, byHr: 1 }, initiatives: none, pilots: none });
    expect(half).toMatchObject({ leaderShare: 0.5, hrLeads: false });
    const most = periodOf('2026-10-01', '2026-10-31', { briefings: { byLeaders: 1, byHr: 1 }, initiatives: { byLeaders: 0, byHr: 1 }, pilots: none });
    expect(most.hrLeads).toBe(true);
  });

  it('has no share and no flag when nothing happened', () => {
    expect(periodOf('2026-10-01', '2026-10-31', { briefings: none, initiatives: none, pilots: none })).toMatchObject({ leaderShare: null, hrLeads: false });
  });
});

describe('buildResponsibilityReport', () => {
  it('adds the months up into the whole span and says who led it, naming the months HR led', () => {
    const report = buildResponsibilityReport([
      month('2026-09-01', { briefings_by_leaders: 2, initiatives_by_leaders: 2, pilots_by_leaders: 1 }),
      month('2026-10-01', { briefings_by_hr: 2, initiatives_by_leaders: 1 }),
      month('2026-11-01', { initiatives_by_leaders: 2, pilots_by_hr: 1 }),
    ]);
    expect(report.overall).toMatchObject({
      from: '2026-09-01',
      to: '2026-11-30',
      briefings: { byLeaders: 2, byHr: 2 },
      initiatives: { byLeaders: 5, byHr: 0 },
      pilots: { byLeaders: 1, byHr: 1 },
      hrLeads: false,
    });
    expect(report.overall.leaderShare).toBeCloseTo(8 / 11);
    expect(report.periods.map((period) => period.hrLeads)).toEqual([false, true, false]);
    expect(report.summary).toBe('Leaders led 8 of the 11 briefings, initiatives and pilots in the last 3 months. HR led most of it in October 2026.');
  });

  it('flags the campaign when HR leads most of it', () => {
    const report = buildResponsibilityReport([month('2026-10-01', { briefings_by_hr: 4, initiatives_by_hr: 3, briefings_by_leaders: 3 }), month('2026-11-01')]);
    expect(report.overall.hrLeads).toBe(true);
    expect(report.summary).toBe('HR led 7 of the 10 briefings, initiatives and pilots in the last 2 months: hand them to leaders, with HR as their coach.');
  });
});

describe('responsibilitySummary', () => {
  const report = (rows: ResponsibilityMonthRow[]) => buildResponsibilityReport(rows);

  it('says so when nothing has happened', () => {
    expect(report([month('2026-11-01')]).summary).toBe('No briefings done, initiatives held or pilots started this month yet.');
  });

  it('speaks of a single piece of work as the only one', () => {
    expect(report([month('2026-11-01', { pilots_by_leaders: 1 })]).summary).toBe('A leader led the only briefing, initiative or pilot this month.');
    expect(report([month('2026-11-01', { briefings_by_hr: 1 })]).summary).toBe('HR led the only briefing, initiative or pilot this month: hand the next to a leader.');
  });

  it('lists several months HR led in order', () => {
    const { periods, overall } = report([
      month('2026-08-01', { briefings_by_hr: 1 }),
      month('2026-09-01', { briefings_by_leaders: 4 }),
      month('2026-10-01', { briefings_by_hr: 1 }),
      month('2026-11-01', { briefings_by_hr: 1 }),
    ]);
    expect(responsibilitySummary(periods, overall)).toBe(
      'Leaders led 4 of the 7 briefings, initiatives and pilots in the last 4 months. HR led most of it in August 2026, October 2026 and November 2026.',
    );
  });
});
