import { Button, Card, Group, Stack, Text, Title, UnstyledButton, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { TimingWindow } from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { formatDate, todayIso } from '@/lib/dates';
import { timingQueries } from '../api/timing-queries';
import { groupTimingWindows } from './timing-groups';
import { TimingKindBadge } from './timing-kind-badge';
import { lazyDialog } from '@/components/lazy-dialog';
import { notifyDeleted } from '@/components/deleted-notification';

// Its form and date field load when the dialog first opens, not with the page.
const TimingWindowFormModal = lazyDialog(() => import('./timing-window-form-modal').then((m) => m.TimingWindowFormModal));

interface TimingSectionProps {
  stakeholder: { id: string; name: string };
  canWrite: boolean;
}

function span(window: TimingWindow): string {
  return window.startsOn === window.endsOn ? formatDate(window.startsOn) : `${formatDate(window.startsOn)} – ${formatDate(window.endsOn)}`;
}

const GROUP_TITLES = { now: 'Now', upcoming: 'Coming up', past: 'Past' } as const;

/** "Timing": when the person is most receptive, in words, and their dated best and not-now windows. */
export function TimingSection({ stakeholder, canWrite }: TimingSectionProps) {
  const timing = useQuery(timingQueries.forStakeholder(stakeholder.id));
  const [editing, setEditing] = useState<TimingWindow | 'new' | null>(null);
  const groups = groupTimingWindows(timing.data?.windows ?? [], todayIso());

  return (
    <Card component="section" aria-labelledby="timing-heading">
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} fz="md" id="timing-heading">
          Timing
        </Title>
        {canWrite && (
          <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} />} onClick={() => setEditing('new')}>
            Add window
          </Button>
        )}
      </Group>
      {timing.isPending ? (
        <Text size="sm" c="dimmed">
          Loading…
        </Text>
      ) : timing.isError ? (
        <Text size="sm" c="red.7">
          Their timing could not be loaded.
        </Text>
      ) : (
        <Stack gap="sm">
          <Text size="sm" c={timing.data.timingNotes ? undefined : 'dimmed'}>
            {timing.data.timingNotes ?? 'No notes on when they are most receptive.'}
          </Text>
          {timing.data.windows.length === 0 ? (
            <Text size="sm" c="dimmed">
              No dated windows yet. Add when {stakeholder.name} is best approached, or a time to keep clear of.
            </Text>
          ) : (
            (['now', 'upcoming', 'past'] as const).map((group) =>
              groups[group].length === 0 ? null : (
                <Stack key={group} gap={4}>
                  <Title order={3} fz="xs" c="dimmed" tt="uppercase" lts={0.3} id={`timing-${group}`}>
                    {GROUP_TITLES[group]}
                  </Title>
                  <Stack gap={6} component="ul" aria-labelledby={`timing-${group}`} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                    {groups[group].map((window) => {
                      const row = (
                        <Group gap="xs" wrap="nowrap" align="flex-start" justify="space-between" w="100%">
                          <Stack gap={0} style={{ minWidth: 0 }}>
                            <Text size="sm" fw={600}>
                              {span(window)}
                            </Text>
                            {window.note && (
                              <Text size="xs" c="dimmed" lineClamp={2}>
                                {window.note}
                              </Text>
                            )}
                          </Stack>
                          <TimingKindBadge kind={window.kind} style={{ flexShrink: 0 }} />
                        </Group>
                      );
                      return (
                        <li key={window.id}>
                          {canWrite ? (
                            <UnstyledButton w="100%" onClick={() => setEditing(window)}>
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
                </Stack>
              ),
            )
          )}
        </Stack>
      )}
      {canWrite && (
        <TimingWindowFormModal
          opened={editing !== null}
          onClose={() => setEditing(null)}
          stakeholder={stakeholder}
          window={editing && editing !== 'new' ? editing : null}
          onSaved={(saved, created) => {
            setEditing(null);
            notifications.show({ color: 'teal', title: created ? 'Timing window added' : 'Timing window saved', message: `${span(saved)} for ${stakeholder.name}.` });
          }}
          onDeleted={() => {
            setEditing(null);
            if (editing && editing !== 'new') notifyDeleted({ id: editing.id, title: 'Timing window removed', message: `No longer recorded for ${stakeholder.name}.` });
          }}
        />
      )}
    </Card>
  );
}
