import { cadenceState, ContactCadence, ContactKind, CONTACT_KINDS, IsoDate } from '@soundings/shared';

/**
 * The cadence rule in SQL, mirroring shared `cadenceState` (a test holds the two together at the boundary
 * days): days since = org_today() − last contact; due past the ideal interval, overdue past the maximum; a
 * person's own cadence, else their role's from cadence_rules. `person` is the alias of a stakeholders row.
 */
export function cadenceSql(person = 's') {
  const idealDays = `coalesce(${person}.cadence_ideal_days, (SELECT r.ideal_days FROM cadence_rules r WHERE r.role = ${person}.role))`;
  const maxDays = `coalesce(${person}.cadence_max_days, (SELECT r.max_days FROM cadence_rules r WHERE r.role = ${person}.role))`;
  const daysSince = `(org_today() - ${person}.last_contact_at)`;
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
    /** What the last contact was: one look-up in contact_events per row, so only for rows a page shows. */
    lastKind: `(SELECT e.kind FROM contact_events e WHERE e.stakeholder_id = ${person}.id AND e.contacted_on = ${person}.last_contact_at
        ORDER BY array_position(ARRAY[${CONTACT_KINDS.map((kind) => `'${kind}'`).join(',')}]::text[], e.kind) LIMIT 1) AS contact_last_kind`,
  };
}

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
