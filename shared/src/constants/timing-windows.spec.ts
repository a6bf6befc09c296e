import { DatedTimingWindow, TIMING_BEST_RELEVANT_DAYS, timingConcernText, timingFitOn, timingSpan } from './campaign';

const budgetRound: DatedTimingWindow = { kind: 'not_now', startsOn: '2026-12-01', endsOn: '2027-01-14' };
const afterQuarterClose: DatedTimingWindow = { kind: 'best', startsOn: '2027-01-18', endsOn: '2027-02-05' };

describe('timingFitOn', () => {
  it('counts the first and the last day of a not-now window as inside it', () => {
    expect(timingFitOn('2026-12-01', [budgetRound])).toEqual({ fit: 'not_now', window: budgetRound });
    expect(timingFitOn('2027-01-14', [budgetRound])).toEqual({ fit: 'not_now', window: budgetRound });
  });

  it('says nothing about the days either side of a lone not-now window', () => {
    expect(timingFitOn('2026-11-30', [budgetRound]).fit).toBe('clear');
    expect(timingFitOn('2027-01-15', [budgetRound]).fit).toBe('clear');
  });

  it('puts not now before best when the windows overlap', () => {
    const overlapping: DatedTimingWindow = { kind: 'best', startsOn: '2027-01-10', endsOn: '2027-01-31' };
    expect(timingFitOn('2027-01-12', [overlapping, budgetRound])).toEqual({ fit: 'not_now', window: budgetRound });
    expect(timingFitOn('2027-01-15', [overlapping, budgetRound])).toEqual({ fit: 'in_best', window: overlapping });
  });

  it('names the not-now window that lasts longest when the day is in several', () => {
    const shortOne: DatedTimingWindow = { kind: 'not_now', startsOn: '2026-12-20', endsOn: '2026-12-31' };
    expect(timingFitOn('2026-12-24', [shortOne, budgetRound]).window).toBe(budgetRound);
  });

  it('is in the best window on its first and last day', () => {
    expect(timingFitOn('2027-01-18', [afterQuarterClose]).fit).toBe('in_best');
    expect(timingFitOn('2027-02-05', [afterQuarterClose]).fit).toBe('in_best');
  });

  it(`is outside the best time up to ${TIMING_BEST_RELEVANT_DAYS} days before a best window starts, and clear further away`, () => {
    expect(timingFitOn('2027-01-17', [afterQuarterClose])).toEqual({ fit: 'outside_best', window: afterQuarterClose });
    // 2027-01-18 minus 60 days is 2026-11-19.
    expect(timingFitOn('2026-11-19', [afterQuarterClose]).fit).toBe('outside_best');
    expect(timingFitOn('2026-11-18', [afterQuarterClose]).fit).toBe('clear');
  });

  it(`is outside the best time up to ${TIMING_BEST_RELEVANT_DAYS} days after a best window ended, and clear further away`, () => {
    expect(timingFitOn('2027-02-06', [afterQuarterClose]).fit).toBe('outside_best');
    // 2027-02-05 plus 60 days is 2027-04-06.
    expect(timingFitOn('2027-04-06', [afterQuarterClose]).fit).toBe('outside_best');
    expect(timingFitOn('2027-04-07', [afterQuarterClose]).fit).toBe('clear');
  });

  it('names the nearest best window the day misses', () => {
    const spring: DatedTimingWindow = { kind: 'best', startsOn: '2027-03-01', endsOn: '2027-03-10' };
    expect(timingFitOn('2027-02-20', [afterQuarterClose, spring]).window).toBe(spring);
    expect(timingFitOn('2027-02-10', [spring, afterQuarterClose]).window).toBe(afterQuarterClose);
  });

  it('is clear for a person with no windows', () => {
    expect(timingFitOn('2027-01-01', [])).toEqual({ fit: 'clear', window: null });
  });
});

describe('timingConcernText', () => {
  it('says until when not to approach them, with the window, and the year only where it differs', () => {
    expect(timingConcernText('Dana Lee', '2026-12-03', timingFitOn('2026-12-03', [budgetRound]))).toBe(
      'Dana Lee asked not to be approached until 14 Jan 2027 (1 Dec – 14 Jan 2027).',
    );
  });

  it('says when they are best approached and which day misses it', () => {
    expect(timingConcernText('Dana Lee', '2027-01-16', timingFitOn('2027-01-16', [afterQuarterClose]))).toBe(
      'Dana Lee is best approached 18 Jan – 5 Feb, not on 16 Jan.',
    );
  });

  it('says nothing when the day falls well', () => {
    expect(timingConcernText('Dana Lee', '2027-01-20', timingFitOn('2027-01-20', [afterQuarterClose]))).toBeNull();
  });

  it('writes a one-day window as one day', () => {
    expect(timingSpan({ kind: 'not_now', startsOn: '2027-03-03', endsOn: '2027-03-03' }, '2027-03-01')).toBe('3 Mar');
  });
});
