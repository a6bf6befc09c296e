import type { QueryClient } from '@tanstack/react-query';
import { Navigate, createBrowserRouter, type RouteObject } from 'react-router';
import { sessionQueries } from '@/features/auth/api/session-queries';
import { dashboardQueries } from '@/features/dashboard/api/dashboard-queries';
import { stakeholderQueries } from '@/features/stakeholders/api/stakeholder-queries';
import { AppLayout } from '@/components/layout/app-layout';
import { UserMenu } from '@/features/auth/components/user-menu';
import { LoadingState } from '@/components/states/loading-state';
import { NotFoundRoute } from './routes/not-found';
import { RouteError } from './routes/route-error';

/**
 * A page's main read starts as soon as the session is known, side by side with the page's code, instead of after
 * the page first renders: one round trip fewer before its content shows. Never awaited (the page shows its own
 * loading state as before), and only for someone signed in, so nobody signed out is sent to sign in by a 401.
 */
function prefetchFor(queryClient: QueryClient, start: (params: Record<string, string | undefined>) => Promise<void> | undefined) {
  return ({ params }: { params: Record<string, string | undefined> }) => {
    void queryClient
      .ensureQueryData(sessionQueries.current())
      .then((session) => (session ? start(params) : undefined))
      .catch(() => undefined);
    return null;
  };
}

// Pages load on demand so the first screen does not wait for the chart library.
export const createRoutes = (queryClient: QueryClient): RouteObject[] => [
  // The printable brief stands alone: no navigation, nothing but the page.
  {
    path: 'meetings/:meetingId/print',
    lazy: () => import('./routes/meeting-print').then((m) => ({ Component: m.MeetingPrintRoute })),
    hydrateFallbackElement: <LoadingState />,
    errorElement: <RouteError />,
  },
  { path: 'stakeholders/:stakeholderId/print', lazy: () => import('./routes/stakeholder-print').then((m) => ({ Component: m.StakeholderPrintRoute })), hydrateFallbackElement: <LoadingState />, errorElement: <RouteError /> },
  {
    element: <AppLayout accountMenu={<UserMenu />} />,
    hydrateFallbackElement: (
      <AppLayout accountMenu={<UserMenu />}>
        <LoadingState />
      </AppLayout>
    ),
    errorElement: (
      <AppLayout accountMenu={<UserMenu />}>
        <RouteError />
      </AppLayout>
    ),
    children: [
      {
        errorElement: <RouteError />,
        children: [
          { index: true, element: <Navigate to="/dashboard" replace /> },
          {
            path: 'dashboard',
            loader: prefetchFor(queryClient, () => queryClient.prefetchQuery(dashboardQueries.summary())),
            lazy: () => import('./routes/dashboard').then((m) => ({ Component: m.DashboardRoute })),
          },
          { path: 'stakeholders', lazy: () => import('./routes/stakeholders').then((m) => ({ Component: m.StakeholdersRoute })) },
          {
            path: 'stakeholders/:stakeholderId',
            loader: prefetchFor(queryClient, ({ stakeholderId }) => (stakeholderId ? queryClient.prefetchQuery(stakeholderQueries.journey(stakeholderId)) : undefined)),
            lazy: () => import('./routes/stakeholder').then((m) => ({ Component: m.StakeholderRoute })),
          },
          {
            path: 'stakeholders/:stakeholderId/soundings/new',
            lazy: () => import('./routes/new-sounding').then((m) => ({ Component: m.NewSoundingRoute })),
          },
          { path: 'stakeholders/:stakeholderId/soundings/:soundingId/edit', lazy: () => import('./routes/edit-sounding').then((m) => ({ Component: m.EditSoundingRoute })) },
          { path: 'fears', lazy: () => import('./routes/fears').then((m) => ({ Component: m.FearsRoute })) },
          { path: 'briefings', lazy: () => import('./routes/briefings').then((m) => ({ Component: m.BriefingsRoute })) },
          { path: 'coalition/relationships', lazy: () => import('./routes/relationships').then((m) => ({ Component: m.RelationshipsRoute })) },
          { path: 'meetings', lazy: () => import('./routes/meetings').then((m) => ({ Component: m.MeetingsRoute })) },
          { path: 'meetings/:meetingId', lazy: () => import('./routes/meeting').then((m) => ({ Component: m.MeetingRoute })) },
          { path: 'expectations', lazy: () => import('./routes/expectations').then((m) => ({ Component: m.ExpectationsRoute })) },
          { path: 'priorities', lazy: () => import('./routes/priorities').then((m) => ({ Component: m.PrioritiesRoute })) },
          { path: 'pilots', lazy: () => import('./routes/pilots').then((m) => ({ Component: m.PilotsRoute })) },
          { path: 'pilots/:pilotId', lazy: () => import('./routes/pilot').then((m) => ({ Component: m.PilotRoute })) },
          { path: 'programme', lazy: () => import('./routes/programme').then((m) => ({ Component: m.ProgrammeRoute })) },
          { path: 'champions', lazy: () => import('./routes/champions').then((m) => ({ Component: m.ChampionsRoute })) },
          { path: 'recommendations', lazy: () => import('./routes/recommendations').then((m) => ({ Component: m.RecommendationsRoute })) },
          {
            path: 'coalition/network',
            lazy: () => import('./routes/coalition-network').then((m) => ({ Component: m.CoalitionNetworkRoute })),
          },
          { path: 'coalition/narratives', lazy: () => import('./routes/narratives').then((m) => ({ Component: m.NarrativesRoute })) },
          { path: 'coalition/grid', lazy: () => import('./routes/coalition-grid').then((m) => ({ Component: m.CoalitionGridRoute })) },
          { path: 'users', lazy: () => import('./routes/users').then((m) => ({ Component: m.UsersRoute })) },
          { path: 'audit', lazy: () => import('./routes/audit').then((m) => ({ Component: m.AuditRoute })) },
          { path: 'deleted', lazy: () => import('./routes/deleted-items').then((m) => ({ Component: m.DeletedItemsRoute })) },
          { path: 'settings', lazy: () => import('./routes/settings').then((m) => ({ Component: m.SettingsRoute })) },
          { path: 'account', lazy: () => import('./routes/account').then((m) => ({ Component: m.AccountRoute })) },
          { path: '*', element: <NotFoundRoute /> },
        ],
      },
    ],
  },
];

export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter(createRoutes(queryClient));
}
