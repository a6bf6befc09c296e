import { ActionIcon, Alert, Anchor, Button, Card, Group, Modal, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  INFLUENCE_KIND_LABELS,
  INFLUENCE_STRENGTH_LABELS,
  RESTORE_WINDOW_DAYS,
  type InfluenceTie,
  type StakeholderRef,
} from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import { IconEdit, IconPlus, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { CommitmentBadge } from '@/components/commitment-badge';
import { notifyDeleted } from '@/components/deleted-notification';
import { ErrorState } from '@/components/states/error-state';
import { LoadingState } from '@/components/states/loading-state';
import { useDeleteInfluence } from '../api/delete-influence';
import { influenceQueries } from '../api/influence-queries';
import { influenceSentence } from './influence-sentence';
import { lazyDialog } from '@/components/lazy-dialog';

// The link form (its selects and person picker) loads the first time it opens.
const InfluenceLinkModal = lazyDialog(() => import('./influence-link-modal').then((m) => m.InfluenceLinkModal));

type Side = 'looksTo' | 'lookedToBy' | 'allies' | 'conflicts';

const GROUPS: { side: Side; title: (name: string) => string; empty: string }[] = [
  { side: 'looksTo', title: (name) => `${name} looks to`, empty: 'No one on record.' },
  { side: 'lookedToBy', title: (name) => `Who looks to ${name}`, empty: 'No one on record.' },
  { side: 'allies', title: () => 'Allies', empty: 'None on record.' },
  { side: 'conflicts', title: () => 'Conflicts', empty: 'None on record.' },
];

/** What the listed person is to the page's person, and how strongly: "Mentor · Decisive", "Looks to Dana Okafor · Some". */
function tieLabel(tie: InfluenceTie, side: Side, name: string): string {
  const what: Record<Side, string> =
    tie.via === 'reporting_line'
      ? { looksTo: 'Manager (reporting line)', lookedToBy: 'Direct report', allies: '', conflicts: '' }
      : {
          looksTo: tie.kind === 'mentor' ? 'Mentor' : 'Looked to',
          lookedToBy: tie.kind === 'mentor' ? `Mentored by ${name}` : `Looks to ${name}`,
          allies: INFLUENCE_KIND_LABELS.ally,
          conflicts: INFLUENCE_KIND_LABELS.conflict,
        };
  return `${what[side]} · ${INFLUENCE_STRENGTH_LABELS[tie.strength]}`;
}

interface WhoTheyLookToProps {
  person: StakeholderRef;
  /** Practitioners and admins, and the person not erased. */
  canWrite: boolean;
}

/** "Who they look to": where the people who sway this person stand, who looks to them, allies and conflicts. */
export function WhoTheyLookTo({ person, canWrite }: WhoTheyLookToProps) {
  const influence = useQuery(influenceQueries.forStakeholder(person.id));
  const [adding, { open: openAdd, close: closeAdd }] = useDisclosure(false);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [removing, setRemoving] = useState<{ id: string; sentence: string } | null>(null);
  const remove = useDeleteInfluence();

  const sentenceOf = (tie: InfluenceTie, side: Side) =>
    side === 'lookedToBy' ? influenceSentence(tie.person.name, tie.kind, person.name) : influenceSentence(person.name, tie.kind, tie.person.name);

  const closeRemove = () => {
    remove.reset();
    setRemoving(null);
  };

  return (
    <Card component="section" aria-labelledby="influence-heading">
      <Group justify="space-between" mb="sm" gap="sm">
        <Title order={2} fz="md" id="influence-heading">
          Who they look to
        </Title>
        {canWrite && (
          <Button size="xs" variant="default" leftSection={<IconPlus size={14} />} onClick={openAdd}>
            Add a link
          </Button>
        )}
      </Group>
      {influence.isPending ? (
        <LoadingState label="Loading who they look to…" />
      ) : influence.isError ? (
        <ErrorState error={influence.error} title="Who they look to could not be loaded" onRetry={() => void influence.refetch()} />
      ) : (
        <Stack gap="md">
          <Text data-testid="influence-summary">{influence.data.summary.text}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
            {GROUPS.map(({ side, title, empty }) => {
              const ties = influence.data[side];
              return (
                <div key={side}>
                  <Title order={3} fz="sm" mb={6} id={`influence-${side}`}>
                    {title(person.name)}
                  </Title>
                  {ties.length === 0 ? (
                    <Text size="sm" c="dimmed">
                      {empty}
                    </Text>
                  ) : (
                    <Stack component="ul" gap={6} aria-labelledby={`influence-${side}`} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
                      {ties.map((tie) => (
                        <li key={`${tie.influenceId ?? 'reporting'}-${tie.person.id}`}>
                          <Group gap="xs" wrap="nowrap" justify="space-between">
                            <Stack gap={0} style={{ minWidth: 0 }}>
                              <Group gap={6}>
                                <Anchor component={Link} to={`/stakeholders/${tie.person.id}`} size="sm" fw={600}>
                                  {tie.person.name}
                                </Anchor>
                                {/* The dot keeps the label dark enough to read in every level colour. */}
                                <CommitmentBadge level={tie.person.commitment} size="sm" variant="dot" />
                              </Group>
                              <Text size="xs" c="dimmed">
                                {tieLabel(tie, side, person.name)}
                                {tie.note ? ` — ${tie.note}` : ''}
                              </Text>
                            </Stack>
                            {canWrite && tie.influenceId && (
                              <Group gap={2} wrap="nowrap">
                                <ActionIcon
                                  variant="subtle"
                                  color="gray"
                                  aria-label={`Edit the link: ${sentenceOf(tie, side)}`}
                                  onClick={() => setEditingId(tie.influenceId)}
                                >
                                  <IconEdit size={16} />
                                </ActionIcon>
                                <ActionIcon
                                  variant="subtle"
                                  color="red"
                                  aria-label={`Remove the link: ${sentenceOf(tie, side)}`}
                                  onClick={() => setRemoving({ id: tie.influenceId!, sentence: sentenceOf(tie, side) })}
                                >
                                  <IconTrash size={16} />
                                </ActionIcon>
                              </Group>
                            )}
                          </Group>
                        </li>
                      ))}
                    </Stack>
                  )}
                </div>
              );
            })}
          </SimpleGrid>
        </Stack>
      )}
      {canWrite && (
        <>
          <InfluenceLinkModal person={person} opened={adding} onClose={closeAdd} />
          <InfluenceLinkModal person={person} opened={editingId !== null} editingId={editingId} onClose={() => setEditingId(null)} />
          <Modal opened={removing !== null} onClose={closeRemove} title="Remove this link?" closeButtonProps={{ 'aria-label': 'Close' }}>
            <Stack gap="md">
              <Text size="sm">
                {removing?.sentence}. Removing the link takes it off both people&apos;s pages; it can be restored for {RESTORE_WINDOW_DAYS} days.
              </Text>
              {remove.error && (
                <Alert color="red" variant="light" role="alert" title="The link was not removed">
                  {remove.error.message}
                </Alert>
              )}
              <Group justify="flex-end" gap="sm">
                <Button variant="default" onClick={closeRemove} disabled={remove.isPending}>
                  Keep it
                </Button>
                <Button color="red" loading={remove.isPending} onClick={() =>
                    removing &&
                    remove.mutate(removing.id, {
                      onSuccess: () => {
                        notifyDeleted({ id: removing.id, title: 'Link removed', message: `${removing.sentence}.` });
                        closeRemove();
                      },
                    })
                  }
                >
                  Remove link
                </Button>
              </Group>
            </Stack>
          </Modal>
        </>
      )}
    </Card>
  );
}
