import { Fear, FearCategory, FearStatus } from '@soundings/shared';
import { FearRow } from './fears.repository';

export function mapFear(row: FearRow): Fear {
  return {
    id: row.id,
    stakeholder: { id: row.stakeholder_id, name: row.stakeholder_name },
    soundingId: row.sounding_id,
    statement: row.statement,
    category: row.category as FearCategory,
    status: row.status as FearStatus,
    response: row.response,
    owner: row.owner,
    voicedOn: row.voiced_on,
    resolvedOn: row.resolved_on,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}
