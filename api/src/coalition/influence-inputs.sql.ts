import { REPORTING_LINE_STRENGTH, SWAYING_INFLUENCE_KINDS } from '@soundings/shared';

const SWAYING = SWAYING_INFLUENCE_KINDS.map((kind) => `'${kind}'`).join(', ');

/**
 * Every tie through which one person sways another: swaying links (`leader_id` is the link's `to`) and
 * reporting lines (the manager is the leader), followers still on record. Columns: `leader_id`,
 * `follower_id`, `strength`, `via` ('link' or 'reporting_line'), `kind` and `influence_id` (null for a
 * reporting line). A subquery body; `INFLUENCE_INPUTS_SQL` counts it, views that name the people read it.
 */
export const SWAYING_TIES_SQL = `
      SELECT i.to_id AS leader_id, i.from_id AS follower_id, i.strength::int AS strength, 'link' AS via,
             i.kind, i.id AS influence_id
        FROM influences i JOIN stakeholders follower ON follower.id = i.from_id AND follower.erased_at IS NULL
       WHERE i.kind IN (${SWAYING})
      UNION ALL
      SELECT r.reports_to_id, r.id, ${REPORTING_LINE_STRENGTH}, 'reporting_line', NULL, NULL
        FROM stakeholders r
       WHERE r.reports_to_id IS NOT NULL AND r.erased_at IS NULL`;

/**
 * Per person still on record (erased people left out at both ends), the inputs of `influenceScore()`:
 * `rated` (their 1–5 rating or null), `incoming_strength` (the strengths of swaying links pointing at them),
 * `direct_reports`, `looked_to_by` (distinct people who look to them through either), and `score`, the same
 * formula as the shared function so SQL can sort and limit by it.
 *
 * A CTE body: `WITH influence_inputs AS (${INFLUENCE_INPUTS_SQL}) SELECT … JOIN influence_inputs ii ON ii.stakeholder_id = s.id`.
 * The network, the power grid, champion qualification and the recommendations all read influence through it.
 */
export const INFLUENCE_INPUTS_SQL = `
  SELECT s.id AS stakeholder_id,
         s.influence AS rated,
         coalesce(sum(t.strength) FILTER (WHERE t.via = 'link'), 0)::int AS incoming_strength,
         count(*) FILTER (WHERE t.via = 'reporting_line')::int AS direct_reports,
         count(DISTINCT t.follower_id)::int AS looked_to_by,
         (2 * coalesce(s.influence, 0)
           + coalesce(sum(t.strength) FILTER (WHERE t.via = 'link'), 0)
           + ${REPORTING_LINE_STRENGTH} * count(*) FILTER (WHERE t.via = 'reporting_line'))::int AS score
    FROM stakeholders s
    LEFT JOIN (${SWAYING_TIES_SQL}) t ON t.leader_id = s.id
   WHERE s.erased_at IS NULL
   GROUP BY s.id`;
