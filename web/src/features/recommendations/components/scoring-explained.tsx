import { Text } from '@mantine/core';
import {
  RECOMMENDATION_RECENT_CONTACT_DAYS,
  RECOMMENDATION_UPCOMING_DAYS,
  RECOMMENDATION_WEIGHTS as W,
} from '@soundings/shared';
import { formatWeight } from './reason-list';

/** The scoring in one paragraph, from the same weights the server sums. */
export function scoringSummary(): string {
  return [
    `A person's score is the sum of the weights of their reasons: ${formatWeight(W.neverSounded)} if never sounded one to one,`,
    `${formatWeight(W.stale)} if their last contact is past their ideal contact interval`,
    `and ${formatWeight(W.recentlySounded)} if it was in the last ${RECOMMENDATION_RECENT_CONTACT_DAYS} days;`,
    `${formatWeight(W.perInfluencePoint)} per point of influence (at most ${formatWeight(W.influenceCap)});`,
    `${formatWeight(W.perOnBoardInfluence)} for each person they look to who is on board and ${formatWeight(W.perResistantInfluence)} for each who is resistant;`,
    `${formatWeight(W.perOpenFear)} per open fear awaiting an answer (up to ${W.openFearsCap});`,
    `${formatWeight(W.upcomingMeeting)} for a meeting and ${formatWeight(W.upcomingBriefing)} for a briefing of theirs in the next ${RECOMMENDATION_UPCOMING_DAYS} days;`,
    `${formatWeight(W.perRequiredStep)} per step still to climb to their required level;`,
    `${formatWeight(W.timingNotNow)} while they are in a time they asked not to be approached, and ${formatWeight(W.timingBestNow)} while in their best time.`,
    'Public champions with nothing left to win are left out.',
  ].join(' ');
}

export function ScoringExplained() {
  return (
    <Text size="sm" c="dimmed" maw={820}>
      {scoringSummary()}
    </Text>
  );
}
