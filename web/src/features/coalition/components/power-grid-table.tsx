import { Anchor, Box, ScrollArea, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { COMMITMENT_LADDER } from '@soundings/shared';
import { IconArrowRight } from '@tabler/icons-react';
import { Link } from 'react-router';
import { levelColor } from './network-graph';
import { GRID_COLUMNS, INFLUENCE_BANDS, type GridPerson, type PowerGrid } from './power-grid';

function PersonChip({ placed }: { placed: GridPerson }) {
  const { person, gap, mustMove } = placed;
  const required = person.requiredCommitment ? COMMITMENT_LADDER[person.requiredCommitment].label : null;
  return (
    <Anchor
      component={Link}
      to={`/stakeholders/${person.id}`}
      underline="hover"
      c="dark.9"
      size="xs"
      data-must-move={mustMove || undefined}
      style={{
        display: 'block',
        padding: '3px 8px',
        borderRadius: 12,
        borderLeft: `4px solid ${levelColor(person.commitment)}`,
        background: mustMove ? 'var(--mantine-color-orange-1)' : 'var(--mantine-color-white)',
        outline: mustMove ? '2px solid var(--mantine-color-orange-7)' : '1px solid var(--mantine-color-gray-3)',
        fontWeight: mustMove ? 700 : 500,
      }}
    >
      {person.name} <Text span size="xs" c="dimmed" fw={500}>· {person.influenceScore}</Text>
      {gap > 0 && required && (
        <Text span size="xs" fw={500} c="dark.6" style={{ display: 'block' }}>
          <IconArrowRight size={11} aria-hidden style={{ verticalAlign: '-1px' }} /> needs {required}
        </Text>
      )}
    </Anchor>
  );
}

/** Where someone must get to: an outline in the required column, for the eye only (their own chip says it in words). */
function TargetMark({ placed }: { placed: GridPerson }) {
  return (
    <Box
      aria-hidden
      px={8}
      py={2}
      fz="xs"
      c="dimmed"
      style={{ border: `1.5px dashed ${placed.mustMove ? 'var(--mantine-color-orange-7)' : 'var(--mantine-color-gray-5)'}`, borderRadius: 12 }}
    >
      {placed.person.name}
    </Box>
  );
}

/** Influence (rows) against commitment (columns) as a table: each cell the people there now, and the outlines of those who must get there. */
export function PowerGridTable({ grid }: { grid: PowerGrid }) {
  return (
    <ScrollArea type="auto" offsetScrollbars>
      <Table withTableBorder withColumnBorders miw={940} style={{ tableLayout: 'fixed' }} verticalSpacing="xs">
        <caption style={{ captionSide: 'top', textAlign: 'left', paddingBottom: 8 }}>
          <Text size="sm" c="dimmed" span>
            Influence (rows, highest at the top) against where each person stands now (columns). A dashed outline marks the level a person must reach.
          </Text>
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={120}>
              <VisuallyHidden>Influence</VisuallyHidden>
            </Table.Th>
            {GRID_COLUMNS.map((level) => (
              <Table.Th key={level} fz="xs" style={{ borderBottom: `3px solid ${levelColor(level)}` }}>
                {COMMITMENT_LADDER[level].label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {INFLUENCE_BANDS.map(({ band, label }) => (
            <Table.Tr key={band}>
              <Table.Th scope="row" fz="xs" style={{ verticalAlign: 'top' }}>
                {label}
              </Table.Th>
              {GRID_COLUMNS.map((level) => (
                <Table.Td key={level} style={{ verticalAlign: 'top' }} bg={level === 'resistant' ? 'red.0' : undefined}>
                  <Stack gap={4}>
                    {grid.people[band][level].map((placed) => (
                      <PersonChip key={placed.person.id} placed={placed} />
                    ))}
                    {grid.targets[band][level].map((placed) => (
                      <TargetMark key={placed.person.id} placed={placed} />
                    ))}
                  </Stack>
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea>
  );
}
