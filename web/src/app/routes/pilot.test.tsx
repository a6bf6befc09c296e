import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PilotDetail, ProofPoint } from '@soundings/shared';
import { mockApi } from '@/testing/api-mock';
import { aCoalitionMember } from '@/testing/fixtures';
import { renderWithApp } from '@/testing/render';
import { PilotRoute } from './pilot';

function proof(overrides: Partial<ProofPoint>): ProofPoint {
  return { id: 'pp-x', pilotId: 'p-1', observedOn: '2026-05-01', result: 'A result', value: null, unit: null, createdAt: '', updatedAt: '', version: 1, ...overrides };
}

const latest = proof({ id: 'pp-2', observedOn: '2026-06-01', result: 'Attrition among new starters fell', value: 9.5, unit: '%' });
const earlier = proof({ id: 'pp-1', observedOn: '2026-04-01', result: 'Baseline taken' });

const pilot: PilotDetail = {
  id: 'p-1',
  name: 'Night-shift coaching cohort',
  sponsor: aCoalitionMember({ id: 's-aoife', name: 'Aoife Brennan' }),
  businessFunction: 'Operations',
  scope: 'Twelve shift managers for six months',
  startOn: '2026-03-01',
  endOn: '2026-09-01',
  status: 'running',
  askedBy: [
    { stakeholder: aCoalitionMember({ id: 's-helen', name: 'Helen Achterberg' }), toldOn: '2026-06-02', toldProofPointId: 'pp-2', toldLatest: true },
    { stakeholder: aCoalitionMember({ id: 's-rajiv', name: 'Rajiv Menon' }), toldOn: '2026-04-03', toldProofPointId: 'pp-1', toldLatest: false },
  ],
  latestProof: latest,
  proofPoints: [latest, earlier],
  createdAt: '',
  updatedAt: '',
  version: 3,
};

describe('Pilot page', () => {
  it('shows the scope, the results newest first and who has heard the latest, and marks an asker told in one click', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    api.get('/pilots/:id', { body: pilot });
    api.post('/pilots/:id/told', { status: 201, body: pilot });
    renderWithApp(<PilotRoute />, { url: '/pilots/p-1', path: '/pilots/:pilotId' });

    expect(await screen.findByRole('heading', { name: 'Night-shift coaching cohort', level: 1 })).toBeInTheDocument();
    expect(screen.getByText('Twelve shift managers for six months')).toBeInTheDocument();
    const results = within(screen.getByRole('region', { name: 'Proof points' })).getAllByRole('listitem');
    expect(results.map((item) => item.textContent)).toEqual([
      expect.stringContaining('Latest9.5 % Attrition among new starters fell observed 1 Jun 2026'),
      expect.stringContaining('Baseline taken'),
    ]);

    const askers = screen.getByRole('region', { name: 'Who asked for proof' });
    expect(within(askers).getByText('1 of 2 who asked have heard the latest')).toBeInTheDocument();
    const [helen, rajiv] = within(askers).getAllByRole('listitem');
    expect(within(helen).getByText('Heard the latest')).toBeInTheDocument();
    expect(within(helen).queryByRole('button')).toBeNull();
    expect(within(rajiv).getByText('Not yet told')).toBeInTheDocument();
    await user.click(within(rajiv).getByRole('button', { name: 'Mark as told: Rajiv Menon' }));
    await waitFor(() => expect(api.requestsTo('POST', '/pilots/p-1/told')).toHaveLength(1));
    expect(api.requestsTo('POST', '/pilots/p-1/told')[0].body).toEqual({ stakeholderId: 's-rajiv' });
  });

  it('offers a viewer nothing to change', async () => {
    const api = mockApi();
    api.get('/pilots/:id', { body: pilot });
    renderWithApp(<PilotRoute />, { url: '/pilots/p-1', path: '/pilots/:pilotId', role: 'viewer' });
    expect(await screen.findByText('Not yet told')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Mark as told/ })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Edit pilot' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Add a result' })).toBeNull();
  });
});
