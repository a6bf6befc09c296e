import type { Briefing, BriefingParty, BriefingWarningCode, CommitmentLevel, StakeholderRef } from '@soundings/shared';
import { briefNamesArea, buildBriefingPlan, planWarnings } from './briefing-plan';

function person(id: string, overrides: Partial<BriefingParty> = {}): BriefingParty {
  return { id, name: id.toUpperCase(), role: 'line_manager', businessFunction: 'Finance', commitment: 'committed', ...overrides };
}

const ceo = person('ceo', { role: 'top_team', businessFunction: null, commitment: 'open' });
const cfo = person('cfo', { role: 'top_team', businessFunction: 'Finance', commitment: 'open' });
const topTeam: StakeholderRef[] = [ceo, cfo].map(({ id, name }) => ({ id, name }));
const ana = person('ana', { businessFunction: 'Finance' });
const ben = person('ben', { businessFunction: 'IT' });

let sequence = 0;
function briefing(overrides: Partial<Briefing>): Briefing {
  sequence += 1;
  return {
    id: `b${sequence}`,
    briefer: ana,
    hr: false,
    audience: cfo,
    topTeam: false,
    plannedFor: '2026-05-04T09:00:00.000Z',
    day: '2026-05-04',
    order: 0,
    brief: 'Coaching helps Finance keep its people through the restructure.',
    status: 'planned',
    outcome: null,
    priorities: [],
    createdAt: '2026-04-01T00:00:00.000Z',
    updatedAt: '2026-04-01T00:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

const hr = (overrides: Partial<Briefing> = {}) => briefing({ briefer: null, hr: true, audience: null, topTeam: true, brief: 'The whole case', ...overrides });
const everyoneSounded = new Set(['ceo', 'cfo', 'ana', 'ben']);

function codes(briefings: Briefing[], sounded: ReadonlySet<string> = everyoneSounded, team = topTeam): string[] {
  return planWarnings(briefings, sounded, team).map((warning) => `${warning.code}${warning.briefingId ? `@${warning.briefingId}` : ''}${warning.stakeholderId ? `:${warning.stakeholderId}` : ''}`);
}

function only(code: BriefingWarningCode, briefings: Briefing[], sounded: ReadonlySet<string> = everyoneSounded, team = topTeam): string[] {
  return codes(briefings, sounded, team).filter((entry) => entry.startsWith(code));
}

describe('planWarnings', () => {
  describe('hr_before_champions', () => {
    it('warns when HR presents to the top team before a champion briefs a member', () => {
      const first = hr();
      const later = briefing({ audience: cfo });
      expect(only('hr_before_champions', [first, later])).toEqual([`hr_before_champions@${first.id}`]);
    });

    it('names each champion once, in the grammar of how many people they are', () => {
      const first = hr();
      const [warning] = planWarnings([first, briefing({ audience: cfo }), briefing({ audience: ceo })], everyoneSounded, topTeam);
      expect(warning.message).toBe("HR presents to the top team before ANA has briefed them. Move HR's briefing after the champions'.");
    });

    it('is quiet when every champion briefing of that audience comes first', () => {
      expect(only('hr_before_champions', [briefing({ audience: cfo }), briefing({ briefer: ben, audience: ceo }), hr()])).toEqual([]);
    });

    it('warns when HR briefs a member before the champion planned for that member, naming the member', () => {
      const first = hr({ audience: cfo, topTeam: false });
      expect(only('hr_before_champions', [first, briefing({ audience: cfo })])).toEqual([`hr_before_champions@${first.id}:cfo`]);
    });

    it('ignores champions planned for other members when HR briefs one member', () => {
      expect(only('hr_before_champions', [hr({ audience: cfo, topTeam: false }), briefing({ briefer: ben, audience: ceo })])).toEqual([]);
    });

    it('counts a champion briefing of the whole top team as reaching every member', () => {
      const first = hr({ audience: ceo, topTeam: false });
      expect(only('hr_before_champions', [first, briefing({ audience: null, topTeam: true })])).toEqual([`hr_before_champions@${first.id}:ceo`]);
    });

    it('warns when HR has presented while a champion briefing placed before it has not happened', () => {
      const champion = briefing({ audience: cfo });
      const done = hr({ status: 'done', outcome: 'Polite interest' });
      expect(only('hr_before_champions', [champion, done])).toEqual([`hr_before_champions@${done.id}`]);
    });

    it('ignores cancelled briefings on either side and champions already done', () => {
      expect(only('hr_before_champions', [hr({ status: 'cancelled' }), briefing({})])).toEqual([]);
      expect(only('hr_before_champions', [hr(), briefing({ status: 'cancelled' })])).toEqual([]);
      expect(only('hr_before_champions', [hr(), briefing({ status: 'done', outcome: 'Good' })])).toEqual([]);
    });

    it('treats a briefer from HR like HR itself', () => {
      const hrPerson = person('hana', { role: 'hr', businessFunction: 'HR' });
      const first = briefing({ briefer: hrPerson, audience: cfo, brief: 'HR case' });
      expect(only('hr_before_champions', [first, briefing({ audience: cfo })])).toEqual([`hr_before_champions@${first.id}:cfo`]);
    });
  });

  describe('briefer_not_committed', () => {
    it.each<CommitmentLevel>(['not_sounded', 'sounded', 'open', 'supportive', 'resistant'])('warns for a champion who is %s', (commitment) => {
      const planned = briefing({ briefer: { ...ana, commitment } });
      expect(only('briefer_not_committed', [planned])).toEqual([`briefer_not_committed@${planned.id}:ana`]);
    });

    it.each<CommitmentLevel>(['committed', 'public_champion'])('is quiet for a champion who is %s', (commitment) => {
      expect(only('briefer_not_committed', [briefing({ briefer: { ...ana, commitment } })])).toEqual([]);
    });

    it('does not apply to HR, or to briefings already done', () => {
      expect(only('briefer_not_committed', [hr(), briefing({ briefer: person('hana', { role: 'hr', commitment: 'open' }) })])).toEqual([]);
      expect(only('briefer_not_committed', [briefing({ briefer: { ...ana, commitment: 'open' }, status: 'done' })])).toEqual([]);
    });
  });

  describe('briefer_not_sounded', () => {
    it('warns when the briefer has never been sounded, and not once they have', () => {
      const planned = briefing({});
      expect(only('briefer_not_sounded', [planned], new Set(['cfo', 'ceo']))).toEqual([`briefer_not_sounded@${planned.id}:ana`]);
      expect(only('briefer_not_sounded', [planned])).toEqual([]);
    });

    it('has no one to check when HR presents', () => {
      expect(only('briefer_not_sounded', [hr()], new Set())).toEqual([]);
    });
  });

  describe('missing_brief', () => {
    it.each([null, '', '   '])('warns when there is no brief (%j)', (brief) => {
      const planned = briefing({ brief });
      expect(only('missing_brief', [planned])).toEqual([`missing_brief@${planned.id}:ana`]);
    });

    it('warns when the brief does not name the briefer\'s function', () => {
      const planned = briefing({ brief: 'It is a good idea for everyone.' });
      const [warning] = planWarnings([planned], everyoneSounded, topTeam).filter((w) => w.code === 'missing_brief');
      expect(warning.message).toContain('Finance');
    });

    it('is quiet when the brief names the function', () => {
      expect(only('missing_brief', [briefing({ brief: 'Why it matters for finance: retention.' })])).toEqual([]);
    });

    it('asks HR only for some brief', () => {
      expect(only('missing_brief', [hr({ brief: null })])).toHaveLength(1);
      expect(only('missing_brief', [hr({ brief: 'The whole case, for everyone' })])).toEqual([]);
    });

    describe('when the audience\'s function has priorities', () => {
      const close = { id: 'p-close', businessFunction: 'Finance', title: 'Close the books in five days' };
      const cash = { id: 'p-cash', businessFunction: 'Finance', title: 'Free up working capital' };
      const uptime = { id: 'p-uptime', businessFunction: 'IT', title: 'Keep the platform up' };
      const warningsFor = (planned: Briefing) =>
        planWarnings([planned], everyoneSounded, topTeam, new Map(), new Map(), new Map([[planned.id, [close, cash]]])).filter((w) => w.code === 'missing_brief');

      it('flags a briefing to the function\'s leader that names none of them, even when the brief names the area, and lists them', () => {
        const [warning, ...rest] = warningsFor(briefing({ audience: cfo, priorities: [uptime] }));
        expect(rest).toEqual([]);
        expect(warning.message).toBe(
          'The briefing to CFO names none of Finance\'s priorities (“Close the books in five days”, “Free up working capital”). Name the one the case serves.',
        );
      });

      it('is quiet once the briefing names one of them, even when the brief text does not name the area', () => {
        expect(warningsFor(briefing({ audience: cfo, priorities: [cash], brief: 'It is a good idea for everyone.' }))).toEqual([]);
      });

      it('still asks for brief text first', () => {
        const [warning] = warningsFor(briefing({ audience: cfo, priorities: [cash], brief: null }));
        expect(warning.message).toBe('ANA has no brief yet. Write the case they will make.');
      });

      it('leaves a whole-top-team briefing to the area check', () => {
        const planned = briefing({ audience: null, topTeam: true, brief: 'It is a good idea for everyone.' });
        expect(warningsFor(planned).map((w) => w.message)).toEqual(["The brief does not say why it matters for Finance, ANA's area."]);
      });
    });
  });

  describe('audience_not_sounded', () => {
    it('warns for a member who has not been sounded, and not once they have', () => {
      const planned = briefing({ audience: cfo });
      expect(only('audience_not_sounded', [planned], new Set(['ana', 'ceo']))).toEqual([`audience_not_sounded@${planned.id}:cfo`]);
      expect(only('audience_not_sounded', [planned])).toEqual([]);
    });

    it('checks every member when the whole top team is the audience, except a briefer who is one of them', () => {
      const planned = briefing({ briefer: { ...ceo, commitment: 'committed' }, audience: null, topTeam: true, brief: 'x' });
      expect(only('audience_not_sounded', [planned], new Set())).toEqual([`audience_not_sounded@${planned.id}:cfo`]);
    });
  });

  describe('no_champion_for_member', () => {
    it('warns for each top-team member no champion is planned to brief', () => {
      expect(only('no_champion_for_member', [briefing({ audience: cfo })])).toEqual(['no_champion_for_member:ceo']);
      expect(only('no_champion_for_member', [])).toEqual(['no_champion_for_member:ceo', 'no_champion_for_member:cfo']);
    });

    it('is quiet once a champion briefs each member, or the whole top team', () => {
      expect(only('no_champion_for_member', [briefing({ audience: cfo }), briefing({ briefer: ben, audience: ceo })])).toEqual([]);
      expect(only('no_champion_for_member', [briefing({ audience: null, topTeam: true })])).toEqual([]);
    });

    it('does not count HR, cancelled briefings, or a member briefing the top team themselves', () => {
      expect(only('no_champion_for_member', [hr(), briefing({ audience: cfo, status: 'cancelled' })])).toHaveLength(2);
      expect(only('no_champion_for_member', [briefing({ briefer: { ...ceo, commitment: 'committed' }, audience: null, topTeam: true })])).toEqual([
        'no_champion_for_member:ceo',
      ]);
    });
  });
});

describe('briefer_relationship_avoid', () => {
  const avoids = (brieferId: string, ...subjects: string[]) => new Map([[brieferId, new Set(subjects)]]);
  const avoidCodes = (briefings: Briefing[], avoided: ReturnType<typeof avoids>) =>
    planWarnings(briefings, everyoneSounded, topTeam, avoided)
      .filter((warning) => warning.code === 'briefer_relationship_avoid')
      .map((warning) => `${warning.briefingId}:${warning.stakeholderId}`);

  it('warns when the briefer must avoid the member they brief, naming both in words', () => {
    const planned = briefing({ audience: cfo });
    const [warning] = planWarnings([planned], everyoneSounded, topTeam, avoids('ana', 'cfo')).filter((w) => w.code === 'briefer_relationship_avoid');
    expect(warning).toEqual({
      code: 'briefer_relationship_avoid',
      briefingId: planned.id,
      stakeholderId: 'cfo',
      message: 'ANA must not carry the message to CFO: their relationship is marked "avoid". Choose another briefer for CFO.',
    });
  });

  it('is quiet when the avoided person is not in the audience, or another briefer has the avoid relationship', () => {
    expect(avoidCodes([briefing({ audience: cfo })], avoids('ana', 'ceo'))).toEqual([]);
    expect(avoidCodes([briefing({ audience: cfo })], avoids('ben', 'cfo'))).toEqual([]);
  });

  it('warns once per member to avoid when the briefer briefs the whole top team', () => {
    const planned = briefing({ audience: null, topTeam: true });
    expect(avoidCodes([planned], avoids('ana', 'ceo', 'cfo', 'somebody-else'))).toEqual([`${planned.id}:ceo`, `${planned.id}:cfo`]);
  });

  it('does not check briefings already done or cancelled, and makes a planned one not ready', () => {
    expect(avoidCodes([briefing({ status: 'done', outcome: 'Went badly' }), briefing({ status: 'cancelled' })], avoids('ana', 'cfo'))).toEqual([]);
    const plan = buildBriefingPlan([briefing({ audience: cfo })], everyoneSounded, topTeam, avoids('ana', 'cfo'));
    expect(plan.items[0].readiness).toMatchObject({ ready: false, warnings: ['briefer_relationship_avoid'] });
  });
});

describe('briefNamesArea', () => {
  it.each([
    ['Coaching helps Finance keep its people', 'Finance', true],
    ['coaching helps finance keep its people', 'Finance', true],
    ["Finance's retention problem", 'Finance', true],
    ['Coaching for the Équipe Données', 'équipe données', true],
    ['The Supply   Chain leads', 'Supply Chain', true],
    ['Our marketing plans', 'Sales & Marketing', true],
    ['Our marketing plans', 'Sales/Marketing', true],
    ['What the IT team gains', 'IT', true],
    ['It helps with everything', 'IT', false],
    ['A wholesaler view', 'Sales', false],
    ['Financial results', 'Finance', false],
    ['Anything at all', null, true],
    ['', null, false],
    [null, 'Finance', false],
  ])('%j names %j: %s', (brief, businessFunction, expected) => {
    expect(briefNamesArea(brief, businessFunction)).toBe(expected);
  });
});

describe('buildBriefingPlan', () => {
  it('gives each briefing its own warnings and readiness, and keeps the plan order', () => {
    const first = hr();
    const second = briefing({ briefer: { ...ana, commitment: 'open' }, brief: null });
    const plan = buildBriefingPlan([first, second], new Set(['cfo']), topTeam);
    expect(plan.items.map((item) => item.briefing.id)).toEqual([first.id, second.id]);
    expect(plan.items[0].readiness).toEqual({
      ready: false,
      brieferSounded: null,
      briefNamesArea: true,
      audienceNotSounded: [{ id: 'ceo', name: 'CEO' }],
      warnings: ['hr_before_champions', 'audience_not_sounded'],
    });
    expect(plan.items[1].readiness).toEqual({
      ready: false,
      brieferSounded: false,
      briefNamesArea: false,
      audienceNotSounded: [],
      warnings: ['briefer_not_committed', 'briefer_not_sounded', 'missing_brief'],
    });
    expect(plan.warnings.filter((warning) => warning.briefingId === null).map((warning) => warning.stakeholderId)).toEqual(['ceo']);
  });

  it('calls a briefing ready when nothing concerns it', () => {
    const plan = buildBriefingPlan([briefing({})], everyoneSounded, topTeam);
    expect(plan.items[0].readiness).toMatchObject({ ready: true, warnings: [], brieferSounded: true, briefNamesArea: true });
  });
});
