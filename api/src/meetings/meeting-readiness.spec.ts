import type { MeetingSummary } from '@soundings/shared';
import type { Actor } from '../auth/actor';
import { ConfidentialView } from '../confidentiality/confidential-view';
import { buildMeetingReadiness, flaggedExpectations, isCoolingBy, pickLooksTo, readinessWarnings } from './meeting-readiness';
import type { ReadinessAttendeeRow, ReadinessFearRow } from './meetings.repository';

const TODAY = '2026-05-04';
const reader = (id: string, role: Actor['user']['role'] = 'practitioner'): Actor => ({
  user: { id, email: `${id}@example.test`, role },
  via: 'token',
  requestId: 'r',
  clientAddress: '127.0.0.1',
});

const meeting: MeetingSummary & { day: string } = {
  id: 'm1',
  title: 'Operations review',
  scheduledFor: '2026-05-10T09:00:00.000Z',
  day: '2026-05-10',
  purpose: null,
  attendeeCount: 3,
  createdAt: '2026-05-01T00:00:00.000Z',
  updatedAt: '2026-05-01T00:00:00.000Z',
  version: 1,
};

function attendee(id: string, overrides: Partial<ReadinessAttendeeRow> = {}): ReadinessAttendeeRow {
  return {
    id,
    name: id,
    title: null,
    role: 'top_team',
    business_function: null,
    influence: null,
    commitment: 'supportive',
    required_commitment: null,
    last_contact_at: '2026-05-01',
    contact_ideal_days: 21,
    contact_max_days: 45,
    today: TODAY,
    spoke_for: false,
    sounded_before: true,
    looks_to: [],
    timing_windows: [],
    expectations: [],
    ...overrides,
  };
}

function fear(id: string, stakeholderId: string, overrides: Partial<ReadinessFearRow> = {}): ReadinessFearRow {
  return { id, stakeholder_id: stakeholderId, statement: `words of ${id}`, category: 'other', status: 'open', voiced_on: '2026-04-01', confidential: false, author_id: 'u1', ...overrides };
}

describe('isCoolingBy', () => {
  const topTeam = { idealDays: 21, maxDays: 45 };
  const others = { idealDays: 45, maxDays: 90 };

  it('counts to today for a meeting already past, past their ideal interval as the rest of the app does', () => {
    expect(isCoolingBy('2026-04-13', topTeam, '2026-04-01', TODAY)).toBe(false); // 21 days
    expect(isCoolingBy('2026-04-12', topTeam, '2026-04-01', TODAY)).toBe(true); // 22 days
    expect(isCoolingBy('2026-03-20', others, '2026-04-01', TODAY)).toBe(false); // 45 days
    expect(isCoolingBy('2026-03-19', others, '2026-04-01', TODAY)).toBe(true); // 46 days
  });

  it('counts to the meeting day when it is still ahead', () => {
    expect(isCoolingBy('2026-04-28', topTeam, '2026-05-20', TODAY)).toBe(true); // 22 days by the meeting
    expect(isCoolingBy('2026-04-29', topTeam, '2026-05-20', TODAY)).toBe(false); // 21 days by the meeting
  });

  it('never calls someone never contacted cooling', () => {
    expect(isCoolingBy(null, topTeam, '2026-05-20', TODAY)).toBe(false);
  });
});

describe('readinessWarnings', () => {
  it('lists every concern in a fixed order', () => {
    expect(readinessWarnings({ soundedIndividually: false, commitment: 'resistant', openFears: 2, cooling: true, expectationAtRisk: true })).toEqual([
      'not_sounded_individually',
      'resistant',
      'open_fears',
      'cooling',
      'expectation_at_risk',
    ]);
  });

  it('has nothing to say about a sounded, supportive person without open fears in recent contact', () => {
    expect(readinessWarnings({ soundedIndividually: true, commitment: 'supportive', openFears: 0, cooling: false, expectationAtRisk: false })).toEqual([]);
  });
});

describe('buildMeetingReadiness', () => {
  it('summarises the room and builds one row per attendee', () => {
    const readiness = buildMeetingReadiness(
      meeting,
      [
        attendee('ana', { required_commitment: 'committed' }),
        attendee('ben', { commitment: 'resistant', last_contact_at: '2026-01-02', required_commitment: 'sounded' }),
        attendee('cy', { commitment: 'not_sounded', sounded_before: false, last_contact_at: null }),
      ],
      [fear('f1', 'ben'), fear('f2', 'ben', { status: 'addressing' })],
      new ConfidentialView(reader('u1')),
    );
    expect(readiness.summary).toEqual({
      attendees: 3,
      onBoard: 1,
      atRequired: 0,
      withRequired: 2,
      notSounded: 1,
      resistant: 1,
      openFears: 2,
      verdict: 'not_ready',
    });
    expect(readiness.attendees.map((row) => [row.stakeholder.id, row.requiredCommitment, row.commitmentGap])).toEqual([
      ['ana', 'committed', 1],
      ['ben', 'sounded', 0],
      ['cy', null, 0],
    ]);
    expect(readiness.attendees.map((row) => [row.stakeholder.id, row.warnings])).toEqual([
      ['ana', []],
      ['ben', ['resistant', 'open_fears', 'cooling']],
      ['cy', ['not_sounded_individually']],
    ]);
    expect(readiness.meeting).not.toHaveProperty('day');
  });

  it('withholds the words of fears from confidential soundings unless the reader wrote them or is an admin', () => {
    const rows = [attendee('ana')];
    const fears = [fear('secret', 'ana', { confidential: true, author_id: 'author' }), fear('plain', 'ana')];
    const seenBy = (actor: Actor) =>
      buildMeetingReadiness(meeting, rows, fears, new ConfidentialView(actor)).attendees[0].openFears.map((f) => [f.id, f.statement, f.redacted]);
    expect(seenBy(reader('colleague'))).toEqual([
      ['secret', null, true],
      ['plain', 'words of plain', false],
    ]);
    expect(seenBy(reader('author'))).toEqual([
      ['secret', 'words of secret', false],
      ['plain', 'words of plain', false],
    ]);
    expect(seenBy(reader('someone', 'admin'))[0]).toEqual(['secret', 'words of secret', false]);
  });

  it('names who they look to when that person is in the room or on board, and no one otherwise', () => {
    const readiness = buildMeetingReadiness(
      meeting,
      [
        attendee('in-room', { looks_to: [{ id: 'boss', name: 'Boss', commitment: 'open', strength: 2, attending: true }] }),
        attendee('on-board', { looks_to: [{ id: 'boss2', name: 'Boss 2', commitment: 'committed', strength: 2, attending: false }] }),
        attendee('neither', { looks_to: [{ id: 'boss3', name: 'Boss 3', commitment: 'open', strength: 3, attending: false }] }),
        attendee('no-manager'),
      ],
      [],
      new ConfidentialView(reader('u1')),
    );
    expect(readiness.attendees.map((row) => row.looksTo)).toEqual([
      { id: 'boss', name: 'Boss', commitment: 'open', onBoard: false, attending: true },
      { id: 'boss2', name: 'Boss 2', commitment: 'committed', onBoard: true, attending: false },
      null,
      null,
    ]);
  });
});

describe('flaggedExpectations', () => {
  const row = (id: string, status: string, realistic: boolean) => ({ id, expectation: `words of ${id}`, told_on: '2026-04-01', teller_name: 'Sam', realistic, status });

  it('flags any expectation at risk and an open one that is unrealistic, and no other', () => {
    expect(
      flaggedExpectations([row('open-realistic', 'open', true), row('open-unrealistic', 'open', false), row('at-risk', 'at_risk', true)]).map((e) => e.id),
    ).toEqual(['open-unrealistic', 'at-risk']);
    expect(flaggedExpectations([row('open-unrealistic', 'open', false)])[0]).toEqual({
      id: 'open-unrealistic',
      expectation: 'words of open-unrealistic',
      toldOn: '2026-04-01',
      toldByName: 'Sam',
      realistic: false,
      status: 'open',
    });
  });
});

describe('pickLooksTo', () => {
  const candidate = (id: string, commitment: string, strength: number, attending: boolean) => ({ id, name: id, commitment, strength, attending });

  it('prefers someone they look to who is in the room over a stronger tie who is not', () => {
    expect(pickLooksTo([candidate('Absent', 'committed', 3, false), candidate('Present', 'open', 1, true)])).toEqual({
      id: 'Present',
      name: 'Present',
      commitment: 'open',
      onBoard: false,
      attending: true,
    });
  });

  it('then takes the strongest, then one on board, then by name', () => {
    expect(pickLooksTo([candidate('Weak', 'supportive', 1, true), candidate('Strong', 'resistant', 3, true)])?.id).toBe('Strong');
    expect(pickLooksTo([candidate('Bea', 'open', 2, true), candidate('Cal', 'committed', 2, true)])?.id).toBe('Cal');
    expect(pickLooksTo([candidate('Cal', 'committed', 2, false), candidate('Bea', 'supportive', 2, false)])?.id).toBe('Bea');
  });

  it('names no one when nobody they look to is in the room or on board', () => {
    expect(pickLooksTo([candidate('Undecided', 'open', 3, false), candidate('Against', 'resistant', 2, false)])).toBeNull();
    expect(pickLooksTo([])).toBeNull();
  });
});

describe('buildMeetingReadiness timing', () => {
  it('warns per attendee when the meeting day falls in a not-now window, and names the window', () => {
    const view = new ConfidentialView(reader('u1'));
    const window = { id: 'w1', kind: 'not_now' as const, startsOn: '2026-05-10', endsOn: '2026-05-20' };
    const readiness = buildMeetingReadiness(meeting, [attendee('Ana', { timing_windows: [window] }), attendee('Ben')], [], view);
    const [ana, ben] = readiness.attendees;
    expect(ana.warnings).toContain('timing_not_now');
    expect(ana.timing).toMatchObject({ code: 'timing_not_now', window });
    expect(ben.warnings).not.toContain('timing_not_now');
    expect(ben.timing).toBeNull();
  });
});
