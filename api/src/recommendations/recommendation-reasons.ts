import {
  cadenceState,
  COMMITMENT_LADDER,
  COOLING_IN_WORDS,
  CommitmentLevel,
  RECOMMENDATION_REASON_CODES,
  RECOMMENDATION_RECENT_CONTACT_DAYS,
  isCoolingState,
  RECOMMENDATION_WEIGHTS as W,
  RecommendationReason,
  SoundingRecommendation,
} from '@soundings/shared';
import { toCoalitionMember } from '../coalition/coalition-member';
import type { RecommendationFeaturesRow } from './recommendations.repository';

const dayFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
/** "14 Dec" from an ISO date. */
export function shortDay(isoDate: string): string {
  return dayFormat.format(new Date(`${isoDate}T00:00:00Z`));
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** "Sam Reed", "Sam Reed and Priya Shah", "Sam Reed, Priya Shah and 3 others". */
function someNames(names: string[] | null, total: number): string {
  const shown = (names ?? []).slice(0, 2);
  const others = total - shown.length;
  if (others <= 0) return shown.length === 2 ? `${shown[0]} and ${shown[1]}` : shown.join('');
  return `${shown.join(', ')} and ${plural(others, 'other', 'others')}`;
}

function lookingTo(count: number, stance: string, names: string[] | null): string {
  const people = count === 1 ? '1 person who is' : `${count} people who are`;
  return `Looks to ${people} ${stance}: ${someNames(names, count)}`;
}

function daysAgo(days: number): string {
  return days === 0 ? 'today' : days === 1 ? 'yesterday' : `${days} days ago`;
}

function more(count: number, what: string): string {
  return count > 1 ? ` (and ${plural(count - 1, `more ${what}`, `more ${what}s`)})` : '';
}

function briefingText(row: RecommendationFeaturesRow): string {
  const on = `on ${shortDay(row.briefing_on!)}`;
  if (row.briefing_gives) return `Briefs ${row.briefing_audience ?? 'the top team'} ${on}`;
  const by = row.briefing_briefer ?? 'HR';
  return row.briefing_audience === null ? `Briefed with the top team by ${by} ${on}` : `Briefed by ${by} ${on}`;
}

/**
 * The reasons behind a person's score, in words, each with its weight: the same rules the SQL sums (the
 * weights in RECOMMENDATION_WEIGHTS), applied to the counts it returned. Reasons that weigh nothing are left
 * out; the largest weight comes first.
 */
export function recommendationReasons(row: RecommendationFeaturesRow): RecommendationReason[] {
  const reasons: RecommendationReason[] = [];
  const add = (code: RecommendationReason['code'], weight: number, text: string) => {
    if (weight !== 0) reasons.push({ code, text, weight });
  };

  if (row.days_since_contact === null) add('never_sounded', W.neverSounded, 'Never sounded one to one');
  else if (isCoolingState(cadenceState(row.days_since_contact, { idealDays: row.contact_ideal_days, maxDays: row.contact_max_days }))) {
    add('stale', W.stale, `Last contact ${daysAgo(row.days_since_contact)}: ${COOLING_IN_WORDS}`);
  }
  else if (row.days_since_contact <= RECOMMENDATION_RECENT_CONTACT_DAYS)
    add('recently_sounded', W.recentlySounded, `Sounded ${daysAgo(row.days_since_contact)}: give them room`);

  const influence = Math.min(row.influence_score * W.perInfluencePoint, W.influenceCap);
  const capped = row.influence_score * W.perInfluencePoint > W.influenceCap ? ` (counted up to ${W.influenceCap / W.perInfluencePoint})` : '';
  add('influence', influence, `Influence score ${row.influence_score}${capped}`);

  add('social_proof', row.looks_to_on_board * W.perOnBoardInfluence, lookingTo(row.looks_to_on_board, 'on board', row.on_board_names));
  add('resistant_influences', row.looks_to_resistant * W.perResistantInfluence, lookingTo(row.looks_to_resistant, 'resistant', row.resistant_names));

  const countedFears = Math.min(row.open_fears, W.openFearsCap);
  const fearsText = `${plural(row.open_fears, 'open fear', 'open fears')} awaiting an answer${row.open_fears > countedFears ? ` (${countedFears} counted)` : ''}`;
  add('open_fears', countedFears * W.perOpenFear, fearsText);

  if (row.upcoming_meetings > 0) {
    add('upcoming_meeting', W.upcomingMeeting, `Attends “${row.meeting_title}” on ${shortDay(row.meeting_on!)}${more(row.upcoming_meetings, 'meeting')}`);
  }
  if (row.upcoming_briefings > 0) add('upcoming_briefing', W.upcomingBriefing, `${briefingText(row)}${more(row.upcoming_briefings, 'briefing')}`);

  if (row.gap > 0 && row.required_commitment) {
    const required = COMMITMENT_LADDER[row.required_commitment as CommitmentLevel].label;
    add('required_gap', row.gap * W.perRequiredStep, `${plural(row.gap, 'step', 'steps')} short of the required level (${required})`);
  }

  if (row.not_now_until) add('timing_not_now', W.timingNotNow, `Asked not to be approached until ${shortDay(row.not_now_until)}`);
  else if (row.best_until) add('timing_best_now', W.timingBestNow, `In their best time to be approached, until ${shortDay(row.best_until)}`);

  const order = (code: RecommendationReason['code']) => RECOMMENDATION_REASON_CODES.indexOf(code);
  return reasons.sort((a, b) => b.weight - a.weight || order(a.code) - order(b.code));
}

export function mapRecommendation(row: RecommendationFeaturesRow): SoundingRecommendation {
  return {
    stakeholder: {
      ...toCoalitionMember(row),
      lastContactAt: row.last_contact_at,
      influenceScore: row.influence_score,
    },
    score: row.score,
    reasons: recommendationReasons(row),
  };
}
