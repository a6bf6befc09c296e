import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Expectation, Page } from '@soundings/shared';
import { mockApi } from '@/testing/api-mock';
import { aCoalitionMember, anExpectation } from '@/testing/fixtures';
import { renderWithApp } from '@/testing/render';
import { ExpectationsRoute } from './expectations';

const dana = aCoalitionMember({ id: 's-dana', name: 'Dana Okafor', role: 'top_team' });
const liam = aCoalitionMember({ id: 's-liam', name: 'Liam Murphy', role: 'line_manager', businessFunction: 'Sales' });
const items: Expectation[] = [
  anExpectation({ id: 'e-1', stakeholder: dana, expectation: 'Every manager coached by March', realistic: false }),
  anExpectation({ id: 'e-2', stakeholder: dana, expectation: 'Quarterly updates', toldBy: { type: 'champion', id: 's-sam', name: 'Sam Patel' } }),
  anExpectation({ id: 'e-3', stakeholder: liam, expectation: 'A pilot in Sales by June', status: 'at_risk' }),
];

function serve(api: ReturnType<typeof mockApi>) {
  api.get('/expectations', ({ query }) => {
    const shown = items.filter(
      (item) => (query.get('realistic') === null || String(item.realistic) === query.get('realistic')) && (query.get('status') === null || item.status === query.get('status')),
    );
    return { body: { items: shown, total: shown.length, totalIsEstimate: false, page: 1, pageSize: 50 } satisfies Page<Expectation> };
  });
}

describe('Expectations register page', () => {
  it('shows a card per person, the top team first, each expectation with its status, realism and teller in words', async () => {
    const api = mockApi();
    serve(api);
    renderWithApp(<ExpectationsRoute />);

    const people = await screen.findAllByRole('heading', { level: 2 });
    expect(people.map((heading) => heading.textContent)).toEqual(['Dana Okafor', 'Liam Murphy']);
    const danaCard = screen.getByRole('region', { name: 'Dana Okafor' });
    expect(within(danaCard).getByText('Every manager coached by March')).toBeInTheDocument();
    expect(within(danaCard).getByText('Unrealistic')).toBeInTheDocument();
    expect(within(danaCard).getByText('Told by Sam Patel (champion) on 2 Nov 2026')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Liam Murphy' })).getByText('At risk')).toBeInTheDocument();
  });

  it('filters to the unrealistic or the at-risk ones through the API', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    serve(api);
    renderWithApp(<ExpectationsRoute />);
    await screen.findByText('Quarterly updates');

    await user.click(screen.getByRole('radio', { name: 'Unrealistic' }));
    await waitFor(() => expect(screen.queryByText('Quarterly updates')).not.toBeInTheDocument());
    expect(screen.getByText('Every manager coached by March')).toBeInTheDocument();
    expect(api.requests.at(-1)?.query.get('realistic')).toBe('false');

    await user.click(screen.getByRole('radio', { name: 'At risk' }));
    await waitFor(() => expect(screen.queryByText('Every manager coached by March')).not.toBeInTheDocument());
    expect(screen.getByText('A pilot in Sales by June')).toBeInTheDocument();
    expect(api.requests.at(-1)?.query.get('status')).toBe('at_risk');
  });

  it('withdraws an expectation with the version it showed, keeping the teller on record', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    serve(api);
    api.get('/relationships/holder-accounts', { body: [{ type: 'account', id: 'u-hana', name: 'Hana Lead', commitment: null }] });
    api.patch('/expectations/:id', ({ body }) => ({ body: { ...items[0], ...(body as object), version: 3 } }));
    renderWithApp(<ExpectationsRoute />);

    await user.click(await screen.findByRole('button', { name: /Every manager coached by March/ }));
    const dialog = await screen.findByRole('dialog', { name: 'What Dana Okafor expects' });
    expect(within(dialog).getByRole('radio', { name: /^Unrealistic/ })).toBeChecked();
    await user.click(within(dialog).getByRole('radio', { name: 'Withdrawn' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(api.requestsTo('PATCH', '/expectations/e-1')).toHaveLength(1));
    expect(api.requestsTo('PATCH', '/expectations/e-1')[0].body).toEqual({
      expectation: 'Every manager coached by March',
      toldOn: '2026-11-02',
      realistic: false,
      status: 'withdrawn',
      note: null,
      version: 2,
    });
  });

  it('offers a viewer nothing to change', async () => {
    const api = mockApi();
    serve(api);
    renderWithApp(<ExpectationsRoute />, { role: 'viewer' });
    await screen.findByText('Quarterly updates');
    expect(screen.queryByRole('button', { name: /Quarterly updates/ })).not.toBeInTheDocument();
  });
});
