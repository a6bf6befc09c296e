import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider, useLocation } from 'react-router';
import { AppProvider } from '@/app/provider';
import { RoleProvider } from '@/lib/authorization';
import { createQueryClient } from '@/lib/query-client';
import '@/testing/data-router';
import { mockApi } from '@/testing/api-mock';
import { aSounding, aStakeholder } from '@/testing/fixtures';
import { NewSoundingRoute } from './new-sounding';

function PersonPage() {
  const state = useLocation().state as { savedSoundingId?: string } | null;
  return <div data-testid="navigated">{`person page, saved ${state?.savedSoundingId ?? 'nothing'}`}</div>;
}

/** The form guards in-app navigation, which takes a data router, as the app has. */
function renderWithApp(element: ReactElement, { url, path }: { url: string; path: string; otherRoutes?: string[] }) {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  const router = createMemoryRouter(
    [
      { path, element },
      { path: '/stakeholders/:stakeholderId', element: <PersonPage /> },
    ],
    { initialEntries: [url] },
  );
  return render(
    <AppProvider queryClient={queryClient} env="test">
      <RoleProvider role="practitioner">
        <RouterProvider router={router} />
      </RoleProvider>
    </AppProvider>,
  );
}

function serveSession(api: ReturnType<typeof mockApi>) {
  api.get('/auth/me', {
    body: {
      user: { id: 'u-1', email: 'hana@example.test', displayName: 'Hana Ito', role: 'practitioner', active: true, createdAt: '2025-01-01T00:00:00.000Z', version: 1 },
      csrfToken: 'csrf-1',
    },
  });
}

describe('Log a sounding page', () => {
  it('recalls the agreed next step, then returns to the person once the sounding is saved', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    api.get('/stakeholders/:id', { body: aStakeholder({ id: 's-1', name: 'Priya Raman', commitment: 'sounded' }) });
    api.get('/stakeholders/:id/soundings', {
      body: [aSounding({ heldOn: '2025-01-10', nextStep: 'Send the pilot outline', followUpOn: '2025-02-01' })],
    });
    api.post('/stakeholders/:id/soundings', { status: 201, body: aSounding({ id: 'snd-2' }) });
    api.get('/fears', { body: { items: [], total: 0, page: 1, pageSize: 100 } });
    serveSession(api);
    renderWithApp(<NewSoundingRoute />, {
      url: '/stakeholders/s-1/soundings/new',
      path: '/stakeholders/:stakeholderId/soundings/new',
      otherRoutes: ['/stakeholders/:stakeholderId'],
    });

    expect(await screen.findByRole('heading', { name: 'Log a sounding with Priya Raman' })).toBeInTheDocument();
    expect(await screen.findByText('Send the pilot outline')).toBeInTheDocument();
    expect(screen.getByText(/overdue by \d+ days/)).toBeInTheDocument();

    await user.click(screen.getByRole('textbox', { name: /what did they say/i }));
    await user.paste('Read the outline; wants to see a pilot budget.');
    await user.click(screen.getByRole('radio', { name: /no change — still sounded/i }));
    await user.click(screen.getByRole('button', { name: 'Save sounding' }));

    // Back on the person's page, which highlights the entry just saved.
    expect(await screen.findByTestId('navigated')).toHaveTextContent('person page, saved snd-2');
    expect(await screen.findByText('Sounding saved')).toBeInTheDocument();
  });

  it('says the last agreed next step is withheld when the last sounding is another author\'s confidential one', async () => {
    const api = mockApi();
    api.get('/stakeholders/:id', { body: aStakeholder({ id: 's-1', name: 'Priya Raman', commitment: 'open' }) });
    api.get('/stakeholders/:id/soundings', {
      body: [aSounding({ heldOn: '2025-01-10', confidential: true, redacted: true, nextStep: null, summary: '', followUpOn: '2025-02-01' })],
    });
    api.get('/fears', { body: { items: [], total: 0, page: 1, pageSize: 100 } });
    serveSession(api);
    renderWithApp(<NewSoundingRoute />, { url: '/stakeholders/s-1/soundings/new', path: '/stakeholders/:stakeholderId/soundings/new' });

    const recall = (await screen.findByText(/Agreed next step:/)).closest('p')!;
    expect(recall).toHaveTextContent('Confidential: only its author and admins can read it.');
    expect(recall).not.toHaveTextContent('none recorded');
  });
});
