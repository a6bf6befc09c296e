import { screen, within } from '@testing-library/react';
import type { CoalitionMember, CommitmentLevel, Dashboard, FunctionCoverage, SlippingPerson } from '@soundings/shared';
import { aCoalitionMember, aContactCadence } from '@/testing/fixtures';
import { mockApi } from '@/testing/api-mock';
import { renderWithApp } from '@/testing/render';
import { DashboardRoute } from './dashboard';

const dashboard: Dashboard = {
  totalStakeholders: 14,
  byCommitment: { not_sounded: 4, sounded: 3, open: 2, supportive: 2, committed: 1, public_champion: 1, resistant: 1 },
  topTeam: { total: 8, sounded: 5, onBoard: 3 },
  openFearsByCategory: {
    time_and_workload: 3,
    personal_exposure: 1,
    loss_of_control: 0,
    doubt_about_value: 2,
    cost_and_budget: 0,
    culture_fit: 0,
    other: 0,
  },
  overdueFollowUps: [
    { stakeholder: { id: 's-3', name: 'Ines Duarte' }, followUpOn: '2025-01-05', nextStep: 'Share the pilot results', redacted: false, soundingId: 'snd-9' },
    { stakeholder: { id: 's-5', name: 'Omar Haddad' }, followUpOn: '2025-01-07', nextStep: null, redacted: true, soundingId: 'snd-11' },
    { stakeholder: { id: 's-6', name: 'Lena Vogel' }, followUpOn: '2025-01-08', nextStep: null, redacted: false, soundingId: 'snd-12' },
  ],
  overdueFollowUpsTotal: 3,
  coolingContacts: [
    {
      stakeholder: { id: 's-4', name: 'Mark Chen' },
      commitment: 'open',
      lastContactAt: '2024-09-01',
      contact: aContactCadence({ lastContactOn: '2024-09-01', daysSinceContact: 130, cadence: { idealDays: 45, maxDays: 90 }, state: 'overdue' }),
    },
  ],
  coolingContactsTotal: 23,
};

const slipping: SlippingPerson[] = [
  {
    stakeholder: aCoalitionMember({ id: 's-7', name: 'Ada Quiet', role: 'top_team', commitment: 'committed' }),
    contact: aContactCadence({ lastContactOn: '2025-01-01', daysSinceContact: 50, state: 'overdue' }),
    reason: 'champion',
    nextPlannedOn: null,
  },
];

const member = (id: string, name: string, commitment: CommitmentLevel, role: CoalitionMember['role'] = 'line_manager'): CoalitionMember => ({
  id,
  name,
  title: null,
  role,
  businessFunction: 'Finance',
  potentialChampion: role === 'line_manager',
  commitment,
  requiredCommitment: null,
  onBoard: commitment === 'committed' || commitment === 'public_champion' || commitment === 'supportive',
});
const coverage: FunctionCoverage[] = [
  {
    businessFunction: 'Finance',
    priorities: [{ id: 'p-1', businessFunction: 'Finance', title: 'Close the books in five days' }],
    champions: [member('s-8', 'Grace Mensah', 'committed')],
    covered: true,
    leaders: [{ stakeholder: member('s-1', 'Priya Raman', 'open', 'top_team'), commitment: 'open' }],
  },
  { businessFunction: 'IT', priorities: [], champions: [], covered: false, leaders: [] },
];

function serveDashboard() {
  const api = mockApi();
  api.get('/dashboard', { body: dashboard });
  api.get('/dashboard/top-team', { body: { items: [] } });
  api.get('/dashboard/trend', { body: { weeks: [] } });
  api.get('/dashboard/functions', { body: coverage });
  api.get('/dashboard/slipping', { body: slipping });
  return api;
}

describe('Dashboard', () => {
  it("shows each function's priorities, whether a committed champion covers it, and where its leaders stand", async () => {
    serveDashboard();
    renderWithApp(<DashboardRoute />);
    const panel = await screen.findByRole('region', { name: 'Coverage by function' });
    expect(await within(panel).findByText('1 of 2 functions have no committed champion yet.')).toBeInTheDocument();
    const finance = within(panel).getByRole('region', { name: 'Finance' });
    expect(within(finance).getByText('Covered by Grace Mensah')).toBeInTheDocument();
    expect(within(finance).getByText('Close the books in five days')).toBeInTheDocument();
    expect(within(finance).getByRole('link', { name: 'Priya Raman' })).toHaveAttribute('href', '/stakeholders/s-1');
    expect(within(finance).getByText('Open')).toBeInTheDocument();
    const it = within(panel).getByRole('region', { name: 'IT' });
    expect(within(it).getByText('No committed champion')).toBeInTheDocument();
    expect(within(it).getByText('No priorities written down yet.')).toBeInTheDocument();
  });

  it('tells where the top team stands and links each list to the people behind it', async () => {
    serveDashboard();
    renderWithApp(<DashboardRoute />);
    expect(await screen.findByRole('region', { name: 'Top-team cockpit' })).toBeInTheDocument();

    const slippingPanel = screen.getByRole('region', { name: 'Slipping off the radar' });
    expect(screen.getAllByRole('region')[0]).toBe(slippingPanel);
    expect(await within(slippingPanel).findByRole('link', { name: 'Ada Quiet' })).toHaveAttribute('href', '/stakeholders/s-7');
    expect(within(slippingPanel).getByText('Last contact 50 days ago (sounding) · ideal every 21 days · overdue (at most 45 days)')).toBeInTheDocument();
    expect(within(slippingPanel).getByText('Nothing planned')).toBeInTheDocument();
    expect(within(slippingPanel).getByText('Gone quiet')).toBeInTheDocument();
    expect(await screen.findByRole('region', { name: 'Commitment trend' })).toBeInTheDocument();

    expect(await screen.findByText('5 of 8 sounded, 3 on board')).toBeInTheDocument();
    expect(screen.getByText('3 members have never been sounded. Never ask for support in a group first.')).toBeInTheDocument();

    const overdue = screen.getByRole('region', { name: 'Overdue follow-ups' });
    expect(within(overdue).getByRole('link', { name: 'Ines Duarte' })).toHaveAttribute('href', '/stakeholders/s-3');
    expect(within(overdue).getByRole('link', { name: /see all/i })).toHaveAttribute('href', '/stakeholders?overdue=true');

    const cooling = screen.getByRole('region', { name: 'Cooling contacts' });
    expect(within(cooling).getByRole('link', { name: 'Mark Chen' })).toHaveAttribute('href', '/stakeholders/s-4');
    expect(within(cooling).getByText('and 22 more')).toBeInTheDocument();
    expect(within(cooling).getByRole('link', { name: /see all/i })).toHaveAttribute('href', '/stakeholders?cooling=true');

    const funnel = screen.getByRole('region', { name: 'Commitment across the organisation' });
    expect(within(funnel).getByRole('link', { name: 'Resistant: 1' })).toHaveAttribute('href', '/stakeholders?commitment=resistant');
    expect(within(funnel).getByRole('img')).toHaveAccessibleName(/Not sounded: 4, Sounded: 3, Open: 2/);

    const fears = screen.getByRole('region', { name: 'Unresolved fears by category' });
    const categories = within(fears).getAllByRole('link').map((link) => link.textContent);
    expect(categories.slice(1)).toEqual(['Time and workload', 'Doubt about value', 'Personal exposure']);
  });

  it('says a next step from a confidential sounding is withheld, not that none was written down', async () => {
    const api = mockApi();
    api.get('/dashboard', { body: dashboard });
    api.get('/dashboard/top-team', { body: { items: [] } });
    api.get('/dashboard/trend', { body: { weeks: [] } });
    api.get('/dashboard/functions', { body: [] });
    renderWithApp(<DashboardRoute />);
    const overdue = await screen.findByRole('region', { name: 'Overdue follow-ups' });
    const entry = (name: string) => within(overdue).getByRole('link', { name }).closest('li')!;
    expect(await within(overdue).findByText('Share the pilot results')).toBeInTheDocument();
    expect(entry('Omar Haddad')).toHaveTextContent('Confidential: only its author and admins can read it.');
    expect(entry('Omar Haddad')).not.toHaveTextContent('No next step written down');
    expect(entry('Lena Vogel')).toHaveTextContent('No next step written down');
  });

  it('explains how to load the demo organisation when nothing has been recorded', async () => {
    const api = mockApi();
    api.get('/dashboard', { body: { ...dashboard, totalStakeholders: 0 } });
    renderWithApp(<DashboardRoute />);
    expect(await screen.findByText('npm run seed:demo')).toBeInTheDocument();
  });

  it('offers a retry when the dashboard cannot be loaded', async () => {
    const api = mockApi();
    api.get('/dashboard', {
      status: 503,
      body: { statusCode: 503, error: 'Service Unavailable', code: 'database_unavailable', message: 'The database is unavailable.', requestId: 'r-1' },
    });
    renderWithApp(<DashboardRoute />);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The database is unavailable.');
    expect(alert).toHaveTextContent('Reference: r-1');
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
