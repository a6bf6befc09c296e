import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Narrative, NarrativeResonance } from '@soundings/shared';
import { mockApi } from '@/testing/api-mock';
import { aCoalitionMember } from '@/testing/fixtures';
import { renderWithApp } from '@/testing/render';
import { NarrativesRoute } from './narratives';

function narrative(overrides: Partial<Narrative>): Narrative {
  return { id: 'n-x', title: 'A narrative', description: null, archived: false, createdAt: '', updatedAt: '', version: 1, ...overrides };
}

const ownership = narrative({ id: 'n-own', title: 'Ownership at every level', description: 'Decisions sit where the work is' });
const slogan = narrative({ id: 'n-old', title: 'Retired slogan', archived: true });

const resonance: NarrativeResonance = {
  members: [aCoalitionMember({ id: 's-dana', name: 'Dana Okafor', role: 'top_team', commitment: 'open' }), aCoalitionMember({ id: 's-omar', name: 'Omar Reyes', role: 'top_team', commitment: 'open' })],
  narratives: [
    {
      narrative: ownership,
      cells: [
        { stakeholderId: 's-dana', response: 'resonated', on: '2026-03-02', soundingId: 'snd-1' },
        { stakeholderId: 's-omar', response: null, on: null, soundingId: null },
      ],
      totals: { resonated: 1, jarred: 0, none: 1 },
    },
  ],
};

function serve(api: ReturnType<typeof mockApi>) {
  api.get('/narratives/resonance', { body: resonance });
  api.get('/narratives', { body: [ownership, slogan] });
}

describe('Narratives page', () => {
  it('puts narratives in rows and top-team members in columns, each reaction in words with its date, and the totals', async () => {
    serve(mockApi());
    renderWithApp(<NarrativesRoute />);
    const table = await screen.findByRole('table', { name: /How each narrative last landed/ });
    expect(within(table).getAllByRole('columnheader').map((header) => header.textContent)).toEqual(['Narrative', 'Dana OkaforOpen', 'Omar ReyesOpen', 'Across the top team']);
    const [row] = within(table).getAllByRole('row').slice(1);
    const cells = within(row).getAllByRole('cell');
    expect(cells[0]).toHaveTextContent('Resonated');
    expect(cells[0]).toHaveTextContent('2 Mar 2026');
    expect(cells[1]).toHaveTextContent('Not raised');
    expect(cells[2]).toHaveTextContent('1 resonated · 0 jarred · 1 not raised');
  });

  it('lets a practitioner archive a narrative, and shows a viewer the list without changing it', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    serve(api);
    api.patch('/narratives/:id', ({ body }) => ({ body: { ...ownership, ...(body as object), version: 2 } }));
    const { unmount } = renderWithApp(<NarrativesRoute />);
    const list = await screen.findByRole('table', { name: 'Narratives and values' });
    expect(within(list).getByText('Archived: kept on soundings, no longer offered')).toBeInTheDocument();
    await user.click(within(list).getByRole('button', { name: 'Archive Ownership at every level' }));
    await waitFor(() => expect(api.requestsTo('PATCH', '/narratives/n-own')).toHaveLength(1));
    expect(api.requestsTo('PATCH', '/narratives/n-own')[0].body).toEqual({ archived: true, version: 1 });
    unmount();

    serve(mockApi());
    renderWithApp(<NarrativesRoute />, { role: 'viewer' });
    const viewerList = await screen.findByRole('table', { name: 'Narratives and values' });
    expect(within(viewerList).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add a narrative or value' })).not.toBeInTheDocument();
  });
});
