import { Anchor, Badge, Stack, Table, Text, Tooltip, UnstyledButton } from '@mantine/core';
import type { AuditEntry } from '@soundings/shared';
import { Link } from 'react-router';
import { formatDateTime } from '@/lib/dates';
import { auditActionColor, auditActionLabel } from './audit-actions';
import { AuditChanges } from './audit-changes';
import { TableRegion } from '@/components/table-region';

interface AuditTableProps {
  entries: AuditEntry[];
  /** Narrows the list to one actor or one record when their cell is clicked. */
  onFilter?: (filter: { actorId?: string; entityId?: string }) => void;
  /** The entry the chain check found broken. */
  brokenId?: string | null;
  /** Leave out the record column (on a stakeholder's own page every entry is about them). */
  compact?: boolean;
}

const shortId = (id: string) => (id.length > 12 ? `${id.slice(0, 8)}…` : id);

export function AuditTable({ entries, onFilter, brokenId, compact = false }: AuditTableProps) {
  return (
    <TableRegion label="Audit entries" minWidth={compact ? 640 : 900}>
      <Table verticalSpacing="xs" horizontalSpacing="md" aria-label="Audit entries" fz="sm">
        <Table.Thead>
          <Table.Tr>
            {!compact && <Table.Th w={56}>#</Table.Th>}
            <Table.Th w={150}>When</Table.Th>
            <Table.Th w={200}>Who</Table.Th>
            <Table.Th w={compact ? 220 : 260}>What</Table.Th>
            <Table.Th>Changes</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => {
            const broken = entry.id === brokenId;
            return (
              <Table.Tr key={entry.id} bg={broken ? 'red.0' : undefined} aria-current={broken ? 'true' : undefined}>
                {!compact && (
                  <Table.Td>
                    <Text size="xs" c={broken ? 'red.8' : 'dimmed'} fw={broken ? 700 : 400} ff="monospace">
                      {entry.id}
                    </Text>
                  </Table.Td>
                )}
                <Table.Td>
                  <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                    {formatDateTime(entry.at)}
                  </Text>
                  {!compact && entry.clientAddress && (
                    <Text size="xs" c="dimmed" ff="monospace" title={entry.requestId ? `Request ${entry.requestId}` : undefined}>
                      from {entry.clientAddress}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  {entry.actor ? (
                    onFilter ? (
                      <Tooltip label="Only this person's actions" withArrow openDelay={400}>
                        <UnstyledButton
                          onClick={() => onFilter({ actorId: entry.actor!.id })}
                          style={{ fontSize: 'var(--mantine-font-size-sm)', overflowWrap: 'anywhere' }}
                        >
                          {entry.actor.email}
                        </UnstyledButton>
                      </Tooltip>
                    ) : (
                      <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {entry.actor.email}
                      </Text>
                    )
                  ) : (
                    <Text size="sm" c="dimmed">
                      Not signed in
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Stack gap={2} align="flex-start">
                    <Badge variant="light" color={auditActionColor(entry.action)} tt="none" size="sm">
                      {auditActionLabel(entry.action)}
                    </Badge>
                    <Text size="xs" c="dimmed">
                      <Text span size="xs" ff="monospace">
                        {entry.action}
                      </Text>
                      {!compact && entry.entityType && (
                        <>
                          {' · '}
                          {entry.entityType}{' '}
                          {entry.entityId &&
                            (onFilter ? (
                              <Tooltip label={`Only record ${entry.entityId}`} withArrow openDelay={400}>
                                <UnstyledButton
                                  onClick={() => onFilter({ entityId: entry.entityId! })}
                                  style={{ fontSize: 'var(--mantine-font-size-xs)', fontFamily: 'var(--mantine-font-family-monospace)' }}
                                >
                                  {shortId(entry.entityId)}
                                </UnstyledButton>
                              </Tooltip>
                            ) : (
                              <Text span size="xs" ff="monospace">
                                {shortId(entry.entityId)}
                              </Text>
                            ))}
                        </>
                      )}
                    </Text>
                    {!compact && entry.stakeholderId && (
                      <Anchor component={Link} to={`/stakeholders/${entry.stakeholderId}`} size="xs">
                        Stakeholder
                      </Anchor>
                    )}
                  </Stack>
                </Table.Td>
                <Table.Td>
                  <AuditChanges entry={entry} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </TableRegion>
  );
}
