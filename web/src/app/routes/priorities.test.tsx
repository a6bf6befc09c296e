import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CoalitionMember, Priority } from '@soundings/shared';
import { mockApi } from '@/testing/api-mock';
import { aPage } from '@/testing/fixtures';
import { renderWithApp } from '@/testing/render';
import { PrioritiesRoute } from './priorities';

const owner: CoalitionMember = {
  id: 's-1',
  name: 'Priya Raman',
  title: 'Chief Financial Officer',
  role: 'top_team',
  businessFunction: 'Finance',
  potentialChampion: false,
  commitment: 'supportive',
  requiredCommitment: 'committed',
  onBoard: true,
};

function priority(id: string, businessFunction: string, title: string, overrides: Partial<Priority> = {}): Priority {
  return { id, businessFunction, title, owner: null, coachingLink: null, createdAt: '', updatedAt: '', version: 1, ...overrides };
}

const priorities = [
  priority('p-close', 'Finance', 'Close the books in five days', { owner, coachingLink: 'Managers who coach can delegate the close' }),
  priority('p-up', 'IT', 'Keep the platform up'),
  priority('p-cap', 'Finance', 'Allocate capital faster'),
];

describe('Business priorities page', () => {
  it('groups the priorities by function, each with its owner, where they stand and how coaching serves it', async () => {
    const api = mockApi();
    api.get('/priorities', { body: aPage(priorities) });
    renderWithApp(<PrioritiesRoute />, { role: 'viewer' });

    const finance = await screen.findByRole('region', { name: 'Finance' });
    expect(screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent)).toEqual(['Finance', 'IT']);
    expect(within(finance).getAllByRole('listitem').map((item) => item.querySelector('p')?.textContent)).toEqual([
      'Allocate capital faster',
      'Close the books in five days',
    ]);
    expect(within(finance).getByRole('link', { name: 'Priya Raman' })).toHaveAttribute('href', '/stakeholders/s-1');
    expect(within(finance).getByText('Supportive')).toBeInTheDocument();
    expect(within(finance).getByText('Managers who coach can delegate the close')).toBeInTheDocument();
    expect(within(finance).getByText('No owner named')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Add a priority|Edit/ })).not.toBeInTheDocument();
  });

  it('lets a practitioner add a priority and shows the server\'s refusal of a duplicate next to the title', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    api.get('/priorities', { body: aPage(priorities) });
    api.get('/business-functions', { body: [{ name: 'Finance', stakeholders: 4 }] });
    api.get('/stakeholders', { body: aPage([]) });
    api.post('/priorities', {
      status: 409,
      body: { statusCode: 409, error: 'Conflict', code: 'conflict', message: 'Finance already has it', fields: [{ field: 'title', message: 'is already a priority of Finance' }] },
    });
    renderWithApp(<PrioritiesRoute />, { role: 'practitioner' });

    await user.click(await screen.findByRole('button', { name: 'Add a priority' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a business priority' });
    await user.click(within(dialog).getByRole('button', { name: 'Add' }));
    expect(within(dialog).getByText('Name the function whose priority it is.')).toBeInTheDocument();
    expect(api.requestsTo('POST', '/priorities')).toHaveLength(0);

    await user.type(within(dialog).getByRole('combobox', { name: /Business function/ }), 'Finance');
    await user.type(within(dialog).getByRole('textbox', { name: /^Priority/ }), 'allocate capital faster');
    await user.click(within(dialog).getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(api.requestsTo('POST', '/priorities')).toHaveLength(1));
    expect(api.requestsTo('POST', '/priorities')[0].body).toEqual({ businessFunction: 'Finance', title: 'allocate capital faster', ownerId: null, coachingLink: null });
    expect(await within(dialog).findByText('Is already a priority of Finance.')).toBeInTheDocument();
  });
});
