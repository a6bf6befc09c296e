import { cadenceState, ContactCadence, ContactKind, CONTACT_KINDS, IsoDate } from '@soundings/shared';

/**
 * The organisation's today for expressions evaluated per row. org_today() reads the time zone in a sub-select, so
 * PostgreSQL cannot inline it and runs it as a function call each time (about 12 µs: 0.6 ms for a page of 50,
 * 7 ms for a meeting of 300); as an uncorrelated sub-select it is an InitPlan, worked out once per statement.
 */
export const ORG_TODAY = '(SELECT org_today())';

/**
 * The cadence rule in SQL, mirroring shared `cadenceState` (a test holds the two together at the boundary
 * days): days since = org_today() − last contact; due past the ideal interval, overdue past the maximum; a
 * person's own cadence, else their role's from cadence_rules. `person` is the alias of a stakeholders row.
 */
export function cadenceSql(person = 's') {
  const idealDays = `coalesce(${person}.cadence_ideal_days, (SELECT r.ideal_days FROM cadence_rules r WHERE r.role = ${person}.role))`;
  const maxDays = `coalesce(${person}.cadence_max_days, (SELECT r.max_days FROM cadence_rules r WHERE r.role = ${person}.role))`;
  const daysSince = `(${ORG_TODAY} - ${person}.last_contact_at)`;
  const state = `(CASE WHEN ${person}.last_contact_at IS NULL THEN 'never'
                       WHEN ${daysSince} > ${maxDays} THEN 'overdue'
                       WHEN ${daysSince} > ${idealDays} THEN 'due'
                       ELSE 'on_track' END)`;
  return {
    state,
    /** Cooling wherever the product says it (shared `isCoolingState`): past the ideal interval. */
    cooling: `(${state} IN ('due','overdue'))`,
    /** Overdue first, then never contacted, due, on track: for ordering by how far someone has slipped. */
    rank: `array_position(ARRAY['overdue','never','due','on_track']::text[], ${state})`,
    /** The columns `mapContactCadence` reads; add `lastKind` where the page says what the contact was. */
    columns: `${person}.last_contact_at AS contact_last_on, ${daysSince} AS contact_days_since,
      ${idealDays} AS contact_ideal_days, ${maxDays} AS contact_max_days,
      (${person}.cadence_ideal_days IS NOT NULL) AS contact_personal`,
    /** What the last contact was, as the contact_events view would rank it: only for rows a page shows. */
    lastKind: `${lastContactKindSql(person)} AS contact_last_kind`,
  };
}

const ORG_TIME_ZONE = `(SELECT time_zone FROM settings LIMIT 1)`;

/**
 * One probe per kind of contact on the day of the last contact, each on its own index, in the order
 * CONTACT_KINDS ranks them: the first that matches wins, so a person last reached in a sounding costs one index
 * probe. Asking the contact_events view instead scanned all six of its branches and sorted them for every row.
 * Each probe must say what its branch of contact_events says (the cadence tests compare the two).
 */
export function lastContactKindSql(person: string): string {
  const day = (moment: string) => `(${moment} AT TIME ZONE ${ORG_TIME_ZONE})::date = ${person}.last_contact_at`;
  const probes: Record<ContactKind, string> = {
    sounding: `EXISTS (SELECT 1 FROM soundings k WHERE k.stakeholder_id = ${person}.id AND k.held_on = ${person}.last_contact_at)`,
    briefing_given: `EXISTS (SELECT 1 FROM briefings k WHERE k.briefer_id = ${person}.id AND k.status = 'done' AND ${day('k.planned_for')})`,
    // Received in person, or as a member of the top team when a briefing went to all of it.
    briefing_received: `(EXISTS (SELECT 1 FROM briefings k WHERE k.audience_id = ${person}.id AND k.status = 'done' AND ${day('k.planned_for')})
        OR (${person}.role = 'top_team' AND ${person}.erased_at IS NULL
            AND EXISTS (SELECT 1 FROM briefings k WHERE k.audience_is_top_team AND k.status = 'done' AND ${day('k.planned_for')})))`,
    meeting: `EXISTS (SELECT 1 FROM meeting_attendees k JOIN meetings km ON km.id = k.meeting_id
                WHERE k.stakeholder_id = ${person}.id AND ${day('km.scheduled_for')})`,
    initiative: `EXISTS (SELECT 1 FROM initiative_people k JOIN initiatives ki ON ki.id = k.initiative_id
                   WHERE k.stakeholder_id = ${person}.id AND ki.held_on = ${person}.last_contact_at)`,
  };
  const whens = CONTACT_KINDS.map((kind) => `WHEN ${probes[kind]} THEN '${kind}'`).join('\n      ');
  return `(CASE WHEN ${person}.last_contact_at IS NULL THEN NULL\n      ${whens} END)`;
}

/**
 * How many people are cooling, counted on index ranges rather than by working out each person's state: an ideal
 * interval never exceeds its maximum (a constraint on rules and on personal cadences), so cooling is exactly "last
 * contact before today minus the ideal interval". Without a personal cadence that is one range of the role's
 * rows in `stakeholders_cooling`; the few people with their own cadence are checked one by one.
 */
export function coolingCountSql(): string {
  const own = cadenceSql('s');
  return `((SELECT coalesce(sum(by_role.n), 0) FROM cadence_rules r CROSS JOIN LATERAL (
              SELECT count(*) AS n FROM stakeholders s
               WHERE s.role = r.role AND s.cadence_ideal_days IS NULL AND s.last_contact_at < org_today() - r.ideal_days) by_role)
          + (SELECT count(*) FROM stakeholders s WHERE s.cadence_max_days IS NOT NULL AND s.cadence_ideal_days IS NOT NULL AND ${own.cooling}))::bigint`;
}

/**
 * The longest interval anyone may go without contact (the largest maximum of a rule or a personal cadence): nobody
 * contacted before today minus this is due rather than overdue, so a walk for the due can start there.
 */
export const LONGEST_MAX_DAYS = `greatest((SELECT max(r.max_days) FROM cadence_rules r), (SELECT max(o.cadence_max_days) FROM stakeholders o))`;

export interface ContactCadenceRow {
  contact_last_on: IsoDate | null;
  contact_days_since: number | null;
  contact_last_kind?: ContactKind | null;
  contact_ideal_days: number;
  contact_max_days: number;
  contact_personal: boolean;
}

export function mapContactCadence(row: ContactCadenceRow): ContactCadence {
  const daysSinceContact = row.contact_days_since === null ? null : Number(row.contact_days_since);
  const cadence = { idealDays: Number(row.contact_ideal_days), maxDays: Number(row.contact_max_days) };
  return { lastContactOn: row.contact_last_on, lastContactKind: row.contact_last_kind ?? null, daysSinceContact, cadence, personal: row.contact_personal, state: cadenceState(daysSinceContact, cadence) };
}
