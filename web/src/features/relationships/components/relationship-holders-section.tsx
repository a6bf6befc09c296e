import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Relationship, StakeholderRef } from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import { IconPlus } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { EditableList, InlineQueryState } from '@/components/editable-list';
import { relationshipQueries } from '../api/relationship-queries';
import { QualityBadge } from './quality-badge';
import { lazyDialog } from '@/components/lazy-dialog';
import type { ChampionPickerProps } from './relationship-form-modal';
import { notifyDeleted } from '@/components/deleted-notification';

// Its form and date field load when the dialog first opens, not with the page.
const RelationshipFormModal = lazyDialog(() => import('./relationship-form-modal').then((m) => m.RelationshipFormModal));

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
        <Title order={2} fz="md" id="holders-heading">
          Who holds the relationship
        </Title>
        {canWrite && (
          <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>
            Add
          </Button>
        )}
      </Group>
      <InlineQueryState
        isPending={relationships.isPending}
        isError={relationships.isError}
        errorText="The relationships could not be loaded."
        isEmpty={items.length === 0}
        emptyText={`Nobody on our side is recorded as holding the relationship with ${stakeholder.name} yet.`}
      >
        <EditableList
          items={items}
          itemKey={(relationship) => relationship.id}
          onEdit={canWrite ? setEditing : undefined}
          renderRow={(relationship) => (
            <Group gap="xs" wrap="nowrap" align="flex-start" justify="space-between" w="100%">
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text size="sm" fw={600}>
                  {relationship.holder.name}{' '}
                  <Text span size="xs" c="dimmed" fw={400}>
                    {relationship.holder.type === 'champion' ? 'Champion' : 'HR'}
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
          )}
        />
      </InlineQueryState>
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
            if (editing && editing !== 'new') notifyDeleted({ id: editing.id, title: 'Relationship removed', message: `No longer recorded for ${stakeholder.name}.` });
          }}
        />
      )}
    </Card>
  );
}
