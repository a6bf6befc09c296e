import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { RouterProvider } from 'react-router';
import { sessionQueries } from '@/features/auth/api/session-queries';
import { PASSWORD_RESET_PATH } from '@soundings/shared';
import { AuthGate } from '@/features/auth/components/auth-gate';
import { RoleProvider } from '@/lib/authorization';
import { createQueryClient } from '@/lib/query-client';
import { AppProvider } from './provider';
import { createAppRouter } from './router';

const ResetPasswordPage = lazy(() => import('@/features/auth/components/reset-password-page').then((m) => ({ default: m.ResetPasswordPage })));

/** Hands the signed-in role to every screen, so each offers only what that role may do. */
function SessionRole({ children }: { children: ReactNode }) {
  const { data: session } = useQuery(sessionQueries.current());
  return <RoleProvider role={session?.user.role ?? null}>{children}</RoleProvider>;
}

export function App() {
  // One client for the router and the app: a page's read started by its route is the one the page renders.
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(() => createAppRouter(queryClient));
  // The one page for someone who cannot sign in yet: it stands outside the sign-in gate.
  if (window.location.pathname === PASSWORD_RESET_PATH) {
    return (
      <AppProvider queryClient={queryClient}>
        <Suspense>
          <ResetPasswordPage />
        </Suspense>
      </AppProvider>
    );
  }
  return (
    <AppProvider queryClient={queryClient}>
      <AuthGate>
        <SessionRole>
          <RouterProvider router={router} />
        </SessionRole>
      </AuthGate>
    </AppProvider>
  );
}
