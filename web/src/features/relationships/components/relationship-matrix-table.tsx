import { Anchor, Group, Stack, Table, Text, Tooltip, UnstyledButton, VisuallyHidden } from '@mantine/core';
import {
  COMMITMENT_LADDER,
  RELATIONSHIP_QUALITY_LABELS,
  type CoalitionMember,
  type RelationshipHolder,
  type RelationshipMatrix,
  type RelationshipMatrixCell,
} from '@soundings/shared';
import { IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { CommitmentBadge } from '@/components/commitment-badge';
import classes from './relationship-matrix-table.module.css';
import { QualityBadge } from './quality-badge';

export interface MatrixCellTarget {
  member: CoalitionMember;
  holder: RelationshipHolder;
  cell: RelationshipMatrixCell | null;
}

interface RelationshipMatrixTableProps {
  matrix: RelationshipMatrix;
  /** Null for readers who may not change relationships. */
  onOpenCell: ((target: MatrixCellTarget) => void) | null;
}

const cellKey = (stakeholderId: string, holderType: string, holderId: string) => `${stakeholderId}|${holderType}|${holderId}`;

/**
 * The badge shows the quality; a screen reader hears the whole cell in one name, e.g. "Sam Patel with Dana
 * Okafor: Strong. Worked together. Change or remove", from text rather than a label that hides the badge's word.
 */
function CellContent({ member, holder, cell, action }: { member: CoalitionMember; holder: RelationshipHolder; cell: RelationshipMatrixCell; action?: string }) {
  const after = `${cell.note ? `. ${cell.note}` : ''}${action ? `. ${action}` : ''}`;
  return (
    <>
      <VisuallyHidden>{`${holder.name} with ${member.name}: `}</VisuallyHidden>
      <QualityBadge quality={cell.quality} aria-hidden />
      <VisuallyHidden>{`${RELATIONSHIP_QUALITY_LABELS[cell.quality]}${after}`}</VisuallyHidden>
    </>
  );
}

/** Top-team members in rows, champions then HR in columns; each cell the relationship, its note on hover or focus. */
export function RelationshipMatrixTable({ matrix, onOpenCell }: RelationshipMatrixTableProps) {
  const cells = new Map(matrix.cells.map((cell) => [cellKey(cell.stakeholderId, cell.holderType, cell.holderId), cell]));
  return (
    <div className={classes.scroller} role="region" aria-labelledby="relationship-matrix-caption" tabIndex={0}>
      <Table className={classes.table} withColumnBorders verticalSpacing="xs" horizontalSpacing="sm">
        <caption id="relationship-matrix-caption" className={classes.caption}>
          Who holds the relationship with each top-team member: members in rows, champions and then HR in columns.
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col" className={classes.corner}>
              Top-team member
            </Table.Th>
            {matrix.holders.map((holder) => (
              <Table.Th key={`${holder.type}:${holder.id}`} scope="col" className={classes.holder}>
                <Stack gap={2}>
                  <Text size="sm" fw={600} lh={1.2}>
                    {holder.name}
                  </Text>
                  <Text size="xs" c="dimmed" fw={400}>
                    {holder.type === 'champion' ? `Champion${holder.commitment ? ` · ${COMMITMENT_LADDER[holder.commitment].label}` : ''}` : 'HR'}
                  </Text>
                </Stack>
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {matrix.members.map((member) => (
            <Table.Tr key={member.id}>
              <Table.Th scope="row" className={classes.member}>
                <Stack gap={4}>
                  <Anchor component={Link} to={`/stakeholders/${member.id}`} size="sm" fw={600}>
                    {member.name}
                  </Anchor>
                  <Group gap={6} wrap="wrap">
                    <CommitmentBadge level={member.commitment} size="xs" />
                    {member.requiredCommitment && (
                      <Text size="xs" c="dimmed" fw={400}>
                        Needs {COMMITMENT_LADDER[member.requiredCommitment].label.toLowerCase()}
                      </Text>
                    )}
                  </Group>
                </Stack>
              </Table.Th>
              {matrix.holders.map((holder) => {
                const cell = cells.get(cellKey(member.id, holder.type, holder.id)) ?? null;
                const self = holder.type === 'champion' && holder.id === member.id;
                return (
                  <Table.Td key={`${holder.type}:${holder.id}`} className={classes.cell}>
                    {self ? (
                      <Text size="xs" c="dimmed" aria-label="Themselves">
                        —
                      </Text>
                    ) : cell ? (
                      <Tooltip label={cell.note ?? 'No note'} multiline maw={280} withArrow events={{ hover: true, focus: true, touch: true }}>
                        {onOpenCell ? (
                          <UnstyledButton className={classes.cellButton} onClick={() => onOpenCell({ member, holder, cell })}>
                            <CellContent member={member} holder={holder} cell={cell} action="Change or remove" />
                          </UnstyledButton>
                        ) : (
                          <span className={classes.cellButton} tabIndex={0}>
                            <CellContent member={member} holder={holder} cell={cell} />
                          </span>
                        )}
                      </Tooltip>
                    ) : onOpenCell ? (
                      <UnstyledButton
                        className={classes.add}
                        onClick={() => onOpenCell({ member, holder, cell: null })}
                      >
                        <IconPlus size={12} aria-hidden />
                        <span aria-hidden>add</span>
                        <VisuallyHidden>{`Add a relationship: ${holder.name} with ${member.name}`}</VisuallyHidden>
                      </UnstyledButton>
                    ) : (
                      <Text size="xs" c="dimmed">
                        <span aria-hidden>·</span>
                        <VisuallyHidden>None recorded</VisuallyHidden>
                      </Text>
                    )}
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </div>
  );
}
