import { Badge, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { CHAMPION_VERDICTS, type ChampionAssessment, type ChampionTest } from '@soundings/shared';
import { ChampionCard } from './champion-card';
import { VERDICT_GROUPS } from './verdicts';

interface ChampionGroupsProps {
  items: ChampionAssessment[];
  onRecord?: (stakeholderId: string, test?: ChampionTest) => void;
  onEdit?: (evidenceId: string) => void;
}

/** The potential champions grouped by verdict, qualified first; a group with nobody in it says so. */
export function ChampionGroups({ items, onRecord, onEdit }: ChampionGroupsProps) {
  return (
    <Stack gap="xl">
      {CHAMPION_VERDICTS.map((verdict) => {
        const group = VERDICT_GROUPS[verdict];
        const members = items.filter((item) => item.verdict === verdict);
        const headingId = `verdict-${verdict}`;
        return (
          <Stack key={verdict} gap="sm" component="section" aria-labelledby={headingId}>
            <Stack gap={2}>
              <Group gap="xs" align="center">
                <Title order={2} id={headingId} fz="lg">
                  {group.heading}
                </Title>
                <Badge variant="dot" color={group.color} size="sm">
                  {members.length}
                </Badge>
              </Group>
              <Text size="sm" c="dimmed">
                {group.explanation}
              </Text>
            </Stack>
            {members.length === 0 ? (
              <Text size="sm" c="dimmed" fs="italic">
                Nobody yet.
              </Text>
            ) : (
              <SimpleGrid cols={{ base: 1, lg: 2 }} spacing="md">
                {members.map((assessment) => (
                  <ChampionCard key={assessment.person.id} assessment={assessment} onRecord={onRecord} onEdit={onEdit} />
                ))}
              </SimpleGrid>
            )}
          </Stack>
        );
      })}
    </Stack>
  );
}
