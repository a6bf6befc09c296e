import { Button } from '@mantine/core';
import { IconMapOff } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '@/components/states/empty-state';

export function NotFoundRoute() {
  return (
    <EmptyState
      icon={<IconMapOff size={26} />}
      title="Page not found"
      description="The link may be old or mistyped."
      actions={
        <Button component={Link} to="/dashboard" variant="default">
          Go to the dashboard
        </Button>
      }
    />
  );
}
