import { Anchor, Button, Card, Group, Stack, Text, Title, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Relationship, StakeholderRef } from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import { IconPlus } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { relationshipQueries } from '../api/relationship-queries';
import { QualityBadge } from './quality-badge';
import { RelationshipFormModal, type ChampionPickerProps } from './relationship-form-modal';

interface RelationshipHoldersSectionProps {
  stakeholder: StakeholderRef;
  canWrite: boolean;
  renderChampionPicker: (props: ChampionPickerProps) => ReactNode;
}

/** "Who holds the relationship": the champions and HR people on our side who hold it, and how well. */
export function RelationshipHoldersSection({ stakeholder, canWrite, renderChampionPicker }: RelationshipHoldersSectionProps) {
  const relationships = useQuery(relationshipQueries.list({ stakeholderId: stakeholder.id, pageSize: 100 }));
  const [editing, setEditing] = useState<Relationship | 'new' | null>(null);
  const items = relationships.data?.items ?? [];

  return (
    <Card component="section" aria-labelledby="holders-heading">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={3} fz="md" id="holders-heading">
          Who holds the relationship
        </Title>
        {canWrite && (
          <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>
            Add
          </Button>
        )}
      </Group>
      {relationships.isPending ? (
        <Text size="sm" c="dimmed">
          Loading…
        </Text>
      ) : relationships.isError ? (
        <Text size="sm" c="red.7">
          The relationships could not be loaded.
        </Text>
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nobody on our side is recorded as holding the relationship with {stakeholder.name} yet.
        </Text>
      ) : (
        <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {items.map((relationship) => {
            const { holder } = relationship;
            const label = holder.type === 'champion' ? 'Champion' : 'HR';
            const row = (
              <Group gap="xs" wrap="nowrap" align="flex-start" justify="space-between" w="100%">
                <Stack gap={0} style={{ minWidth: 0 }}>
                  <Text size="sm" fw={600}>
                    {holder.name}{' '}
                    <Text span size="xs" c="dimmed" fw={400}>
                      {label}
                    </Text>
                  </Text>
                  {relationship.note && (
                    <Text size="xs" c="dimmed" lineClamp={2}>
                      {relationship.note}
                    </Text>
                  )}
                </Stack>
                <QualityBadge quality={relationship.quality} style={{ flexShrink: 0 }} />
              </Group>
            );
            return (
              <li key={relationship.id}>
                {canWrite ? (
                  <UnstyledButton w="100%" onClick={() => setEditing(relationship)}>
                    {row}
                    <VisuallyHidden>Change or remove</VisuallyHidden>
                  </UnstyledButton>
                ) : (
                  row
                )}
              </li>
            );
          })}
        </Stack>
      )}
      <Anchor component={Link} to="/coalition/relationships" size="xs" mt="sm" display="inline-block">
        See the top team's relationship matrix
      </Anchor>
      {canWrite && (
        <RelationshipFormModal
          opened={editing !== null}
          onClose={() => setEditing(null)}
          subject={stakeholder}
          holder={editing && editing !== 'new' ? editing.holder : null}
          relationship={editing && editing !== 'new' ? editing : null}
          renderChampionPicker={renderChampionPicker}
          onSaved={(saved, created) => {
            setEditing(null);
            notifications.show({ color: 'teal', title: created ? 'Relationship added' : 'Relationship saved', message: `${saved.holder.name} with ${saved.stakeholder.name}.` });
          }}
          onDeleted={() => {
            setEditing(null);
            notifications.show({ color: 'gray', title: 'Relationship removed', message: `No longer recorded for ${stakeholder.name}.` });
          }}
        />
      )}
    </Card>
  );
}
