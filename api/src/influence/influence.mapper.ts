import type { CoalitionMember, Influence, InfluenceKind, InfluenceStrength } from '@soundings/shared';
import { toCoalitionMember } from '../coalition/coalition-member';
import { InfluenceRow, MemberColumns } from './influences.repository';

export const mapMember = (row: MemberColumns): CoalitionMember => toCoalitionMember(row);

export function mapInfluence(row: InfluenceRow): Influence {
  return {
    id: row.id,
    from: mapMember(row.from_member),
    to: mapMember(row.to_member),
    kind: row.kind as InfluenceKind,
    strength: row.strength as InfluenceStrength,
    note: row.note,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    version: row.version,
  };
}
