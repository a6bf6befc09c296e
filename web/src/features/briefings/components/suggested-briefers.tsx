import { Button, Group, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { SuggestedBriefer } from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import { briefingQueries } from '../api/briefing-queries';

interface SuggestedBriefersProps {
  audienceId: string;
  audienceName: string;
  /** The briefer already chosen, marked as in use. */
  currentBrieferId: string | null;
  onUse: (briefer: SuggestedBriefer) => void;
}

/** Who could brief this member, best first, each with why and a one-click "Use". */
export function SuggestedBriefersList({ audienceId, audienceName, currentBrieferId, onUse }: SuggestedBriefersProps) {
  const suggestions = useQuery(briefingQueries.suggestedBriefers(audienceId));
  const headingId = `suggested-briefers-${audienceId}`;
  return (
    <Stack gap={6} component="section" aria-labelledby={headingId}>
      <Text size="sm" fw={600} id={headingId}>
        Suggested briefers for {audienceName}
      </Text>
      {suggestions.isPending ? (
        <Text size="xs" c="dimmed">
          Looking for who could brief them…
        </Text>
      ) : suggestions.isError ? (
        <Text size="xs" c="red.7">
          Suggestions could not be loaded.
        </Text>
      ) : suggestions.data.items.length === 0 ? (
        <Text size="xs" c="dimmed">
          Nobody to suggest yet: win a champion's commitment first, or record who holds the relationship with {audienceName}.
        </Text>
      ) : (
        <Stack gap={6} component="ol" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {suggestions.data.items.slice(0, 5).map((item) => {
            const inUse = item.person.id === currentBrieferId;
            return (
              <Group key={item.person.id} component="li" gap="sm" wrap="nowrap" justify="space-between" align="flex-start">
                <Stack gap={2} style={{ minWidth: 0 }}>
                  <Text size="sm" fw={600}>
                    {item.person.name}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {item.reasons.join(' · ')}
                  </Text>
                </Stack>
                <Button
                  size="compact-xs"
                  variant={inUse ? 'light' : 'default'}
                  disabled={inUse}
                  onClick={() => onUse(item)}
                >
                  {inUse ? 'Chosen' : 'Use'}
                  <VisuallyHidden>{inUse ? `: ${item.person.name} briefs` : ` ${item.person.name} as the briefer`}</VisuallyHidden>
                </Button>
              </Group>
            );
          })}
        </Stack>
      )}
    </Stack>
  );
}
