import { Group, Text } from '@mantine/core';
import { COMMITMENT_LADDER, type CommitmentLevel } from '@soundings/shared';
import { levelColor } from './network-graph';

/** A level in words beside a dot of the colour the picture uses for it; the words keep full contrast. */
export function LevelLabel({ level }: { level: CommitmentLevel }) {
  return (
    <Group gap={6} wrap="nowrap" component="span" title={COMMITMENT_LADDER[level].meaning}>
      <span aria-hidden style={{ width: 10, height: 10, borderRadius: '50%', background: levelColor(level), display: 'inline-block', flexShrink: 0 }} />
      <Text span size="sm">
        {COMMITMENT_LADDER[level].label}
      </Text>
    </Group>
  );
}
