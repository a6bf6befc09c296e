import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/**
 * stakeholders.last_contact_at is kept as the latest contact of any kind (the contact_events view) dated
 * today or earlier in the organisation's time zone, so lists can filter and sort on one indexed column.
 */
@Injectable()
export class LastContactRepository {
  /** Recomputes the last contact of these people; call it in the transaction that changed their contact. */
  async refresh(manager: EntityManager, stakeholderIds: readonly string[]): Promise<void> {
    if (stakeholderIds.length === 0) return;
    await manager.query(
      `UPDATE stakeholders s SET last_contact_at = latest.contacted_on
         FROM (
           SELECT person.id, (SELECT max(e.contacted_on) FROM contact_events e
                               WHERE e.stakeholder_id = person.id AND e.contacted_on <= org_today()) AS contacted_on
             FROM unnest($1::uuid[]) AS person(id)
         ) latest
        WHERE s.id = latest.id AND s.last_contact_at IS DISTINCT FROM latest.contacted_on`,
      [[...new Set(stakeholderIds)]],
    );
  }
}
