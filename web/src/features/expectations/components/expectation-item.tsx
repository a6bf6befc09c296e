import { Group, Stack, Text } from '@mantine/core';
import type { Expectation } from '@soundings/shared';
import { ExpectationStatusBadge, RealismBadge } from './expectation-badges';
import { toldByLine } from './told-by';

/** One expectation: the words, its status and realism in words, who told them and when. */
export function ExpectationItem({ expectation }: { expectation: Expectation }) {
  return (
    <Stack gap={4} style={{ minWidth: 0 }}>
      <Text size="sm" fw={600}>
        {expectation.expectation}
      </Text>
      <Group gap={6}>
        <ExpectationStatusBadge status={expectation.status} size="sm" />
        <RealismBadge realistic={expectation.realistic} size="sm" />
      </Group>
      <Text size="xs" c="dimmed">
        {toldByLine(expectation)}
      </Text>
      {expectation.note && (
        <Text size="xs" c="dimmed" lineClamp={2}>
          {expectation.note}
        </Text>
      )}
    </Stack>
  );
}
