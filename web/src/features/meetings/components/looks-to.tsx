import { Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import type { MeetingReadiness } from '@soundings/shared';
import { IconArrowRight } from '@tabler/icons-react';
import { Link } from 'react-router';
import { CommitmentBadge } from '@/components/commitment-badge';
import { byStanding } from './readiness';

/** People like to see who else is on board: for each undecided person, whose lead they are likely to follow. */
export function LooksTo({ readiness }: { readiness: MeetingReadiness }) {
  const undecided = readiness.attendees.filter((attendee) => !attendee.onBoard).sort(byStanding);
  return (
    <Card component="section" aria-labelledby="looks-to-heading">
      <Title order={2} fz="md" id="looks-to-heading">
        Who the undecided look to
      </Title>
      <Text size="xs" c="dimmed" mb="md">
        The person each reports to. Someone on board in the room can speak first; someone not yet on board is the one to win.
      </Text>
      {undecided.length === 0 ? (
        <Text size="sm" c="dimmed">
          Everyone attending is on board.
        </Text>
      ) : (
        <Stack gap="sm">
          {undecided.map((attendee) => {
            const leader = attendee.looksTo;
            return (
              <Group key={attendee.stakeholder.id} gap={8} wrap="wrap" data-person={attendee.stakeholder.name}>
                <Anchor component={Link} to={`/stakeholders/${attendee.stakeholder.id}`} fw={600} size="sm">
                  {attendee.stakeholder.name}
                </Anchor>
                <CommitmentBadge level={attendee.commitment} size="xs" />
                <IconArrowRight size={14} color="var(--mantine-color-gray-5)" aria-label="looks to" />
                {leader ? (
                  <>
                    <Anchor component={Link} to={`/stakeholders/${leader.id}`} fw={600} size="sm">
                      {leader.name}
                    </Anchor>
                    <CommitmentBadge level={leader.commitment} size="xs" />
                    <Text size="xs" c={leader.onBoard && leader.attending ? 'teal.8' : 'dimmed'}>
                      {leader.onBoard
                        ? leader.attending
                          ? 'on board and in the room: ask them to speak first'
                          : 'on board, not attending: a word beforehand helps'
                        : leader.attending
                          ? 'in the room but not on board yet: win them first'
                          : 'not on board yet, not attending'}
                    </Text>
                  </>
                ) : (
                  <Text size="xs" c="dimmed">
                    no one recorded (set who they report to)
                  </Text>
                )}
              </Group>
            );
          })}
        </Stack>
      )}
    </Card>
  );
}
