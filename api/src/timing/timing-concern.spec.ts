import { timingConcern, TimingWindowDates } from './timing-concern';

const budgetRound: TimingWindowDates = { id: 'w1', kind: 'not_now', startsOn: '2026-09-01', endsOn: '2026-10-31' };
const afterClose: TimingWindowDates = { id: 'w2', kind: 'best', startsOn: '2026-11-09', endsOn: '2026-11-27' };

describe('timingConcern', () => {
  it('names the not-now window a day falls in, on its last day too', () => {
    expect(timingConcern('Rajiv Menon', '2026-10-31', [budgetRound, afterClose])).toEqual({
      code: 'timing_not_now',
      window: budgetRound,
      message: 'Rajiv Menon asked not to be approached until 31 Oct (1 Sept – 31 Oct).',
    });
  });

  it('names the best window a day between the two misses', () => {
    expect(timingConcern('Rajiv Menon', '2026-11-02', [budgetRound, afterClose])).toMatchObject({ code: 'timing_outside_best', window: afterClose });
  });

  it('has nothing to say inside the best window', () => {
    expect(timingConcern('Rajiv Menon', '2026-11-09', [budgetRound, afterClose])).toBeNull();
  });
});
