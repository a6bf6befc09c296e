import { Anchor, Badge, Card, Group, List, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { FEAR_CATEGORY_LABELS, type MeetingReadiness } from '@soundings/shared';
import { IconCalendarX, IconCircleCheck, IconMessageExclamation, IconMoodSad, IconSnowflake, IconSpeakerphone, IconUserQuestion } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { CommitmentBadge } from '@/components/commitment-badge';
import { fearWords } from '@/components/confidential';
import { RelativeDay } from '@/components/relative-day';
import { formatDate } from '@/lib/dates';
import { expectationConcern, beforeTheMeeting, nothingToDo } from './readiness';

function TodoGroup({ icon, color, title, hint, children }: { icon: ReactNode; color: string; title: string; hint: string; children: ReactNode }) {
  return (
    <Stack gap={6}>
      <Group gap={8} wrap="nowrap">
        <ThemeIcon size={24} radius="xl" variant="light" color={color}>
          {icon}
        </ThemeIcon>
        <div>
          <Text size="sm" fw={700}>
            {title}
          </Text>
          <Text size="xs" c="dimmed">
            {hint}
          </Text>
        </div>
      </Group>
      <List spacing={6} size="sm" pl={32} listStyleType="none">
        {children}
      </List>
    </Stack>
  );
}

/** What to do before asking the group: people never sounded one to one, open fears, resistance, cooling contacts, expectations to reset. */
export function BeforeTheMeeting({ readiness, canWrite }: { readiness: MeetingReadiness; canWrite: boolean }) {
  const todo = beforeTheMeeting(readiness);
  const person = (id: string, name: string) => (
    <Anchor component={Link} to={`/stakeholders/${id}`} fw={600} size="sm">
      {name}
    </Anchor>
  );
  const soundingLink = (id: string) =>
    canWrite && (
      <Anchor component={Link} to={`/stakeholders/${id}/soundings/new`} size="xs">
        Log a sounding
      </Anchor>
    );

  return (
    <Card component="section" aria-labelledby="before-heading">
      <Title order={2} fz="md" id="before-heading">
        Do before the meeting
      </Title>
      <Text size="xs" c="dimmed" mb="md">
        Never ask for support in a group first: sound each person out one to one, and answer what they fear.
      </Text>
      {nothingToDo(todo) ? (
        <Group gap={8} c="teal.9">
          <IconCircleCheck size={18} />
          <Text size="sm">Everyone in the room has been sounded one to one, no fears are open, and no one is resistant.</Text>
        </Group>
      ) : (
        <Stack gap="lg">
          {todo.notSounded.length > 0 && (
            <TodoGroup
              icon={<IconUserQuestion size={14} />}
              color="red"
              title={`Sound out one to one (${todo.notSounded.length})`}
              hint="No one-to-one conversation before the meeting. Do not let the group be the first time they are asked."
            >
              {todo.notSounded.map((attendee) => (
                <List.Item key={attendee.stakeholder.id}>
                  <Group gap={8}>
                    {person(attendee.stakeholder.id, attendee.stakeholder.name)}
                    <CommitmentBadge level={attendee.commitment} size="xs" />
                    {soundingLink(attendee.stakeholder.id)}
                  </Group>
                </List.Item>
              ))}
            </TodoGroup>
          )}
          {todo.openFears.length > 0 && (
            <TodoGroup
              icon={<IconMessageExclamation size={14} />}
              color="orange"
              title={`Answer open fears (${todo.openFears.length})`}
              hint="In their words, oldest first. An unanswered fear tends to come out in the room."
            >
              {todo.openFears.map(({ attendee, fear }) => (
                <List.Item key={fear.id}>
                  <Text size="sm" fs="italic" component="span">
                    {fearWords(fear)}
                  </Text>{' '}
                  <Text span size="sm">
                    — {person(attendee.stakeholder.id, attendee.stakeholder.name)}
                  </Text>{' '}
                  <Badge size="xs" variant="default" tt="none">
                    {FEAR_CATEGORY_LABELS[fear.category]}
                  </Badge>{' '}
                  <Text span size="xs" c="dimmed">
                    voiced {formatDate(fear.voicedOn)} ·{' '}
                    <Anchor component={Link} to={`/fears?stakeholderId=${attendee.stakeholder.id}`} size="xs">
                      their fears
                    </Anchor>
                  </Text>
                </List.Item>
              ))}
            </TodoGroup>
          )}
          {todo.resistant.length > 0 && (
            <TodoGroup
              icon={<IconMoodSad size={14} />}
              color="red"
              title={`Resistant (${todo.resistant.length})`}
              hint="They have voiced opposition. Talk to them before the meeting, not in it."
            >
              {todo.resistant.map((attendee) => (
                <List.Item key={attendee.stakeholder.id}>
                  <Group gap={8}>
                    {person(attendee.stakeholder.id, attendee.stakeholder.name)}
                    {soundingLink(attendee.stakeholder.id)}
                  </Group>
                </List.Item>
              ))}
            </TodoGroup>
          )}
          {todo.cooling.length > 0 && (
            <TodoGroup
              icon={<IconSnowflake size={14} />}
              color="cyan"
              title={`Cooling (${todo.cooling.length})`}
              hint="Past their ideal contact interval by the meeting. A short catch-up first."
            >
              {todo.cooling.map((attendee) => (
                <List.Item key={attendee.stakeholder.id}>
                  <Group gap={8}>
                    {person(attendee.stakeholder.id, attendee.stakeholder.name)}
                    <Text size="xs" c="dimmed">
                      last contact {attendee.lastContactAt ? <RelativeDay on={attendee.lastContactAt} label="Last contact" /> : 'never'}
                    </Text>
                    {soundingLink(attendee.stakeholder.id)}
                  </Group>
                </List.Item>
              ))}
            </TodoGroup>
          )}
          {todo.timing.length > 0 && (
            <TodoGroup
              icon={<IconCalendarX size={14} />}
              color="grape"
              title={`Timing (${todo.timing.length})`}
              hint="The meeting's day falls in a time they asked not to be approached, or misses their best time."
            >
              {todo.timing.map((attendee) => (
                <List.Item key={attendee.stakeholder.id} data-warning={attendee.timing!.code}>
                  <Text size="sm">{attendee.timing!.message}</Text>
                </List.Item>
              ))}
            </TodoGroup>
          )}
          {todo.expectations.length > 0 && (
            <TodoGroup
              icon={<IconSpeakerphone size={14} />}
              color="red"
              title={`Reset expectations (${todo.expectations.length})`}
              hint="Told to expect something at risk or unrealistic. Put it right one to one before the room hears it."
            >
              {todo.expectations.map(({ attendee, expectation }) => (
                <List.Item key={expectation.id}>
                  <Text size="sm" component="span">
                    “{expectation.expectation}”
                  </Text>{' '}
                  <Text span size="sm">
                    — {person(attendee.stakeholder.id, attendee.stakeholder.name)}
                  </Text>{' '}
                  <Text span size="xs" c="dimmed">
                    {expectationConcern(expectation)}, told {expectation.toldByName ? `by ${expectation.toldByName} ` : ''}on{' '}
                    {formatDate(expectation.toldOn)}
                  </Text>
                </List.Item>
              ))}
            </TodoGroup>
          )}
        </Stack>
      )}
    </Card>
  );
}
