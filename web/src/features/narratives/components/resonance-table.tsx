import { Anchor, Group, Stack, Table, Text, ThemeIcon } from '@mantine/core';
import { NARRATIVE_RESPONSE_LABELS, type NarrativeResonance, type NarrativeResonanceCell } from '@soundings/shared';
import { IconMinus, IconThumbDown, IconThumbUp } from '@tabler/icons-react';
import { Link } from 'react-router';
import { CommitmentBadge } from '@/components/commitment-badge';
import { formatDate } from '@/lib/dates';
import classes from './resonance-table.module.css';

/** A reaction in words, with an icon that repeats it (never colour alone). */
export function ReactionLabel({ response }: { response: NarrativeResonanceCell['response'] }) {
  if (!response) {
    return (
      <Group gap={4} wrap="nowrap">
        <IconMinus size={14} aria-hidden color="var(--mantine-color-gray-6)" />
        <Text size="xs" c="dimmed">
          Not raised
        </Text>
      </Group>
    );
  }
  const resonated = response === 'resonated';
  return (
    <Group gap={4} wrap="nowrap">
      <ThemeIcon size={18} radius="xl" variant="light" color={resonated ? 'teal' : 'red'} aria-hidden>
        {resonated ? <IconThumbUp size={12} /> : <IconThumbDown size={12} />}
      </ThemeIcon>
      <Text size="sm" fw={600} c={resonated ? 'teal.9' : 'red.9'}>
        {NARRATIVE_RESPONSE_LABELS[response]}
      </Text>
    </Group>
  );
}

/** Narratives in rows, top-team members in columns; each cell the member's latest reaction and when. */
export function ResonanceTable({ resonance }: { resonance: NarrativeResonance }) {
  return (
    <div className={classes.scroller} role="region" aria-labelledby="resonance-caption" tabIndex={0}>
      <Table className={classes.table} withColumnBorders verticalSpacing="xs" horizontalSpacing="sm">
        <caption id="resonance-caption" className={classes.caption}>
          How each narrative last landed with each top-team member: narratives in rows, members in columns, totals at the end of each row.
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" className={classes.corner}>
              Narrative
            </Table.Th>
            {resonance.members.map((member) => (
              <Table.Th key={member.id} scope="col" className={classes.member}>
                <Stack gap={4}>
                  <Anchor component={Link} to={`/stakeholders/${member.id}`} size="sm" fw={600} lh={1.2}>
                    {member.name}
                  </Anchor>
                  <CommitmentBadge level={member.commitment} size="xs" />
                </Stack>
              </Table.Th>
            ))}
            <Table.Th scope="col">Across the top team</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {resonance.narratives.map(({ narrative, cells, totals }) => (
            <Table.Tr key={narrative.id}>
              <Table.Th scope="row" className={classes.narrative}>
                <Text size="sm" fw={600}>
                  {narrative.title}
                </Text>
                {narrative.archived && (
                  <Text size="xs" c="dimmed" fw={400}>
                    Archived
                  </Text>
                )}
              </Table.Th>
              {cells.map((cell) => (
                <Table.Td key={cell.stakeholderId} className={classes.cell}>
                  <Stack gap={2}>
                    <ReactionLabel response={cell.response} />
                    {cell.on && (
                      <Text size="xs" c="dimmed">
                        {formatDate(cell.on)}
                      </Text>
                    )}
                  </Stack>
                </Table.Td>
              ))}
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {totals.resonated} resonated · {totals.jarred} jarred · {totals.none} not raised
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
