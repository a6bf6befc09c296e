import { Badge, Button, Group, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import type { Narrative } from '@soundings/shared';
import { IconArchive, IconArchiveOff, IconPencil } from '@tabler/icons-react';
import { useUpdateNarrative } from '../api/update-narrative';

interface NarrativeListProps {
  narratives: Narrative[];
  /** Null for readers who may not change the list. */
  onEdit: ((narrative: Narrative) => void) | null;
}

/** The organisation's list: offered ones first, archived ones after, each with what it means. */
export function NarrativeList({ narratives, onEdit }: NarrativeListProps) {
  const update = useUpdateNarrative();
  return (
    <Table verticalSpacing="sm" horizontalSpacing="sm" aria-label="Narratives and values">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Narrative or value</Table.Th>
          <Table.Th scope="col">Offered in soundings</Table.Th>
          {onEdit && (
            <Table.Th scope="col">
              <VisuallyHidden>Actions</VisuallyHidden>
            </Table.Th>
          )}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {narratives.map((narrative) => (
          <Table.Tr key={narrative.id}>
            <Table.Td>
              <Stack gap={2}>
                <Text size="sm" fw={600}>
                  {narrative.title}
                </Text>
                {narrative.description && (
                  <Text size="xs" c="dimmed">
                    {narrative.description}
                  </Text>
                )}
              </Stack>
            </Table.Td>
            <Table.Td>
              {narrative.archived ? (
                <Badge variant="default" tt="none">
                  Archived: kept on soundings, no longer offered
                </Badge>
              ) : (
                <Badge variant="light" color="indigo" tt="none">
                  Offered
                </Badge>
              )}
            </Table.Td>
            {onEdit && (
              <Table.Td>
                <Group gap="xs" justify="flex-end" wrap="wrap">
                  <Button size="xs" variant="subtle" leftSection={<IconPencil size={14} aria-hidden />} onClick={() => onEdit(narrative)} aria-label={`Edit ${narrative.title}`}>
                    Edit
                  </Button>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="gray"
                    leftSection={narrative.archived ? <IconArchiveOff size={14} aria-hidden /> : <IconArchive size={14} aria-hidden />}
                    loading={update.isPending && update.variables?.narrative.id === narrative.id}
                    onClick={() => update.mutate({ narrative, changes: { archived: !narrative.archived } })}
                    aria-label={`${narrative.archived ? 'Offer again' : 'Archive'} ${narrative.title}`}
                  >
                    {narrative.archived ? 'Offer again' : 'Archive'}
                  </Button>
                </Group>
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
