import { Badge, Group, Progress, Stack, Text } from '@mantine/core';
import type { RecommendationReason } from '@soundings/shared';

/** "+30", "−25" (a true minus sign, read as "minus" by screen readers). */
export function formatWeight(weight: number): string {
  return weight > 0 ? `+${weight}` : `−${Math.abs(weight)}`;
}

/** Why a person is where they are in the ranking: each reason in words with its share of the score. */
export function ReasonList({ reasons, compact = false }: { reasons: RecommendationReason[]; compact?: boolean }) {
  if (reasons.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nothing stands out: no reason adds to or takes from their score.
      </Text>
    );
  }
  const largest = Math.max(...reasons.map((reason) => Math.abs(reason.weight)));
  return (
    <Stack component="ul" gap={compact ? 4 : 6} style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {reasons.map((reason) => (
        <Group component="li" key={reason.code} gap="xs" wrap="nowrap" align="center">
          <Badge
            variant="outline"
            color={reason.weight > 0 ? 'teal.9' : 'red.9'}
            w={48}
            style={{ flexShrink: 0, fontVariantNumeric: 'tabular-nums' }}
          >
            {formatWeight(reason.weight)}
          </Badge>
          {!compact && (
            <Progress
              value={(100 * Math.abs(reason.weight)) / largest}
              color={reason.weight > 0 ? 'teal' : 'red'}
              size="sm"
              w={56}
              visibleFrom="xs"
              style={{ flexShrink: 0 }}
              aria-hidden
            />
          )}
          <Text size="sm" style={{ minWidth: 0 }}>
            {reason.text}
          </Text>
        </Group>
      ))}
    </Stack>
  );
}
