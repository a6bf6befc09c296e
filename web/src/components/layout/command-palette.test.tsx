import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApi } from '@/testing/api-mock';
import { aPage, aStakeholder } from '@/testing/fixtures';
import { renderWithApp } from '@/testing/render';
import { AppLayout } from './app-layout';
import { matchingDestinations } from './command-palette';

describe('command palette', () => {
  it('Ctrl K finds a person through the server’s search and Enter opens their page', async () => {
    const api = mockApi();
    api.get('/stakeholders', (request) => ({
      body: aPage(request.query.get('q') === 'zoe' ? [aStakeholder({ id: 'b3f1c1f0-0000-4000-8000-000000000001', name: 'Zoë Hart', title: 'Chief People Officer' })] : []),
    }));
    const user = userEvent.setup();
    const { router } = renderWithApp(<AppLayout>page</AppLayout>, { url: '/dashboard', otherRoutes: ['/stakeholders/:id'] });

    await user.keyboard('{Control>}k{/Control}');
    const dialog = await screen.findByRole('dialog', { name: 'Go to a person or a page' });
    await user.type(within(dialog).getByRole('combobox', { name: 'Name or page' }), 'zoe');
    const person = await within(dialog).findByRole('option', { name: /Zoë Hart/ });
    expect(person).toHaveAttribute('aria-selected', 'true');
    expect(api.requests.some((request) => request.path === '/stakeholders' && request.query.get('q') === 'zoe')).toBe(true);

    await user.keyboard('{Enter}');
    expect(router.location.pathname).toBe('/stakeholders/b3f1c1f0-0000-4000-8000-000000000001');
  });

  it('offers the pages a role may open, matched on their names and descriptions', () => {
    const pages = [
      { to: '/fears', label: 'Fears', description: 'What they worry about' },
      { to: '/briefings', label: 'Briefing plan', description: 'Who briefs the top team' },
    ];
    expect(matchingDestinations(pages, 'worry').map((page) => page.to)).toEqual(['/fears']);
    expect(matchingDestinations(pages, ' BRIEF ').map((page) => page.to)).toEqual(['/briefings']);
    expect(matchingDestinations(pages, '')).toHaveLength(2);
  });
});
