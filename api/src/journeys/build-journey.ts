import { Briefing, COMMITMENT_LEVELS, CommitmentChange, Fear, Initiative, Journey, JourneyStage, Pilot, Sounding, Stakeholder, TimelineEvent } from '@soundings/shared';

// Same-day events read in the order they happen: the conversation, what was voiced in it, a
// briefing given or received, the level it moved, and anything resolved that day.
const SAME_DAY_ORDER: Record<TimelineEvent['kind'], number> = {
  sounding: 0,
  fear_voiced: 1,
  briefing: 2,
  initiative: 2,
  pilot: 2,
  commitment_change: 3,
  fear_resolved: 4,
};

export function buildStages(stakeholder: Stakeholder, history: CommitmentChange[]): JourneyStage[] {
  const firstReached = new Map<string, string>();
  for (const change of history) {
    const seen = firstReached.get(change.toLevel);
    if (!seen || change.on < seen) firstReached.set(change.toLevel, change.on);
  }
  // Tracking starts when the person was added, or earlier if older notes were back-filled.
  const trackedFrom = [stakeholder.createdAt.slice(0, 10), ...history.map((change) => change.on)].sort()[0];
  return COMMITMENT_LEVELS.map((level) => ({
    level,
    reachedOn: level === 'not_sounded' ? trackedFrom : (firstReached.get(level) ?? null),
  }));
}

/** A sponsored pilot stands on the day it starts, or the day it was proposed while it has no start date. */
export function pilotDay(pilot: Pilot): string {
  return pilot.startOn ?? pilot.createdAt.slice(0, 10);
}

export function buildTimeline(
  soundings: Sounding[],
  fears: Fear[],
  history: CommitmentChange[],
  briefings: Briefing[] = [],
  pilots: Pilot[] = [],
  initiatives: Initiative[] = [],
): TimelineEvent[] {
  const events: TimelineEvent[] = [
    ...soundings.map((sounding): TimelineEvent => ({ kind: 'sounding', on: sounding.heldOn, sounding })),
    ...fears.map((fear): TimelineEvent => ({ kind: 'fear_voiced', on: fear.voicedOn, fear })),
    ...fears
      .filter((fear) => fear.resolvedOn)
      .map((fear): TimelineEvent => ({ kind: 'fear_resolved', on: fear.resolvedOn!, fear })),
    ...history.map((change): TimelineEvent => ({ kind: 'commitment_change', on: change.on, change })),
    ...briefings.map((briefing): TimelineEvent => ({ kind: 'briefing', on: briefing.day, briefing })),
    ...pilots.map((pilot): TimelineEvent => ({ kind: 'pilot', on: pilotDay(pilot), pilot })),
    ...initiatives.map((initiative): TimelineEvent => ({ kind: 'initiative', on: initiative.heldOn, initiative })),
  ];
  // Array.prototype.sort is stable, so equal keys keep their (already chronological) input order.
  return events.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : SAME_DAY_ORDER[a.kind] - SAME_DAY_ORDER[b.kind]));
}

export function buildJourney(
  stakeholder: Stakeholder,
  soundings: Sounding[],
  fears: Fear[],
  history: CommitmentChange[],
  briefings: Briefing[] = [],
  pilots: Pilot[] = [],
  initiatives: Initiative[] = [],
): Journey {
  const chronological = [...soundings].sort((a, b) => (a.heldOn === b.heldOn ? a.createdAt.localeCompare(b.createdAt) : a.heldOn.localeCompare(b.heldOn)));
  return {
    stakeholder,
    stages: buildStages(stakeholder, history),
    timeline: buildTimeline(chronological, fears, history, briefings, pilots, initiatives),
  };
}
