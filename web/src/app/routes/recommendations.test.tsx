import { RECOMMENDATIONS_DEFAULT_LIMIT, RECOMMENDATIONS_MAX_LIMIT } from '@soundings/shared';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { aRecommendation, neverSounded, recentlySounded, socialProof } from '@/features/recommendations/components/recommendation-fixtures';
import { mockApi } from '@/testing/api-mock';
import { renderWithApp } from '@/testing/render';
import { RecommendationsRoute } from './recommendations';

const ranked = [
  aRecommendation({ id: 's-1', name: 'Dana Okafor', potentialChampion: true }, [socialProof, neverSounded]),
  aRecommendation({ id: 's-2', name: 'Cal Recently', role: 'line_manager', commitment: 'sounded', lastContactAt: null }, [recentlySounded]),
];

describe('Whom to sound next page', () => {
  it('ranks people with their score, every reason in words with its weight, and a way to log the sounding', async () => {
    const api = mockApi();
    api.get('/recommendations/soundings', { body: { items: ranked } });
    renderWithApp(<RecommendationsRoute />);

    const list = await screen.findByRole('list', { name: /highest score first/ });
    const [first, second] = within(list).getAllByRole('listitem').filter((item) => item.getAttribute('aria-labelledby'));
    expect(within(first).getByRole('heading', { name: 'Dana Okafor' })).toBeInTheDocument();
    expect(within(first).getByRole('link', { name: 'Dana Okafor' })).toHaveAttribute('href', '/stakeholders/s-1');
    expect(within(first).getByText('Top team')).toBeInTheDocument();
    expect(within(first).getByText('Potential champion')).toBeInTheDocument();
    expect(within(first).getByText('Open')).toBeInTheDocument();
    expect(within(first).getByText('60')).toBeInTheDocument();
    expect(within(first).getByText('Looks to 3 people who are on board: Priya Shah, Sam Reed and 1 other')).toBeInTheDocument();
    expect(within(first).getAllByText('+30')).toHaveLength(2);
    expect(within(first).getByText(/No contact yet/)).toBeInTheDocument();
    expect(within(first).getByRole('link', { name: 'Log a sounding with Dana Okafor' })).toHaveAttribute('href', '/stakeholders/s-1/soundings/new');
    expect(within(second).getByText('−25')).toBeInTheDocument();
    expect(within(second).queryByText('Top team')).not.toBeInTheDocument();

    // The scoring, from the shared weights.
    expect(screen.getByText(/\+30 if never sounded one to one/)).toBeInTheDocument();
    expect(screen.getByText(/\+10 for each person they look to who is on board and −8 for each who is resistant/)).toBeInTheDocument();
    expect(api.requestsTo('GET', '/recommendations/soundings')[0].query.get('limit')).toBe(String(RECOMMENDATIONS_DEFAULT_LIMIT));
  });

  it('offers viewers no way to log a sounding', async () => {
    const api = mockApi();
    api.get('/recommendations/soundings', { body: { items: ranked } });
    renderWithApp(<RecommendationsRoute />, { role: 'viewer' });
    expect(await screen.findByRole('heading', { name: 'Dana Okafor' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: /Log a sounding/ })).not.toBeInTheDocument();
  });

  it('shows more people on request when the first page is full', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    const many = Array.from({ length: RECOMMENDATIONS_DEFAULT_LIMIT }, (_, i) => aRecommendation({ id: `s-${i}`, name: `Person ${i}` }, [neverSounded]));
    api.get('/recommendations/soundings', (request) => ({
      body: { items: request.query.get('limit') === String(RECOMMENDATIONS_MAX_LIMIT) ? [...many, aRecommendation({ id: 's-x', name: 'One more' })] : many },
    }));
    renderWithApp(<RecommendationsRoute />);
    await user.click(await screen.findByRole('button', { name: `Show up to ${RECOMMENDATIONS_MAX_LIMIT}` }));
    expect(await screen.findByRole('heading', { name: 'One more' })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('button', { name: /Show up to/ })).not.toBeInTheDocument());
  });
});
