import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApi } from '@/testing/api-mock';
import { aStakeholder } from '@/testing/fixtures';
import { renderWithApp } from '@/testing/render';
import { EditStakeholderModal } from './edit-stakeholder-modal';

describe('EditStakeholderModal', () => {
  it('sends only the changed fields with the version seen', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    api.get('/business-functions', { body: [] });
    const stakeholder = aStakeholder({ version: 3 });
    api.patch('/stakeholders/:id', ({ body }) => ({ body: { ...stakeholder, ...(body as object), version: 4 } }));
    const onClose = jest.fn();
    renderWithApp(<EditStakeholderModal stakeholder={stakeholder} opened onClose={onClose} onDeleted={jest.fn()} />);

    const dialog = await screen.findByRole('dialog');
    const title = within(dialog).getByRole('textbox', { name: 'Job title' });
    await user.clear(title);
    await user.type(title, 'Group CFO');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));

    await screen.findByText('Edit Priya Raman');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(api.requestsTo('PATCH', '/stakeholders/s-1')[0].body).toEqual({ title: 'Group CFO', version: 3 });
    expect(onClose).toHaveBeenCalled();
  });

  it('on a version conflict, says someone else changed it and reloads their version into the form', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    api.get('/business-functions', { body: [] });
    const stakeholder = aStakeholder({ version: 3, title: 'CFO' });
    const theirs = aStakeholder({ version: 4, title: 'Chief Financial & Risk Officer' });
    api.patch('/stakeholders/:id', {
      status: 409,
      body: { statusCode: 409, error: 'Conflict', code: 'version_conflict', message: 'Changed by someone else', current: theirs },
    });
    const onClose = jest.fn();
    renderWithApp(<EditStakeholderModal stakeholder={stakeholder} opened onClose={onClose} onDeleted={jest.fn()} />);

    const dialog = await screen.findByRole('dialog');
    await user.type(within(dialog).getByRole('textbox', { name: 'Job title' }), ' and COO');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));

    expect(await within(dialog).findByText('Someone else changed this')).toBeInTheDocument();
    expect(within(dialog).getByRole('textbox', { name: 'Job title' })).toHaveValue('Chief Financial & Risk Officer');
    expect(onClose).not.toHaveBeenCalled();

    // Saving again goes out with the version that is now current.
    api.patch('/stakeholders/:id', ({ body }) => ({ body: { ...theirs, ...(body as object), version: 5 } }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Job title' }), ' and COO');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await screen.findByRole('dialog');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(api.requestsTo('PATCH', '/stakeholders/s-1').at(-1)!.body).toEqual({
      title: 'Chief Financial & Risk Officer and COO',
      version: 4,
    });
  });
});
