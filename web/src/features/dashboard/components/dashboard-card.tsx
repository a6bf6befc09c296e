import { Anchor, Card, Group, Text, Title } from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';

interface DashboardCardProps {
  title: string;
  description?: string;
  seeAll?: { to: string; label: string };
  children: ReactNode;
}

export function DashboardCard({ title, description, seeAll, children }: DashboardCardProps) {
  const headingId = `dashboard-${title.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <Card component="section" aria-labelledby={headingId} h="100%">
      <Group justify="space-between" align="flex-start" mb="md" gap="xs" wrap="nowrap">
        <div style={{ minWidth: 0 }}>
          <Title order={2} fz="md" id={headingId}>
            {title}
          </Title>
          {description && (
            <Text size="xs" c="dimmed">
              {description}
            </Text>
          )}
        </div>
        {seeAll && (
          <Anchor component={Link} to={seeAll.to} size="sm" fw={500} style={{ display: 'inline-flex', alignItems: 'center', gap: 4, whiteSpace: 'nowrap' }}>
            {seeAll.label} <IconArrowRight size={14} />
          </Anchor>
        )}
      </Group>
      {children}
    </Card>
  );
}
