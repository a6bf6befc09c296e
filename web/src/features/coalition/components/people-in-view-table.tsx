import { Anchor, ScrollArea, Table, Text } from '@mantine/core';
import type { NetworkNode } from '@soundings/shared';
import { Link } from 'react-router';
import { LevelLabel } from './level-label';
import { byInfluence } from './network-graph';

interface PeopleInViewTableProps {
  people: NetworkNode[];
  focusId: string | null;
}

/** The network's people as a table: the same facts as the picture for keyboard and screen-reader users. */
export function PeopleInViewTable({ people, focusId }: PeopleInViewTableProps) {
  return (
    <ScrollArea.Autosize mah={480} type="auto" offsetScrollbars>
      <Table highlightOnHover stickyHeader aria-label="People in view" fz="sm" miw={480}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Name</Table.Th>
            <Table.Th>Level</Table.Th>
            <Table.Th ta="right">Influence</Table.Th>
            <Table.Th ta="right">Looked to by</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {byInfluence(people).map((person) => (
            <Table.Tr key={person.id} aria-current={person.id === focusId ? 'true' : undefined} bg={person.id === focusId ? 'yellow.1' : undefined}>
              <Table.Td>
                <Anchor component={Link} to={`/stakeholders/${person.id}`} fw={600} size="sm">
                  {person.name}
                </Anchor>
                {person.title && (
                  <Text size="xs" c="dimmed">
                    {person.title}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <LevelLabel level={person.commitment} />
              </Table.Td>
              <Table.Td ta="right">{person.influenceScore}</Table.Td>
              <Table.Td ta="right">{person.lookedToBy}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </ScrollArea.Autosize>
  );
}
