import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Initiative } from '@soundings/shared';
import { mockApi } from '@/testing/api-mock';
import { aCoalitionMember, aPage, aStakeholder } from '@/testing/fixtures';
import { renderWithApp } from '@/testing/render';
import { ProgrammeRoute } from './programme';

const dana = aCoalitionMember({ id: 's-dana', name: 'Dana Okafor', role: 'top_team' });
const sam = aCoalitionMember({ id: 's-sam', name: 'Sam Reed' });

function anInitiative(overrides: Partial<Initiative>): Initiative {
  return {
    id: 'i-1',
    title: 'Initiative',
    kind: 'update',
    heldOn: '2030-01-01',
    owner: null,
    description: null,
    involved: [],
    createdAt: '2026-01-01T09:00:00.000Z',
    updatedAt: '2026-01-01T09:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

function serveProgramme(api: ReturnType<typeof mockApi>) {
  api.get('/initiatives', ({ query }) => ({
    body: query.get('from')
      ? // Newest day first, as the API lists them.
        aPage([
          anInitiative({ id: 'i-late', title: 'Sales showcase', kind: 'showcase', heldOn: '2030-03-10', owner: dana, involved: [sam] }),
          anInitiative({ id: 'i-soon', title: 'Quarterly update', heldOn: '2030-02-01' }),
        ])
      : aPage([anInitiative({ id: 'i-held', title: 'Finance leadership breakfast', kind: 'event', heldOn: '2026-01-05', owner: sam, involved: [dana, sam] })]),
  }));
  api.get('/stakeholders', { body: aPage([aStakeholder({ id: 's-dana', name: 'Dana Okafor' }), aStakeholder({ id: 's-sam', name: 'Sam Reed' })]) });
}

describe('Programme page', () => {
  it('lists what is coming up soonest first and what was held, with owners, HR-led ones marked, and the people involved', async () => {
    const api = mockApi();
    serveProgramme(api);
    renderWithApp(<ProgrammeRoute />, { url: '/programme' });

    const coming = await screen.findByRole('list', { name: 'Coming up' });
    const items = within(coming).getAllByRole('listitem');
    expect(items.map((item) => within(item).getByText(/^(Quarterly update|Sales showcase)$/).textContent)).toEqual(['Quarterly update', 'Sales showcase']);
    expect(within(items[0]).getByText('HR-led')).toBeInTheDocument();
    expect(within(items[0]).getByText('Owner: HR')).toBeInTheDocument();
    expect(within(items[1]).queryByText('HR-led')).not.toBeInTheDocument();
    expect(within(items[1]).getByRole('link', { name: 'Dana Okafor' })).toHaveAttribute('href', '/stakeholders/s-dana');
    expect(within(items[1]).getByRole('link', { name: 'Sam Reed' })).toHaveAttribute('href', '/stakeholders/s-sam');

    const held = await screen.findByRole('list', { name: 'Held' });
    expect(within(held).getByText('Finance leadership breakfast')).toBeInTheDocument();
    expect(api.requestsTo('GET', '/initiatives').map((request) => [request.query.has('from'), request.query.has('to')])).toEqual(
      expect.arrayContaining([
        [true, false],
        [false, true],
      ]),
    );
  });

  it('nudges towards a leader owning a new initiative, and sends the owner and the people involved', async () => {
    const api = mockApi();
    serveProgramme(api);
    api.post('/initiatives', ({ body }) => ({ status: 201, body: anInitiative({ ...(body as object), id: 'i-new', owner: dana, involved: [sam] }) }));
    const user = userEvent.setup({ delay: null });
    renderWithApp(<ProgrammeRoute />, { url: '/programme' });

    await user.click(await screen.findByRole('button', { name: 'New initiative' }));
    const dialog = await screen.findByRole('dialog', { name: 'New initiative' });
    expect(within(dialog).getByText(/A leader should own this where possible/)).toBeInTheDocument();

    await user.type(within(dialog).getByRole('textbox', { name: 'Title' }), 'IT leadership showcase');
    fireEvent.change(within(dialog).getByLabelText(/Held on/), { target: { value: '2030-04-02' } });
    await user.click(within(dialog).getByRole('combobox', { name: 'Owner' }));
    await user.click(await screen.findByRole('option', { name: 'Dana Okafor' }));
    expect(within(dialog).queryByText(/A leader should own this where possible/)).not.toBeInTheDocument();
    await user.click(within(dialog).getByRole('combobox', { name: 'Add a person involved' }));
    await user.click(await screen.findByRole('option', { name: 'Sam Reed' }));
    expect(within(within(dialog).getByRole('list', { name: 'People involved' })).getByText('Sam Reed')).toBeInTheDocument();

    await user.click(within(dialog).getByRole('button', { name: 'Add initiative' }));
    await waitFor(() => expect(api.requestsTo('POST', '/initiatives')).toHaveLength(1));
    expect(api.requestsTo('POST', '/initiatives')[0].body).toEqual({
      title: 'IT leadership showcase',
      kind: 'update',
      heldOn: '2030-04-02',
      ownerId: 's-dana',
      description: null,
      involvedIds: ['s-sam'],
    });
  }, 60_000);

  it('lets a viewer read the programme without offering to change it', async () => {
    const api = mockApi();
    serveProgramme(api);
    renderWithApp(<ProgrammeRoute />, { url: '/programme', role: 'viewer' });
    expect(await screen.findByRole('list', { name: 'Coming up' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'New initiative' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Edit/ })).not.toBeInTheDocument();
  });
});
