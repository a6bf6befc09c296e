import { Card, Group, Progress, SimpleGrid, Stack, Text, Tooltip } from '@mantine/core';
import { Badge } from '@mantine/core';
import { COMMITMENT_LADDER, COMMITMENT_LEVELS, MEETING_VERDICT_LABELS, meetingVerdictReasons, type MeetingReadiness } from '@soundings/shared';
import { onBoardLine } from './readiness';

function Figure({ value, label, tone }: { value: number; label: string; tone: 'bad' | 'neutral' }) {
  return (
    <Stack gap={0}>
      <Text fz={26} fw={700} lh={1.1} c={value > 0 && tone === 'bad' ? 'red.7' : 'dark.7'}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
    </Stack>
  );
}

/** "6 of 9 on board", the room by level as one bar, and what could go wrong in numbers. */
export function ReadinessSummary({ readiness }: { readiness: MeetingReadiness }) {
  const { summary, attendees } = readiness;
  const counts = COMMITMENT_LEVELS.map((level) => ({ level, count: attendees.filter((attendee) => attendee.commitment === level).length })).filter(
    (entry) => entry.count > 0,
  );
  return (
    <Card component="section" aria-label="Readiness summary">
      <Group justify="space-between" align="flex-end" gap="lg" wrap="wrap">
        <Stack gap={4} style={{ flex: '1 1 320px' }}>
          <Text size="xs" c="dimmed" fw={600} tt="uppercase" lts={0.3}>
            Readiness
          </Text>
          <Group gap="sm" align="center">
            <Text fz={32} fw={750} lh={1.1} data-testid="on-board-line">
              {onBoardLine(summary)}
            </Text>
            <Badge size="lg" variant="filled" color={summary.verdict === 'ready' ? 'teal.9' : summary.verdict === 'not_ready' ? 'red.9' : 'gray.7'} data-verdict={summary.verdict}>
              {MEETING_VERDICT_LABELS[summary.verdict]}
            </Badge>
          </Group>
          {summary.verdict === 'not_ready' && (
            <Text size="sm" c="dark.6">
              {meetingVerdictReasons(summary).join(' · ')}
            </Text>
          )}
          {summary.withRequired > 0 && (
            <Text size="sm" c="dark.6">
              {summary.atRequired} of {summary.withRequired} at their required level
            </Text>
          )}
          {summary.attendees > 0 && (
            <Progress.Root size={14} mt={6}>
              {counts.map(({ level, count }) => (
                <Tooltip key={level} label={`${COMMITMENT_LADDER[level].label}: ${count}`} withArrow>
                  {/* Each section is a progress bar of its own: it says which level and how many of the room. */}
                  <Progress.Section
                    value={(count / summary.attendees) * 100}
                    color={COMMITMENT_LADDER[level].color}
                    aria-label={`${COMMITMENT_LADDER[level].label}: ${count} of ${summary.attendees}`}
                  />
                </Tooltip>
              ))}
            </Progress.Root>
          )}
        </Stack>
        <SimpleGrid cols={3} spacing="xl">
          <Figure value={summary.notSounded} label="never sounded one to one" tone="bad" />
          <Figure value={summary.resistant} label="resistant" tone="bad" />
          <Figure value={summary.openFears} label={summary.openFears === 1 ? 'open fear' : 'open fears'} tone="bad" />
        </SimpleGrid>
      </Group>
    </Card>
  );
}
