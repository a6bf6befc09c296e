import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApi } from '@/testing/api-mock';
import { anAuditEntry, aPage, aUser } from '@/testing/fixtures';
import { renderWithApp } from '@/testing/render';
import { AuditRoute } from './audit';

function serveAudit(api: ReturnType<typeof mockApi>) {
  api.get('/users', { body: [aUser()] });
  api.get('/stakeholders', { body: aPage([]) });
  api.get('/audit', {
    body: aPage([
      anAuditEntry({ id: '42', action: 'access.denied', entityType: null, entityId: null, stakeholderId: null, before: null, after: null }),
      anAuditEntry(),
    ]),
  });
}

describe('Audit page', () => {
  it('is for admins only', async () => {
    const api = mockApi();
    serveAudit(api);
    renderWithApp(<AuditRoute />, { role: 'viewer' });
    expect(await screen.findByText('Not available to your role')).toBeInTheDocument();
    expect(api.requestsTo('GET', '/audit')).toHaveLength(0);
  });

  it('shows each entry with who, what, the record and the changes, never copied text', async () => {
    const api = mockApi();
    serveAudit(api);
    renderWithApp(<AuditRoute />, { url: '/audit', path: '/audit', role: 'admin' });

    const table = await screen.findByRole('table', { name: 'Audit entries' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(within(rows[0]).getByText('Access denied')).toBeInTheDocument();
    expect(within(rows[1]).getByText('Stakeholder edited')).toBeInTheDocument();
    expect(within(rows[1]).getByText('Hana Lead edited Priya Shah.')).toBeInTheDocument();
    expect(within(rows[1]).getByText('Role: Senior leader → Top team')).toBeInTheDocument();
    expect(within(rows[1]).getByText('Changed the timing notes (the words themselves are never copied here).')).toBeInTheDocument();
    expect(within(rows[1]).getByRole('link', { name: 'Priya Shah' })).toHaveAttribute('href', '/stakeholders/s-1');
    expect(within(table).queryByText(/stakeholder\.update|senior_leader|timingNotes/)).not.toBeInTheDocument();
  });

  it('keeps the filters in the URL and asks the API for them', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    serveAudit(api);
    const { search } = renderWithApp(<AuditRoute />, { url: '/audit?stakeholderId=s-9', path: '/audit', role: 'admin' });
    api.get('/stakeholders/:id', { body: { id: 's-9', name: 'Priya Raman' } });
    await screen.findByRole('table', { name: 'Audit entries' });
    expect(api.requestsTo('GET', '/audit')[0].query.get('stakeholderId')).toBe('s-9');

    await user.click(screen.getByRole('combobox', { name: 'Action' }));
    await user.click(await screen.findByRole('option', { name: /Role changed/ }));
    await waitFor(() => expect(search().get('action')).toBe('user.role_change'));
    await waitFor(() => expect(api.requestsTo('GET', '/audit').at(-1)!.query.get('action')).toBe('user.role_change'));

    // A click on the person narrows the list to what they did.
    await user.click(within(screen.getByRole('table', { name: 'Audit entries' })).getAllByText('Hana Lead')[0]);
    await waitFor(() => expect(search().get('actorId')).toBe('u-1'));
    expect(search().get('stakeholderId')).toBe('s-9');
  });

  it('verifies the chain on demand: intact, or the first broken entry marked', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    serveAudit(api);
    api.get('/audit/verify', { body: { ok: true, checked: 2, brokenAt: null } });
    renderWithApp(<AuditRoute />, { url: '/audit', path: '/audit', role: 'admin' });
    await screen.findByRole('table', { name: 'Audit entries' });
    expect(api.requestsTo('GET', '/audit/verify')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Verify the chain' }));
    expect(await screen.findByText('The chain is intact')).toBeInTheDocument();
    expect(screen.getByText(/All 2 entries match their recorded hash/)).toBeInTheDocument();

    api.get('/audit/verify', { body: { ok: false, checked: 40, brokenAt: '41' } });
    await user.click(screen.getByRole('button', { name: 'Verify the chain' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('The chain is broken');
    expect(alert).toHaveTextContent('The first broken entry is #41');
    const broken = within(screen.getByRole('table', { name: 'Audit entries' })).getByText('41').closest('tr')!;
    expect(broken).toHaveAttribute('aria-current', 'true');
  });
});
