import { Anchor, Badge, Group, Stack, Table, Text, Tooltip, UnstyledButton } from '@mantine/core';
import { STAKEHOLDER_ROLE_LABELS, type Stakeholder, type StakeholderSort } from '@soundings/shared';
import { IconArrowDown, IconArrowUp, IconSelector, IconStarFilled } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link, useNavigate } from 'react-router';
import { CommitmentBadge, CommitmentGap } from '@/components/commitment-badge';
import { LastContact } from './last-contact';

type SortField = 'name' | 'commitment' | 'lastContact';

interface SortableHeaderProps {
  field: SortField;
  sort: StakeholderSort | undefined;
  onSortChange: (sort: StakeholderSort) => void;
  children: ReactNode;
  width?: number | string;
}

function SortableHeader({ field, sort, onSortChange, children, width }: SortableHeaderProps) {
  const ascending = sort === field;
  const descending = sort === `-${field}`;
  const Icon = ascending ? IconArrowUp : descending ? IconArrowDown : IconSelector;
  return (
    <Table.Th w={width} aria-sort={ascending ? 'ascending' : descending ? 'descending' : 'none'}>
      <UnstyledButton
        onClick={() => onSortChange((ascending ? `-${field}` : field) as StakeholderSort)}
        style={{ display: 'inline-flex', alignItems: 'center', gap: 4, fontWeight: 600, fontSize: 'inherit' }}
      >
        {children}
        <Icon size={14} stroke={1.8} color={ascending || descending ? undefined : 'var(--mantine-color-gray-5)'} />
      </UnstyledButton>
    </Table.Th>
  );
}

interface StakeholdersTableProps {
  stakeholders: Stakeholder[];
  sort: StakeholderSort | undefined;
  onSortChange: (sort: StakeholderSort) => void;
}

export function StakeholdersTable({ stakeholders, sort, onSortChange }: StakeholdersTableProps) {
  const navigate = useNavigate();
  return (
    <Table.ScrollContainer minWidth={880}>
      <Table highlightOnHover verticalSpacing="sm" horizontalSpacing="md" aria-label="Stakeholders">
        <Table.Thead>
          <Table.Tr>
            <SortableHeader field="name" sort={sort} onSortChange={onSortChange}>
              Name
            </SortableHeader>
            <Table.Th>Function</Table.Th>
            <Table.Th>Role</Table.Th>
            <SortableHeader field="commitment" sort={sort} onSortChange={onSortChange} width={210}>
              Commitment
            </SortableHeader>
            <SortableHeader field="lastContact" sort={sort} onSortChange={onSortChange} width={215}>
              Last contact
            </SortableHeader>
            <Table.Th w={110} ta="right" style={{ whiteSpace: 'nowrap' }}>
              Open fears
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {stakeholders.map((stakeholder) => (
            <Table.Tr
              key={stakeholder.id}
              style={{ cursor: 'pointer' }}
              onClick={(event) => {
                if ((event.target as HTMLElement).closest('a')) return;
                void navigate(`/stakeholders/${stakeholder.id}`);
              }}
            >
              <Table.Td>
                <Stack gap={0}>
                  <Group gap={6} wrap="nowrap">
                    <Anchor component={Link} to={`/stakeholders/${stakeholder.id}`} fw={600} size="sm" c="dark.8">
                      {stakeholder.name}
                    </Anchor>
                    {stakeholder.potentialChampion && (
                      <Tooltip label="Potential champion" withArrow>
                        <IconStarFilled size={13} color="var(--mantine-color-yellow-6)" aria-label="Potential champion" />
                      </Tooltip>
                    )}
                  </Group>
                  {stakeholder.title && (
                    <Text size="xs" c="dimmed">
                      {stakeholder.title}
                    </Text>
                  )}
                </Stack>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{stakeholder.businessFunction ?? '—'}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
                  {STAKEHOLDER_ROLE_LABELS[stakeholder.role]}
                </Text>
              </Table.Td>
              <Table.Td>
                <Stack gap={2} align="flex-start">
                  <CommitmentBadge level={stakeholder.commitment} />
                  <CommitmentGap gap={stakeholder.commitmentGap} required={stakeholder.requiredCommitment} />
                </Stack>
              </Table.Td>
              <Table.Td>
                <LastContact contact={stakeholder.contact} nextFollowUpOn={stakeholder.nextFollowUpOn} />
              </Table.Td>
              <Table.Td ta="right">
                {stakeholder.openFears > 0 ? (
                  <Group justify="flex-end">
                    <Badge color="orange" variant="light" size="md" circle={stakeholder.openFears < 10}>
                      {stakeholder.openFears}
                    </Badge>
                  </Group>
                ) : (
                  <Text size="sm" c="dimmed">
                    0
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
