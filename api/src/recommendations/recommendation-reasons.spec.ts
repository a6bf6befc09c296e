import { RECOMMENDATION_WEIGHTS as W } from '@soundings/shared';
import { recommendationReasons, shortDay } from './recommendation-reasons';
import type { RecommendationFeaturesRow } from './recommendations.repository';

const nobody: RecommendationFeaturesRow = {
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Dana Okafor',
  title: null,
  role: 'top_team',
  business_function: 'Finance',
  potential_champion: false,
  commitment: 'open',
  required_commitment: null,
  last_contact_at: '2026-11-11',
  days_since_contact: 20,
  contact_ideal_days: 45,
  contact_max_days: 90,
  influence_score: 0,
  looks_to_on_board: 0,
  looks_to_resistant: 0,
  on_board_names: null,
  resistant_names: null,
  open_fears: 0,
  gap: 0,
  upcoming_meetings: 0,
  meeting_title: null,
  meeting_on: null,
  upcoming_briefings: 0,
  briefing_on: null,
  briefing_gives: null,
  briefing_briefer: null,
  briefing_audience: null,
  not_now_until: null,
  best_until: null,
  score: 0,
};
const texts = (row: Partial<RecommendationFeaturesRow>) => recommendationReasons({ ...nobody, ...row }).map((reason) => reason.text);

describe('recommendationReasons', () => {
  it('gives no reason for someone sounded a while ago with nothing else going on', () => {
    expect(recommendationReasons(nobody)).toEqual([]);
  });

  it('names up to two people they look to, then counts the others', () => {
    expect(texts({ looks_to_on_board: 1, on_board_names: ['Sam Reed'] })).toEqual(['Looks to 1 person who is on board: Sam Reed']);
    expect(texts({ looks_to_on_board: 2, on_board_names: ['Priya Shah', 'Sam Reed'] })).toEqual(['Looks to 2 people who are on board: Priya Shah and Sam Reed']);
    expect(texts({ looks_to_on_board: 3, on_board_names: ['Priya Shah', 'Sam Reed'] })).toEqual([
      'Looks to 3 people who are on board: Priya Shah, Sam Reed and 1 other',
    ]);
    expect(texts({ looks_to_resistant: 4, resistant_names: ['Ola Berg', 'Rolf Brandt'] })).toEqual([
      'Looks to 4 people who are resistant: Ola Berg, Rolf Brandt and 2 others',
    ]);
  });

  it('tells never sounded, cooling and recent contact apart by the days since the last contact against their cadence', () => {
    expect(texts({ days_since_contact: null, last_contact_at: null })).toEqual(['Never sounded one to one']);
    expect(texts({ days_since_contact: 46 })).toEqual(['Last contact 46 days ago: past their ideal contact interval']);
    expect(texts({ days_since_contact: 45 })).toEqual([]);
    expect(texts({ days_since_contact: 22, contact_ideal_days: 21, contact_max_days: 45 })).toEqual(['Last contact 22 days ago: past their ideal contact interval']);
    expect(texts({ days_since_contact: 21, contact_ideal_days: 21, contact_max_days: 45 })).toEqual([]);
    expect(texts({ days_since_contact: 7 })).toEqual(['Sounded 7 days ago: give them room']);
    expect(texts({ days_since_contact: 1 })).toEqual(['Sounded yesterday: give them room']);
    expect(texts({ days_since_contact: 0 })).toEqual(['Sounded today: give them room']);
  });

  it('caps influence and open fears, and says so', () => {
    const reasons = recommendationReasons({ ...nobody, influence_score: 30, open_fears: 5 });
    expect(reasons).toEqual([
      { code: 'influence', text: 'Influence score 30 (counted up to 12)', weight: W.influenceCap },
      { code: 'open_fears', text: '5 open fears awaiting an answer (3 counted)', weight: W.openFearsCap * W.perOpenFear },
    ]);
    expect(texts({ influence_score: 4, open_fears: 1 })).toEqual(['Influence score 4', '1 open fear awaiting an answer']);
  });

  it('says which meeting or briefing is coming, and on what day', () => {
    expect(texts({ upcoming_meetings: 1, meeting_title: 'Top team offsite', meeting_on: '2026-12-14' })).toEqual(['Attends “Top team offsite” on 14 Dec']);
    expect(texts({ upcoming_meetings: 3, meeting_title: 'Top team offsite', meeting_on: '2026-12-14' })).toEqual([
      'Attends “Top team offsite” on 14 Dec (and 2 more meetings)',
    ]);
    const briefing = { upcoming_briefings: 1, briefing_on: '2026-12-03' };
    expect(texts({ ...briefing, briefing_gives: true, briefing_briefer: 'Dana Okafor', briefing_audience: 'Sam Reed' })).toEqual(['Briefs Sam Reed on 3 Dec']);
    expect(texts({ ...briefing, briefing_gives: true, briefing_briefer: 'Dana Okafor', briefing_audience: null })).toEqual(['Briefs the top team on 3 Dec']);
    expect(texts({ ...briefing, briefing_gives: false, briefing_briefer: 'Sam Reed', briefing_audience: 'Dana Okafor' })).toEqual(['Briefed by Sam Reed on 3 Dec']);
    expect(texts({ ...briefing, briefing_gives: false, briefing_briefer: null, briefing_audience: 'Dana Okafor' })).toEqual(['Briefed by HR on 3 Dec']);
    expect(texts({ ...briefing, upcoming_briefings: 2, briefing_gives: false, briefing_briefer: null, briefing_audience: null })).toEqual([
      'Briefed with the top team by HR on 3 Dec (and 1 more briefing)',
    ]);
  });

  it('counts the steps to the required level', () => {
    expect(texts({ gap: 1, required_commitment: 'supportive' })).toEqual(['1 step short of the required level (Supportive)']);
  });

  it('weighs each reason from the shared weights and puts the largest first, negatives last', () => {
    const reasons = recommendationReasons({
      ...nobody,
      days_since_contact: 2,
      looks_to_on_board: 2,
      on_board_names: ['A', 'B'],
      looks_to_resistant: 1,
      resistant_names: ['C'],
      gap: 2,
      required_commitment: 'committed',
      upcoming_meetings: 1,
      meeting_title: 'Offsite',
      meeting_on: '2026-12-14',
    });
    expect(reasons.map((reason) => [reason.code, reason.weight])).toEqual([
      ['social_proof', 2 * W.perOnBoardInfluence],
      ['upcoming_meeting', W.upcomingMeeting],
      ['required_gap', 2 * W.perRequiredStep],
      ['resistant_influences', W.perResistantInfluence],
      ['recently_sounded', W.recentlySounded],
    ]);
  });

  it('says until when someone asked not to be approached, weighing it down, and lets it outweigh a best window the same day', () => {
    expect(recommendationReasons({ ...nobody, not_now_until: '2027-01-14', best_until: '2027-01-31' })).toEqual([
      { code: 'timing_not_now', weight: W.timingNotNow, text: 'Asked not to be approached until 14 Jan' },
    ]);
    expect(W.timingNotNow).toBeLessThan(0);
  });

  it('counts a best window open today for them', () => {
    expect(recommendationReasons({ ...nobody, best_until: '2027-01-31' })).toEqual([
      { code: 'timing_best_now', weight: W.timingBestNow, text: 'In their best time to be approached, until 31 Jan' },
    ]);
    expect(W.timingBestNow).toBeGreaterThan(0);
  });

  it('prints a day as day and short month', () => {
    expect(shortDay('2026-01-05')).toBe('5 Jan');
  });
});
