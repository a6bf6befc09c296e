import { Anchor, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { Priority } from '@soundings/shared';
import { IconEdit } from '@tabler/icons-react';
import { Link } from 'react-router';
import { CommitmentBadge } from '@/components/commitment-badge';
import { groupByFunction } from '../priority-groups';

interface PrioritiesByFunctionProps {
  priorities: Priority[];
  canWrite: boolean;
  onEdit: (priority: Priority) => void;
}

const headingId = (businessFunction: string) => `function-${businessFunction.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;

/** Each function's priorities in its own card: the priority, its owner and where they stand, and how coaching serves it. */
export function PrioritiesByFunction({ priorities, canWrite, onEdit }: PrioritiesByFunctionProps) {
  return (
    <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
      {groupByFunction(priorities).map((group) => (
        <Card key={group.businessFunction} component="section" aria-labelledby={headingId(group.businessFunction)}>
          <Title order={2} fz="lg" mb="sm" id={headingId(group.businessFunction)}>
            {group.businessFunction}
          </Title>
          <Stack gap="md" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
            {group.priorities.map((priority) => (
              <li key={priority.id}>
                <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
                  <Stack gap={4} style={{ minWidth: 0 }}>
                    <Text fw={600} size="sm">
                      {priority.title}
                    </Text>
                    <Group gap={6}>
                      {priority.owner ? (
                        <>
                          <Text size="xs" c="dimmed">
                            Owner:
                          </Text>
                          <Anchor component={Link} to={`/stakeholders/${priority.owner.id}`} size="xs">
                            {priority.owner.name}
                          </Anchor>
                          <CommitmentBadge level={priority.owner.commitment} size="xs" />
                        </>
                      ) : (
                        <Text size="xs" c="dimmed">
                          No owner named
                        </Text>
                      )}
                    </Group>
                    <Text size="xs" c={priority.coachingLink ? undefined : 'dimmed'}>
                      {priority.coachingLink ?? 'No coaching link written yet.'}
                    </Text>
                  </Stack>
                  {canWrite && (
                    <Button size="compact-xs" variant="subtle" leftSection={<IconEdit size={12} />} onClick={() => onEdit(priority)} aria-label={`Edit “${priority.title}”`} style={{ flexShrink: 0 }}>
                      Edit
                    </Button>
                  )}
                </Group>
              </li>
            ))}
          </Stack>
        </Card>
      ))}
    </SimpleGrid>
  );
}
