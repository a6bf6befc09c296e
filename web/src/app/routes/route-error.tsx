import { Stack } from '@mantine/core';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { ErrorState } from '@/components/states/error-state';
import { NotFoundRoute } from './not-found';

/** Catches render errors in a page so the navigation stays usable. */
export function RouteError() {
  const error = useRouteError();
  if (isRouteErrorResponse(error) && error.status === 404) return <NotFoundRoute />;
  return (
    <Stack p="md">
      <ErrorState error={error} title="This page hit a problem" onRetry={() => window.location.reload()} />
    </Stack>
  );
}
