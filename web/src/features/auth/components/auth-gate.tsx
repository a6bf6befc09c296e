import { Center, Group, Loader, Text } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useEffect, type ReactNode } from 'react';
import { ErrorState } from '@/components/states/error-state';
import { onUnauthenticated } from '@/lib/api-client';
import { sessionQueries } from '../api/session-queries';
import { forgetSession } from '../api/sign-out';

// Someone signed in never needs the forms (and their inputs' code): they load only when shown.
const FirstAdminForm = lazy(() => import('./first-admin-form').then((m) => ({ default: m.FirstAdminForm })));
const SignInForm = lazy(() => import('./sign-in-form').then((m) => ({ default: m.SignInForm })));

function Waiting() {
  return (
    <Center h="100vh" role="status">
      <Group gap="sm">
        <Loader size="sm" />
        <Text size="sm" c="gray.7">
          Loading Soundings…
        </Text>
      </Group>
    </Center>
  );
}

/**
 * Nothing of the campaign shows until someone is signed in. On a brand-new installation the only
 * reachable page creates the first admin.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const setup = useQuery(sessionQueries.setup());
  // Asked side by side, not one after the other: on a fresh installation /auth/me answers 401 (no session), which
  // is read as nobody signed in, and the first-admin form wins below. One round trip fewer before the first screen.
  const session = useQuery(sessionQueries.current());

  useEffect(
    () =>
      // The session ended elsewhere (expired, signed out on another device, deactivated): show the sign-in page.
      onUnauthenticated(() => forgetSession(queryClient)),
    [queryClient],
  );

  if (setup.isError) return <ErrorState error={setup.error} onRetry={() => setup.refetch()} />;
  if (setup.data?.needsFirstAdmin) {
    return (
      <Suspense fallback={<Waiting />}>
        <FirstAdminForm />
      </Suspense>
    );
  }
  if (session.isError) return <ErrorState error={session.error} onRetry={() => session.refetch()} />;
  if (!setup.data || session.isPending) return <Waiting />;
  if (!session.data) {
    return (
      <Suspense fallback={<Waiting />}>
        <SignInForm />
      </Suspense>
    );
  }
  return <>{children}</>;
}
