import { Group, Stack, Text } from '@mantine/core';
import { COMMITMENT_LADDER, COMMITMENT_LEVELS } from '@soundings/shared';
import { LINK_STYLES, levelColor, type NetworkLinkKind } from './network-graph';

const LINK_ORDER: NetworkLinkKind[] = ['looks_to', 'mentor', 'ally', 'conflict', 'reports_to'];

/** What the colours, sizes and lines mean, in words. */
export function NetworkLegend() {
  return (
    <Stack gap={6} component="section" aria-labelledby="network-legend-title">
      <Text id="network-legend-title" fw={600} size="sm">
        Legend
      </Text>
      <Group gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Colours: where each person stands">
        {COMMITMENT_LEVELS.map((level) => (
          <Group key={level} gap={6} component="li" wrap="nowrap">
            <span aria-hidden style={{ width: 12, height: 12, borderRadius: '50%', background: levelColor(level), display: 'inline-block' }} />
            <Text size="xs">{COMMITMENT_LADDER[level].label}</Text>
          </Group>
        ))}
      </Group>
      <Group gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }} aria-label="Lines: how one person bears on another">
        {LINK_ORDER.map((kind) => (
          <Group key={kind} gap={6} component="li" wrap="nowrap">
            <span aria-hidden style={{ width: 18, height: 3, background: LINK_STYLES[kind].color, display: 'inline-block' }} />
            <Text size="xs">
              {LINK_STYLES[kind].label}: {LINK_STYLES[kind].description}
            </Text>
          </Group>
        ))}
      </Group>
      <Text size="xs" c="dimmed">
        Larger circles: more influence (their rating, who looks to them and their direct reports).
      </Text>
    </Stack>
  );
}
