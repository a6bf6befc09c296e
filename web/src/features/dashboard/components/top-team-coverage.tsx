import { Progress, Stack, Text } from '@mantine/core';
import type { Dashboard } from '@soundings/shared';

export function TopTeamCoverage({ topTeam }: { topTeam: Dashboard['topTeam'] }) {
  const { total, sounded, onBoard } = topTeam;
  if (total === 0) {
    return (
      <Text size="sm" c="dimmed">
        No one is marked as top team yet. Set a stakeholder's role to “Top team” to track coverage.
      </Text>
    );
  }
  const percent = (n: number) => (total === 0 ? 0 : Math.round((n / total) * 100));
  const notSounded = total - sounded;
  return (
    <Stack gap="md">
      <Text fz={22} fw={700} lh={1.25}>
        {sounded} of {total} sounded, {onBoard} on board
      </Text>
      <div>
        <Text size="sm" mb={4}>
          Sounded one to one <Text span c="dimmed">({percent(sounded)}%)</Text>
        </Text>
        <Progress value={percent(sounded)} color="indigo" size="lg" radius="xl" aria-label="Top team sounded" />
      </div>
      <div>
        <Text size="sm" mb={4}>
          On board <Text span c="dimmed">({percent(onBoard)}%)</Text>
        </Text>
        <Progress value={percent(onBoard)} color="teal" size="lg" radius="xl" aria-label="Top team on board" />
      </div>
      {notSounded > 0 && (
        <Text size="sm" c="red.9">
          {notSounded} {notSounded === 1 ? 'member has' : 'members have'} never been sounded. Never ask for support in a
          group first.
        </Text>
      )}
    </Stack>
  );
}
