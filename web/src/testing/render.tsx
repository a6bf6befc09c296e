import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { MemoryRouter, Route, Routes, useLocation, useNavigate, type Location, type NavigateFunction } from 'react-router';
import type { UserRole } from '@soundings/shared';
import { AppProvider } from '@/app/provider';
import { RoleProvider } from '@/lib/authorization';
import { createQueryClient } from '@/lib/query-client';

interface RenderOptions {
  /** The URL the screen opens at. */
  url?: string;
  /** Route pattern for `element`, so it can read params (`/stakeholders/:stakeholderId`). */
  path?: string;
  /** Other routes the screen may navigate to; each renders a marker naming its path. */
  otherRoutes?: string[];
  /** The signed-in user's role; a practitioner (all campaign work) unless a test says otherwise. */
  role?: UserRole;
}

interface RouterHandle {
  location: Location;
  navigate: NavigateFunction;
}

function RouterSpy({ handle }: { handle: Partial<RouterHandle> }) {
  handle.location = useLocation();
  handle.navigate = useNavigate();
  return null;
}

export function renderWithApp(element: ReactElement, { url = '/', path = '*', otherRoutes = [], role = 'practitioner' }: RenderOptions = {}) {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  const handle: Partial<RouterHandle> = {};
  const result = render(
    <AppProvider queryClient={queryClient} env="test">
      <RoleProvider role={role}>
        <MemoryRouter initialEntries={[url]}>
          <RouterSpy handle={handle} />
          <Routes>
            <Route path={path} element={element} />
            {otherRoutes.map((other) => (
              <Route key={other} path={other} element={<div data-testid="navigated">{`page ${other}`}</div>} />
            ))}
          </Routes>
        </MemoryRouter>
      </RoleProvider>
    </AppProvider>,
  );
  const router = handle as RouterHandle;
  return {
    ...result,
    queryClient,
    router,
    /** The search params of the current URL. */
    search: () => new URLSearchParams(router.location.search),
  };
}
