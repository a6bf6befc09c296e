import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockApi } from '@/testing/api-mock';
import { aFear, aPage, aStakeholder } from '@/testing/fixtures';
import { renderWithApp } from '@/testing/render';
import { FearsRoute } from './fears';

describe('Fears page', () => {
  it('keeps the category and view in the URL and asks the API for that category only', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    api.get('/fears', { body: aPage([aFear()]) });
    const { search } = renderWithApp(<FearsRoute />, { url: '/fears', path: '/fears' });
    await screen.findAllByText('“My managers have no time to coach”');

    await user.click(screen.getByRole('combobox', { name: 'Category' }));
    await user.click(await screen.findByRole('option', { name: 'Cost and budget' }));
    await waitFor(() => expect(search().get('category')).toBe('cost_and_budget'));
    await waitFor(() => expect(api.requestsTo('GET', '/fears').at(-1)!.query.get('category')).toBe('cost_and_budget'));

    await user.click(screen.getByText('List'));
    await waitFor(() => expect(search().get('view')).toBe('list'));
    expect(await screen.findByRole('table', { name: 'Fears' })).toBeInTheDocument();
  });

  it('narrows to one person when linked from their page, naming them', async () => {
    const api = mockApi();
    api.get('/fears', { body: aPage([aFear()]) });
    api.get('/stakeholders/:id', { body: aStakeholder({ id: 's-1', name: 'Priya Raman' }) });
    renderWithApp(<FearsRoute />, { url: '/fears?stakeholderId=s-1', path: '/fears' });

    expect(await screen.findByRole('button', { name: 'Only Priya Raman' })).toBeInTheDocument();
    await waitFor(() => expect(api.requestsTo('GET', '/fears').every((r) => r.query.get('stakeholderId') === 's-1')).toBe(true));
  });
});
