import { EmptyState as MantineEmptyState } from '@mantine/core';
import type { ReactNode } from 'react';

interface EmptyStateProps {
  icon: ReactNode;
  title: string;
  description?: ReactNode;
  actions?: ReactNode;
  compact?: boolean;
}

export function EmptyState({ icon, title, description, actions, compact }: EmptyStateProps) {
  return (
    <MantineEmptyState
      py={compact ? 'lg' : 48}
      size={compact ? 'sm' : 'md'}
      variant="light"
      icon={icon}
      title={title}
      description={typeof description === 'string' ? description : undefined}
    >
      {description && typeof description !== 'string' && <div>{description}</div>}
      {actions && <MantineEmptyState.Actions>{actions}</MantineEmptyState.Actions>}
    </MantineEmptyState>
  );
}
