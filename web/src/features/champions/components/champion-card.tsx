import { ActionIcon, Anchor, Button, Card, Group, List, Stack, Text, ThemeIcon, Title, VisuallyHidden } from '@mantine/core';
import { CHAMPION_TEST_LABELS, CHAMPION_TEST_QUESTIONS, type ChampionAssessment, type ChampionEvidenceItem, type ChampionTest } from '@soundings/shared';
import { IconCircleCheck, IconCircleDashed, IconPencil, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { CommitmentBadge } from '@/components/commitment-badge';
import { formatDate } from '@/lib/dates';

interface ChampionCardProps {
  assessment: ChampionAssessment;
  /** Absent for readers who may not write. */
  onRecord?: (stakeholderId: string, test?: ChampionTest) => void;
  onEdit?: (evidenceId: string) => void;
}

/** Where a piece of evidence can be opened, if anywhere. */
function evidenceLink(item: ChampionEvidenceItem): string | null {
  if (item.source === 'spoke_in_meeting' && item.refId) return `/meetings/${item.refId}`;
  if (item.personId) return `/stakeholders/${item.personId}`;
  return null;
}

function EvidenceLine({ item, onEdit }: { item: ChampionEvidenceItem; onEdit?: (evidenceId: string) => void }) {
  const to = evidenceLink(item);
  return (
    <Group gap={6} wrap="nowrap" align="flex-start">
      <Text size="sm" style={{ flex: 1, minWidth: 0, overflowWrap: 'anywhere' }}>
        {to ? (
          <Anchor component={Link} to={to} size="sm">
            {item.text}
          </Anchor>
        ) : (
          item.text
        )}
        {/* The day comes as a date, not in the words, so it is printed like every other date in the reader's locale. */}
        {item.on && (
          <>
            {' '}
            <Text span size="xs" c="dimmed">
              {item.source === 'recorded' ? 'recorded' : 'on'} {formatDate(item.on)}
            </Text>
          </>
        )}
      </Text>
      {item.source === 'recorded' && item.refId && onEdit && (
        <ActionIcon variant="subtle" size="sm" aria-label={`Edit or remove the evidence “${item.text.slice(0, 60)}”`} onClick={() => onEdit(item.refId!)}>
          <IconPencil size={14} />
        </ActionIcon>
      )}
    </Group>
  );
}

export function ChampionCard({ assessment, onRecord, onEdit }: ChampionCardProps) {
  const { person } = assessment;
  const subtitle = [person.title, person.businessFunction].filter(Boolean).join(' · ');
  const headingId = `champion-${person.id}`;
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={headingId}>
      <Stack gap="sm">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Group gap="xs" align="center">
              <Title order={3} id={headingId} fz="md">
                <Anchor component={Link} to={`/stakeholders/${person.id}`} inherit>
                  {person.name}
                </Anchor>
              </Title>
              {/* A dot in the ladder's colour beside words in the text colour: small light-variant text is below AA. */}
              <CommitmentBadge level={person.commitment} size="sm" variant="dot" />
            </Group>
            {subtitle && (
              <Text size="xs" c="dimmed">
                {subtitle}
              </Text>
            )}
          </Stack>
          {onRecord && (
            <Button size="compact-sm" variant="light" leftSection={<IconPlus size={14} />} onClick={() => onRecord(person.id)}>
              Record evidence<VisuallyHidden> for {person.name}</VisuallyHidden>
            </Button>
          )}
        </Group>

        <Stack gap="xs">
          {assessment.tests.map((result) => (
            <Stack key={result.test} gap={4}>
              <Group gap={6} wrap="nowrap">
                <ThemeIcon size="sm" radius="xl" variant="light" color={result.met ? 'teal' : 'gray'} aria-hidden>
                  {result.met ? <IconCircleCheck size={14} /> : <IconCircleDashed size={14} />}
                </ThemeIcon>
                <Text size="sm" fw={600} title={CHAMPION_TEST_QUESTIONS[result.test]}>
                  {CHAMPION_TEST_LABELS[result.test]}:{' '}
                  <Text span inherit c={result.met ? 'teal.9' : 'gray.7'}>
                    {result.met ? 'met' : 'not met'}
                  </Text>
                </Text>
              </Group>
              {result.evidence.length > 0 && (
                <Stack gap={2} pl={28}>
                  {result.evidence.map((item, index) => (
                    <EvidenceLine key={`${item.source}:${item.refId ?? index}:${item.personId ?? ''}`} item={item} onEdit={onEdit} />
                  ))}
                </Stack>
              )}
            </Stack>
          ))}
        </Stack>

        {assessment.missing.length > 0 && (
          <Stack gap={2}>
            <Text size="sm" fw={600}>
              What is missing
            </Text>
            <List size="sm" spacing={2}>
              {assessment.missing.map((line) => (
                <List.Item key={line}>{line}</List.Item>
              ))}
            </List>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
