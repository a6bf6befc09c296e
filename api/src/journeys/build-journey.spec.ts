import type { Briefing, CommitmentChange, CommitmentLevel, Fear, Pilot, Sounding, Stakeholder } from '@soundings/shared';
import { COMMITMENT_LEVELS } from '@soundings/shared';
import { buildJourney, buildStages, buildTimeline } from './build-journey';

const stakeholder = { id: 'p1', name: 'Pat', createdAt: '2026-03-10T09:00:00.000Z' } as Stakeholder;

let sequence = 0;
function change(on: string, toLevel: CommitmentLevel, soundingId: string | null = null): CommitmentChange {
  sequence += 1;
  return { id: `c${sequence}`, stakeholderId: 'p1', fromLevel: null, toLevel, on, reason: soundingId ? null : 'seen', soundingId, createdAt: `2026-04-01T00:00:0${sequence % 10}.000Z` };
}

function sounding(id: string, heldOn: string, createdAt = `${heldOn}T12:00:00.000Z`): Sounding {
  return { id, heldOn, createdAt, summary: id, fears: [] } as unknown as Sounding;
}

function fear(id: string, voicedOn: string, resolvedOn: string | null = null): Fear {
  return { id, voicedOn, resolvedOn, statement: id } as Fear;
}

describe('buildStages', () => {
  it('lists every level in ladder order', () => {
    expect(buildStages(stakeholder, []).map((stage) => stage.level)).toEqual([...COMMITMENT_LEVELS]);
  });

  it('starts not_sounded on the day the person was added, with nothing else reached', () => {
    const stages = buildStages(stakeholder, []);
    expect(stages[0]).toEqual({ level: 'not_sounded', reachedOn: '2026-03-10' });
    expect(stages.slice(1).every((stage) => stage.reachedOn === null)).toBe(true);
  });

  it('starts not_sounded at the earliest evidence when older notes were back-filled', () => {
    expect(buildStages(stakeholder, [change('2026-01-05', 'open')])[0]).toEqual({ level: 'not_sounded', reachedOn: '2026-01-05' });
  });

  it('gives each level the first day it was reached, even when reached again later', () => {
    const history = [
      change('2026-03-11', 'sounded'),
      change('2026-03-20', 'open'),
      change('2026-03-25', 'resistant'),
      change('2026-04-02', 'open'),
      change('2026-04-09', 'committed'),
    ];
    const reached = Object.fromEntries(buildStages(stakeholder, history).map((stage) => [stage.level, stage.reachedOn]));
    expect(reached).toEqual({
      not_sounded: '2026-03-10',
      sounded: '2026-03-11',
      open: '2026-03-20',
      supportive: null,
      committed: '2026-04-09',
      public_champion: null,
      resistant: '2026-03-25',
    });
  });

  it('does not depend on the order the history arrives in', () => {
    const history = [change('2026-04-02', 'open'), change('2026-03-20', 'open')];
    expect(buildStages(stakeholder, history).find((stage) => stage.level === 'open')?.reachedOn).toBe('2026-03-20');
  });
});

describe('buildTimeline', () => {
  it('orders events by date', () => {
    const events = buildTimeline(
      [sounding('s2', '2026-03-20'), sounding('s1', '2026-03-11')],
      [fear('f1', '2026-03-11', '2026-03-15')],
      [change('2026-04-01', 'supportive')],
    );
    expect(events.map((event) => `${event.on} ${event.kind}`)).toEqual([
      '2026-03-11 sounding',
      '2026-03-11 fear_voiced',
      '2026-03-15 fear_resolved',
      '2026-03-20 sounding',
      '2026-04-01 commitment_change',
    ]);
  });

  it('reads a single day as it happened: the conversation, its fears, the level it moved, then resolutions', () => {
    const day = '2026-03-11';
    const events = buildTimeline(
      [sounding('s1', day)],
      [fear('old', '2026-03-01', day), fear('new', day)],
      [change(day, 'open', 's1')],
    );
    expect(events.map((event) => event.kind)).toEqual(['fear_voiced', 'sounding', 'fear_voiced', 'commitment_change', 'fear_resolved']);
    expect(events[0].on).toBe('2026-03-01');
  });

  it('places a briefing on its day, after that day\'s sounding and before the level it moved', () => {
    const day = '2026-03-11';
    const briefing = { id: 'b1', day, outcome: 'Agreed to sponsor' } as Briefing;
    const events = buildTimeline([sounding('s1', day)], [], [change(day, 'committed')], [briefing]);
    expect(events.map((event) => event.kind)).toEqual(['sounding', 'briefing', 'commitment_change']);
  });

  it('places a sponsored pilot on its start date, or on the day it was proposed when it has none', () => {
    const started = { id: 'p-started', startOn: '2026-03-15', createdAt: '2026-03-01T10:00:00.000Z' } as Pilot;
    const undated = { id: 'p-undated', startOn: null, createdAt: '2026-03-12T10:00:00.000Z' } as Pilot;
    const events = buildTimeline([sounding('s1', '2026-03-12')], [], [change('2026-03-12', 'committed')], [], [started, undated]);
    expect(events.map((event) => `${event.on} ${event.kind}`)).toEqual(['2026-03-12 sounding', '2026-03-12 pilot', '2026-03-12 commitment_change', '2026-03-15 pilot']);
  });

  it('adds a resolution event only for resolved fears', () => {
    const events = buildTimeline([], [fear('f1', '2026-03-11'), fear('f2', '2026-03-11', '2026-03-12')], []);
    expect(events.filter((event) => event.kind === 'fear_resolved').map((event) => event.kind === 'fear_resolved' && event.fear.id)).toEqual(['f2']);
  });

  it('keeps same-day events of one kind in the order given', () => {
    const day = '2026-03-11';
    const events = buildTimeline([], [fear('first', day), fear('second', day), fear('third', day)], []);
    expect(events.map((event) => event.kind === 'fear_voiced' && event.fear.id)).toEqual(['first', 'second', 'third']);
  });
});

describe('buildJourney', () => {
  it('puts soundings in date order, same-day ones in the order they were entered', () => {
    const journey = buildJourney(
      stakeholder,
      // The repository hands them newest first.
      [sounding('late-entry', '2026-03-11', '2026-03-11T15:00:00.000Z'), sounding('later-day', '2026-03-12'), sounding('early-entry', '2026-03-11', '2026-03-11T09:00:00.000Z')],
      [],
      [],
    );
    expect(journey.timeline.map((event) => event.kind === 'sounding' && event.sounding.id)).toEqual(['early-entry', 'late-entry', 'later-day']);
    expect(journey.stakeholder).toBe(stakeholder);
  });
});
