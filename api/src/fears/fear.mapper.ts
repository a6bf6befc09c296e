import { Fear, FearCategory, FearStatus } from '@soundings/shared';
import { Actor, canReadConfidential } from '../auth/actor';
import { FearRow } from './fears.repository';

/** A fear voiced in a confidential sounding keeps its words from everyone but the author and admins. */
export function mapFear(row: FearRow, reader: Actor): Fear {
  const redacted = row.confidential && !canReadConfidential(reader, row.author_id);
  return {
    id: row.id,
    stakeholder: { id: row.stakeholder_id, name: row.stakeholder_name },
    soundingId: row.sounding_id,
    statement: redacted ? null : row.statement,
    redacted,
    category: row.category as FearCategory,
    status: row.status as FearStatus,
    response: redacted ? null : row.response,
    owner: row.owner,
    voicedOn: row.voiced_on,
    resolvedOn: row.resolved_on,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}
