import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApi } from '@/testing/api-mock';
import { aContactCadence, aPage, aStakeholder } from '@/testing/fixtures';
import { renderWithApp } from '@/testing/render';
import { StakeholdersRoute } from './stakeholders';

function serveStakeholders(api: ReturnType<typeof mockApi>) {
  api.get('/saved-views', { body: [] });
  api.get('/business-functions', { body: [{ name: 'Finance', stakeholders: 2 }, { name: 'IT', stakeholders: 1 }] });
  api.get('/stakeholders', {
    body: aPage([
      aStakeholder({
        id: 's-1',
        name: 'Priya Raman',
        commitment: 'sounded',
        commitmentGap: 3,
        requiredCommitment: 'committed',
        lastContactAt: null,
        contact: aContactCadence({ lastContactOn: null, lastContactKind: null, daysSinceContact: null, state: 'never' }),
      }),
      aStakeholder({
        id: 's-2',
        name: 'Tom Okafor',
        title: 'CIO',
        businessFunction: 'IT',
        commitment: 'supportive',
        commitmentGap: 0,
        requiredCommitment: 'supportive',
        openFears: 0,
        lastContactAt: '2024-06-01',
        nextFollowUpOn: '2024-07-01',
        contact: aContactCadence({ lastContactOn: '2024-06-01', daysSinceContact: 30, state: 'due' }),
      }),
    ]),
  });
}

describe('Stakeholders page', () => {
  it('shows each person with their ladder badge, the gap to the required level and their cadence state', async () => {
    const api = mockApi();
    serveStakeholders(api);
    renderWithApp(<StakeholdersRoute />, { url: '/stakeholders', path: '/stakeholders' });

    const table = await screen.findByRole('table', { name: 'Stakeholders' });
    const priya = within(table).getByText('Priya Raman').closest('tr') as HTMLElement;
    expect(within(priya).getByText('Sounded')).toBeInTheDocument();
    expect(within(priya).getByText('3 steps to Committed')).toBeInTheDocument();
    expect(within(priya).getByText('Never')).toBeInTheDocument();
    expect(within(priya).queryByText('No contact yet')).not.toBeInTheDocument();
    expect(within(priya).queryByText('Due a contact')).not.toBeInTheDocument();
    const tom = within(table).getByText('Tom Okafor').closest('tr') as HTMLElement;
    expect(within(tom).getByText('Meets Supportive')).toBeInTheDocument();
    expect(within(tom).getByText('Due a contact').closest('[title]')).toHaveAttribute('title', 'Past their ideal contact interval of 21 days');
    // Said relatively, with the exact day on hover and in the markup.
    expect(within(tom).getByText(/^Follow-up was due/)).toBeInTheDocument();
    expect(tom.querySelector('time[datetime="2024-07-01"]')).toHaveTextContent(/ago$/);
  });

  it('writes the filters to the URL and asks the API for exactly that list', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    serveStakeholders(api);
    const { router, search } = renderWithApp(<StakeholdersRoute />, { url: '/stakeholders', path: '/stakeholders' });
    await screen.findByRole('table', { name: 'Stakeholders' });

    await user.click(screen.getByRole('combobox', { name: 'Commitment' }));
    await user.click(await screen.findByRole('option', { name: 'Open' }));
    await waitFor(() => expect(search().get('commitment')).toBe('open'));

    await user.click(screen.getByRole('checkbox', { name: 'Cooling' }));
    await waitFor(() => expect(search().get('cooling')).toBe('true'));

    await user.click(screen.getByRole('button', { name: /last contact/i }));
    await waitFor(() => expect(search().get('sort')).toBe('lastContact'));

    await waitFor(() => {
      const last = api.requestsTo('GET', '/stakeholders').at(-1)!;
      expect(Object.fromEntries(last.query)).toMatchObject({ commitment: 'open', cooling: 'true', sort: 'lastContact' });
    });

    // The back button undoes the last change.
    act(() => void router.navigate(-1));
    await waitFor(() => expect(search().get('sort')).toBeNull());
    expect(search().get('cooling')).toBe('true');
  });

  it('debounces the search box into a single q= in the URL', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    serveStakeholders(api);
    const { search } = renderWithApp(<StakeholdersRoute />, { url: '/stakeholders', path: '/stakeholders' });
    await screen.findByRole('table', { name: 'Stakeholders' });
    const listCallsBefore = api.requestsTo('GET', '/stakeholders').length;

    await user.type(screen.getByRole('textbox', { name: 'Search stakeholders' }), 'priya');

    await waitFor(() => expect(search().get('q')).toBe('priya'));
    await waitFor(() => expect(api.requestsTo('GET', '/stakeholders').at(-1)!.query.get('q')).toBe('priya'));
    expect(api.requestsTo('GET', '/stakeholders').length).toBe(listCallsBefore + 1);
  });

  it('reads a shared link: the filters in the URL are applied on arrival and shown in the controls', async () => {
    const api = mockApi();
    serveStakeholders(api);
    renderWithApp(<StakeholdersRoute />, { url: '/stakeholders?overdue=true&role=top_team&page=2', path: '/stakeholders' });

    await screen.findByRole('table', { name: 'Stakeholders' });
    const [request] = api.requestsTo('GET', '/stakeholders');
    expect(Object.fromEntries(request.query)).toMatchObject({ overdue: 'true', role: 'top_team', page: '2' });
    expect(screen.getByRole('checkbox', { name: 'Follow-up overdue' })).toBeChecked();
    // A multi-value filter shows each chosen value as a pill.
    expect(screen.getAllByText('Top team').some((element) => element.classList.contains('mantine-Pill-label'))).toBe(true);
  });

  it('explains how to load the demo organisation when there is no one yet', async () => {
    const api = mockApi();
    api.get('/business-functions', { body: [] });
    api.get('/stakeholders', { body: aPage([]) });
    renderWithApp(<StakeholdersRoute />, { url: '/stakeholders', path: '/stakeholders' });

    expect(await screen.findByText('No stakeholders yet')).toBeInTheDocument();
    expect(screen.getByText('npm run seed:demo')).toBeInTheDocument();
  });

  it('shows the API field messages next to the fields of the add form', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    serveStakeholders(api);
    api.post('/stakeholders', {
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        code: 'validation_failed',
        message: 'Validation failed',
        fields: [{ field: 'email', message: 'Email is already used by Tom Okafor' }],
      },
    });
    renderWithApp(<StakeholdersRoute />, { url: '/stakeholders', path: '/stakeholders' });
    await screen.findByRole('table', { name: 'Stakeholders' });

    await user.click(screen.getAllByRole('button', { name: 'Add stakeholder' })[0]);
    const dialog = await screen.findByRole('dialog', { name: 'Add a stakeholder' });
    await user.click(within(dialog).getByRole('button', { name: 'Add stakeholder' }));
    expect(within(dialog).getByText('Enter their name.')).toBeInTheDocument();
    expect(api.requestsTo('POST', '/stakeholders')).toHaveLength(0);

    await user.type(within(dialog).getByRole('textbox', { name: /name/i }), 'Ada');
    await user.type(within(dialog).getByRole('textbox', { name: /email/i }), 'tom@example.com');
    await user.click(within(dialog).getByRole('button', { name: 'Add stakeholder' }));

    expect(await within(dialog).findByText('Email is already used by Tom Okafor')).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: /email/i })).toHaveAttribute('aria-invalid', 'true');
  });
});
