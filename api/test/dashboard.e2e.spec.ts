import type { Dashboard } from '@soundings/shared';
import { COMMITMENT_LEVELS, FEAR_CATEGORIES } from '@soundings/shared';
import { createStakeholder, daysAgo, daysAhead, logSounding, recordCommitmentChange } from './factories';
import { startTestApp, TestApp } from './test-app';

describe('dashboard API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const dashboard = async (): Promise<Dashboard> => (await t.http.get('/api/dashboard').expect(200)).body;

  it('answers zeros for every level and category on an empty campaign', async () => {
    const empty = await dashboard();
    expect(empty).toEqual({
      totalStakeholders: 0,
      byCommitment: Object.fromEntries(COMMITMENT_LEVELS.map((level) => [level, 0])),
      topTeam: { total: 0, sounded: 0, onBoard: 0 },
      openFearsByCategory: Object.fromEntries(FEAR_CATEGORIES.map((category) => [category, 0])),
      overdueFollowUps: [],
      overdueFollowUpsTotal: 0,
      coolingContacts: [],
      coolingContactsTotal: 0,
    });
  });

  it('counts people per ladder level and the top team\'s coverage', async () => {
    const before = await dashboard();
    const topTeam = async (level: 'sounded' | 'supportive' | 'public_champion' | 'resistant' | null) => {
      const person = await createStakeholder(t.http, { role: 'top_team' });
      if (level) await logSounding(t.http, person.id, { commitmentAfter: level });
    };
    await topTeam(null);
    await topTeam('sounded');
    await topTeam('supportive');
    await topTeam('public_champion');
    await topTeam('resistant');
    const manager = await createStakeholder(t.http, { role: 'line_manager' });
    await logSounding(t.http, manager.id, { commitmentAfter: 'committed' });
    const explicit = await createStakeholder(t.http, { role: 'hr' });
    await recordCommitmentChange(t.http, explicit.id, { level: 'open' });

    const after = await dashboard();
    expect(after.totalStakeholders - before.totalStakeholders).toBe(7);
    const added = Object.fromEntries(COMMITMENT_LEVELS.map((level) => [level, after.byCommitment[level] - before.byCommitment[level]]));
    expect(added).toEqual({ not_sounded: 1, sounded: 1, open: 1, supportive: 1, committed: 1, public_champion: 1, resistant: 1 });
    expect({
      total: after.topTeam.total - before.topTeam.total,
      sounded: after.topTeam.sounded - before.topTeam.sounded,
      onBoard: after.topTeam.onBoard - before.topTeam.onBoard,
    }).toEqual({ total: 5, sounded: 4, onBoard: 2 });
  });

  it('counts open and being-addressed fears by category, not resolved ones', async () => {
    const before = await dashboard();
    const person = await createStakeholder(t.http);
    const sounding = await logSounding(t.http, person.id, {
      fears: [
        { statement: 'No time', category: 'time_and_workload' },
        { statement: 'Still no time', category: 'time_and_workload' },
        { statement: 'Culture', category: 'culture_fit' },
        { statement: 'Budget', category: 'cost_and_budget' },
      ],
    });
    const [, stillNoTime, , budget] = sounding.fears;
    await t.http.patch(`/api/fears/${stillNoTime.id}`).send({ version: 1, status: 'addressing' }).expect(200);
    await t.http.patch(`/api/fears/${budget.id}`).send({ version: 1, status: 'resolved' }).expect(200);

    const after = await dashboard();
    const added = Object.fromEntries(FEAR_CATEGORIES.map((category) => [category, after.openFearsByCategory[category] - before.openFearsByCategory[category]]));
    expect(added).toEqual({ time_and_workload: 2, personal_exposure: 0, loss_of_control: 0, doubt_about_value: 0, cost_and_budget: 0, culture_fit: 1, other: 0 });
  });

  it('lists an overdue follow-up until a later sounding without one clears it', async () => {
    const person = await createStakeholder(t.http, { name: 'Owen Overdue' });
    const sounding = await logSounding(t.http, person.id, { heldOn: daysAgo(20), followUpOn: daysAgo(3), nextStep: 'Send the pilot outline' });
    const upcoming = await createStakeholder(t.http, { name: 'Uma Upcoming' });
    await logSounding(t.http, upcoming.id, { heldOn: daysAgo(1), followUpOn: daysAhead(5) });

    const listed = await dashboard();
    expect(listed.overdueFollowUps).toContainEqual({
      stakeholder: { id: person.id, name: 'Owen Overdue' },
      followUpOn: daysAgo(3),
      nextStep: 'Send the pilot outline',
      redacted: false,
      soundingId: sounding.id,
    });
    expect(listed.overdueFollowUps.map((entry) => entry.stakeholder.id)).not.toContain(upcoming.id);
    expect(listed.overdueFollowUpsTotal).toBe(listed.overdueFollowUps.length);

    await logSounding(t.http, person.id, { heldOn: daysAgo(1) });
    const cleared = await dashboard();
    expect(cleared.overdueFollowUps.map((entry) => entry.stakeholder.id)).not.toContain(person.id);
    expect(cleared.overdueFollowUpsTotal).toBe(listed.overdueFollowUpsTotal - 1);
  });

  it('marks the next step of another author\'s confidential sounding as withheld, not as none agreed', async () => {
    const person = await createStakeholder(t.http, { name: 'Wren Withheld' });
    const sounding = await logSounding(t.http, person.id, { heldOn: daysAgo(9), followUpOn: daysAgo(2), nextStep: 'Private next step', confidential: true });
    const colleague = await t.as('practitioner');
    const seen = ((await colleague.http.get('/api/dashboard').expect(200)).body as Dashboard).overdueFollowUps.find((entry) => entry.soundingId === sounding.id);
    expect(seen).toMatchObject({ nextStep: null, redacted: true });
    const own = (await dashboard()).overdueFollowUps.find((entry) => entry.soundingId === sounding.id);
    expect(own).toMatchObject({ nextStep: 'Private next step', redacted: false });
  });

  it('lists cooling contacts: once contacted, past their ideal contact interval (45 days for their role); longest without contact first', async () => {
    const coldest = await createStakeholder(t.http, { name: 'Cora Coldest' });
    await logSounding(t.http, coldest.id, { heldOn: daysAgo(90), commitmentAfter: 'open' });
    const cold = await createStakeholder(t.http, { name: 'Colin Cold' });
    await logSounding(t.http, cold.id, { heldOn: daysAgo(50), commitmentAfter: 'supportive' });
    const borderline = await createStakeholder(t.http, { name: 'Bea Borderline' });
    await logSounding(t.http, borderline.id, { heldOn: daysAgo(45) });
    const warm = await createStakeholder(t.http, { name: 'Wes Warm' });
    await logSounding(t.http, warm.id, { heldOn: daysAgo(50) });
    await logSounding(t.http, warm.id, { heldOn: daysAgo(2) });
    const never = await createStakeholder(t.http, { name: 'Nia Never' });

    const { coolingContacts, coolingContactsTotal } = await dashboard();
    const ids = coolingContacts.map((entry) => entry.stakeholder.id);
    expect(ids.indexOf(coldest.id)).toBeLessThan(ids.indexOf(cold.id));
    expect(coolingContacts).toContainEqual({
      stakeholder: { id: cold.id, name: 'Colin Cold' },
      commitment: 'supportive',
      lastContactAt: daysAgo(50),
      contact: { lastContactOn: daysAgo(50), lastContactKind: 'sounding', daysSinceContact: 50, cadence: { idealDays: 45, maxDays: 90 }, personal: false, state: 'due' },
    });
    expect(ids).not.toContain(borderline.id);
    expect(ids).not.toContain(warm.id);
    expect(ids).not.toContain(never.id);
    expect(coolingContactsTotal).toBe(coolingContacts.length);
  });

  it('shows at most 20 overdue follow-ups but counts them all', async () => {
    const before = await dashboard();
    for (let i = 0; i < 21; i++) {
      const person = await createStakeholder(t.http);
      await logSounding(t.http, person.id, { heldOn: daysAgo(10), followUpOn: daysAgo(1) });
    }
    const after = await dashboard();
    expect(after.overdueFollowUps).toHaveLength(20);
    expect(after.overdueFollowUpsTotal).toBe(before.overdueFollowUpsTotal + 21);
  });
});
