import { screen, within } from '@testing-library/react';
import type { CockpitRow, CoalitionMember, TopTeamCockpit as Cockpit } from '@soundings/shared';
import { mockApi } from '@/testing/api-mock';
import { renderWithApp } from '@/testing/render';
import { gapWords, movementParts, TopTeamCockpit } from './top-team-cockpit';

const member = (overrides: Partial<CoalitionMember>): CoalitionMember => ({
  id: 'm-1',
  name: 'Someone',
  title: null,
  role: 'top_team',
  businessFunction: 'Finance',
  potentialChampion: false,
  commitment: 'open',
  requiredCommitment: null,
  onBoard: false,
  ...overrides,
});

const cockpit: Cockpit = {
  items: [
    {
      member: member({ id: 'ben', name: 'Ben Backslide', title: 'CFO', commitment: 'resistant', requiredCommitment: 'public_champion' }),
      gap: 4,
      holders: [],
      lastContactAt: null,
      openFears: 0,
      movement: { from: 'supportive', to: 'resistant', steps: -2 },
    },
    {
      member: member({ id: 'ada', name: 'Ada Climber', commitment: 'committed', requiredCommitment: 'committed', onBoard: true }),
      gap: 0,
      holders: [
        { type: 'champion', id: 'chloe', name: 'Chloe Champion', commitment: 'committed', quality: 'strong' },
        { type: 'account', id: 'u-1', name: 'Hana Hr', commitment: null, quality: 'avoid' },
      ],
      lastContactAt: '2025-01-05',
      openFears: 2,
      movement: { from: 'open', to: 'committed', steps: 2 },
    },
  ],
};

describe('movement and gap in words', () => {
  it('says the steps with the levels they run between', () => {
    expect(movementParts({ from: 'open', to: 'committed', steps: 2 })).toEqual({ direction: 'up', lead: '2 steps', from: 'Open', to: 'Committed' });
    expect(movementParts({ from: 'committed', to: 'supportive', steps: -1 })).toEqual({ direction: 'down', lead: '1 step', from: 'Committed', to: 'Supportive' });
    expect(movementParts({ from: 'sounded', to: 'resistant', steps: 0 })).toEqual({ direction: 'none', lead: 'No steps', from: 'Sounded', to: 'Resistant' });
    expect(movementParts({ from: 'open', to: 'open', steps: 0 })).toEqual({ direction: 'none', lead: 'No change', from: null, to: 'Open' });
  });

  it('says how far short of the required level, or that it is met or not set', () => {
    expect(gapWords(cockpit.items[0])).toBe('4 steps short of Public champion');
    expect(gapWords(cockpit.items[1])).toBe('Meets Committed');
    expect(gapWords({ gap: 0, member: member({}) })).toBe('No required level set');
  });
});

describe('TopTeamCockpit', () => {
  it('shows a row per member, named by a row header, with who holds the relationship and links to their fears', async () => {
    const api = mockApi();
    api.get('/dashboard/top-team', { body: cockpit });
    renderWithApp(<TopTeamCockpit />);

    const table = await screen.findByRole('table');
    expect(within(table).getByText(/Largest gap to the required level first/)).toBeInTheDocument();
    const rowHeaders = within(table).getAllByRole('rowheader');
    expect(rowHeaders.map((header) => header.textContent)).toEqual(['Ben BackslideCFO', 'Ada Climber']);
    expect(within(rowHeaders[1]).getByRole('link', { name: 'Ada Climber' })).toHaveAttribute('href', '/stakeholders/ada');

    const ada = rowHeaders[1].closest('tr')!;
    expect(within(ada).getByText('Meets Committed')).toBeInTheDocument();
    expect(within(ada).getByRole('link', { name: 'Chloe Champion' })).toHaveAttribute('href', '/stakeholders/chloe');
    expect(within(ada).getByText('Strong')).toBeInTheDocument();
    expect(within(ada).getByText('Avoid').closest('[title]')).toHaveAttribute('title', 'Must not carry the message to this person');
    expect(within(ada).getByRole('link', { name: '2 open' })).toHaveAttribute('href', '/fears?stakeholderId=ada');
    expect(within(ada).getAllByRole('cell').at(-1)).toHaveTextContent(/^Up 2 steps: Open to Committed$/);
    // The exact day is the tooltip's (on hover, focus and touch) and the markup's.
    expect(within(ada).getByText(/ago$/)).toHaveAttribute('datetime', '2025-01-05');

    const ben = rowHeaders[0].closest('tr')!;
    expect(within(ben).getByText('4 steps short of Public champion')).toBeInTheDocument();
    expect(within(ben).getByText('No one yet')).toBeInTheDocument();
    expect(within(ben).getByText('Never')).toBeInTheDocument();
    expect(within(ben).getAllByRole('cell').at(-1)).toHaveTextContent(/^Down 2 steps: Supportive to Resistant$/);
  });

  it('shows a card per member on a phone', async () => {
    const matchMedia = window.matchMedia;
    window.matchMedia = ((query: string) => ({ ...matchMedia(query), matches: query.includes('max-width') })) as typeof window.matchMedia;
    try {
      const api = mockApi();
      api.get('/dashboard/top-team', { body: cockpit });
      renderWithApp(<TopTeamCockpit />);
      const list = await screen.findByRole('list', { name: 'Top-team members' });
      expect(screen.queryByRole('table')).not.toBeInTheDocument();
      const cards = within(list).getAllByRole('listitem').filter((item) => item.parentElement === list);
      expect(cards).toHaveLength(2);
      expect(within(cards[1]).getByRole('link', { name: 'Ada Climber' })).toBeInTheDocument();
      expect(within(cards[1]).getByText('Relationship held by')).toBeInTheDocument();
    } finally {
      window.matchMedia = matchMedia;
    }
  });

  it('says when no one is in the top team yet', async () => {
    const api = mockApi();
    api.get('/dashboard/top-team', { body: { items: [] satisfies CockpitRow[] } });
    renderWithApp(<TopTeamCockpit />);
    expect(await screen.findByText(/No one is marked as top team yet/)).toBeInTheDocument();
  });
});
