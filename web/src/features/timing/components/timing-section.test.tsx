import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { StakeholderTiming, TimingWindow } from '@soundings/shared';
import { todayIso } from '@/lib/dates';
import { mockApi } from '@/testing/api-mock';
import { renderWithApp } from '@/testing/render';
import { groupTimingWindows } from './timing-groups';
import { TimingSection } from './timing-section';

function inDays(days: number): string {
  const day = new Date();
  day.setDate(day.getDate() + days);
  return todayIso(day);
}

function aWindow(overrides: Partial<TimingWindow>): TimingWindow {
  return {
    id: 'w-1',
    stakeholderId: 's-1',
    kind: 'not_now',
    startsOn: inDays(-2),
    endsOn: inDays(5),
    note: null,
    createdAt: '2026-11-01T00:00:00.000Z',
    updatedAt: '2026-11-01T00:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

const person = { id: 's-1', name: 'Rajiv Menon' };
const timing: StakeholderTiming = {
  stakeholderId: 's-1',
  timingNotes: 'Not during the budget round. Wants numbers first.',
  windows: [
    aWindow({ id: 'w-now', note: 'Budget round' }),
    aWindow({ id: 'w-next', kind: 'best', startsOn: inDays(10), endsOn: inDays(20), note: 'After quarter close' }),
    aWindow({ id: 'w-past', startsOn: inDays(-40), endsOn: inDays(-30), note: 'Year-end audit' }),
  ],
};

describe('groupTimingWindows', () => {
  it('puts a window open today under now on its first and last day, later ones under coming up, ended ones under past', () => {
    const today = '2026-12-10';
    const starting = aWindow({ id: 'a', startsOn: today, endsOn: '2026-12-20' });
    const ending = aWindow({ id: 'b', startsOn: '2026-12-01', endsOn: today });
    const later = aWindow({ id: 'c', startsOn: '2026-12-11', endsOn: '2026-12-12' });
    const ended = aWindow({ id: 'd', startsOn: '2026-11-01', endsOn: '2026-12-09' });
    const groups = groupTimingWindows([later, ended, starting, ending], today);
    expect(groups.now.map((w) => w.id)).toEqual(['b', 'a']);
    expect(groups.upcoming.map((w) => w.id)).toEqual(['c']);
    expect(groups.past.map((w) => w.id)).toEqual(['d']);
  });
});

describe('TimingSection', () => {
  it('shows the receptiveness notes and the windows under now, coming up and past', async () => {
    const api = mockApi();
    api.get('/stakeholders/:id/timing', { body: timing });
    renderWithApp(<TimingSection stakeholder={person} canWrite={false} />);
    const section = await screen.findByRole('region', { name: 'Timing' });
    expect(await within(section).findByText('Not during the budget round. Wants numbers first.')).toBeInTheDocument();
    expect(within(within(section).getByRole('list', { name: 'Now' })).getByText('Budget round')).toBeInTheDocument();
    expect(within(within(section).getByRole('list', { name: 'Coming up' })).getByText('After quarter close')).toBeInTheDocument();
    expect(within(within(section).getByRole('list', { name: 'Past' })).getByText('Year-end audit')).toBeInTheDocument();
    expect(within(section).queryByRole('button')).not.toBeInTheDocument();
  });

  it('refuses a last day before the first as it is typed, and adds a window once the days are in order', async () => {
    const api = mockApi();
    api.get('/stakeholders/:id/timing', { body: { ...timing, windows: [] } });
    api.post('/timing-windows', ({ body }) => ({ status: 201, body: aWindow({ ...(body as object), id: 'w-new' }) }));
    const user = userEvent.setup({ delay: null });
    renderWithApp(<TimingSection stakeholder={person} canWrite />);
    await user.click(await screen.findByRole('button', { name: 'Add window' }));
    const dialog = await screen.findByRole('dialog', { name: 'When to approach Rajiv Menon' });
    await user.type(within(dialog).getByLabelText(/First day/), '2027-01-20');
    await user.type(within(dialog).getByLabelText(/Last day/), '2027-01-10');
    expect(within(dialog).getByText('The last day must be on or after the first (20 Jan 2027).')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Add' }));
    expect(api.requestsTo('POST', '/timing-windows')).toHaveLength(0);

    await user.clear(within(dialog).getByLabelText(/Last day/));
    await user.type(within(dialog).getByLabelText(/Last day/), '2027-01-31');
    await user.type(within(dialog).getByLabelText('Why'), 'Budget round');
    await user.click(within(dialog).getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(api.requestsTo('POST', '/timing-windows')).toHaveLength(1));
    expect(api.requestsTo('POST', '/timing-windows')[0].body).toEqual({
      stakeholderId: 's-1',
      kind: 'not_now',
      startsOn: '2027-01-20',
      endsOn: '2027-01-31',
      note: 'Budget round',
    });
  });
});
