import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';

/** Soundings are dated today or earlier when written; other contact can be dated ahead and fall due later. */
const MAY_FALL_DUE = `e.kind <> 'sounding'`;

/** The latest contact of `person` dated today or earlier. */
const LATEST_CONTACT = `(SELECT max(e.contacted_on) FROM contact_events e WHERE e.stakeholder_id = person.id AND e.contacted_on <= org_today())`;

/**
 * stakeholders.last_contact_at is kept as the latest contact of any kind (the contact_events view) dated
 * today or earlier in the organisation's time zone, so lists can filter and sort on one indexed column.
 */
@Injectable()
export class LastContactRepository {
  /** Recomputes the last contact of these people; call it in the transaction that changed their contact. */
  async refresh(manager: EntityManager, stakeholderIds: readonly (string | null | undefined)[]): Promise<void> {
    const ids = [...new Set(stakeholderIds.filter((id): id is string => !!id))];
    if (ids.length === 0) return;
    await manager.query(
      `UPDATE stakeholders s SET last_contact_at = latest.contacted_on
         FROM (
           SELECT person.id, ${LATEST_CONTACT} AS contacted_on FROM unnest($1::uuid[]) AS person(id)
         ) latest
        WHERE s.id = latest.id AND s.last_contact_at IS DISTINCT FROM latest.contacted_on`,
      [ids],
    );
  }

  /** Recomputes the whole top team's last contact: a top-team-wide briefing reaches every member. */
  async refreshTopTeam(manager: EntityManager): Promise<void> {
    const members: { id: string }[] = await manager.query(`SELECT id FROM stakeholders WHERE role = 'top_team' AND erased_at IS NULL`);
    await this.refresh(manager, members.map((member) => member.id));
  }

  /**
   * Moves last contact forward for everyone whose meeting, initiative or briefing has come due since it was
   * written (it was dated ahead then). Idempotent: running it twice, or on two instances at once, sets the same
   * dates. Returns how many people moved.
   */
  async catchUp(manager: EntityManager): Promise<number> {
    const [, moved] = await manager.query(
      `UPDATE stakeholders s SET last_contact_at = due.contacted_on
         FROM (SELECT e.stakeholder_id, max(e.contacted_on) AS contacted_on FROM contact_events e
                WHERE ${MAY_FALL_DUE} AND e.contacted_on <= org_today() GROUP BY e.stakeholder_id) due
        WHERE s.id = due.stakeholder_id AND (s.last_contact_at IS NULL OR s.last_contact_at < due.contacted_on)`,
    );
    return Number(moved);
  }

  /** Recomputes everyone's last contact: when "today" itself moves (the organisation's time zone changed). */
  async refreshEveryone(manager: EntityManager): Promise<void> {
    await manager.query(
      `UPDATE stakeholders s SET last_contact_at = latest.contacted_on
         FROM (SELECT person.id, ${LATEST_CONTACT} AS contacted_on FROM stakeholders person) latest
        WHERE s.id = latest.id AND s.last_contact_at IS DISTINCT FROM latest.contacted_on`,
    );
  }
}
