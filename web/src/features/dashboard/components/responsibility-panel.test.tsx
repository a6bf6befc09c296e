import { screen, within } from '@testing-library/react';
import type { ResponsibilityPeriod, ResponsibilityReport } from '@soundings/shared';
import { mockApi } from '@/testing/api-mock';
import { renderWithApp } from '@/testing/render';
import { hrLeadsFlag, ResponsibilityPanel } from './responsibility-panel';

const led = (byLeaders: number, byHr: number) => ({ byLeaders, byHr });

function period(from: string, briefings: [number, number], initiatives: [number, number], pilots: [number, number], hrLeads: boolean): ResponsibilityPeriod {
  const leaders = briefings[0] + initiatives[0] + pilots[0];
  const total = leaders + briefings[1] + initiatives[1] + pilots[1];
  return { from, to: from, briefings: led(...briefings), initiatives: led(...initiatives), pilots: led(...pilots), leaderShare: total ? leaders / total : null, hrLeads };
}

const report: ResponsibilityReport = {
  periods: [period('2026-10-01', [1, 3], [0, 2], [0, 1], true), period('2026-11-01', [2, 1], [0, 0], [0, 0], false)],
  overall: period('2026-10-01', [3, 4], [0, 2], [0, 1], true),
  summary: 'HR led 7 of the 10 briefings, initiatives and pilots in the last 2 months: hand them to leaders, with HR as their coach.',
};

describe('whose responsibility', () => {
  it('flags HR leading most of it in the words a leader reads', () => {
    expect(hrLeadsFlag(report.overall)).toBe('HR leads 7 of 10: hand them to leaders');
    expect(hrLeadsFlag(report.periods[1])).toBeNull();
  });

  it('shows the flag, the sentence and the numbers month by month, newest first', async () => {
    const api = mockApi();
    api.get('/dashboard/responsibility', { body: report });
    renderWithApp(<ResponsibilityPanel />);

    const panel = await screen.findByRole('region', { name: 'Whose responsibility' });
    expect(await within(panel).findByText('HR leads 7 of 10: hand them to leaders')).toBeInTheDocument();
    expect(within(panel).getByText(report.summary)).toBeInTheDocument();
    const rows = within(within(panel).getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent))).toEqual([
      ['Nov 2026', '2 / 1', '0 / 0', '0 / 0', '67 %', ''],
      ['Oct 2026', '1 / 3', '0 / 2', '0 / 1', '14 %', 'HR leads'],
      ['All months', '3 / 4', '0 / 2', '0 / 1', '30 %', 'HR leads'],
    ]);
    expect(api.requestsTo('GET', '/dashboard/responsibility')[0].query.get('months')).toBe('6');
  });
});
