import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Page, Expectation } from '@soundings/shared';
import { mockApi } from '@/testing/api-mock';
import { anExpectation } from '@/testing/fixtures';
import { renderWithApp } from '@/testing/render';
import { ExpectationsSection } from './expectations-section';

const priya = { id: 's-1', name: 'Priya Raman' };

function serve(api: ReturnType<typeof mockApi>, items: Expectation[]) {
  api.get('/expectations', { body: { items, total: items.length, totalIsEstimate: false, page: 1, pageSize: 100 } satisfies Page<Expectation> });
}

describe('What they expect, on a person’s page', () => {
  // The dialog loads on first opening; here its module is loaded up front, so a test's clock does not count Jest
  // compiling it.
  beforeAll(() => import('./expectation-form-modal'), 60_000);
  it('lists what they were told, says how many need resetting, and marks realism and status in words', async () => {
    const api = mockApi();
    serve(api, [
      anExpectation({ id: 'e-1', expectation: 'A coach for every direct report by March', realistic: false }),
      anExpectation({ id: 'e-2', expectation: 'Quarterly updates', status: 'met' }),
    ]);
    renderWithApp(<ExpectationsSection stakeholder={priya} canWrite renderChampionPicker={() => null} />);

    const section = await screen.findByRole('region', { name: 'What they expect' });
    await within(section).findByText('A coach for every direct report by March');
    expect(within(section).getByText('1 needs resetting: at risk or unrealistic')).toBeInTheDocument();
    expect(within(section).getByText('Unrealistic')).toBeInTheDocument();
    expect(within(section).getByText('Met')).toBeInTheDocument();
    expect(within(section).getAllByText('Told by Hana Lead on 2 Nov 2026')).toHaveLength(2);
    expect(api.requests[0].query.get('stakeholderId')).toBe('s-1');
  });

  // It fills a whole dialog's form, which takes a loaded machine longer than the default.
  it('records a new one told by the signed-in account, leaving the teller to the API, and asks whether it is realistic first', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    serve(api, []);
    api.post('/expectations', ({ body }) => ({ status: 201, body: anExpectation({ ...(body as object), id: 'e-9' }) }));
    renderWithApp(<ExpectationsSection stakeholder={priya} canWrite renderChampionPicker={() => null} />);

    await screen.findByText('Nothing recorded about what Priya Raman was told to expect.');
    await user.click(screen.getByRole('button', { name: 'Record an expectation' }));
    const dialog = await screen.findByRole('dialog', { name: 'What was Priya Raman told to expect?' });
    await user.type(within(dialog).getByRole('textbox', { name: /What they were told to expect/ }), 'A pilot in Finance by June');
    await user.click(within(dialog).getByRole('button', { name: 'Record' }));
    expect(await within(dialog).findByText('Say whether it is realistic.')).toBeInTheDocument();
    expect(api.requestsTo('POST', '/expectations')).toHaveLength(0);

    await user.click(within(dialog).getByRole('radio', { name: /^Realistic/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Record' }));
    await waitFor(() => expect(api.requestsTo('POST', '/expectations')).toHaveLength(1));
    expect(api.requestsTo('POST', '/expectations')[0].body).toEqual({
      stakeholderId: 's-1',
      expectation: 'A pilot in Finance by June',
      toldOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      realistic: true,
      status: 'open',
      note: null,
    });
  }, 60_000);

  it('offers a viewer nothing to add or change', async () => {
    const api = mockApi();
    serve(api, [anExpectation({})]);
    renderWithApp(<ExpectationsSection stakeholder={priya} canWrite={false} renderChampionPicker={() => null} />, { role: 'viewer' });
    const section = await screen.findByRole('region', { name: 'What they expect' });
    await within(section).findByText('A coach for each of her direct reports');
    expect(within(section).queryByRole('button')).not.toBeInTheDocument();
  });
});
