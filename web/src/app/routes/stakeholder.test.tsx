import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApi } from '@/testing/api-mock';
import { anAuditEntry, aJourney, aPage, aSounding, aStakeholder, aStakeholderInfluence } from '@/testing/fixtures';
import { renderWithApp } from '@/testing/render';
import { StakeholderRoute } from './stakeholder';

const withheld = aSounding({ id: 'snd-2', confidential: true, redacted: true, summary: null as unknown as string });

function serveJourney(api: ReturnType<typeof mockApi>) {
  api.get('/stakeholders/:id/journey', {
    body: aJourney({
      stakeholder: aStakeholder({ id: 's-1', name: 'Priya Raman' }),
      timeline: [{ kind: 'sounding', on: '2025-01-10', sounding: withheld }],
    }),
  });
  api.get('/business-functions', { body: [] });
  api.get('/stakeholders/:id/influence', { body: aStakeholderInfluence() });
  api.get('/stakeholders/:id/timing', { body: { stakeholderId: 's-1', timingNotes: null, windows: [] } });
  api.get('/priorities', ({ query }) => ({
    body: aPage(
      query.get('ownerId') === 's-1'
        ? [{ id: 'p-1', businessFunction: 'Finance', title: 'Close the books in five days', owner: null, coachingLink: 'Managers who coach can delegate the close', createdAt: '', updatedAt: '', version: 1 }]
        : [],
    ),
  }));
  api.get('/relationships', {
    body: aPage([
      {
        id: 'r-1',
        stakeholder: { id: 's-1', name: 'Priya Raman', title: null, role: 'top_team', businessFunction: 'Finance', potentialChampion: false, commitment: 'sounded', requiredCommitment: 'committed', onBoard: false },
        holder: { type: 'champion', id: 's-7', name: 'Sam Patel', commitment: 'committed' },
        quality: 'avoid',
        note: 'They clashed over the budget',
        createdAt: '2025-01-10T09:00:00.000Z',
        updatedAt: '2025-01-10T09:00:00.000Z',
        version: 1,
      },
    ]),
  });
}

const open = (role: 'viewer' | 'practitioner' | 'admin') =>
  renderWithApp(<StakeholderRoute />, { url: '/stakeholders/s-1', path: '/stakeholders/:stakeholderId', role });

describe('Stakeholder page', () => {
  // The dialog loads on first opening; here its module is loaded up front, so a test's clock does not count Jest
  // compiling it.
  beforeAll(() => import('@/features/priorities/components/priority-form-modal'), 60_000);
  it('offers practitioners every change: edit, level change, log a sounding', async () => {
    const api = mockApi();
    serveJourney(api);
    open('practitioner');
    await screen.findByRole('heading', { name: 'Priya Raman' });
    expect(screen.getByRole('button', { name: 'Edit details' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Record a level change' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Log a sounding' })).toBeInTheDocument();
  });

  it('says who holds the relationship and how well, in words; practitioners may change it, viewers not', async () => {
    const api = mockApi();
    serveJourney(api);
    const { unmount } = open('practitioner');
    const section = await screen.findByRole('region', { name: 'Who holds the relationship' });
    expect(await within(section).findByText('Sam Patel')).toBeInTheDocument();
    expect(within(section).getByText('Avoid')).toBeInTheDocument();
    expect(within(section).getByText('They clashed over the budget')).toBeInTheDocument();
    expect(within(section).getByRole('button', { name: 'Add' })).toBeInTheDocument();
    expect(within(section).getByRole('button', { name: /^Sam Patel.*Avoid.*Change or remove$/ })).toBeInTheDocument();
    expect(api.requestsTo('GET', '/relationships')[0].query.get('stakeholderId')).toBe('s-1');
    unmount();

    open('viewer');
    const readOnly = await screen.findByRole('region', { name: 'Who holds the relationship' });
    expect(await within(readOnly).findByText('Sam Patel')).toBeInTheDocument();
    expect(within(readOnly).queryByRole('button')).not.toBeInTheDocument();
  });

  // It fills a whole dialog's form, which takes a loaded machine longer than the default.
  it('lists the priorities they own; a practitioner adds one they own, in their function', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    serveJourney(api);
    api.post('/priorities', ({ body }) => ({ status: 201, body: { id: 'p-2', owner: null, createdAt: '', updatedAt: '', version: 1, ...(body as object) } }));
    open('practitioner');
    const section = await screen.findByRole('region', { name: 'Priorities they own' });
    expect(await within(section).findByText('Close the books in five days')).toBeInTheDocument();
    expect(within(section).getByText('Managers who coach can delegate the close')).toBeInTheDocument();

    await user.click(within(section).getByRole('button', { name: 'Add a priority Priya Raman owns' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a business priority' });
    expect(within(dialog).getByRole('combobox', { name: /Business function/ })).toHaveValue('Finance');
    await user.type(within(dialog).getByRole('textbox', { name: /^Priority/ }), 'Free up working capital');
    await user.click(within(dialog).getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(api.requestsTo('POST', '/priorities')).toHaveLength(1));
    expect(api.requestsTo('POST', '/priorities')[0].body).toEqual({ businessFunction: 'Finance', title: 'Free up working capital', ownerId: 's-1', coachingLink: null });
  }, 60_000);

  it('offers a viewer no write control, and shows that a confidential sounding happened without its words', async () => {
    const api = mockApi();
    serveJourney(api);
    open('viewer');
    await screen.findByRole('heading', { name: 'Priya Raman' });
    expect(screen.queryByRole('button', { name: 'Edit details' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Record a level change' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Log a sounding' })).not.toBeInTheDocument();
    expect(screen.getByText('Confidential')).toBeInTheDocument();
    // Once in the timeline, once in the next-step card.
    expect(screen.getAllByText('Confidential: only its author and admins can read it.')).toHaveLength(2);
    // The next step agreed in a withheld sounding is withheld too, not reported as "none agreed".
    const nextStep = screen.getByRole('region', { name: 'Next step' });
    expect(within(nextStep).getByText('Confidential: only its author and admins can read it.')).toBeInTheDocument();
    expect(within(nextStep).queryByText(/No next step agreed/)).not.toBeInTheDocument();
  });

  it('shows admins the history of changes to this person; nobody else asks for it', async () => {
    const api = mockApi();
    serveJourney(api);
    api.get('/stakeholders/:id/history', {
      body: aPage([anAuditEntry({ action: 'sounding.read_confidential', entityType: 'sounding', entityId: 'snd-2', before: null, after: null })]),
    });
    const { unmount } = open('admin');
    const history = await screen.findByRole('region', { name: 'History' });
    expect(await within(history).findByText('Confidential sounding read')).toBeInTheDocument();
    // Who read it, by the name they go by.
    expect(within(history).getAllByText(/Hana Lead/).length).toBeGreaterThan(0);
    expect(within(history).getByRole('link', { name: /in the audit trail/i })).toHaveAttribute('href', '/audit?stakeholderId=s-1');
    unmount();

    open('practitioner');
    await screen.findByRole('heading', { name: 'Priya Raman' });
    expect(screen.queryByRole('region', { name: 'History' })).not.toBeInTheDocument();
    expect(api.requestsTo('GET', '/stakeholders/:id/history')).toHaveLength(1);
  });

  it('says an erased person was erased and offers no write control, not even erasure again', async () => {
    const api = mockApi();
    api.get('/stakeholders/:id/journey', {
      body: aJourney({ stakeholder: aStakeholder({ id: 's-1', name: 'Erased person', erasedAt: '2026-11-20T10:00:00.000Z' }), timeline: [] }),
    });
    api.get('/stakeholders/:id/history', { body: aPage([]) });
    open('admin');
    await screen.findByRole('heading', { name: 'Erased person' });
    expect(screen.getByText('This person was erased')).toBeInTheDocument();
    expect(screen.getByText(/nothing more can be recorded about them/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Edit details' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Record a level change' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Log (a|the first) sounding/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Erase this person' })).not.toBeInTheDocument();
    // Export stays: a subject-access request can still be answered.
    expect(screen.getByRole('button', { name: 'Export everything (JSON)' })).toBeInTheDocument();
  });
});
