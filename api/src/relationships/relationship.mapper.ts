import { CommitmentLevel, Relationship, RelationshipHolder, RelationshipMatrixCell, RelationshipQuality } from '@soundings/shared';
import { mapCoalitionMember } from '../coalition/coalition-member';
import { HolderRow, MatrixCellRow, RelationshipRow } from './relationships.repository';

export function mapHolder(row: HolderRow): RelationshipHolder {
  return { type: row.type, id: row.id, name: row.name, commitment: (row.commitment as CommitmentLevel | null) ?? null };
}

export function mapRelationship(row: RelationshipRow): Relationship {
  const champion = row.holder_stakeholder_id !== null;
  return {
    id: row.id,
    stakeholder: mapCoalitionMember(row, 'subject'),
    holder: mapHolder({
      type: champion ? 'champion' : 'account',
      id: (row.holder_stakeholder_id ?? row.holder_user_id)!,
      name: row.holder_name,
      commitment: champion ? row.holder_commitment : null,
    }),
    quality: row.quality as RelationshipQuality,
    note: row.note,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

export function mapMatrixCell(row: MatrixCellRow): RelationshipMatrixCell {
  const champion = row.holder_stakeholder_id !== null;
  return {
    relationshipId: row.id,
    stakeholderId: row.stakeholder_id,
    holderType: champion ? 'champion' : 'account',
    holderId: (row.holder_stakeholder_id ?? row.holder_user_id)!,
    quality: row.quality as RelationshipQuality,
    note: row.note,
    version: row.version,
  };
}
