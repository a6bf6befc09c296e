import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { TrendCounts, TrendWeek } from '@soundings/shared';
import { TREND_WEEKS_DEFAULT } from '@soundings/shared';
import { mockApi } from '@/testing/api-mock';
import { renderWithApp } from '@/testing/render';
import { CommitmentTrendPanel, share, trendSentence } from './commitment-trend';

const counts = (total: number, onBoard: number, withRequired: number, atRequired: number): TrendCounts => ({ total, onBoard, withRequired, atRequired });
const week = (weekStart: string, topTeam: TrendCounts, everyone: TrendCounts): TrendWeek => ({ weekStart, topTeam, everyone });

// Six weeks: the top team goes from none on board to 2 of 6; everyone from 8 of 40 to 12 of 48.
const weeks: TrendWeek[] = [
  week('2025-01-06', counts(6, 0, 5, 0), counts(40, 8, 20, 4)),
  week('2025-01-13', counts(6, 0, 5, 0), counts(40, 8, 20, 4)),
  week('2025-01-20', counts(6, 1, 5, 0), counts(44, 9, 22, 5)),
  week('2025-01-27', counts(6, 1, 5, 1), counts(44, 10, 22, 5)),
  week('2025-02-03', counts(6, 2, 5, 1), counts(48, 11, 24, 6)),
  week('2025-02-10', counts(6, 2, 5, 1), counts(48, 12, 24, 4)),
];

describe('trend in words', () => {
  it('compares now with a month ago', () => {
    expect(trendSentence(weeks, 'topTeam', 'onBoard')).toBe('Top team on board: 2 of 6 (33 %) now, up from 0 a month ago.');
    expect(trendSentence(weeks, 'everyone', 'atRequired')).toBe('Everyone at their required level: 4 of 24 (17 %) now, the same as a month ago.');
    expect(trendSentence(weeks.slice(0, 3), 'everyone', 'onBoard')).toBe('Everyone on board: 9 of 44 (20 %) now, up from 8 2 weeks ago.');
    expect(trendSentence(weeks.slice(0, 1), 'topTeam', 'onBoard')).toBe('Top team on board: 0 of 6 (0 %) now.');
  });

  it('has no share when there is no one to count', () => {
    expect(share(counts(0, 0, 0, 0), 'onBoard')).toBeNull();
    expect(share(counts(3, 1, 0, 0), 'atRequired')).toBeNull();
    expect(share(counts(3, 1, 2, 1), 'atRequired')).toBe(50);
  });
});

describe('CommitmentTrendPanel', () => {
  it('asks for the default weeks and gives the summary and the numbers behind the chart', async () => {
    const api = mockApi();
    api.get('/dashboard/trend', { body: { weeks } });
    renderWithApp(<CommitmentTrendPanel />);

    const panel = await screen.findByRole('region', { name: 'Commitment trend' });
    expect(await within(panel).findByText('Top team on board: 2 of 6 (33 %) now, up from 0 a month ago.')).toBeInTheDocument();
    expect(within(panel).getByText('Top team at their required level: 1 of 5 (20 %) now, up from 0 a month ago.')).toBeInTheDocument();
    expect(within(panel).getByText('Everyone on board: 12 of 48 (25 %) now, up from 8 a month ago.')).toBeInTheDocument();
    expect(within(panel).getByRole('img')).toHaveAccessibleName(/^Top team on board: 2 of 6/);
    expect(api.requestsTo('GET', '/dashboard/trend')[0].query.get('weeks')).toBe(String(TREND_WEEKS_DEFAULT));

    await userEvent.click(within(panel).getByText('The numbers, week by week'));
    const table = within(panel).getByRole('table');
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(6);
    // Newest first, each week a row header.
    expect(within(rows[0]).getByRole('rowheader')).toHaveTextContent('10 Feb 2025');
    expect(rows[0]).toHaveTextContent('2 of 6 (33 %)');
    expect(within(rows[5]).getByRole('rowheader')).toHaveTextContent('6 Jan 2025');
    expect(rows[5]).toHaveTextContent('0 of 6 (0 %)');
  });
});
