import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { StakeholderInfluence } from '@soundings/shared';
import { mockApi } from '@/testing/api-mock';
import { aCoalitionMember, anInfluenceTie, aPage, aStakeholder, aStakeholderInfluence } from '@/testing/fixtures';
import { renderWithApp } from '@/testing/render';
import { WhoTheyLookTo } from './who-they-look-to';

const priya = { id: 's-1', name: 'Priya Raman' };

const influence: StakeholderInfluence = aStakeholderInfluence({
  looksTo: [
    anInfluenceTie({ person: aCoalitionMember({ id: 's-2', name: 'Sam Lee', commitment: 'committed' }), strength: 3, influenceId: 'inf-1', note: 'Trusts his numbers' }),
    anInfluenceTie({ person: aCoalitionMember({ id: 's-3', name: 'Mo Boss', commitment: 'resistant', onBoard: false }), via: 'reporting_line', influenceId: null }),
  ],
  lookedToBy: [anInfluenceTie({ person: aCoalitionMember({ id: 's-4', name: 'Fran Follower', commitment: 'open', onBoard: false }), kind: 'mentor', strength: 1, influenceId: 'inf-2' })],
  summary: {
    looksTo: 2,
    onBoard: 1,
    resistant: 1,
    lookedToBy: 1,
    text: '1 of the 2 people Priya Raman looks to is on board; 1 is resistant. 1 person looks to Priya Raman.',
  },
});

function serve(api: ReturnType<typeof mockApi>, answer: StakeholderInfluence = influence) {
  api.get('/stakeholders/:id/influence', { body: answer });
}

describe('WhoTheyLookTo', () => {
  it('says where the people they look to stand and lists every tie with its level and strength; a viewer gets no write controls', async () => {
    const api = mockApi();
    serve(api);
    renderWithApp(<WhoTheyLookTo person={priya} canWrite={false} />, { role: 'viewer' });

    const section = await screen.findByRole('region', { name: 'Who they look to' });
    expect(await within(section).findByText(influence.summary.text)).toBeInTheDocument();
    const looksTo = within(section).getByRole('list', { name: 'Priya Raman looks to' });
    const rows = within(looksTo).getAllByRole('listitem');
    expect(rows.map((row) => row.textContent)).toEqual([
      'Sam LeeCommittedLooked to · Decisive — Trusts his numbers',
      'Mo BossResistantManager (reporting line) · Strong',
    ]);
    expect(within(rows[0]).getByRole('link', { name: 'Sam Lee' })).toHaveAttribute('href', '/stakeholders/s-2');
    const lookedToBy = within(section).getByRole('list', { name: 'Who looks to Priya Raman' });
    expect(lookedToBy.textContent).toBe('Fran FollowerOpenMentored by Priya Raman · Some');
    expect(within(section).getAllByText('None on record.')).toHaveLength(2);
    expect(within(section).queryByRole('button')).not.toBeInTheDocument();
  });

  it('adds a link through the dialog, with the direction in words, and shows the new summary', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    serve(api, aStakeholderInfluence());
    api.get('/stakeholders', { body: aPage([aStakeholder({ id: 's-9', name: 'Ana Mentor' })]) });
    api.post('/influences', ({ body }) => ({ status: 201, body: { id: 'inf-9', ...(body as object) } }));
    renderWithApp(<WhoTheyLookTo person={priya} canWrite />);
    await screen.findByText('Priya Raman looks to no one on record yet.');

    await user.click(screen.getByRole('button', { name: 'Add a link' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a link' });
    await user.click(within(dialog).getByRole('combobox', { name: 'Kind of link' }));
    await user.click(await screen.findByRole('option', { name: 'Is mentored by' }));
    expect(within(dialog).getByRole('radio', { name: 'Priya Raman is mentored by them' })).toBeChecked();
    expect(within(dialog).getByRole('radio', { name: 'Priya Raman mentors them' })).not.toBeChecked();
    await user.click(within(dialog).getByRole('combobox', { name: 'The other person' }));
    await user.click(await screen.findByRole('option', { name: 'Ana Mentor' }));
    expect(within(dialog).getByText('Priya Raman is mentored by Ana Mentor.')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('combobox', { name: 'Strength' }));
    await user.click(await screen.findByRole('option', { name: 'Decisive' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Note' }), '  Weekly walks  ');

    serve(
      api,
      aStakeholderInfluence({
        looksTo: [anInfluenceTie({ person: aCoalitionMember({ id: 's-9', name: 'Ana Mentor' }), kind: 'mentor', strength: 3, influenceId: 'inf-9' })],
        summary: { looksTo: 1, onBoard: 1, resistant: 0, lookedToBy: 0, text: 'Priya Raman looks to 1 person, who is on board.' },
      }),
    );
    await user.click(within(dialog).getByRole('button', { name: 'Add link' }));

    expect(await screen.findByText('Priya Raman looks to 1 person, who is on board.')).toBeInTheDocument();
    expect(api.requestsTo('POST', '/influences')[0].body).toEqual({ fromId: 's-1', toId: 's-9', kind: 'mentor', strength: 3, note: 'Weekly walks' });
    await waitFor(() => expect(screen.queryByRole('dialog', { name: 'Add a link' })).not.toBeInTheDocument());
  });

  it('sends "they look to Priya" the other way round, and shows why a duplicate was refused', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    serve(api, aStakeholderInfluence());
    api.get('/stakeholders', { body: aPage([aStakeholder({ id: 's-9', name: 'Ana Mentor' })]) });
    const message = 'This link is already on record: Ana Mentor looks to Priya Raman. Edit that one instead.';
    api.post('/influences', { status: 409, body: { statusCode: 409, error: 'Conflict', code: 'conflict', message, fields: [{ field: 'kind', message: 'is already recorded' }] } });
    renderWithApp(<WhoTheyLookTo person={priya} canWrite />);

    await user.click(await screen.findByRole('button', { name: 'Add a link' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add a link' });
    await user.click(within(dialog).getByRole('radio', { name: 'They look to Priya Raman' }));
    await user.click(within(dialog).getByRole('combobox', { name: 'The other person' }));
    await user.click(await screen.findByRole('option', { name: 'Ana Mentor' }));
    expect(within(dialog).getByText('Ana Mentor looks to Priya Raman.')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Add link' }));

    expect(await within(dialog).findByRole('alert')).toHaveTextContent(message);
    expect(api.requestsTo('POST', '/influences')[0].body).toEqual({ fromId: 's-9', toId: 's-1', kind: 'looks_to', strength: 2, note: null });
  });

  it('asks before removing a link, then removes it', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    serve(api);
    api.delete('/influences/:id', { status: 204 });
    renderWithApp(<WhoTheyLookTo person={priya} canWrite />);

    await user.click(await screen.findByRole('button', { name: 'Remove the link: Priya Raman looks to Sam Lee' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove this link?' });
    expect(api.requestsTo('DELETE', '/influences/inf-1')).toHaveLength(0);
    await user.click(within(dialog).getByRole('button', { name: 'Remove link' }));
    await waitFor(() => expect(api.requestsTo('DELETE', '/influences/inf-1')).toHaveLength(1));
    // A reporting line is not a stored link: nothing to edit or remove there.
    expect(screen.queryByRole('button', { name: /Remove the link: Priya Raman looks to Mo Boss/ })).not.toBeInTheDocument();
  });

  it('edits the strength and note of a link with the version loaded', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    serve(api);
    const link = { id: 'inf-1', from: aCoalitionMember({ id: 's-1', name: 'Priya Raman' }), to: aCoalitionMember(), kind: 'looks_to', strength: 3, note: 'Trusts his numbers', createdAt: '', updatedAt: '', version: 4 };
    api.get('/influences/:id', { body: link });
    api.patch('/influences/:id', ({ body }) => ({ body: { ...link, ...(body as object), version: 5 } }));
    renderWithApp(<WhoTheyLookTo person={priya} canWrite />);

    await user.click(await screen.findByRole('button', { name: 'Edit the link: Priya Raman looks to Sam Lee' }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit the link' });
    expect(await within(dialog).findByText('Priya Raman looks to Sam Lee.')).toBeInTheDocument();
    await waitFor(() => expect(within(dialog).getByRole('textbox', { name: 'Note' })).toHaveValue('Trusts his numbers'));
    await user.clear(within(dialog).getByRole('textbox', { name: 'Note' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(api.requestsTo('PATCH', '/influences/inf-1')).toHaveLength(1));
    expect(api.requestsTo('PATCH', '/influences/inf-1')[0].body).toEqual({ strength: 3, note: null, version: 4 });
  });
});
