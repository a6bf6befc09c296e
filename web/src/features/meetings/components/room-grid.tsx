import { Anchor, Badge, Card, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { COMMITMENT_LADDER, COMMITMENT_LEVELS, type AttendeeReadiness, type MeetingReadiness } from '@soundings/shared';
import { IconMicrophone2 } from '@tabler/icons-react';
import { Link } from 'react-router';
import { CommitmentBadge, CommitmentGap } from '@/components/commitment-badge';
import { formatDate } from '@/lib/dates';
import { byStanding, expectationConcern, STANCE_LABELS, stanceOf, type Stance } from './readiness';

function Seat({ attendee }: { attendee: AttendeeReadiness }) {
  const color = COMMITMENT_LADDER[attendee.commitment].color;
  const { stakeholder } = attendee;
  const fears = attendee.openFears.length;
  return (
    <Paper
      p="sm"
      radius="md"
      bg={`${color}.0`}
      style={{ border: `1px solid var(--mantine-color-${color}-2)`, borderLeft: `4px solid var(--mantine-color-${color}-6)` }}
      aria-label={`${stakeholder.name}: ${COMMITMENT_LADDER[attendee.commitment].label}`}
      data-commitment={attendee.commitment}
    >
      <Stack gap={4}>
        <Anchor component={Link} to={`/stakeholders/${stakeholder.id}`} fw={700} size="sm" c="dark.8" lh={1.25}>
          {stakeholder.name}
        </Anchor>
        <Text size="xs" c="dimmed">
          {stakeholder.title ?? stakeholder.businessFunction ?? ' '}
        </Text>
        <Group gap={4}>
          <CommitmentBadge level={attendee.commitment} size="sm" variant="filled" />
          {attendee.spokeFor && (
            <Badge size="sm" color="lime" variant="light" leftSection={<IconMicrophone2 size={10} />}>
              Spoke for it
            </Badge>
          )}
        </Group>
        <Group gap={4} data-required-level={attendee.requiredCommitment ?? ''}>
          {attendee.requiredCommitment ? (
            // "Meets Committed" or "2 steps to Committed": the required level is named, as in the stakeholders list.
            <CommitmentGap gap={attendee.commitmentGap} required={attendee.requiredCommitment} />
          ) : (
            <Text size="xs" c="dark.5">
              No required level set
            </Text>
          )}
        </Group>
        <Group gap={4}>
          {!attendee.soundedIndividually && (
            <Badge size="xs" color="red" variant="outline">
              Not sounded 1:1
            </Badge>
          )}
          {fears > 0 && (
            <Badge size="xs" color="orange" variant="outline">
              {fears} open {fears === 1 ? 'fear' : 'fears'}
            </Badge>
          )}
          {attendee.warnings.includes('cooling') && (
            <Badge size="xs" color="cyan" variant="outline">
              Cooling
            </Badge>
          )}
        </Group>
        {attendee.warnings.includes('expectation_at_risk') && (
          <Stack gap={2} align="flex-start" data-attendee-expectations>
            <Badge size="xs" color="red.9" variant="outline">
              Expectation to reset
            </Badge>
            {attendee.expectations.map((expectation) => (
              <Text key={expectation.id} size="xs" c="dark.6">
                Was told to expect “{expectation.expectation}” ({expectationConcern(expectation)}
                {expectation.toldByName ? `, told by ${expectation.toldByName}` : ''} on {formatDate(expectation.toldOn)})
              </Text>
            ))}
          </Stack>
        )}
        {!attendee.onBoard && attendee.looksTo && (
          <Text size="xs" c="dark.5">
            Looks to <strong>{attendee.looksTo.name}</strong>
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

const STANCES: Stance[] = ['on_board', 'undecided', 'resistant'];

/** The room like a seating chart, each person in the colour of their level, grouped by how they lean. */
export function RoomGrid({ readiness }: { readiness: MeetingReadiness }) {
  const present = COMMITMENT_LEVELS.filter((level) => readiness.attendees.some((attendee) => attendee.commitment === level));
  return (
    <Card component="section" aria-labelledby="room-heading">
      <Group justify="space-between" mb="md" align="flex-start" gap="sm">
        <div>
          <Title order={2} fz="md" id="room-heading">
            The room
          </Title>
          <Text size="xs" c="dimmed">
            Everyone attending, coloured by where they stand now.
          </Text>
        </div>
        <Group gap={6}>
          {present.map((level) => (
            <CommitmentBadge key={level} level={level} size="xs" />
          ))}
        </Group>
      </Group>
      <Stack gap="md">
        {STANCES.map((stance) => {
          const people = readiness.attendees.filter((attendee) => stanceOf(attendee) === stance).sort(byStanding);
          if (people.length === 0) return null;
          return (
            <div key={stance} role="group" aria-label={STANCE_LABELS[stance]}>
              <Text size="xs" fw={700} c="dimmed" tt="uppercase" lts={0.3} mb={6}>
                {STANCE_LABELS[stance]} ({people.length})
              </Text>
              <SimpleGrid cols={{ base: 1, xs: 2, md: 3, xl: 4 }} spacing="sm">
                {people.map((attendee) => (
                  <Seat key={attendee.stakeholder.id} attendee={attendee} />
                ))}
              </SimpleGrid>
            </div>
          );
        })}
      </Stack>
    </Card>
  );
}
