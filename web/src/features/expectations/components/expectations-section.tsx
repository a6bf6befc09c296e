import { Anchor, Button, Card, Group, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { expectationNeedsAttention, type Expectation, type StakeholderRef } from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import { IconPlus } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { expectationQueries } from '../api/expectation-queries';
import { lazyDialog } from '@/components/lazy-dialog';
import type { TellerPickerProps } from './expectation-form-modal';
import { ExpectationList } from './expectation-list';
import { notifyDeleted } from '@/components/deleted-notification';

// Its form and date field load when the dialog first opens, not with the page.
const ExpectationFormModal = lazyDialog(() => import('./expectation-form-modal').then((m) => m.ExpectationFormModal));

interface ExpectationsSectionProps {
  stakeholder: StakeholderRef;
  canWrite: boolean;
  renderChampionPicker: (props: TellerPickerProps) => ReactNode;
}

/** "What they expect": what the person was told to expect, newest first, each with its status and realism. */
export function ExpectationsSection({ stakeholder, canWrite, renderChampionPicker }: ExpectationsSectionProps) {
  const expectations = useQuery(expectationQueries.list({ stakeholderId: stakeholder.id, pageSize: 100 }));
  const [editing, setEditing] = useState<Expectation | 'new' | null>(null);
  const items = expectations.data?.items ?? [];
  const flagged = items.filter(expectationNeedsAttention).length;

  return (
    <Card component="section" aria-labelledby="expectations-heading">
      <Group justify="space-between" mb="sm" gap="xs">
        <div>
          <Title order={2} fz="md" id="expectations-heading">
            What they expect
          </Title>
          {flagged > 0 && (
            <Text size="xs" c="red.8" fw={600}>
              {flagged === 1 ? '1 needs resetting: at risk or unrealistic' : `${flagged} need resetting: at risk or unrealistic`}
            </Text>
          )}
        </div>
        {canWrite && (
          <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>
            Record an expectation
          </Button>
        )}
      </Group>
      {expectations.isPending ? (
        <Text size="sm" c="dimmed">
          Loading…
        </Text>
      ) : expectations.isError ? (
        <Text size="sm" c="red.7">
          The expectations could not be loaded.
        </Text>
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          Nothing recorded about what {stakeholder.name} was told to expect.
        </Text>
      ) : (
        <ExpectationList expectations={items} onEdit={canWrite ? setEditing : undefined} />
      )}
      <Anchor component={Link} to="/expectations" size="xs" mt="sm" display="inline-block">
        See every leader's expectations
      </Anchor>
      {canWrite && (
        <ExpectationFormModal
          opened={editing !== null}
          onClose={() => setEditing(null)}
          subject={stakeholder}
          expectation={editing && editing !== 'new' ? editing : null}
          renderChampionPicker={renderChampionPicker}
          onSaved={(saved, created) => {
            setEditing(null);
            notifications.show({ color: 'teal', title: created ? 'Expectation recorded' : 'Expectation saved', message: `What ${saved.stakeholder.name} expects.` });
          }}
          onDeleted={() => {
            setEditing(null);
            if (editing && editing !== 'new') notifyDeleted({ id: editing.id, title: 'Expectation deleted', message: `No longer recorded for ${stakeholder.name}.` });
          }}
        />
      )}
    </Card>
  );
}
