import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Fear } from '@soundings/shared';
import { mockApi } from '@/testing/api-mock';
import { aFear, aPage } from '@/testing/fixtures';
import { renderWithApp } from '@/testing/render';
import { FearBoard } from './fear-board';

function serveBoard(api: ReturnType<typeof mockApi>, fears: Fear[]) {
  api.get('/fears', ({ query }) => ({ body: aPage(fears.filter((fear) => fear.status === query.get('status'))) }));
}

const column = (name: string) => screen.getByRole('region', { name });

async function resolve(user: ReturnType<typeof userEvent.setup>, statement: string) {
  await user.click(screen.getByRole('combobox', { name: `Status of “${statement}”` }));
  await user.click(await screen.findByRole('option', { name: 'Resolved' }));
}

describe('FearBoard', () => {
  const fear = aFear({ id: 'f-1', statement: 'My managers have no time to coach', version: 2 });

  it('shows each fear in its column with the words in quotes, who said it and the category', async () => {
    const api = mockApi();
    serveBoard(api, [fear, aFear({ id: 'f-2', statement: 'HR will own it, not us', status: 'addressing', category: 'loss_of_control' })]);
    renderWithApp(<FearBoard />);

    const open = await waitFor(() => column('Open'));
    expect(await within(open).findByText('“My managers have no time to coach”')).toBeInTheDocument();
    expect(within(open).getByRole('link', { name: 'Priya Raman' })).toHaveAttribute('href', '/stakeholders/s-1');
    expect(within(open).getByText('Time and workload')).toBeInTheDocument();
    expect(await within(column('Being addressed')).findByText('“HR will own it, not us”')).toBeInTheDocument();
  });

  it('moves a fear to Resolved at once and sends the change with its version', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    serveBoard(api, [fear]);
    api.patch('/fears/:id', { body: { ...fear, status: 'resolved', version: 3 }, deferred: true });
    renderWithApp(<FearBoard />);
    await screen.findByText('“My managers have no time to coach”');

    await resolve(user, fear.statement!);

    // Before the server has answered, the card is already in the Resolved column.
    expect(within(column('Resolved')).getByText('“My managers have no time to coach”')).toBeInTheDocument();
    expect(within(column('Open')).queryByText('“My managers have no time to coach”')).not.toBeInTheDocument();
    expect(api.requestsTo('PATCH', '/fears/f-1')[0].body).toEqual({ status: 'resolved', version: 2 });
    api.release();
  });

  it('puts the fear back and says why when the server refuses the change', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    serveBoard(api, [fear]);
    api.patch('/fears/:id', {
      status: 503,
      body: { statusCode: 503, error: 'Service Unavailable', code: 'database_unavailable', message: 'The database is unavailable.' },
      deferred: true,
    });
    renderWithApp(<FearBoard />);
    await screen.findByText('“My managers have no time to coach”');

    await resolve(user, fear.statement!);
    expect(within(column('Resolved')).getByText('“My managers have no time to coach”')).toBeInTheDocument();
    api.release();

    expect(await screen.findByText('The fear was not updated')).toBeInTheDocument();
    await waitFor(() => expect(within(column('Open')).getByText('“My managers have no time to coach”')).toBeInTheDocument());
    expect(within(column('Resolved')).queryByText('“My managers have no time to coach”')).not.toBeInTheDocument();
  });

  it('records a response inline', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    let stored = fear;
    api.get('/fears', ({ query }) => ({ body: aPage([stored].filter((f) => f.status === query.get('status'))) }));
    api.patch('/fears/:id', ({ body }) => {
      stored = { ...stored, ...(body as object), version: stored.version + 1 };
      return { body: stored };
    });
    renderWithApp(<FearBoard />);
    await screen.findByText('“My managers have no time to coach”');

    await user.click(screen.getByRole('button', { name: 'Record response' }));
    await user.type(screen.getByRole('textbox', { name: 'Response' }), 'One hour a month');
    await user.click(screen.getByRole('button', { name: 'Save response' }));

    await waitFor(() => expect(api.requestsTo('PATCH', '/fears/f-1')).toHaveLength(1));
    expect(api.requestsTo('PATCH', '/fears/f-1')[0].body).toEqual({ response: 'One hour a month', owner: null, version: 2 });
    expect(await screen.findByText(/One hour a month/)).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Response' })).not.toBeInTheDocument();
  });

  it('shows a viewer the status and response but nothing to change them with', async () => {
    const api = mockApi();
    serveBoard(api, [{ ...fear, response: 'One hour a month' }]);
    renderWithApp(<FearBoard />, { role: 'viewer' });

    const open = await waitFor(() => column('Open'));
    expect(await within(open).findByText('“My managers have no time to coach”')).toBeInTheDocument();
    expect(within(open).getByText('Open', { selector: '.mantine-Badge-label' })).toBeInTheDocument();
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /response/i })).not.toBeInTheDocument();
  });
});
