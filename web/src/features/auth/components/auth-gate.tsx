import { Center, Loader } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, type ReactNode } from 'react';
import { ErrorState } from '@/components/states/error-state';
import { onUnauthenticated } from '@/lib/api-client';
import { sessionQueries } from '../api/session-queries';
import { forgetSession } from '../api/sign-out';
import { FirstAdminForm } from './first-admin-form';
import { SignInForm } from './sign-in-form';

/**
 * Nothing of the campaign shows until someone is signed in. On a brand-new installation the only
 * reachable page creates the first admin.
 */
export function AuthGate({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const setup = useQuery(sessionQueries.setup());
  const session = useQuery({ ...sessionQueries.current(), enabled: setup.data?.needsFirstAdmin === false });

  useEffect(
    () =>
      // The session ended elsewhere (expired, signed out on another device, deactivated): show the sign-in page.
      onUnauthenticated(() => forgetSession(queryClient)),
    [queryClient],
  );

  if (setup.isError) return <ErrorState error={setup.error} onRetry={() => setup.refetch()} />;
  if (setup.data?.needsFirstAdmin) return <FirstAdminForm />;
  if (session.isError) return <ErrorState error={session.error} onRetry={() => session.refetch()} />;
  if (!setup.data || session.isPending) {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading" />
      </Center>
    );
  }
  if (!session.data) return <SignInForm />;
  return <>{children}</>;
}
