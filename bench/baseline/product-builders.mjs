// Meeting readiness for the bare baseline: the rows read by its own hand-written statement, the answer
// built by the product's pure builder (each attendee's warnings, who they look to, the room's verdict),
// whose rules are too involved to restate in SQL without forking them.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const dist = path.join(here, '..', '..', 'api', 'dist', 'api', 'src');
const require = createRequire(path.join(dist, 'main.js'));
const shared = require('@soundings/shared');
const product = (file, name) => require(path.join(dist, file))[name];
const { ConfidentialView } = require(path.join(dist, 'confidentiality', 'confidential-view.js'));
const buildMeetingReadiness = product('meetings/meeting-readiness.js', 'buildMeetingReadiness');

const list = (values) => values.map((value) => `'${value}'`).join(',');
const shownBy = (view) => ({
  soundings: view.shown.confidentialSoundingIds,
  fears: view.shown.confidentialFearIds,
  people: view.stakeholderId ? [view.stakeholderId] : [],
});

// ---- meeting readiness: the meeting, every attendee with what readiness weighs, their open fears ------
const READINESS = `WITH mt AS (SELECT m.*, (m.scheduled_for AT TIME ZONE 'UTC')::date AS mday FROM meetings m WHERE m.id = $1),
  t AS (SELECT org_today() AS today)
  SELECT mt.id, mt.title, mt.scheduled_for, to_char(mt.mday, 'YYYY-MM-DD') AS day, mt.purpose, mt.created_at, mt.updated_at, mt.version,
    (SELECT count(*) FROM meeting_attendees a WHERE a.meeting_id = mt.id) AS attendee_count,
    coalesce((SELECT json_agg(x ORDER BY lower(x.name), x.id) FROM (
      SELECT s.id, s.name, s.title, s.role, s.business_function, s.influence, s.commitment, s.required_commitment, s.last_contact_at, a.spoke_for,
             coalesce(s.cadence_ideal_days, r.ideal_days) AS contact_ideal_days, coalesce(s.cadence_max_days, r.max_days) AS contact_max_days,
             to_char(t.today, 'YYYY-MM-DD') AS today,
             EXISTS (SELECT 1 FROM soundings so WHERE so.stakeholder_id = s.id AND so.held_on <= mt.mday) AS sounded_before,
             coalesce((
               SELECT json_agg(json_build_object('id', p.id, 'name', p.name, 'commitment', p.commitment, 'strength', sway.strength,
                                                 'attending', there.stakeholder_id IS NOT NULL))
                 FROM (SELECT i.to_id AS person_id, i.strength::int AS strength FROM influences i
                        WHERE i.from_id = s.id AND i.kind IN (${list(shared.SWAYING_INFLUENCE_KINDS)})
                       UNION ALL
                       SELECT s.reports_to_id, ${Number(shared.REPORTING_LINE_STRENGTH)} WHERE s.reports_to_id IS NOT NULL) sway
                 JOIN stakeholders p ON p.id = sway.person_id AND p.erased_at IS NULL
                 LEFT JOIN meeting_attendees there ON there.meeting_id = mt.id AND there.stakeholder_id = p.id), '[]'::json) AS looks_to,
             coalesce((SELECT json_agg(json_build_object('id', w.id, 'kind', w.kind, 'startsOn', w.starts_on, 'endsOn', w.ends_on) ORDER BY w.starts_on, w.id)
                         FROM timing_windows w WHERE w.stakeholder_id = s.id), '[]'::json) AS timing_windows,
             coalesce((
               SELECT json_agg(json_build_object('id', e.id, 'expectation', e.expectation, 'told_on', e.told_on, 'realistic', e.realistic, 'status', e.status,
                                                 'teller_name', coalesce(teller.name, nullif(btrim(account.display_name), ''), account.email))
                               ORDER BY e.told_on, e.created_at, e.id)
                 FROM expectations e
                 LEFT JOIN stakeholders teller ON teller.id = e.told_by_stakeholder_id
                 LEFT JOIN users account ON account.id = e.told_by_user_id
                WHERE e.stakeholder_id = s.id AND e.status IN ('open', 'at_risk')), '[]'::json) AS expectations
        FROM meeting_attendees a
        JOIN stakeholders s ON s.id = a.stakeholder_id
        LEFT JOIN cadence_rules r ON r.role = s.role
        CROSS JOIN t
       WHERE a.meeting_id = mt.id) x), '[]'::json) AS attendees,
    coalesce((SELECT json_agg(f ORDER BY f.voiced_on, f.created_at, f.id) FROM (
      SELECT f.id, f.stakeholder_id, f.statement, f.category, f.status, f.voiced_on, f.created_at,
             coalesce(so.confidential, false) AS confidential, so.author_id
        FROM meeting_attendees a
        JOIN fears f ON f.stakeholder_id = a.stakeholder_id AND f.status <> 'resolved'
        LEFT JOIN soundings so ON so.id = f.sounding_id
       WHERE a.meeting_id = mt.id) f), '[]'::json) AS fears
  FROM mt`;

export async function readiness(actor, params, [id], body, response, { query, recordShown, notFound }) {
  const [row] = await query(READINESS, [id]);
  if (!row) throw notFound('Meeting');
  const view = new ConfidentialView(actor);
  const meeting = {
    id: row.id,
    title: row.title,
    scheduledFor: row.scheduled_for.toISOString(),
    purpose: row.purpose,
    attendeeCount: row.attendee_count,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
    day: row.day,
  };
  const answer = buildMeetingReadiness(meeting, row.attendees, row.fears, view);
  await recordShown(actor, shownBy(view));
  return answer;
}
