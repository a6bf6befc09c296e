import { MantineProvider } from '@mantine/core';
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState, type ReactNode } from 'react';
import { createQueryClient } from '@/lib/query-client';
import { cssVariablesResolver, theme } from './theme';

// The toasts' container (and its transition library) is not needed for the first paint; anything shown before it
// arrives waits in the notifications store and appears once it mounts.
const Notifications = lazy(() => import('@mantine/notifications').then((m) => ({ default: m.Notifications })));

interface AppProviderProps {
  children: ReactNode;
  queryClient?: QueryClient;
  /** `test` turns off transitions and portals so component tests see what a user would. */
  env?: 'default' | 'test';
}

export function AppProvider({ children, queryClient, env = 'default' }: AppProviderProps) {
  const [client] = useState(() => queryClient ?? createQueryClient());
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light" env={env}>
      <QueryClientProvider client={client}>
        {/* Inside the query client: a toast's Undo reloads what the restore brought back. */}
        <Suspense>
          <Notifications position="bottom-right" autoClose={4000} />
        </Suspense>
        {children}
      </QueryClientProvider>
    </MantineProvider>
  );
}
