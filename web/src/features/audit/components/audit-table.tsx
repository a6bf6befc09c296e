import { Anchor, Badge, Group, Paper, Stack, Table, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { auditSentence, type AuditEntry } from '@soundings/shared';
import { Link } from 'react-router';
import { formatDateTime } from '@/lib/dates';
import { auditActionColor, auditActionLabel } from './audit-actions';
import { AuditChanges, hasAuditChanges } from './audit-changes';
import { TableRegion } from '@/components/table-region';
import { useNarrowScreen } from '@/lib/use-narrow-screen';

interface AuditTableProps {
  entries: AuditEntry[];
  /** Narrows the list to one actor or one record when their cell is clicked. */
  onFilter?: (filter: { actorId?: string; entityId?: string }) => void;
  /** The entry the chain check found broken. */
  brokenId?: string | null;
  /** Leave out the record column (on a stakeholder's own page every entry is about them). */
  compact?: boolean;
}

/** "Hana Lead logged a sounding with Priya Shah." */
export function entrySentence(entry: AuditEntry): string {
  return auditSentence({
    action: entry.action,
    actorName: entry.actor ? (entry.actor.name ?? entry.actor.email) : null,
    stakeholderName: entry.stakeholderName,
    recordName: entry.entityId ? (entry.names[entry.entityId.toLowerCase()] ?? null) : null,
  });
}

type EntryCellProps = Pick<AuditTableProps, 'onFilter'> & { entry: AuditEntry };

/** Who acted; a click narrows the list to their actions. */
function EntryWho({ entry, onFilter }: EntryCellProps) {
  return (
    <>
      {entry.actor ? (
        onFilter ? (
          <Tooltip label="Only this person's actions" withArrow openDelay={400}>
            <UnstyledButton
              onClick={() => onFilter({ actorId: entry.actor!.id })}
              style={{ fontSize: 'var(--mantine-font-size-sm)', overflowWrap: 'break-word' }}
            >
              {entry.actor.name ?? entry.actor.email}
            </UnstyledButton>
          </Tooltip>
        ) : (
          <Text size="sm" style={{ overflowWrap: 'break-word' }}>
            {entry.actor.name ?? entry.actor.email}
          </Text>
        )
      ) : (
        <Text size="sm" c="dimmed">
          Not signed in
        </Text>
      )}
    </>
  );
}

/** The action's label, the sentence, and the person or record it concerns. */
function EntryWhat({ entry, onFilter, compact }: EntryCellProps & { compact: boolean }) {
  return (
    <Stack gap={2} align="flex-start">
      <Badge variant="light" color={auditActionColor(entry.action)} tt="none" size="sm">
        {auditActionLabel(entry.action)}
      </Badge>
      <Text size="sm">{entrySentence(entry)}</Text>
      {!compact && (entry.stakeholderId || (entry.entityId && onFilter)) && (
        <Group gap="xs">
          {entry.stakeholderId && (
            <Anchor component={Link} to={`/stakeholders/${entry.stakeholderId}`} size="xs">
              {entry.stakeholderName ?? 'Stakeholder'}
            </Anchor>
          )}
          {entry.entityId && onFilter && (
            <UnstyledButton
              onClick={() => onFilter({ entityId: entry.entityId! })}
              title={`Record ${entry.entityId}`}
              style={{ fontSize: 'var(--mantine-font-size-xs)', color: 'var(--mantine-color-dimmed)', textDecoration: 'underline' }}
            >
              Only this record
            </UnstyledButton>
          )}
        </Group>
      )}
    </Stack>
  );
}

export function AuditTable({ entries, onFilter, brokenId, compact = false }: AuditTableProps) {
  const narrow = useNarrowScreen();
  if (narrow) return <AuditCards entries={entries} onFilter={onFilter} brokenId={brokenId} compact={compact} />;
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
                  <EntryWho entry={entry} onFilter={onFilter} />
                </Table.Td>
                <Table.Td>
                  <EntryWhat entry={entry} onFilter={onFilter} compact={compact} />
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

/** The trail on a phone: one card per entry, newest first, with nothing behind a sideways scroll. */
function AuditCards({ entries, onFilter, brokenId, compact = false }: AuditTableProps) {
  return (
    <Stack gap="xs" p="sm" role="list" aria-label="Audit entries">
      {entries.map((entry) => {
        const broken = entry.id === brokenId;
        return (
          <Paper
            key={entry.id}
            withBorder
            radius="md"
            p="sm"
            role="listitem"
            bg={broken ? 'red.0' : undefined}
            aria-current={broken ? 'true' : undefined}
            data-audit-card={entry.id}
          >
            <Stack gap={6}>
              <Group gap="xs" justify="space-between" wrap="nowrap" align="flex-start">
                <Text size="sm" fw={500} style={{ minWidth: 0, overflowWrap: 'anywhere' }} component="div">
                  <EntryWho entry={entry} onFilter={onFilter} />
                </Text>
                <Text size="xs" c="dark.4" style={{ whiteSpace: 'nowrap', flexShrink: 0 }}>
                  {formatDateTime(entry.at)}
                </Text>
              </Group>
              <EntryWhat entry={entry} onFilter={onFilter} compact={compact} />
              {/* A table cell shows a dash when nothing changed; a card simply leaves the line out. */}
              {hasAuditChanges(entry) && <AuditChanges entry={entry} />}
              {!compact && (
                <Text size="xs" c={broken ? 'red.8' : 'dark.4'} fw={broken ? 700 : 400}>
                  Entry {entry.id}
                  {entry.clientAddress ? ` · from ${entry.clientAddress}` : ''}
                </Text>
              )}
            </Stack>
          </Paper>
        );
      })}
    </Stack>
  );
}
