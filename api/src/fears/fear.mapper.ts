import { Fear, FearCategory, FearStatus } from '@soundings/shared';
import type { ConfidentialView } from '../confidentiality/confidential-view';
import { FearRow } from './fears.repository';

/** A fear voiced in a confidential sounding keeps its words from everyone but the author and admins. */
export function mapFear(row: FearRow, view: ConfidentialView): Fear {
  const redacted = !view.shows({ kind: 'fear', id: row.id, stakeholderId: row.stakeholder_id, confidential: row.confidential, authorId: row.author_id });
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
