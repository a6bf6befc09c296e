import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { CoalitionMember, RelationshipMatrix } from '@soundings/shared';
import { mockApi } from '@/testing/api-mock';
import { renderWithApp } from '@/testing/render';
import { RelationshipsRoute } from './relationships';

function member(overrides: Partial<CoalitionMember>): CoalitionMember {
  return {
    id: 's-x',
    name: 'Someone',
    title: null,
    role: 'top_team',
    businessFunction: 'Finance',
    potentialChampion: false,
    commitment: 'open',
    requiredCommitment: 'committed',
    onBoard: false,
    ...overrides,
  };
}

const matrix: RelationshipMatrix = {
  members: [member({ id: 's-dana', name: 'Dana Okafor' }), member({ id: 's-omar', name: 'Omar Reyes', commitment: 'supportive', onBoard: true, requiredCommitment: null })],
  holders: [
    { type: 'champion', id: 's-sam', name: 'Sam Patel', commitment: 'committed' },
    { type: 'account', id: 'u-hana', name: 'Hana Lead', commitment: null },
  ],
  cells: [
    { relationshipId: 'r-1', stakeholderId: 's-dana', holderType: 'champion', holderId: 's-sam', quality: 'strong', note: 'Worked together on the audit', version: 2 },
    { relationshipId: 'r-2', stakeholderId: 's-omar', holderType: 'account', holderId: 'u-hana', quality: 'avoid', note: null, version: 1 },
  ],
};

function serve(api: ReturnType<typeof mockApi>) {
  api.get('/relationships/matrix', { body: matrix });
}

describe('Relationship matrix page', () => {
  it('puts top-team members in row headers and holders in column headers, champions then HR, each cell its quality in words', async () => {
    const api = mockApi();
    serve(api);
    renderWithApp(<RelationshipsRoute />);

    const table = await screen.findByRole('table', { name: /Who holds the relationship with each top-team member/ });
    const columns = within(table).getAllByRole('columnheader').map((header) => header.textContent);
    expect(columns).toEqual(['Top-team member', 'Sam PatelChampion · Committed', 'Hana LeadHR']);
    const rows = within(table).getAllByRole('rowheader');
    expect(rows.map((row) => within(row).getByRole('link').textContent)).toEqual(['Dana Okafor', 'Omar Reyes']);
    expect(within(rows[0]).getByText('Open')).toBeInTheDocument();
    expect(within(rows[0]).getByText('Needs committed')).toBeInTheDocument();
    expect(within(table).getByRole('button', { name: 'Sam Patel with Dana Okafor: Strong. Worked together on the audit. Change or remove' })).toHaveTextContent('Strong');
    expect(within(table).getByRole('button', { name: /^Hana Lead with Omar Reyes: Avoid/ })).toHaveTextContent('Avoid');
    expect(within(table).getAllByRole('button', { name: /^Add a relationship/ })).toEqual([
      within(table).getByRole('button', { name: 'Add a relationship: Hana Lead with Dana Okafor' }),
      within(table).getByRole('button', { name: 'Add a relationship: Sam Patel with Omar Reyes' }),
    ]);
  });

  it('adds a relationship from an empty cell with the quality chosen by its meaning', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    serve(api);
    api.post('/relationships', ({ body }) => ({
      status: 201,
      body: { id: 'r-3', stakeholder: member({ id: 's-dana', name: 'Dana Okafor' }), holder: matrix.holders[1], note: null, createdAt: '', updatedAt: '', version: 1, ...(body as object) },
    }));
    renderWithApp(<RelationshipsRoute />);

    await user.click(await screen.findByRole('button', { name: 'Add a relationship: Hana Lead with Dana Okafor' }));
    const dialog = await screen.findByRole('dialog', { name: 'Who holds the relationship with Dana Okafor' });
    expect(within(dialog).getByText('Must not carry the message to this person')).toBeInTheDocument();
    await user.click(within(dialog).getByRole('radio', { name: /Building/ }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Note' }), 'Met twice at the offsite');
    await user.click(within(dialog).getByRole('button', { name: 'Add' }));

    await waitFor(() => expect(api.requestsTo('POST', '/relationships')).toHaveLength(1));
    expect(api.requestsTo('POST', '/relationships')[0].body).toEqual({
      stakeholderId: 's-dana',
      holderUserId: 'u-hana',
      quality: 'building',
      note: 'Met twice at the offsite',
    });
  });

  it('changes a cell with the version it showed, and removes one', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    serve(api);
    api.patch('/relationships/:id', ({ body }) => ({ body: { id: 'r-1', ...(body as object) } }));
    api.delete('/relationships/:id', { status: 204 });
    renderWithApp(<RelationshipsRoute />);

    await user.click(await screen.findByRole('button', { name: /^Sam Patel with Dana Okafor: Strong/ }));
    let dialog = await screen.findByRole('dialog', { name: 'Relationship of Sam Patel with Dana Okafor' });
    expect(within(dialog).getByRole('textbox', { name: 'Note' })).toHaveValue('Worked together on the audit');
    await user.click(within(dialog).getByRole('radio', { name: /Avoid/ }));
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.requestsTo('PATCH', '/relationships/r-1')).toHaveLength(1));
    expect(api.requestsTo('PATCH', '/relationships/r-1')[0].body).toEqual({ quality: 'avoid', note: 'Worked together on the audit', version: 2 });

    await user.click(await screen.findByRole('button', { name: /^Hana Lead with Omar Reyes: Avoid/ }));
    dialog = await screen.findByRole('dialog', { name: 'Relationship of Hana Lead with Omar Reyes' });
    await user.click(within(dialog).getByRole('button', { name: 'Delete…' }));
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(api.requestsTo('DELETE', '/relationships/r-2')).toHaveLength(1));
  });

  it('shows a viewer every relationship and its note, with nothing to add or change', async () => {
    const api = mockApi();
    serve(api);
    renderWithApp(<RelationshipsRoute />, { role: 'viewer' });

    const table = await screen.findByRole('table');
    expect(within(table).queryAllByRole('button')).toEqual([]);
    const cell = within(table).getByText('Strong. Worked together on the audit').closest('span[tabindex="0"]');
    expect(cell).toHaveTextContent('Sam Patel with Dana Okafor:');
    expect(within(table).getAllByText('None recorded')).toHaveLength(2);
  });
});
