import type { Priority, PriorityRef } from '@soundings/shared';
import { mapCoalitionMember } from '../coalition/coalition-member';
import { PriorityRow } from './priorities.repository';

export function mapPriority(row: PriorityRow): Priority {
  return {
    id: row.id,
    businessFunction: row.business_function,
    title: row.title,
    owner: row.owner_id ? mapCoalitionMember(row, 'owner') : null,
    coachingLink: row.coaching_link,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    version: row.version,
  };
}

/** A priority as a briefing or a sounding cites it, read as JSON (`business_function`, `title`, `id`). */
export function mapPriorityRef(ref: { id: string; business_function: string; title: string }): PriorityRef {
  return { id: ref.id, businessFunction: ref.business_function, title: ref.title };
}
