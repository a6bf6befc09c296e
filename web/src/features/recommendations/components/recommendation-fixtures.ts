import type { SoundingRecommendation } from '@soundings/shared';

export function aRecommendation(overrides: Partial<SoundingRecommendation['stakeholder']> = {}, reasons: SoundingRecommendation['reasons'] = []): SoundingRecommendation {
  return {
    stakeholder: {
      id: 's-1',
      name: 'Dana Okafor',
      title: 'Chief Operating Officer',
      role: 'top_team',
      businessFunction: 'Operations',
      potentialChampion: false,
      commitment: 'open',
      requiredCommitment: 'committed',
      onBoard: false,
      lastContactAt: null,
      influenceScore: 10,
      ...overrides,
    },
    score: reasons.reduce((sum, reason) => sum + reason.weight, 0),
    reasons,
  };
}

export const socialProof = { code: 'social_proof', text: 'Looks to 3 people who are on board: Priya Shah, Sam Reed and 1 other', weight: 30 } as const;
export const neverSounded = { code: 'never_sounded', text: 'Never sounded one to one', weight: 30 } as const;
export const recentlySounded = { code: 'recently_sounded', text: 'Sounded 2 days ago: give them room', weight: -25 } as const;
