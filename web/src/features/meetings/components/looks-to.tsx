import { Anchor, Card, Group, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import type { AttendeeReadiness, MeetingReadiness } from '@soundings/shared';
import { IconMicrophone2, IconMessageCircle, IconTarget, IconUserOff, IconUserQuestion } from '@tabler/icons-react';
import { Fragment, type ReactNode } from 'react';
import { Link } from 'react-router';
import { CommitmentBadge } from '@/components/commitment-badge';
import { groupByWhomTheyLookTo, type LooksToAdvice, type LooksToGroup } from './readiness';

const ADVICE: Record<LooksToAdvice, { icon: ReactNode; color: string }> = {
  speak_first: { icon: <IconMicrophone2 size={14} />, color: 'teal' },
  win_first: { icon: <IconTarget size={14} />, color: 'orange' },
  word_beforehand: { icon: <IconMessageCircle size={14} />, color: 'blue' },
  not_yet_absent: { icon: <IconUserOff size={14} />, color: 'gray' },
  no_one_recorded: { icon: <IconUserQuestion size={14} />, color: 'gray' },
};

function PersonLink({ id, name }: { id: string; name: string }) {
  return (
    <Anchor component={Link} to={`/stakeholders/${id}`} fw={600} size="sm">
      {name}
    </Anchor>
  );
}

/** "Ana, Ben and Cy", each a link. */
function People({ people }: { people: AttendeeReadiness[] }) {
  return (
    <>
      {people.map((attendee, index) => (
        <Fragment key={attendee.stakeholder.id}>
          {index > 0 && (index === people.length - 1 ? ' and ' : ', ')}
          <PersonLink id={attendee.stakeholder.id} name={attendee.stakeholder.name} />
        </Fragment>
      ))}
    </>
  );
}

function Advice({ group }: { group: LooksToGroup }) {
  const { leader, people } = group;
  const they = people.length === 1 ? 'looks' : 'look';
  const leaderLink = leader && <PersonLink id={leader.id} name={leader.name} />;
  switch (group.advice) {
    case 'speak_first':
      return (
        <>
          Ask {leaderLink} to speak first: on board and in the room, and <People people={people} /> {they} to them.
        </>
      );
    case 'win_first':
      return (
        <>
          Win {leaderLink} over first: in the room but not on board yet, and <People people={people} /> {they} to them.
        </>
      );
    case 'word_beforehand':
      return (
        <>
          A word from {leaderLink} beforehand helps: on board but not attending, and <People people={people} /> {they} to them.
        </>
      );
    case 'not_yet_absent':
      return (
        <>
          <People people={people} /> {they} to {leaderLink}, who is not on board yet and not attending.
        </>
      );
    case 'no_one_recorded':
      return (
        <>
          No one recorded whom <People people={people} /> {they} to: set who they report to, or an influence link.
        </>
      );
  }
}

/** People like to see who else is on board: the undecided grouped by whose lead they follow, one piece of advice per person followed. */
export function LooksTo({ readiness }: { readiness: MeetingReadiness }) {
  const groups = groupByWhomTheyLookTo(readiness);
  return (
    <Card component="section" aria-labelledby="looks-to-heading">
      <Title order={2} fz="md" id="looks-to-heading">
        Who the undecided look to
      </Title>
      <Text size="xs" c="dark.5" mb="md">
        The person each looks to or reports to. Someone on board in the room can speak first; someone not yet on board is the one to win.
      </Text>
      {groups.length === 0 ? (
        <Text size="sm" c="dark.5">
          Everyone attending is on board.
        </Text>
      ) : (
        <Stack gap="sm" role="list" aria-label="Advice on whom the undecided look to">
          {groups.map((group) => (
            <Group key={group.leader?.id ?? 'none'} gap={10} wrap="nowrap" align="flex-start" role="listitem" data-advice={group.advice} data-leader={group.leader?.name ?? ''}>
              <ThemeIcon size={24} radius="xl" variant="light" color={ADVICE[group.advice].color} style={{ flexShrink: 0 }}>
                {ADVICE[group.advice].icon}
              </ThemeIcon>
              <Stack gap={4} style={{ minWidth: 0 }}>
                <Text size="sm">
                  <Advice group={group} />
                </Text>
                {group.leader && (
                  <Group gap={6}>
                    <Text size="xs" c="dark.5">
                      {group.leader.name}:
                    </Text>
                    <CommitmentBadge level={group.leader.commitment} size="xs" />
                  </Group>
                )}
              </Stack>
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}
