import { Button } from '@mantine/core';
import { IconMapOff } from '@tabler/icons-react';
import { Link } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { EmptyState } from '@/components/states/empty-state';

export function NotFoundRoute() {
  return (
    <>
      <PageHeader title="Page not found" />
      <EmptyState
        icon={<IconMapOff size={26} />}
        title="Nothing lives at this address"
        description="The link may be old or mistyped."
        actions={
          <Button component={Link} to="/dashboard" variant="default">
            Go to the dashboard
          </Button>
        }
      />
    </>
  );
}
