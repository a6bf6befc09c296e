import { BadRequestException } from '@nestjs/common';
import { assertStatusFits, BriefingParties, briefGap, namesAudiencePriority, planDay, resolveBriefingParties } from './briefing-rules';

function refusal(run: () => unknown): { field: string; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof BadRequestException) return (error.getResponse() as { fields: { field: string; message: string }[] }).fields[0];
    throw error;
  }
  throw new Error('expected a refusal');
}

const champion: BriefingParties = { brieferId: 'b1', hr: false, audienceId: 'a1', topTeam: false };
const hrToTopTeam: BriefingParties = { brieferId: null, hr: true, audienceId: null, topTeam: true };

describe('resolveBriefingParties', () => {
  it('takes a briefer and an audience member', () => {
    expect(resolveBriefingParties(null, { brieferId: 'b1', audienceId: 'a1' })).toEqual(champion);
  });

  it('takes HR and the whole top team', () => {
    expect(resolveBriefingParties(null, { hr: true, topTeam: true })).toEqual(hrToTopTeam);
  });

  it.each([
    ['neither briefer nor hr', 'brieferId', { audienceId: 'a1' }],
    ['hr: false and no briefer', 'brieferId', { hr: false, audienceId: 'a1' }],
    ['both a briefer and hr', 'hr', { brieferId: 'b1', hr: true, audienceId: 'a1' }],
    ['neither audience nor top team', 'audienceId', { brieferId: 'b1' }],
    ['both an audience member and the top team', 'topTeam', { brieferId: 'b1', audienceId: 'a1', topTeam: true }],
    ['the briefer as their own audience', 'audienceId', { brieferId: 'b1', audienceId: 'b1' }],
  ])('refuses %s when creating, naming %s', (_label, field, input) => {
    expect(refusal(() => resolveBriefingParties(null, input)).field).toBe(field);
  });

  it('switches a champion briefing to HR with hr: true alone', () => {
    expect(resolveBriefingParties(champion, { hr: true })).toEqual({ ...champion, brieferId: null, hr: true });
  });

  it('switches HR to a champion with a brieferId alone', () => {
    expect(resolveBriefingParties(hrToTopTeam, { brieferId: 'b2' })).toEqual({ ...hrToTopTeam, brieferId: 'b2', hr: false });
  });

  it('switches a member briefing to the whole top team with topTeam: true alone', () => {
    expect(resolveBriefingParties(champion, { topTeam: true })).toEqual({ ...champion, audienceId: null, topTeam: true });
  });

  it('keeps both sides when neither is mentioned', () => {
    expect(resolveBriefingParties(champion, {})).toEqual(champion);
  });

  it.each([
    ['clearing the briefer without HR', 'brieferId', { brieferId: null }],
    ['turning HR off without a briefer', 'brieferId', { hr: false }],
    ['clearing the audience without the top team', 'audienceId', { audienceId: null }],
  ])('refuses %s on an update, naming %s', (_label, field, input: { brieferId?: null; hr?: boolean; audienceId?: null }) => {
    expect(refusal(() => resolveBriefingParties(input.hr === false ? hrToTopTeam : champion, input)).field).toBe(field);
  });
});

describe('planDay', () => {
  it('is the UTC date of the moment', () => {
    expect(planDay('2026-05-04T23:30:00-02:00')).toBe('2026-05-05');
    expect(planDay('2026-05-04T00:30:00+01:00')).toBe('2026-05-03');
  });
});

describe('assertStatusFits', () => {
  const now = new Date('2026-05-04T12:00:00Z');

  it('accepts a planned briefing in the future and a done one in the past', () => {
    expect(() => assertStatusFits({ status: 'planned', plannedFor: '2026-06-01T09:00:00Z', outcome: null }, now)).not.toThrow();
    expect(() => assertStatusFits({ status: 'done', plannedFor: '2026-05-01T09:00:00Z', outcome: 'Agreed to sponsor' }, now)).not.toThrow();
  });

  it('accepts an outcome on a cancelled briefing (why it was called off)', () => {
    expect(() => assertStatusFits({ status: 'cancelled', plannedFor: '2026-06-01T09:00:00Z', outcome: 'Postponed by the CEO' }, now)).not.toThrow();
  });

  it('refuses done for a day still to come, naming status', () => {
    expect(refusal(() => assertStatusFits({ status: 'done', plannedFor: '2026-05-20T09:00:00Z', outcome: null }, now)).field).toBe('status');
  });

  it('refuses an outcome on a planned briefing, naming outcome', () => {
    expect(refusal(() => assertStatusFits({ status: 'planned', plannedFor: '2026-05-01T09:00:00Z', outcome: 'Went well' }, now)).field).toBe('outcome');
  });
});

describe('namesAudiencePriority', () => {
  const close = { id: 'p1', businessFunction: 'Finance', title: 'Close in five days' };
  const cash = { id: 'p2', businessFunction: 'Finance', title: 'Working capital' };
  const uptime = { id: 'p3', businessFunction: 'IT', title: 'Uptime' };

  it('does not apply when the audience\'s function has no priorities', () => {
    expect(namesAudiencePriority([uptime], [])).toBeNull();
  });

  it('is false when the briefing names only other functions\' priorities, or none', () => {
    expect(namesAudiencePriority([uptime], [close, cash])).toBe(false);
    expect(namesAudiencePriority([], [close, cash])).toBe(false);
  });

  it('is true when it names any one of them', () => {
    expect(namesAudiencePriority([uptime, cash], [close, cash])).toBe(true);
  });
});

describe('briefGap', () => {
  it.each([null, '', '  '])('is no_brief without brief text (%j), whatever else', (brief) => {
    expect(briefGap(brief, true, true)).toBe('no_brief');
  });

  it('uses the audience\'s priorities where they apply, instead of the area', () => {
    expect(briefGap('The case', false, true)).toBeNull();
    expect(briefGap('The case', true, false)).toBe('no_audience_priority');
  });

  it('falls back to naming the briefer\'s area where no priorities apply', () => {
    expect(briefGap('The case', false, null)).toBe('area_not_named');
    expect(briefGap('The case', true, null)).toBeNull();
  });
});
