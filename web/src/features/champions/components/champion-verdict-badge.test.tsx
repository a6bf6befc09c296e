import { screen, waitFor } from '@testing-library/react';
import type { ChampionAssessment } from '@soundings/shared';
import { mockApi } from '@/testing/api-mock';
import { renderWithApp } from '@/testing/render';
import { ChampionVerdictBadge } from './champion-verdict-badge';

const assessment = (id: string, verdict: ChampionAssessment['verdict'], missing: string[]): ChampionAssessment => ({
  person: {
    id,
    name: id,
    title: null,
    role: 'line_manager',
    businessFunction: null,
    potentialChampion: true,
    commitment: 'open',
    requiredCommitment: null,
    onBoard: false,
  },
  verdict,
  influenceScore: 0,
  lookedToBy: 0,
  tests: [],
  missing,
});

describe('ChampionVerdictBadge', () => {
  it('says in words where a potential champion stands, what is missing, and links to the champions page', async () => {
    const api = mockApi();
    api.get('/champions', { body: { items: [assessment('s-1', 'qualified', []), assessment('s-2', 'coach', ['No briefing given or meeting spoken in yet'])] } });
    renderWithApp(<ChampionVerdictBadge stakeholderId="s-2" />);
    const badge = await screen.findByRole('link', { name: /Useful coach, not a champion/ });
    expect(badge).toHaveAttribute('href', '/champions');
    expect(badge).toHaveAttribute('title', 'Missing: No briefing given or meeting spoken in yet');
  });

  it('shows nothing for someone not on the champion list', async () => {
    const api = mockApi();
    api.get('/champions', { body: { items: [assessment('s-1', 'qualified', [])] } });
    const { queryClient } = renderWithApp(<ChampionVerdictBadge stakeholderId="s-9" />);
    await waitFor(() => expect(queryClient.getQueryState(['champions', 'list'])?.status).toBe('success'));
    expect(screen.queryByRole('link')).not.toBeInTheDocument();
  });
});
