import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { aNetworkNode } from '@/features/coalition/network-fixtures';
import { mockApi } from '@/testing/api-mock';
import { renderWithApp } from '@/testing/render';
import { CoalitionGridRoute } from './coalition-grid';

describe('Power grid page', () => {
  it('lists the high-influence people short of their required level, most influence first, and opens them', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    api.get('/coalition/network', {
      body: {
        nodes: [
          aNetworkNode({ id: 'dana', name: 'Dana Okafor', commitment: 'open', requiredCommitment: 'committed', influenceScore: 12, lookedToBy: 4 }),
          aNetworkNode({ id: 'raj', name: 'Raj Menon', commitment: 'sounded', requiredCommitment: 'supportive', influenceScore: 15, lookedToBy: 6 }),
          aNetworkNode({ id: 'mei', name: 'Mei Tan', commitment: 'committed', requiredCommitment: 'supportive', influenceScore: 20 }),
          aNetworkNode({ id: 'lou', name: 'Lou Ito', commitment: 'sounded', requiredCommitment: 'committed', influenceScore: 2 }),
        ],
        links: [],
      },
    });
    const { router } = renderWithApp(<CoalitionGridRoute />, { url: '/coalition/grid', path: '/coalition/grid', otherRoutes: ['/stakeholders/:id'] });

    const list = await screen.findByRole('region', { name: 'High influence, not yet where they must be' });
    expect(within(list).getAllByRole('link').map((link) => link.textContent)).toEqual(['Raj Menon', 'Dana Okafor']);
    expect(within(list).getByText(/must reach Supportive: 2 steps to go/)).toBeInTheDocument();

    // In the grid each person is a link that says where they must get to.
    const grid = screen.getByRole('table');
    expect(within(grid).getByRole('columnheader', { name: 'Resistant' })).toBeInTheDocument();
    expect(within(grid).getByRole('link', { name: /Lou Ito · 2 needs Committed/ })).toBeInTheDocument();
    expect(within(grid).getByRole('link', { name: /Mei Tan · 20$/ })).toBeInTheDocument();

    await user.click(within(list).getByRole('link', { name: 'Raj Menon' }));
    expect(router.location.pathname).toBe('/stakeholders/raj');
  });
});
