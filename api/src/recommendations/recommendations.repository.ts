import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  COMMITMENT_LEVELS,
  COMMITMENT_PATH,
  isOnBoard,
  RECOMMENDATION_RECENT_CONTACT_DAYS,
  RECOMMENDATION_UPCOMING_DAYS,
  RECOMMENDATION_WEIGHTS,
  SWAYING_INFLUENCE_KINDS,
} from '@soundings/shared';
import { DataSource } from 'typeorm';
import { cadenceSql, ORG_TODAY } from '../cadence/cadence-sql';
import { INFLUENCE_INPUTS_SQL } from '../coalition/influence-inputs.sql';
import type { CoalitionMemberRow } from '../coalition/coalition-member';

/** What the database returns per recommended person: who they are, and the counts their reasons are built from. */
export interface RecommendationFeaturesRow extends CoalitionMemberRow {
  last_contact_at: string | null;
  /** Whole days since the last contact of any kind, in the organisation's time zone; null when never contacted. */
  days_since_contact: number | null;
  /** Their cadence (their own, else their role's): stale once past the ideal interval. */
  contact_ideal_days: number;
  contact_max_days: number;
  influence_score: number;
  looks_to_on_board: number;
  looks_to_resistant: number;
  /** The first two of each, by name. */
  on_board_names: string[] | null;
  resistant_names: string[] | null;
  open_fears: number;
  gap: number;
  upcoming_meetings: number;
  /** The soonest of them. */
  meeting_title: string | null;
  meeting_on: string | null;
  upcoming_briefings: number;
  /** The soonest of them: the UTC day, whether they give it, and the names on either side (null: HR, or the whole top team). */
  briefing_on: string | null;
  briefing_gives: boolean | null;
  briefing_briefer: string | null;
  briefing_audience: string | null;
  /** The last day of the not-now window they are in today, if any (the latest when several). */
  not_now_until: string | null;
  /** The last day of the best window open today, if any. */
  best_until: string | null;
  score: number;
}

/**
 * The parameters of the one statement, in order. The weights and day limits come from the shared constants,
 * so the formula is written once (shared) and applied here; the reasons are then built from the counts.
 */
const PARAMETERS = {
  neverSounded: RECOMMENDATION_WEIGHTS.neverSounded,
  stale: RECOMMENDATION_WEIGHTS.stale,
  recentlySounded: RECOMMENDATION_WEIGHTS.recentlySounded,
  perInfluencePoint: RECOMMENDATION_WEIGHTS.perInfluencePoint,
  influenceCap: RECOMMENDATION_WEIGHTS.influenceCap,
  perOnBoardInfluence: RECOMMENDATION_WEIGHTS.perOnBoardInfluence,
  perResistantInfluence: RECOMMENDATION_WEIGHTS.perResistantInfluence,
  perOpenFear: RECOMMENDATION_WEIGHTS.perOpenFear,
  openFearsCap: RECOMMENDATION_WEIGHTS.openFearsCap,
  upcomingMeeting: RECOMMENDATION_WEIGHTS.upcomingMeeting,
  upcomingBriefing: RECOMMENDATION_WEIGHTS.upcomingBriefing,
  perRequiredStep: RECOMMENDATION_WEIGHTS.perRequiredStep,
  timingNotNow: RECOMMENDATION_WEIGHTS.timingNotNow,
  timingBestNow: RECOMMENDATION_WEIGHTS.timingBestNow,
  recentContactDays: RECOMMENDATION_RECENT_CONTACT_DAYS,
  upcomingDays: RECOMMENDATION_UPCOMING_DAYS,
  path: [...COMMITMENT_PATH],
  onBoardLevels: COMMITMENT_LEVELS.filter(isOnBoard),
  swayingKinds: [...SWAYING_INFLUENCE_KINDS],
  limit: 0,
};
type ParameterName = keyof typeof PARAMETERS;
const CADENCE = cadenceSql('s');
const NAMES = Object.keys(PARAMETERS) as ParameterName[];
const $ = (name: ParameterName): string => {
  const cast = name === 'path' || name === 'onBoardLevels' || name === 'swayingKinds' ? '::text[]' : '::int';
  return `$${NAMES.indexOf(name) + 1}${cast}`;
};

const UPCOMING = (column: string) => `${column} >= now() AND ${column} < now() + make_interval(days => ${$('upcomingDays')})`;
const RANK = (level: string) => `array_position(${$('path')}, ${level})`;

/**
 * Everyone still on record is a candidate, except public champions with nothing left to win (no gap to a
 * required level, no open fear). Counts are taken for all of them, the score is summed from the weights and
 * the database sorts and limits; names, titles and dates are read only for the rows returned.
 */
const RECOMMENDATIONS_SQL = `
  WITH influence_inputs AS (${INFLUENCE_INPUTS_SQL}),
  looks_to AS (
    SELECT i.from_id AS follower_id, i.to_id AS leader_id FROM influences i WHERE i.kind = ANY(${$('swayingKinds')})
    UNION
    SELECT r.id, r.reports_to_id FROM stakeholders r WHERE r.reports_to_id IS NOT NULL
  ),
  social AS (
    SELECT lt.follower_id AS stakeholder_id,
           count(*) FILTER (WHERE leader.commitment = ANY(${$('onBoardLevels')}))::int AS on_board,
           count(*) FILTER (WHERE leader.commitment = 'resistant')::int AS resistant
      FROM looks_to lt JOIN stakeholders leader ON leader.id = lt.leader_id AND leader.erased_at IS NULL
     GROUP BY lt.follower_id
  ),
  fears_open AS (
    SELECT stakeholder_id, count(*)::int AS open_fears FROM fears WHERE status = 'open' GROUP BY stakeholder_id
  ),
  meetings_soon AS (
    SELECT a.stakeholder_id, count(*)::int AS meetings
      FROM meeting_attendees a JOIN meetings m ON m.id = a.meeting_id
     WHERE ${UPCOMING('m.scheduled_for')}
     GROUP BY a.stakeholder_id
  ),
  briefings_planned AS (
    SELECT * FROM briefings b WHERE b.status = 'planned' AND ${UPCOMING('b.planned_for')}
  ),
  briefings_soon AS (
    SELECT part.stakeholder_id, count(DISTINCT part.briefing_id)::int AS briefings
      FROM (
        SELECT b.id AS briefing_id, b.briefer_id AS stakeholder_id FROM briefings_planned b WHERE b.briefer_id IS NOT NULL
        UNION ALL
        SELECT b.id, b.audience_id FROM briefings_planned b WHERE b.audience_id IS NOT NULL
        UNION ALL
        SELECT b.id, member.id FROM briefings_planned b JOIN stakeholders member ON member.role = 'top_team' WHERE b.audience_is_top_team
      ) part
     GROUP BY part.stakeholder_id
  ),
  timing_now AS (
    SELECT w.stakeholder_id,
           max(w.ends_on) FILTER (WHERE w.kind = 'not_now') AS not_now_until,
           max(w.ends_on) FILTER (WHERE w.kind = 'best') AS best_until
      FROM timing_windows w
     WHERE w.starts_on <= ${ORG_TODAY} AND w.ends_on >= ${ORG_TODAY}
     GROUP BY w.stakeholder_id
  ),
  features AS (
    SELECT s.id, s.name, s.commitment, s.last_contact_at,
           ${ORG_TODAY} - s.last_contact_at AS days_since_contact,
           ${CADENCE.cooling} AS cooling, ${CADENCE.columns},
           ii.score AS influence_score,
           coalesce(so.on_board, 0) AS looks_to_on_board,
           coalesce(so.resistant, 0) AS looks_to_resistant,
           coalesce(f.open_fears, 0) AS open_fears,
           coalesce(ms.meetings, 0) AS upcoming_meetings,
           coalesce(bs.briefings, 0) AS upcoming_briefings,
           tn.not_now_until, tn.best_until,
           -- commitmentGap(): a resistant person stands at 'sounded'; no gap to 'resistant' or to nothing.
           CASE WHEN s.required_commitment IS NULL OR s.required_commitment = 'resistant' THEN 0
                ELSE greatest(0, ${RANK('s.required_commitment')}
                                 - ${RANK(`CASE WHEN s.commitment = 'resistant' THEN 'sounded' ELSE s.commitment END`)})
           END AS gap
      FROM stakeholders s
      JOIN influence_inputs ii ON ii.stakeholder_id = s.id
      LEFT JOIN social so ON so.stakeholder_id = s.id
      LEFT JOIN fears_open f ON f.stakeholder_id = s.id
      LEFT JOIN meetings_soon ms ON ms.stakeholder_id = s.id
      LEFT JOIN briefings_soon bs ON bs.stakeholder_id = s.id
      LEFT JOIN timing_now tn ON tn.stakeholder_id = s.id
     WHERE s.erased_at IS NULL
  ),
  scored AS (
    SELECT features.*,
           (CASE WHEN last_contact_at IS NULL THEN ${$('neverSounded')} ELSE 0 END
            + CASE WHEN cooling THEN ${$('stale')} ELSE 0 END
            + CASE WHEN days_since_contact <= ${$('recentContactDays')} THEN ${$('recentlySounded')} ELSE 0 END
            + least(influence_score * ${$('perInfluencePoint')}, ${$('influenceCap')})
            + looks_to_on_board * ${$('perOnBoardInfluence')}
            + looks_to_resistant * ${$('perResistantInfluence')}
            + least(open_fears, ${$('openFearsCap')}) * ${$('perOpenFear')}
            + CASE WHEN upcoming_meetings > 0 THEN ${$('upcomingMeeting')} ELSE 0 END
            + CASE WHEN upcoming_briefings > 0 THEN ${$('upcomingBriefing')} ELSE 0 END
            + gap * ${$('perRequiredStep')}
            -- Not now outweighs a best window open the same day, as in the shared timing rule.
            + CASE WHEN not_now_until IS NOT NULL THEN ${$('timingNotNow')} WHEN best_until IS NOT NULL THEN ${$('timingBestNow')} ELSE 0 END)::int AS score
      FROM features
     WHERE NOT (commitment = 'public_champion' AND gap = 0 AND open_fears = 0)
  ),
  top AS (
    SELECT * FROM scored ORDER BY score DESC, lower(name), id LIMIT ${$('limit')}
  )
  SELECT top.id, top.name, s.title, s.role, s.business_function, s.potential_champion, top.commitment, s.required_commitment,
         top.last_contact_at, top.days_since_contact, top.contact_ideal_days, top.contact_max_days, top.influence_score, top.looks_to_on_board, top.looks_to_resistant,
         names.on_board_names, names.resistant_names, top.open_fears, top.gap,
         top.upcoming_meetings, meeting.title AS meeting_title, meeting.meeting_on,
         top.upcoming_briefings, briefing.briefing_on, briefing.briefing_gives, briefing.briefing_briefer, briefing.briefing_audience,
         top.not_now_until, top.best_until, top.score
    FROM top
    JOIN stakeholders s ON s.id = top.id
    LEFT JOIN LATERAL (
      SELECT (array_agg(leader.name ORDER BY lower(leader.name), leader.id) FILTER (WHERE leader.commitment = ANY(${$('onBoardLevels')})))[1:2] AS on_board_names,
             (array_agg(leader.name ORDER BY lower(leader.name), leader.id) FILTER (WHERE leader.commitment = 'resistant'))[1:2] AS resistant_names
        FROM stakeholders leader
       WHERE leader.erased_at IS NULL
         AND leader.id IN (SELECT i.to_id FROM influences i WHERE i.from_id = top.id AND i.kind = ANY(${$('swayingKinds')})
                           UNION SELECT s.reports_to_id)
    ) names ON top.looks_to_on_board + top.looks_to_resistant > 0
    LEFT JOIN LATERAL (
      SELECT m.title, (m.scheduled_for AT TIME ZONE 'UTC')::date AS meeting_on
        FROM meeting_attendees a JOIN meetings m ON m.id = a.meeting_id
       WHERE a.stakeholder_id = top.id AND ${UPCOMING('m.scheduled_for')}
       ORDER BY m.scheduled_for, m.id LIMIT 1
    ) meeting ON top.upcoming_meetings > 0
    LEFT JOIN LATERAL (
      SELECT (b.planned_for AT TIME ZONE 'UTC')::date AS briefing_on,
             b.briefer_id IS NOT DISTINCT FROM top.id AS briefing_gives,
             briefer.name AS briefing_briefer, audience.name AS briefing_audience
        FROM briefings b
        LEFT JOIN stakeholders briefer ON briefer.id = b.briefer_id
        LEFT JOIN stakeholders audience ON audience.id = b.audience_id
       WHERE b.status = 'planned' AND ${UPCOMING('b.planned_for')}
         AND (b.briefer_id = top.id OR b.audience_id = top.id OR (b.audience_is_top_team AND s.role = 'top_team'))
       ORDER BY b.planned_for, b.id LIMIT 1
    ) briefing ON top.upcoming_briefings > 0
   ORDER BY top.score DESC, lower(top.name), top.id`;

@Injectable()
export class RecommendationsRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The `limit` people most worth sounding next, with the counts behind their score. One statement. */
  soundings(limit: number): Promise<RecommendationFeaturesRow[]> {
    return this.dataSource.query(RECOMMENDATIONS_SQL, recommendationParameters(limit));
  }
}

/** The statement's parameters for `limit` rows, in placeholder order (also used by the bare benchmark server). */
export function recommendationParameters(limit: number): unknown[] {
  return NAMES.map((name) => (name === 'limit' ? limit : PARAMETERS[name]));
}

export { RECOMMENDATIONS_SQL };
