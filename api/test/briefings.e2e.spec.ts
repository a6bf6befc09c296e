import type { Briefing, BriefingPlan, BriefingWarningCode, CreateBriefingRequest, Journey, Stakeholder, SuggestedBriefers } from '@soundings/shared';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import type { Response } from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { createStakeholder, daysAgo, logSounding, recordCommitmentChange } from './factories';
import { expectRefused } from './expectations';
import { startTestApp, TestApp } from './test-app';

/** A moment `days` from today (negative: past) at `hour`:00 UTC. */
function at(days: number, hour = 9, minute = 0): string {
  const date = new Date(Date.now() + days * 86_400_000);
  date.setUTCHours(hour, minute, 0, 0);
  return date.toISOString();
}

function dayOf(moment: string): string {
  return moment.slice(0, 10);
}

async function createBriefing(http: TestAgent, body: Partial<CreateBriefingRequest>): Promise<Briefing> {
  const response = await http.post('/api/briefings').send({ plannedFor: at(10), ...body });
  if (response.status !== 201) throw new Error(`createBriefing: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}


describe('briefings API and the briefing plan', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const plan = async (http: TestAgent = t.http): Promise<BriefingPlan> => (await http.get('/api/briefings/plan').expect(200)).body;

  /** This test's warnings only: the plan is shared by every test in the file. */
  async function warningsAbout(code: BriefingWarningCode, ids: { briefingIds?: string[]; stakeholderIds?: string[] }): Promise<string[]> {
    const { warnings } = await plan();
    return warnings
      .filter((warning) => warning.code === code)
      .filter((warning) => (ids.briefingIds ? ids.briefingIds.includes(warning.briefingId ?? '') : true))
      .filter((warning) => (ids.stakeholderIds ? ids.stakeholderIds.includes(warning.stakeholderId ?? '') : true))
      .map((warning) => `${warning.briefingId ?? '-'}:${warning.stakeholderId ?? '-'}`);
  }

  /** A committed, sounded line-manager champion from `businessFunction`. */
  async function readyChampion(businessFunction = 'Finance'): Promise<Stakeholder> {
    const champion = await createStakeholder(t.http, { role: 'line_manager', businessFunction, potentialChampion: true });
    await logSounding(t.http, champion.id, { heldOn: daysAgo(5), commitmentAfter: 'committed' });
    return champion;
  }

  async function sounded(role: 'top_team' | 'line_manager' | 'hr' = 'top_team'): Promise<Stakeholder> {
    const person = await createStakeholder(t.http, { role });
    await logSounding(t.http, person.id, { heldOn: daysAgo(5), commitmentAfter: 'open' });
    return person;
  }

  async function briefingRows(): Promise<number> {
    return (await t.db.query('SELECT count(*)::int AS n FROM briefings')).rows[0].n;
  }

  describe('create, read, update, delete', () => {
    it('creates a champion briefing of one top-team member and reads it back', async () => {
      const champion = await readyChampion('Sales');
      const member = await sounded();
      const plannedFor = at(7, 14, 30);
      const created = await createBriefing(t.http, { brieferId: champion.id, audienceId: member.id, plannedFor, brief: 'Why coaching matters for Sales' });
      expect(created).toEqual({
        id: expect.any(String),
        briefer: { id: champion.id, name: champion.name, role: 'line_manager', businessFunction: 'Sales', commitment: 'committed' },
        hr: false,
        audience: { id: member.id, name: member.name, role: 'top_team', businessFunction: 'Finance', commitment: 'open' },
        topTeam: false,
        plannedFor,
        day: dayOf(plannedFor),
        order: 0,
        brief: 'Why coaching matters for Sales',
        status: 'planned',
        outcome: null,
        priorities: [],
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        version: 1,
      });
      expect((await t.http.get(`/api/briefings/${created.id}`).expect(200)).body).toEqual(created);
      const listed = await t.http.get('/api/briefings').query({ stakeholderId: champion.id }).expect(200);
      expect(listed.body).toMatchObject({ total: 1, page: 1, items: [created] });
    });

    it('lists the briefings a person gives or receives, those to the whole top team included for its members', async () => {
      const champion = await readyChampion();
      const member = await sounded('top_team');
      const manager = await sounded('line_manager');
      const toMember = await createBriefing(t.http, { brieferId: champion.id, audienceId: member.id, plannedFor: at(-500) });
      const toTopTeam = await createBriefing(t.http, { hr: true, topTeam: true, plannedFor: at(-499), status: 'cancelled' });
      const listed = async (id: string) => ((await t.http.get('/api/briefings').query({ stakeholderId: id, pageSize: 100 }).expect(200)).body.items as Briefing[]).map((b) => b.id);
      expect(await listed(champion.id)).toEqual([toMember.id]);
      expect(await listed(member.id)).toEqual(expect.arrayContaining([toMember.id, toTopTeam.id]));
      expect(await listed(manager.id)).toEqual([]);
      const done = (await t.http.get('/api/briefings').query({ stakeholderId: member.id, status: 'done' }).expect(200)).body;
      expect(done.items.every((b: Briefing) => b.status === 'done')).toBe(true);
    });

    it('stores a time given with an offset as the same moment', async () => {
      const created = await createBriefing(t.http, { hr: true, topTeam: true, plannedFor: '2031-03-04T10:30:00+01:00' });
      expect(created).toMatchObject({ plannedFor: '2031-03-04T09:30:00.000Z', day: '2031-03-04', briefer: null, audience: null, hr: true, topTeam: true });
    });

    it('updates with the version loaded, switching from HR to a champion with one field', async () => {
      const champion = await readyChampion();
      const created = await createBriefing(t.http, { hr: true, topTeam: true });
      const updated = await t.http.patch(`/api/briefings/${created.id}`).send({ version: 1, brieferId: champion.id, brief: 'For Finance' }).expect(200);
      expect(updated.body).toMatchObject({ hr: false, briefer: { id: champion.id }, topTeam: true, brief: 'For Finance', version: 2 });
      const viaHeader = await t.http.patch(`/api/briefings/${created.id}`).set('If-Match', '"2"').send({ brief: 'For Finance, again' }).expect(200);
      expect(viaHeader.body.version).toBe(3);
    });

    it('refuses a stale version with 409 and the current record, storing nothing', async () => {
      const created = await createBriefing(t.http, { hr: true, topTeam: true, brief: 'First' });
      await t.http.patch(`/api/briefings/${created.id}`).send({ version: 1, brief: 'Second' }).expect(200);
      const stale = await t.http.patch(`/api/briefings/${created.id}`).send({ version: 1, brief: 'Overwrite' }).expect(409);
      expect(stale.body).toMatchObject({ code: 'version_conflict', current: { id: created.id, brief: 'Second', version: 2 } });
      expect((await t.http.get(`/api/briefings/${created.id}`).expect(200)).body.brief).toBe('Second');
    });

    it('lets one of simultaneous edits win and refuses the rest with 409', async () => {
      const created = await createBriefing(t.http, { hr: true, topTeam: true });
      const responses = await Promise.all(['a', 'b', 'c'].map((brief) => t.http.patch(`/api/briefings/${created.id}`).send({ version: 1, brief })));
      expect(responses.map((response) => response.status).sort()).toEqual([200, 409, 409]);
      expect((await t.http.get(`/api/briefings/${created.id}`).expect(200)).body.version).toBe(2);
    });

    it('refuses a PATCH without any version with 428', async () => {
      const created = await createBriefing(t.http, { hr: true, topTeam: true });
      expectRefused(await t.http.patch(`/api/briefings/${created.id}`).send({ brief: 'Blind' }), 428, 'version');
    });

    it('records a briefing done with its outcome, and refuses done before its day', async () => {
      const created = await createBriefing(t.http, { hr: true, topTeam: true, plannedFor: at(-2) });
      const done = await t.http.patch(`/api/briefings/${created.id}`).send({ version: 1, status: 'done', outcome: 'Agreed a pilot' }).expect(200);
      expect(done.body).toMatchObject({ status: 'done', outcome: 'Agreed a pilot' });
      const future = await createBriefing(t.http, { hr: true, topTeam: true, plannedFor: at(20) });
      expectRefused(await t.http.patch(`/api/briefings/${future.id}`).send({ version: 1, status: 'done' }), 400, 'status');
      expectRefused(await t.http.patch(`/api/briefings/${future.id}`).send({ version: 1, outcome: 'Too early' }), 400, 'outcome');
    });

    it('deletes, then answers 404', async () => {
      const created = await createBriefing(t.http, { hr: true, topTeam: true });
      await t.http.delete(`/api/briefings/${created.id}`).expect(204);
      expectRefused(await t.http.get(`/api/briefings/${created.id}`), 404);
      expectRefused(await t.http.delete(`/api/briefings/${created.id}`), 404);
      expectRefused(await t.http.patch(`/api/briefings/${created.id}`).send({ version: 1, brief: 'x' }), 404);
    });

    it('goes with its briefer when the briefer is deleted', async () => {
      const champion = await readyChampion();
      const created = await createBriefing(t.http, { brieferId: champion.id, topTeam: true });
      await t.http.delete(`/api/stakeholders/${champion.id}`).expect(204);
      expectRefused(await t.http.get(`/api/briefings/${created.id}`), 404);
    });

    it('lets a viewer read briefings and the plan but not write', async () => {
      const viewer = await t.as('viewer');
      const created = await createBriefing(t.http, { hr: true, topTeam: true });
      await viewer.http.get(`/api/briefings/${created.id}`).expect(200);
      await viewer.http.get('/api/briefings/plan').expect(200);
      await viewer.http.get('/api/briefings').expect(200);
      const before = await briefingRows();
      await viewer.http.post('/api/briefings').send({ hr: true, topTeam: true, plannedFor: at(3) }).expect(403);
      await viewer.http.patch(`/api/briefings/${created.id}`).send({ version: 1, brief: 'x' }).expect(403);
      await viewer.http.delete(`/api/briefings/${created.id}`).expect(403);
      await viewer.http.post('/api/briefings/reorder').send({ day: created.day, briefingIds: [created.id] }).expect(403);
      expect(await briefingRows()).toBe(before);
    });

    it('audits every write without copying the brief or the outcome', async () => {
      const admin = await t.as('admin');
      const champion = await readyChampion();
      const created = await createBriefing(t.http, { brieferId: champion.id, topTeam: true, plannedFor: at(-400), brief: 'Secret Finance angle' });
      await t.http.patch(`/api/briefings/${created.id}`).send({ version: 1, status: 'done', outcome: 'Private outcome words' }).expect(200);
      await t.http.post('/api/briefings/reorder').send({ day: created.day, briefingIds: [created.id] }).expect(200);
      await t.http.delete(`/api/briefings/${created.id}`).expect(204);
      const trail = (await admin.http.get('/api/audit').query({ entityId: created.id }).expect(200)).body.items;
      expect(trail.map((entry: { action: string }) => entry.action).sort()).toEqual(['briefing.create', 'briefing.delete', 'briefing.update']);
      const update = trail.find((entry: { action: string }) => entry.action === 'briefing.update');
      expect(update).toMatchObject({ before: { status: 'planned' }, after: { status: 'done', changedFields: ['outcome'] } });
      const reorder = (await admin.http.get('/api/audit').query({ action: 'briefing.reorder' }).expect(200)).body.items;
      expect(reorder.length).toBeGreaterThan(0);
      const everything = await t.db.query(`SELECT string_agg(coalesce(before::text,'') || coalesce(after::text,''), ' ') AS text FROM audit_log`);
      expect(everything.rows[0].text).not.toContain('Secret Finance angle');
      expect(everything.rows[0].text).not.toContain('Private outcome words');
    });
  });

  describe('bad input: a clear 4xx and nothing stored', () => {
    let champion: Stakeholder;
    let member: Stakeholder;
    let notTopTeam: Stakeholder;
    let existing: Briefing;
    beforeAll(async () => {
      champion = await readyChampion();
      member = await sounded('top_team');
      notTopTeam = await sounded('line_manager');
      existing = await createBriefing(t.http, { brieferId: champion.id, audienceId: member.id });
    });

    async function fingerprint(): Promise<string> {
      const { rows } = await t.db.query(`SELECT count(*)::int AS n, coalesce(sum(version), 0)::int AS versions, coalesce(sum(day_position), 0)::int AS positions FROM briefings`);
      return JSON.stringify(rows[0]);
    }

    const valid = () => ({ brieferId: champion.id, audienceId: member.id, plannedFor: at(5), brief: 'Finance' });

    it.each<[string, string, Record<string, unknown>]>([
      ['no plannedFor', 'plannedFor', { plannedFor: undefined }],
      ['a date without a time', 'plannedFor', { plannedFor: '2031-05-04' }],
      ['a time without a zone', 'plannedFor', { plannedFor: '2031-05-04T09:00:00' }],
      ['an impossible date', 'plannedFor', { plannedFor: '2031-02-30T09:00:00Z' }],
      ['an impossible hour', 'plannedFor', { plannedFor: '2031-05-04T25:00:00Z' }],
      ['a moment past the year 9999 once in UTC', 'plannedFor', { plannedFor: '9999-12-31T23:00:00-05:00' }],
      ['a moment before 1900 once in UTC', 'plannedFor', { plannedFor: '1900-01-01T00:30:00+01:00' }],
      ['a number for plannedFor', 'plannedFor', { plannedFor: 1_900_000_000_000 }],
      ['a malformed brieferId', 'brieferId', { brieferId: 'not-a-uuid' }],
      ['an unknown briefer', 'brieferId', { brieferId: randomUUID() }],
      ['an unknown audience', 'audienceId', { audienceId: randomUUID() }],
      ['an audience not on the top team', 'audienceId', { audienceId: 'NOT_TOP_TEAM' }],
      ['the briefer as audience', 'audienceId', { audienceId: 'BRIEFER' }],
      ['both a briefer and hr', 'hr', { hr: true }],
      ['neither a briefer nor hr', 'brieferId', { brieferId: undefined }],
      ['both an audience and the top team', 'topTeam', { topTeam: true }],
      ['neither an audience nor the top team', 'audienceId', { audienceId: undefined }],
      ['hr as text', 'hr', { brieferId: undefined, hr: 'yes' }],
      ['hr null', 'hr', { hr: null }],
      ['an unknown status', 'status', { status: 'finished' }],
      ['status null', 'status', { status: null }],
      ['done before its day', 'status', { status: 'done' }],
      ['an outcome on a planned briefing', 'outcome', { outcome: 'Went well' }],
      ['a brief that is not text', 'brief', { brief: 42 }],
      ['a brief too long', 'brief', { brief: 'x'.repeat(20_001) }],
      ['NUL in the brief', 'brief', { brief: 'For\u0000Finance' }],
      ['an unknown field', 'order', { order: 3 }],
    ])('POST /api/briefings refuses %s, naming %s', async (_label, field, change) => {
      const before = await fingerprint();
      const body: Record<string, unknown> = { ...valid(), ...change };
      if (body.audienceId === 'NOT_TOP_TEAM') body.audienceId = notTopTeam.id;
      if (body.audienceId === 'BRIEFER') body.audienceId = champion.id;
      expectRefused(await t.http.post('/api/briefings').send(body), 400, field);
      expect(await fingerprint()).toBe(before);
    });

    it.each<[string, string, Record<string, unknown>]>([
      ['a wrong-type version', 'version', { version: '1' }],
      ['plannedFor null', 'plannedFor', { plannedFor: null }],
      ['clearing the briefer without hr', 'brieferId', { brieferId: null }],
      ['an audience not on the top team', 'audienceId', { audienceId: 'NOT_TOP_TEAM' }],
      ['done in the future', 'status', { status: 'done' }],
      ['an unknown field', 'day', { day: '2031-01-01' }],
    ])('PATCH /api/briefings/:id refuses %s, naming %s', async (_label, field, change) => {
      const before = await fingerprint();
      const body: Record<string, unknown> = { version: existing.version, ...change };
      if (body.audienceId === 'NOT_TOP_TEAM') body.audienceId = notTopTeam.id;
      expectRefused(await t.http.patch(`/api/briefings/${existing.id}`).send(body), 400, field);
      expect(await fingerprint()).toBe(before);
    });

    it.each<[string, unknown, string]>([
      ['no day', { briefingIds: ['ID'] }, 'day'],
      ['an impossible day', { day: '2031-02-30', briefingIds: ['ID'] }, 'day'],
      ['no list', { day: 'DAY' }, 'briefingIds'],
      ['an empty list', { day: 'DAY', briefingIds: [] }, 'briefingIds'],
      ['a list of non-ids', { day: 'DAY', briefingIds: ['x'] }, 'briefingIds'],
      ['a repeated id', { day: 'DAY', briefingIds: ['ID', 'ID'] }, 'briefingIds'],
      ['a string for the list', { day: 'DAY', briefingIds: 'ID' }, 'briefingIds'],
      ['a JSON array body', ['ID'], 'body'],
    ])('POST /api/briefings/reorder refuses %s', async (_label, raw, field) => {
      const before = await fingerprint();
      const body = JSON.parse(JSON.stringify(raw).replaceAll('"ID"', JSON.stringify(existing.id)).replaceAll('"DAY"', JSON.stringify(existing.day)));
      expectRefused(await t.http.post('/api/briefings/reorder').send(body), 400, field);
      expect(await fingerprint()).toBe(before);
    });

    it('POST /api/briefings/reorder answers 409 with the day as it is when the list is not exactly that day', async () => {
      const other = await createBriefing(t.http, { hr: true, topTeam: true, plannedFor: `${existing.day}T17:00:00.000Z` });
      const before = await fingerprint();
      const missingOne = await t.http.post('/api/briefings/reorder').send({ day: existing.day, briefingIds: [other.id] });
      expectRefused(missingOne, 409);
      expect(missingOne.body.current.map((briefing: Briefing) => briefing.id)).toEqual(expect.arrayContaining([existing.id, other.id]));
      expectRefused(await t.http.post('/api/briefings/reorder').send({ day: existing.day, briefingIds: [existing.id, other.id, randomUUID()] }), 409);
      expect(await fingerprint()).toBe(before);
      await t.http.delete(`/api/briefings/${other.id}`).expect(204);
    });

    it.each(['not-a-uuid', '123', `${randomUUID()}0`, '%00'])('answers 400 naming id for the malformed id %s on every /:id route', async (badId) => {
      const before = await fingerprint();
      expectRefused(await t.http.get(`/api/briefings/${badId}`), 400, 'id');
      expectRefused(await t.http.patch(`/api/briefings/${badId}`).send({ version: 1, brief: 'x' }), 400, 'id');
      expectRefused(await t.http.delete(`/api/briefings/${badId}`), 400, 'id');
      expect(await fingerprint()).toBe(before);
    });

    it('answers 404 for an unknown id', async () => {
      expectRefused(await t.http.get(`/api/briefings/${randomUUID()}`), 404);
      expectRefused(await t.http.patch(`/api/briefings/${randomUUID()}`).send({ version: 1, brief: 'x' }), 404);
      expectRefused(await t.http.delete(`/api/briefings/${randomUUID()}`), 404);
    });

    it.each([
      ['status', 'finished'],
      ['stakeholderId', 'nope'],
      ['page', '0'],
      ['pageSize', '101'],
      ['colour', 'blue'],
    ])('GET /api/briefings?%s=%s → 400 naming it', async (field, value) => {
      expectRefused(await t.http.get(`/api/briefings?${field}=${value}`), 400, field);
    });

    it.each(['[]', 'null', '"x"', '{', ''])('refuses the body %j on POST, PATCH and reorder', async (raw) => {
      const before = await fingerprint();
      for (const request of [t.http.post('/api/briefings'), t.http.patch(`/api/briefings/${existing.id}`), t.http.post('/api/briefings/reorder')]) {
        const response = await request.set('content-type', 'application/json').send(raw);
        expect(response.status).toBe(400);
      }
      expect(await fingerprint()).toBe(before);
    });
  });

  describe('plan warnings (each triggered, and cleared)', () => {
    it('hr_before_champions: HR presents to the top team before a champion briefs a member, until the champion goes first', async () => {
      const champion = await readyChampion();
      const member = await sounded();
      const hr = await createBriefing(t.http, { hr: true, topTeam: true, plannedFor: at(30, 9), brief: 'The case' });
      const championBriefing = await createBriefing(t.http, { brieferId: champion.id, audienceId: member.id, plannedFor: at(31, 9), brief: 'Finance' });
      expect(await warningsAbout('hr_before_champions', { briefingIds: [hr.id] })).toEqual([`${hr.id}:-`]);
      const message = (await plan()).warnings.find((warning) => warning.code === 'hr_before_champions' && warning.briefingId === hr.id)!.message;
      expect(message).toContain(champion.name);

      await t.http.patch(`/api/briefings/${championBriefing.id}`).send({ version: 1, plannedFor: at(29, 9) }).expect(200);
      expect(await warningsAbout('hr_before_champions', { briefingIds: [hr.id] })).toEqual([]);
    });

    it('hr_before_champions: HR briefing one member is not held back by champions planned for other members', async () => {
      const champion = await readyChampion();
      const [member, other] = [await sounded(), await sounded()];
      const hr = await createBriefing(t.http, { hr: true, audienceId: member.id, plannedFor: at(40, 9), brief: 'The case' });
      await createBriefing(t.http, { brieferId: champion.id, audienceId: other.id, plannedFor: at(41, 9), brief: 'Finance' });
      expect(await warningsAbout('hr_before_champions', { briefingIds: [hr.id] })).toEqual([]);
      await createBriefing(t.http, { brieferId: champion.id, audienceId: member.id, plannedFor: at(41, 11), brief: 'Finance' });
      expect(await warningsAbout('hr_before_champions', { briefingIds: [hr.id] })).toEqual([`${hr.id}:${member.id}`]);
    });

    it('briefer_not_committed: a champion below committed warns until the level reaches committed', async () => {
      const champion = await createStakeholder(t.http, { role: 'line_manager', businessFunction: 'Finance' });
      await logSounding(t.http, champion.id, { heldOn: daysAgo(6), commitmentAfter: 'supportive' });
      const briefing = await createBriefing(t.http, { brieferId: champion.id, topTeam: true, brief: 'Finance' });
      expect(await warningsAbout('briefer_not_committed', { briefingIds: [briefing.id] })).toEqual([`${briefing.id}:${champion.id}`]);
      await recordCommitmentChange(t.http, champion.id, { level: 'committed', on: daysAgo(1), reason: 'Offered to brief the CFO' });
      expect(await warningsAbout('briefer_not_committed', { briefingIds: [briefing.id] })).toEqual([]);
    });

    it('briefer_not_committed: not asked of HR presenting', async () => {
      const hrPerson = await createStakeholder(t.http, { role: 'hr', businessFunction: 'HR' });
      const briefing = await createBriefing(t.http, { brieferId: hrPerson.id, topTeam: true, brief: 'HR' });
      expect(await warningsAbout('briefer_not_committed', { briefingIds: [briefing.id] })).toEqual([]);
    });

    it('briefer_not_sounded: a briefer committed on hearsay warns until a one-to-one is logged', async () => {
      const champion = await createStakeholder(t.http, { role: 'line_manager', businessFunction: 'Finance' });
      await recordCommitmentChange(t.http, champion.id, { level: 'committed', on: daysAgo(3), reason: 'Said yes in a corridor' });
      const briefing = await createBriefing(t.http, { brieferId: champion.id, topTeam: true, brief: 'Finance' });
      expect(await warningsAbout('briefer_not_sounded', { briefingIds: [briefing.id] })).toEqual([`${briefing.id}:${champion.id}`]);
      expect(await warningsAbout('briefer_not_committed', { briefingIds: [briefing.id] })).toEqual([]);
      await logSounding(t.http, champion.id, { heldOn: daysAgo(1), commitmentAfter: 'committed' });
      expect(await warningsAbout('briefer_not_sounded', { briefingIds: [briefing.id] })).toEqual([]);
    });

    it('missing_brief: no brief, or one that does not name the function, warns until it does', async () => {
      const champion = await readyChampion('Supply Chain');
      const briefing = await createBriefing(t.http, { brieferId: champion.id, topTeam: true });
      expect(await warningsAbout('missing_brief', { briefingIds: [briefing.id] })).toEqual([`${briefing.id}:${champion.id}`]);
      await t.http.patch(`/api/briefings/${briefing.id}`).send({ version: 1, brief: 'Coaching is a good thing in general.' }).expect(200);
      expect(await warningsAbout('missing_brief', { briefingIds: [briefing.id] })).toEqual([`${briefing.id}:${champion.id}`]);
      await t.http.patch(`/api/briefings/${briefing.id}`).send({ version: 2, brief: 'Supply chain planners leave within two years; coaching keeps them.' }).expect(200);
      expect(await warningsAbout('missing_brief', { briefingIds: [briefing.id] })).toEqual([]);
    });

    it('audience_not_sounded: a member never sounded warns until a one-to-one is logged', async () => {
      const champion = await readyChampion();
      const member = await createStakeholder(t.http, { role: 'top_team' });
      const briefing = await createBriefing(t.http, { brieferId: champion.id, audienceId: member.id, brief: 'Finance' });
      expect(await warningsAbout('audience_not_sounded', { briefingIds: [briefing.id] })).toEqual([`${briefing.id}:${member.id}`]);
      await logSounding(t.http, member.id, { heldOn: daysAgo(1), commitmentAfter: 'sounded' });
      expect(await warningsAbout('audience_not_sounded', { briefingIds: [briefing.id] })).toEqual([]);
    });

    it('audience_not_sounded: a whole-top-team briefing names each member not yet sounded', async () => {
      const member = await createStakeholder(t.http, { role: 'top_team' });
      const briefing = await createBriefing(t.http, { hr: true, topTeam: true, brief: 'The case' });
      expect(await warningsAbout('audience_not_sounded', { briefingIds: [briefing.id], stakeholderIds: [member.id] })).toEqual([`${briefing.id}:${member.id}`]);
      await logSounding(t.http, member.id, { heldOn: daysAgo(1) });
      expect(await warningsAbout('audience_not_sounded', { briefingIds: [briefing.id], stakeholderIds: [member.id] })).toEqual([]);
    });

    it('no_champion_for_member: a top-team member no champion is planned to brief, until one is', async () => {
      // On its own database: a champion briefing of the whole top team elsewhere in this file would cover everyone.
      const own = await startTestApp();
      const member = await createStakeholder(own.http, { role: 'top_team' });
      const warningsFor = async () =>
        ((await own.http.get('/api/briefings/plan').expect(200)).body as BriefingPlan).warnings
          .filter((warning) => warning.code === 'no_champion_for_member')
          .map((warning) => `${warning.briefingId ?? '-'}:${warning.stakeholderId}`);
      try {
        expect(await warningsFor()).toEqual([`-:${member.id}`]);
        const hr = await createBriefing(own.http, { hr: true, audienceId: member.id, brief: 'The case' });
        expect(await warningsFor()).toEqual([`-:${member.id}`]);
        const champion = await createStakeholder(own.http, { role: 'line_manager' });
        const championBriefing = await createBriefing(own.http, { brieferId: champion.id, audienceId: member.id, brief: 'Finance' });
        expect(await warningsFor()).toEqual([]);
        await own.http.patch(`/api/briefings/${championBriefing.id}`).send({ version: 1, status: 'cancelled' }).expect(200);
        expect(await warningsFor()).toEqual([`-:${member.id}`]);
        await createBriefing(own.http, { brieferId: champion.id, topTeam: true, brief: 'Finance' });
        expect(await warningsFor()).toEqual([]);
        await own.http.delete(`/api/briefings/${hr.id}`).expect(204);
      } finally {
        await own.close();
      }
    });


    it('shows each briefing with its readiness, ready once nothing concerns it', async () => {
      const champion = await readyChampion('Legal');
      const member = await sounded();
      const briefing = await createBriefing(t.http, { brieferId: champion.id, audienceId: member.id, brief: 'What Legal gains' });
      const item = (await plan()).items.find((entry) => entry.briefing.id === briefing.id)!;
      expect(item).toEqual({
        briefing,
        readiness: { ready: true, brieferSounded: true, briefNamesArea: true, audienceNotSounded: [], warnings: [] },
      });
    });
  });

  describe('order', () => {
    it('orders the plan by day, then the manual order within the day, then the time', async () => {
      const day = 60;
      const [late, early] = [
        await createBriefing(t.http, { hr: true, topTeam: true, plannedFor: at(day, 16), brief: 'late' }),
        await createBriefing(t.http, { hr: true, topTeam: true, plannedFor: at(day, 8), brief: 'early' }),
      ];
      const nextDay = await createBriefing(t.http, { hr: true, topTeam: true, plannedFor: at(day + 1, 7), brief: 'next day' });
      const dayBefore = await createBriefing(t.http, { hr: true, topTeam: true, plannedFor: at(day - 1, 20), brief: 'day before' });
      const mine = [late.id, early.id, nextDay.id, dayBefore.id];
      const inPlan = async () => (await plan()).items.map((item) => item.briefing.id).filter((id) => mine.includes(id));
      expect(await inPlan()).toEqual([dayBefore.id, early.id, late.id, nextDay.id]);

      const reordered = await t.http.post('/api/briefings/reorder').send({ day: dayOf(late.plannedFor), briefingIds: [late.id, early.id] }).expect(200);
      expect(reordered.body.map((briefing: Briefing) => [briefing.id, briefing.order])).toEqual([
        [late.id, 1],
        [early.id, 2],
      ]);
      expect(await inPlan()).toEqual([dayBefore.id, late.id, early.id, nextDay.id]);
      const listed = (await t.http.get('/api/briefings').query({ pageSize: 100 }).expect(200)).body.items.map((b: Briefing) => b.id).filter((id: string) => mine.includes(id));
      expect(listed).toEqual([dayBefore.id, late.id, early.id, nextDay.id]);

      // Added to a day someone put in order, it goes last, whatever its time; moved into it, likewise.
      const added = await createBriefing(t.http, { hr: true, topTeam: true, plannedFor: at(day, 6), brief: 'added' });
      expect(added.order).toBe(3);
      const moved = await t.http.patch(`/api/briefings/${nextDay.id}`).send({ version: nextDay.version, plannedFor: at(day, 5) }).expect(200);
      expect(moved.body.order).toBe(4);
      mine.push(added.id);
      expect(await inPlan()).toEqual([dayBefore.id, late.id, early.id, added.id, nextDay.id]);
    });

    it('decides hr_before_champions by the manual order on the same day', async () => {
      const champion = await readyChampion();
      const member = await sounded();
      const hr = await createBriefing(t.http, { hr: true, audienceId: member.id, plannedFor: at(70, 9), brief: 'The case' });
      const championBriefing = await createBriefing(t.http, { brieferId: champion.id, audienceId: member.id, plannedFor: at(70, 11), brief: 'Finance' });
      expect(await warningsAbout('hr_before_champions', { briefingIds: [hr.id] })).toHaveLength(1);
      await t.http.post('/api/briefings/reorder').send({ day: hr.day, briefingIds: [championBriefing.id, hr.id] }).expect(200);
      expect(await warningsAbout('hr_before_champions', { briefingIds: [hr.id] })).toEqual([]);
    });

    it('bumps the version of briefings a reorder moved, so an edit based on the old order is refused', async () => {
      const first = await createBriefing(t.http, { hr: true, topTeam: true, plannedFor: at(80, 9) });
      const second = await createBriefing(t.http, { hr: true, topTeam: true, plannedFor: at(80, 10) });
      await t.http.post('/api/briefings/reorder').send({ day: first.day, briefingIds: [second.id, first.id] }).expect(200);
      await t.http.patch(`/api/briefings/${first.id}`).send({ version: 1, brief: 'stale' }).expect(409);
    });
  });

  describe('the journey', () => {
    it('adds a briefing done with an outcome to the timeline of briefer and audience, and only then', async () => {
      const champion = await readyChampion();
      const member = await sounded();
      const bystander = await sounded();
      const briefing = await createBriefing(t.http, { brieferId: champion.id, audienceId: member.id, plannedFor: at(-3, 10), brief: 'Finance' });
      const kinds = async (id: string) =>
        ((await t.http.get(`/api/stakeholders/${id}/journey`).expect(200)).body as Journey).timeline.filter((event) => event.kind === 'briefing');

      expect(await kinds(champion.id)).toEqual([]);
      const done = (await t.http.patch(`/api/briefings/${briefing.id}`).send({ version: 1, status: 'done' }).expect(200)).body;
      expect(await kinds(champion.id)).toEqual([]);
      const withOutcome = (await t.http.patch(`/api/briefings/${briefing.id}`).send({ version: done.version, outcome: 'Asked for a pilot in Treasury' }).expect(200)).body;
      // Briefings of the whole top team reach the member too; this test's is the one between these two people.
      for (const id of [champion.id, member.id]) {
        expect((await kinds(id)).filter((event) => event.kind === 'briefing' && !event.briefing.topTeam)).toEqual([
          { kind: 'briefing', on: dayOf(briefing.plannedFor), briefing: withOutcome },
        ]);
      }
      expect((await kinds(bystander.id)).filter((event) => event.kind === 'briefing' && !event.briefing.topTeam)).toEqual([]);
    });

    it('adds a whole-top-team briefing to every member\'s timeline, not to others', async () => {
      const member = await sounded('top_team');
      const manager = await sounded('line_manager');
      const briefing = await createBriefing(t.http, { hr: true, topTeam: true, plannedFor: at(-2), status: 'done', outcome: 'Top team agreed to sponsor' });
      const timeline = async (id: string) => ((await t.http.get(`/api/stakeholders/${id}/journey`).expect(200)).body as Journey).timeline;
      expect((await timeline(member.id)).some((event) => event.kind === 'briefing' && event.briefing.id === briefing.id)).toBe(true);
      expect((await timeline(manager.id)).some((event) => event.kind === 'briefing')).toBe(false);
    });

    it('reads the journey in the same number of statements however many briefings there are', async () => {
      const champion = await readyChampion();
      const count = () => t.queries.count(() => t.http.get(`/api/stakeholders/${champion.id}/journey`).expect(200));
      const before = await count();
      for (let i = 0; i < 6; i++) {
        await createBriefing(t.http, { brieferId: champion.id, topTeam: true, plannedFor: at(-10 + i), status: 'done', outcome: `Outcome ${i}` });
      }
      expect(await count()).toBe(before);
      const identify = (await t.queries.count(() => t.http.get('/api/business-functions').expect(200))) - 1;
      expect(before - identify).toBe(1);
    });
  });

  describe('relationships in the plan', () => {
    const relate = async (stakeholderId: string, holderStakeholderId: string, quality: string): Promise<{ id: string; version: number }> =>
      (await t.http.post('/api/relationships').send({ stakeholderId, holderStakeholderId, quality }).expect(201)).body;

    it('briefer_relationship_avoid: a briefer who must avoid the member they brief warns, in words naming both, until the relationship changes', async () => {
      const champion = await createStakeholder(t.http, { name: 'Avery Avoided', role: 'line_manager', businessFunction: 'Finance' });
      await logSounding(t.http, champion.id, { heldOn: daysAgo(5), commitmentAfter: 'committed' });
      const member = await createStakeholder(t.http, { name: 'Morgan Member', role: 'top_team' });
      await logSounding(t.http, member.id, { heldOn: daysAgo(5), commitmentAfter: 'open' });
      const briefing = await createBriefing(t.http, { brieferId: champion.id, audienceId: member.id, brief: 'Why it matters for Finance' });
      expect(await warningsAbout('briefer_relationship_avoid', { briefingIds: [briefing.id] })).toEqual([]);

      const relationship = await relate(member.id, champion.id, 'avoid');
      const { warnings, items } = await plan();
      expect(warnings.filter((warning) => warning.code === 'briefer_relationship_avoid' && warning.briefingId === briefing.id)).toEqual([
        {
          code: 'briefer_relationship_avoid',
          briefingId: briefing.id,
          stakeholderId: member.id,
          message: 'Avery Avoided must not carry the message to Morgan Member: their relationship is marked "avoid". Choose another briefer for Morgan Member.',
        },
      ]);
      expect(items.find((item) => item.briefing.id === briefing.id)!.readiness).toMatchObject({ ready: false, warnings: ['briefer_relationship_avoid'] });

      await t.http.patch(`/api/relationships/${relationship.id}`).send({ quality: 'building', version: relationship.version }).expect(200);
      expect(await warningsAbout('briefer_relationship_avoid', { briefingIds: [briefing.id] })).toEqual([]);
    });

    it('briefer_relationship_avoid: a whole-top-team briefing warns once for each member the briefer must avoid, and not for others or HR holders', async () => {
      const champion = await readyChampion('Legal');
      const [first, second, third] = [await sounded(), await sounded(), await sounded()];
      const briefing = await createBriefing(t.http, { brieferId: champion.id, topTeam: true, brief: 'What Legal gains' });
      await relate(first.id, champion.id, 'avoid');
      await relate(second.id, champion.id, 'avoid');
      await relate(third.id, champion.id, 'strong');
      // An HR account's avoid is not about this briefer.
      await t.http.post('/api/relationships').send({ stakeholderId: third.id, holderUserId: t.user.id, quality: 'avoid' }).expect(201);
      expect((await warningsAbout('briefer_relationship_avoid', { briefingIds: [briefing.id] })).sort()).toEqual(
        [`${briefing.id}:${first.id}`, `${briefing.id}:${second.id}`].sort(),
      );
    });
  });

  describe('GET /api/briefings/suggested-briefers', () => {
    it('ranks who could brief a member: on board first, then strong, then building, then same function, then level, then name; never the excluded', async () => {
      const own = await startTestApp();
      try {
        const ownAdmin = await own.as('admin');
        const person = async (name: string, businessFunction: string, level: string | null, extra: Record<string, unknown> = {}) => {
          const created = await createStakeholder(own.http, { name, businessFunction, role: 'line_manager', ...extra });
          if (level) await logSounding(own.http, created.id, { heldOn: daysAgo(3), commitmentAfter: level as 'open' });
          return created;
        };
        const relate = (stakeholderId: string, holderStakeholderId: string, quality: string) =>
          own.http.post('/api/relationships').send({ stakeholderId, holderStakeholderId, quality }).expect(201);

        const dana = await person('Dana Okafor', 'Finance', 'open', { role: 'top_team' });
        const ana = await person('Ana Finance', 'Finance', 'committed', { potentialChampion: true });
        const ben = await person('Ben Strong', 'IT', 'supportive');
        const cleo = await person('Cleo Building', 'IT', 'public_champion');
        const dev = await person('Dev Open', 'Finance', 'open');
        const ivy = await person('Ivy Other', 'IT', 'committed');
        const jo = await person('Jo Finance', 'finance ', 'supportive');
        const ken = await person('Ken Unsounded', 'IT', null);
        const eve = await person('Eve Avoid', 'Finance', 'committed');
        const finn = await person('Finn Resistant', 'Finance', 'resistant');
        const gus = await person('Gus Erased', 'Finance', 'committed');
        await person('Hana HR', 'HR', 'committed', { role: 'hr' });
        await relate(dana.id, ben.id, 'strong');
        await relate(dana.id, cleo.id, 'building');
        await relate(dana.id, dev.id, 'strong');
        await relate(dana.id, eve.id, 'avoid');
        await relate(dana.id, finn.id, 'strong');
        await relate(dana.id, gus.id, 'strong');
        await ownAdmin.http.post(`/api/stakeholders/${gus.id}/erase`).expect(200);
        // A relationship Ivy holds with someone else does not count for Dana.
        await relate(ana.id, ivy.id, 'strong');

        const suggest = async () => (await own.http.get(`/api/briefings/suggested-briefers?audienceId=${dana.id}`).expect(200)).body as SuggestedBriefers;
        const small = await own.queries.count(() => own.http.get(`/api/briefings/suggested-briefers?audienceId=${dana.id}`).expect(200));
        const suggested = await suggest();
        expect(suggested.audience).toMatchObject({ id: dana.id, name: 'Dana Okafor', role: 'top_team', commitment: 'open', onBoard: false });
        expect(suggested.items.map((item) => item.person.name)).toEqual([
          'Ben Strong', // on board, strong relationship with Dana
          'Cleo Building', // on board, building
          'Ana Finance', // on board, no relationship, Finance like Dana, committed
          'Jo Finance', // on board, no relationship, Finance, supportive
          'Ivy Other', // on board, no relationship, IT
          'Dev Open', // not on board, strong
          'Ken Unsounded', // not on board, nothing else
        ]);
        expect(suggested.items.find((item) => item.person.id === ben.id)).toMatchObject({
          relationship: 'strong',
          sameFunction: false,
          reasons: ['On board: supportive', 'Strong relationship with Dana Okafor'],
        });
        expect(suggested.items.find((item) => item.person.id === ana.id)).toMatchObject({
          relationship: null,
          sameFunction: true,
          reasons: ['On board: committed', 'Same function: Finance', 'Potential champion'],
        });
        expect(suggested.items.find((item) => item.person.id === jo.id)?.sameFunction).toBe(true);
        expect(suggested.items.find((item) => item.person.id === ken.id)?.reasons).toEqual(['Not yet on board: not sounded']);
        for (const excluded of [dana, eve, finn, gus]) expect(suggested.items.some((item) => item.person.id === excluded.id)).toBe(false);

        // At most ten, in the same two statements however many people there are.
        for (let i = 0; i < 8; i++) await person(`Zed Filler ${i}`, 'Sales', null);
        const large = await own.queries.count(() => own.http.get(`/api/briefings/suggested-briefers?audienceId=${dana.id}`).expect(200));
        const more = await suggest();
        expect(more.items).toHaveLength(10);
        expect(more.items.slice(0, 7).map((item) => item.person.id)).toEqual(suggested.items.map((item) => item.person.id));
        expect(large).toBe(small);
        const identify = (await own.queries.count(() => own.http.get('/api/business-functions').expect(200))) - 1;
        expect(large - identify).toBe(2);
      } finally {
        await own.close();
      }
    });

    it('refuses a missing, malformed, unknown or erased audience with 400 naming audienceId; viewers may read', async () => {
      const viewer = await t.as('viewer');
      expectRefused(await t.http.get('/api/briefings/suggested-briefers'), 400, 'audienceId');
      expectRefused(await t.http.get('/api/briefings/suggested-briefers?audienceId=dana'), 400, 'audienceId');
      expectRefused(await t.http.get(`/api/briefings/suggested-briefers?audienceId=${randomUUID()}`), 400, 'audienceId');
      const erased = await createStakeholder(t.http, { role: 'top_team' });
      await (await t.as('admin')).http.post(`/api/stakeholders/${erased.id}/erase`).expect(200);
      const refused = await t.http.get(`/api/briefings/suggested-briefers?audienceId=${erased.id}`);
      expectRefused(refused, 400, 'audienceId');
      expect(refused.body.message).toMatch(/erased/);
      const member = await createStakeholder(t.http, { role: 'top_team' });
      await viewer.http.get(`/api/briefings/suggested-briefers?audienceId=${member.id}`).expect(200);
    });
  });

  describe('business priorities named by a briefing', () => {
    async function functionPriority(businessFunction: string, title: string): Promise<{ id: string; businessFunction: string; title: string }> {
      const created = (await t.http.post('/api/priorities').send({ businessFunction, title, ownerId: null }).expect(201)).body;
      return { id: created.id, businessFunction: created.businessFunction, title: created.title };
    }

    it('names priorities on create, replaces them on patch, audits their ids, and refuses unknown or repeated ones', async () => {
      const champion = await readyChampion('Named Fn');
      const member = await sounded();
      const close = await functionPriority('Named Fn', 'Close in five days');
      const cash = await functionPriority('Named Fn', 'Allocate capital faster');
      const created = await createBriefing(t.http, { brieferId: champion.id, audienceId: member.id, brief: 'The case', priorityIds: [close.id.toUpperCase(), cash.id] });
      // By function, then title.
      expect(created.priorities).toEqual([cash, close]);
      expect((await t.http.get(`/api/briefings/${created.id}`).expect(200)).body.priorities).toEqual([cash, close]);

      const patched = (await t.http.patch(`/api/briefings/${created.id}`).send({ priorityIds: [close.id], version: created.version }).expect(200)).body as Briefing;
      expect(patched).toMatchObject({ priorities: [close], version: created.version + 1 });
      const untouched = (await t.http.patch(`/api/briefings/${created.id}`).send({ brief: 'A sharper case', version: patched.version }).expect(200)).body as Briefing;
      expect(untouched.priorities).toEqual([close]);
      const { rows } = await t.db.query(`SELECT after FROM audit_log WHERE entity_type = 'briefing' AND entity_id = $1 ORDER BY id`, [created.id]);
      expect(rows.map((row) => row.after.priorityIds)).toEqual([[cash.id, close.id], [close.id], [close.id]]);

      const before = await briefingRows();
      expectRefused(await t.http.post('/api/briefings').send({ hr: true, topTeam: true, plannedFor: at(10), priorityIds: [randomUUID()] }), 400, 'priorityIds');
      expectRefused(await t.http.post('/api/briefings').send({ hr: true, topTeam: true, plannedFor: at(10), priorityIds: [close.id, close.id.toUpperCase()] }), 400, 'priorityIds');
      expectRefused(await t.http.post('/api/briefings').send({ hr: true, topTeam: true, plannedFor: at(10), priorityIds: 'all' }), 400, 'priorityIds');
      expectRefused(await t.http.patch(`/api/briefings/${created.id}`).send({ priorityIds: [randomUUID()], version: untouched.version }), 400, 'priorityIds');
      expect(await briefingRows()).toBe(before);

      // A deleted priority is no longer named.
      await t.http.delete(`/api/priorities/${close.id}`).expect(204);
      expect((await t.http.get(`/api/briefings/${created.id}`).expect(200)).body.priorities).toEqual([]);
    });

    it("missing_brief: a briefing to a function's leader that names none of its priorities warns until it names one", async () => {
      const champion = await readyChampion('Plan Treasury');
      const leader = await createStakeholder(t.http, { role: 'top_team', businessFunction: 'Plan Treasury' });
      await logSounding(t.http, leader.id, { heldOn: daysAgo(5), commitmentAfter: 'open' });
      // The brief names the briefer's area, which was enough before the function had priorities.
      const briefing = await createBriefing(t.http, { brieferId: champion.id, audienceId: leader.id, brief: 'Why coaching matters for Plan Treasury' });
      expect(await warningsAbout('missing_brief', { briefingIds: [briefing.id] })).toEqual([]);

      const liquidity = await functionPriority('plan treasury', 'Keep a month of liquidity');
      const elsewhere = await functionPriority('Plan Elsewhere', 'Something else entirely');
      expect(await warningsAbout('missing_brief', { briefingIds: [briefing.id] })).toEqual([`${briefing.id}:${champion.id}`]);
      const warning = (await plan()).warnings.find((w) => w.code === 'missing_brief' && w.briefingId === briefing.id)!;
      expect(warning.message).toBe(`The briefing to ${leader.name} names none of Plan Treasury's priorities (“Keep a month of liquidity”). Name the one the case serves.`);
      expect((await plan()).items.find((item) => item.briefing.id === briefing.id)!.readiness.warnings).toContain('missing_brief');

      // Another function's priority does not tie the case to theirs.
      const other = (await t.http.patch(`/api/briefings/${briefing.id}`).send({ priorityIds: [elsewhere.id], version: briefing.version }).expect(200)).body as Briefing;
      expect(await warningsAbout('missing_brief', { briefingIds: [briefing.id] })).toEqual([`${briefing.id}:${champion.id}`]);
      const fixed = (await t.http.patch(`/api/briefings/${briefing.id}`).send({ priorityIds: [liquidity.id], brief: 'Any words at all', version: other.version }).expect(200)).body as Briefing;
      expect(await warningsAbout('missing_brief', { briefingIds: [briefing.id] })).toEqual([]);

      // No brief text at all still warns, priority or not.
      await t.http.patch(`/api/briefings/${briefing.id}`).send({ brief: null, version: fixed.version }).expect(200);
      expect(await warningsAbout('missing_brief', { briefingIds: [briefing.id] })).toEqual([`${briefing.id}:${champion.id}`]);
    });
  });

  describe('statements per read', () => {
    it('builds the plan in one statement whatever its size, and lists briefings in one', async () => {
      const measure = async () => ({
        plan: await t.queries.count(() => t.http.get('/api/briefings/plan').expect(200)),
        list: await t.queries.count(() => t.http.get('/api/briefings').expect(200)),
      });
      const small = await measure();
      const itemsBefore = (await plan()).items.length;
      for (let i = 0; i < 30; i++) {
        const champion = await createStakeholder(t.http, { role: 'line_manager' });
        const member = await createStakeholder(t.http, { role: 'top_team' });
        await createBriefing(t.http, { brieferId: champion.id, audienceId: member.id, plannedFor: at(100 + (i % 5), 9 + (i % 8)) });
      }
      const large = await measure();
      expect((await plan()).items.length).toBe(itemsBefore + 30);
      expect(large).toEqual(small);
      // Every request first identifies its caller; measured on a read of one statement.
      const identify = (await t.queries.count(() => t.http.get('/api/business-functions').expect(200))) - 1;
      expect({ plan: large.plan - identify, list: large.list - identify }).toEqual({ plan: 1, list: 1 });
    });
  });

  describe('random input never answers 5xx', () => {
    const textish = fc.oneof(fc.string(), fc.constantFrom('', ' ', '\u0000', '2031-02-30T09:00:00Z', '9999-12-31T23:59:59-23:59', '1900-01-01T00:00:00Z', at(3), at(-3)));
    const anyValue = fc.oneof(textish, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.uuid(), fc.jsonValue({ maxDepth: 2 }));
    const expectNever5xx = (response: Response) => {
      if (response.status >= 500) throw new Error(`${response.status} ${JSON.stringify(response.body)}`);
    };

    it('POST /api/briefings and PATCH /api/briefings/:id', async () => {
      const champion = await readyChampion();
      const member = await sounded();
      const target = await createBriefing(t.http, { hr: true, topTeam: true });
      const field = (plausible: fc.Arbitrary<unknown>) => fc.oneof(plausible, anyValue);
      const body = fc.record(
        {
          brieferId: field(fc.constantFrom(champion.id, member.id)),
          hr: field(fc.boolean()),
          audienceId: field(fc.constantFrom(member.id, champion.id)),
          topTeam: field(fc.boolean()),
          plannedFor: field(fc.integer({ min: -30, max: 30 }).map((days) => at(days))),
          brief: field(textish),
          status: field(fc.constantFrom('planned', 'done', 'cancelled', 'x')),
          outcome: field(textish),
          version: field(fc.integer({ min: 0, max: 3 })),
        },
        { requiredKeys: [] },
      );
      await fc.assert(
        fc.asyncProperty(body, async (value) => {
          expectNever5xx(await t.http.post('/api/briefings').send(value));
          expectNever5xx(await t.http.patch(`/api/briefings/${target.id}`).send(value));
        }),
        { numRuns: 100 },
      );
    });

    it('POST /api/briefings/reorder', async () => {
      const briefing = await createBriefing(t.http, { hr: true, topTeam: true, plannedFor: at(300) });
      const body = fc.record(
        { day: fc.oneof(fc.constant(briefing.day), textish), briefingIds: fc.oneof(fc.array(fc.oneof(fc.constant(briefing.id), fc.uuid(), textish), { maxLength: 4 }), anyValue) },
        { requiredKeys: [] },
      );
      await fc.assert(fc.asyncProperty(body, async (value) => expectNever5xx(await t.http.post('/api/briefings/reorder').send(value))), { numRuns: 100 });
    });
  });
});
