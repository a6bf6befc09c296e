export const BRIEFING_STATUSES = ['planned', 'done', 'cancelled'] as const;
export type BriefingStatus = (typeof BRIEFING_STATUSES)[number];
export const BRIEFING_STATUS_LABELS: Record<BriefingStatus, string> = {
  planned: 'Planned',
  done: 'Done',
  cancelled: 'Cancelled',
};

/** What the briefing plan warns about; computed from the plan, soundings and levels, never stored. */
export const BRIEFING_WARNING_CODES = [
  'hr_before_champions',
  'briefer_not_committed',
  'briefer_not_sounded',
  'missing_brief',
  'audience_not_sounded',
  'no_champion_for_member',
  'briefer_relationship_avoid',
  'timing_not_now',
  'timing_outside_best',
] as const;
export type BriefingWarningCode = (typeof BRIEFING_WARNING_CODES)[number];
export const BRIEFING_WARNING_LABELS: Record<BriefingWarningCode, string> = {
  hr_before_champions: 'HR presents before the champions have briefed',
  briefer_not_committed: 'Briefer is not yet committed',
  briefer_not_sounded: 'Briefer has never been sounded one to one',
  missing_brief: 'No brief tied to their priorities or the briefer\'s area',
  audience_not_sounded: 'Audience member not yet sounded one to one',
  no_champion_for_member: 'No champion is planned to brief this top-team member',
  briefer_relationship_avoid: 'The briefer must not carry the message to this person',
  timing_not_now: 'Falls in a time the person asked not to be approached',
  timing_outside_best: 'Falls outside the person\'s best time to be approached (a best window starts or ended within 60 days)',
};

/** The most briefings one reorder may arrange (one day's worth, with room to spare). */
export const BRIEFINGS_PER_DAY_MAX = 200;
