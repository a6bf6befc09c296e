import type { Initiative, InitiativeKind } from '@soundings/shared';
import { toCoalitionMember } from '../coalition/coalition-member';
import { InitiativeRow } from './initiatives.repository';

export function mapInitiative(row: InitiativeRow): Initiative {
  return {
    id: row.id,
    title: row.title,
    kind: row.kind as InitiativeKind,
    heldOn: row.held_on,
    owner: row.owner ? toCoalitionMember(row.owner) : null,
    description: row.description,
    involved: row.involved.map(toCoalitionMember),
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    version: row.version,
  };
}
