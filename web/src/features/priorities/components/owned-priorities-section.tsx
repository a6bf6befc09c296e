import { Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { Priority, StakeholderRef } from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import { IconPlus } from '@tabler/icons-react';
import { notifyPriorityRemoved, notifyPrioritySaved } from './priority-notifications';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { EditableList, InlineQueryState } from '@/components/editable-list';
import { priorityQueries } from '../api/priority-queries';
import { lazyDialog } from '@/components/lazy-dialog';
import type { OwnerPickerProps } from './priority-form-modal';

// Its form and date field load when the dialog first opens, not with the page.
const PriorityFormModal = lazyDialog(() => import('./priority-form-modal').then((m) => m.PriorityFormModal));

interface OwnedPrioritiesSectionProps {
  stakeholder: StakeholderRef & { businessFunction: string | null };
  canWrite: boolean;
  renderOwnerPicker: (props: OwnerPickerProps) => ReactNode;
}

/** "Priorities they own": the business priorities this person owns, to tie the case to. */
export function OwnedPrioritiesSection({ stakeholder, canWrite, renderOwnerPicker }: OwnedPrioritiesSectionProps) {
  const owned = useQuery(priorityQueries.list({ ownerId: stakeholder.id }));
  const [editing, setEditing] = useState<Priority | 'new' | null>(null);
  const items = owned.data?.items ?? [];

  return (
    <Card component="section" aria-labelledby="owned-priorities-heading">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} fz="md" id="owned-priorities-heading">
          Priorities they own
        </Title>
        {canWrite && (
          <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')} aria-label={`Add a priority ${stakeholder.name} owns`}>
            Add
          </Button>
        )}
      </Group>
      <InlineQueryState
        isPending={owned.isPending}
        isError={owned.isError}
        errorText="The priorities could not be loaded."
        isEmpty={items.length === 0}
        emptyText={`${stakeholder.name} owns no business priority on record yet.`}
      >
        <EditableList
          items={items}
          itemKey={(priority) => priority.id}
          onEdit={canWrite ? setEditing : undefined}
          renderRow={(priority) => (
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="sm" fw={600}>
                {priority.title}{' '}
                <Text span size="xs" c="dimmed" fw={400}>
                  {priority.businessFunction}
                </Text>
              </Text>
              {priority.coachingLink && (
                <Text size="xs" c="dimmed" lineClamp={2}>
                  {priority.coachingLink}
                </Text>
              )}
            </Stack>
          )}
        />
      </InlineQueryState>
      <Anchor component={Link} to="/priorities" size="xs" mt="sm" display="inline-block">
        Every function's priorities
      </Anchor>
      {canWrite && (
        <PriorityFormModal
          opened={editing !== null}
          onClose={() => setEditing(null)}
          priority={editing && editing !== 'new' ? editing : null}
          owner={stakeholder}
          businessFunction={stakeholder.businessFunction}
          renderOwnerPicker={renderOwnerPicker}
          onSaved={(saved, created) => {
            setEditing(null);
            notifyPrioritySaved(saved, created);
          }}
          onDeleted={(removed) => {
            setEditing(null);
            notifyPriorityRemoved(removed);
          }}
        />
      )}
    </Card>
  );
}
