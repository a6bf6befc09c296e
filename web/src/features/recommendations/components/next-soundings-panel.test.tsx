import { screen, within } from '@testing-library/react';
import { mockApi } from '@/testing/api-mock';
import { renderWithApp } from '@/testing/render';
import { NextSoundingsPanel, PANEL_SIZE } from './next-soundings-panel';
import { aRecommendation, neverSounded, recentlySounded, socialProof } from './recommendation-fixtures';

describe('Whom to sound next on the dashboard', () => {
  it('asks for the top five and shows each with its main reasons, linking to the person and to the full list', async () => {
    const api = mockApi();
    api.get('/recommendations/soundings', {
      body: {
        items: [
          aRecommendation({ id: 's-1', name: 'Dana Okafor' }, [socialProof, neverSounded, { code: 'influence', text: 'Influence score 10', weight: 20 }]),
          aRecommendation({ id: 's-2', name: 'Cal Recently', commitment: 'sounded' }, [recentlySounded]),
        ],
      },
    });
    renderWithApp(<NextSoundingsPanel />);

    const panel = await screen.findByRole('region', { name: 'Whom to sound next' });
    await within(panel).findByRole('link', { name: 'Dana Okafor' });
    expect(within(panel).getByRole('link', { name: 'Dana Okafor' })).toHaveAttribute('href', '/stakeholders/s-1');
    expect(within(panel).getByText('Looks to 3 people who are on board: Priya Shah, Sam Reed and 1 other')).toBeInTheDocument();
    expect(within(panel).getByText('Never sounded one to one')).toBeInTheDocument();
    // Two reasons each on the dashboard; the page has them all.
    expect(within(panel).queryByText('Influence score 10')).not.toBeInTheDocument();
    expect(within(panel).getByText('80')).toBeInTheDocument();
    expect(within(panel).getByText('−25')).toBeInTheDocument();
    expect(within(panel).getByRole('link', { name: /full list/ })).toHaveAttribute('href', '/recommendations');
    expect(api.requestsTo('GET', '/recommendations/soundings')[0].query.get('limit')).toBe(String(PANEL_SIZE));
  });

  it('says so when there is no one to suggest', async () => {
    const api = mockApi();
    api.get('/recommendations/soundings', { body: { items: [] } });
    renderWithApp(<NextSoundingsPanel />);
    expect(await screen.findByText(/No one to suggest/)).toBeInTheDocument();
  });
});
