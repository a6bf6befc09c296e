import { Button } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Can, type Permission } from '@/lib/authorization';
import { EmptyState } from './empty-state';

export function NotAllowedState({ description = 'Your role does not include this page. An admin can change your role.' }: { description?: string }) {
  return (
    <EmptyState
      icon={<IconLock size={26} />}
      title="Not available to your role"
      description={description}
      actions={
        <Button component={Link} to="/dashboard" variant="default">
          Go to the dashboard
        </Button>
      }
    />
  );
}

/** A page for some roles only: everyone else sees why it is not there, not a failed request. */
export function RequirePermission({ permission, children, description }: { permission: Permission; children: ReactNode; description?: string }) {
  return (
    <Can permission={permission} fallback={<NotAllowedState description={description} />}>
      {children}
    </Can>
  );
}
