import type { ChampionList, FunctionCoverage, Priority, PriorityPage, StakeholderExport } from '@soundings/shared';
import { ERROR_CODES, LIMITS } from '@soundings/shared';
import type TestAgent from 'supertest/lib/agent';
import { expectRefused } from './expectations';
import { createStakeholder, daysAgo, logSounding } from './factories';
import { startTestApp, TestApp } from './test-app';

const UNKNOWN = '7d4a9a52-8f39-4c55-9d0c-3b0d5f0b8f11';

describe('business priorities', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<TestApp['as']>>;
  let viewer: Awaited<ReturnType<TestApp['as']>>;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as('admin');
    viewer = await t.as('viewer');
  });
  afterAll(() => t.close());

  async function priority(body: Record<string, unknown>, http: TestAgent = t.http): Promise<Priority> {
    const response = await http.post('/api/priorities').send(body);
    if (response.status !== 201) throw new Error(`priority: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  describe('CRUD', () => {
    it('creates a priority with its owner, reads it, lists it by function and owner in order, edits and deletes it', async () => {
      const owner = await createStakeholder(t.http, { name: 'Cara Crud', role: 'top_team', businessFunction: 'Crud Finance' });
      const created = await priority({
        businessFunction: '  Crud Finance ',
        title: ' Close the books in five days ',
        ownerId: owner.id.toUpperCase(),
        coachingLink: 'Coached managers delegate the close',
      });
      expect(created).toEqual({
        id: expect.any(String),
        businessFunction: 'Crud Finance',
        title: 'Close the books in five days',
        owner: expect.objectContaining({ id: owner.id, name: 'Cara Crud', role: 'top_team', commitment: 'not_sounded', onBoard: false }),
        coachingLink: 'Coached managers delegate the close',
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        version: 1,
      });
      expect((await t.http.get(`/api/priorities/${created.id}`).expect(200)).body).toEqual(created);

      const unowned = await priority({ businessFunction: 'Crud Finance', title: 'Allocate capital faster', ownerId: null });
      expect(unowned).toMatchObject({ owner: null, coachingLink: null });
      const other = await priority({ businessFunction: 'Crud Sales', title: 'Win back lapsed accounts', ownerId: owner.id });

      // By function, then title: "Allocate…" before "Close…"; the function filter ignores case.
      const finance = (await t.http.get('/api/priorities?businessFunction=crud%20finance').expect(200)).body as PriorityPage;
      expect(finance).toMatchObject({ total: 2, page: 1 });
      expect(finance.items.map((p) => p.title)).toEqual(['Allocate capital faster', 'Close the books in five days']);
      const owned = (await t.http.get(`/api/priorities?ownerId=${owner.id}`).expect(200)).body as PriorityPage;
      expect(owned.items.map((p) => p.id)).toEqual([created.id, other.id]);
      const page2 = (await t.http.get(`/api/priorities?ownerId=${owner.id}&pageSize=1&page=2`).expect(200)).body as PriorityPage;
      expect(page2).toMatchObject({ total: 2, page: 2, pageSize: 1 });
      expect(page2.items.map((p) => p.id)).toEqual([other.id]);
      const beyond = (await t.http.get(`/api/priorities?ownerId=${owner.id}&pageSize=1&page=5`).expect(200)).body as PriorityPage;
      expect(beyond).toMatchObject({ total: 2, items: [] });

      const edited = (await t.http.patch(`/api/priorities/${created.id}`).send({ coachingLink: null, ownerId: null, version: 1 }).expect(200)).body as Priority;
      expect(edited).toMatchObject({ title: 'Close the books in five days', owner: null, coachingLink: null, version: 2 });
      await t.http.patch(`/api/priorities/${created.id}`).set('If-Match', '2').send({ title: 'Close in four days' }).expect(200);

      await t.http.delete(`/api/priorities/${created.id}`).expect(204);
      await t.http.get(`/api/priorities/${created.id}`).expect(404);
      await t.http.delete(`/api/priorities/${created.id}`).expect(404);
      await t.http.patch(`/api/priorities/${created.id}`).send({ title: 'Gone', version: 3 }).expect(404);
    });

    it('refuses the same title twice in one function, whatever its case, with the priority on record; other functions may share it', async () => {
      const first = await priority({ businessFunction: 'Dup IT', title: 'Keep the platform up', ownerId: null });
      const again = await t.http.post('/api/priorities').send({ businessFunction: 'dup it', title: 'KEEP THE PLATFORM UP', ownerId: null });
      expectRefused(again, 409, 'title');
      expect(again.body).toMatchObject({ code: ERROR_CODES.conflict, current: { id: first.id, title: 'Keep the platform up' } });
      await priority({ businessFunction: 'Dup Sales', title: 'Keep the platform up', ownerId: null });

      const second = await priority({ businessFunction: 'Dup IT', title: 'Ship monthly', ownerId: null });
      const renamed = await t.http.patch(`/api/priorities/${second.id}`).send({ title: 'keep the platform up', version: 1 });
      expectRefused(renamed, 409, 'title');
      expect(renamed.body.current.id).toBe(first.id);
      // Its own title, in another case, is not a duplicate of itself.
      await t.http.patch(`/api/priorities/${second.id}`).send({ title: 'Ship Monthly', version: 1 }).expect(200);
    });

    it('refuses a stale version with the current priority, and a write without a version', async () => {
      const created = await priority({ businessFunction: 'Version Ops', title: 'Cut changeover time', ownerId: null });
      await t.http.patch(`/api/priorities/${created.id}`).send({ title: 'Cut changeovers by half', version: 1 }).expect(200);
      const stale = await t.http.patch(`/api/priorities/${created.id}`).send({ title: 'Lost edit', version: 1 });
      expectRefused(stale, 409);
      expect(stale.body).toMatchObject({ code: ERROR_CODES.versionConflict, current: { id: created.id, title: 'Cut changeovers by half', version: 2 } });
      expectRefused(await t.http.patch(`/api/priorities/${created.id}`).send({ title: 'No version' }), 428, 'version');
      expect((await t.http.get(`/api/priorities/${created.id}`).expect(200)).body.title).toBe('Cut changeovers by half');
    });
  });

  describe('bad input', () => {
    it.each([
      [{ title: 'No function', ownerId: null }, 'businessFunction'],
      [{ businessFunction: 'Finance', ownerId: null }, 'title'],
      [{ businessFunction: '   ', title: 'Blank function', ownerId: null }, 'businessFunction'],
      [{ businessFunction: 'Finance', title: '—', ownerId: null }, 'title'],
      [{ businessFunction: 'Finance', title: 'x'.repeat(LIMITS.shortText + 1), ownerId: null }, 'title'],
      [{ businessFunction: 'Finance', title: 'Bidi \u202e title', ownerId: null }, 'title'],
      [{ businessFunction: 'Finance', title: 'Numbers', ownerId: 'not-a-uuid' }, 'ownerId'],
      [{ businessFunction: 'Finance', title: 'Unknown owner', ownerId: UNKNOWN }, 'ownerId'],
      [{ businessFunction: 'Finance', title: 'Coaching', ownerId: null, coachingLink: 42 }, 'coachingLink'],
      [{ businessFunction: null, title: 'Null function', ownerId: null }, 'businessFunction'],
      [{ businessFunction: 'Finance', title: 'Extra', ownerId: null, priority: 1 }, 'priority'],
    ])('refuses %j with a 400 naming %s', async (body, field) => {
      expectRefused(await t.http.post('/api/priorities').send(body), 400, field);
    });

    it('refuses bad ids, filters and patches with a 400 naming the field', async () => {
      expectRefused(await t.http.get('/api/priorities/not-a-uuid'), 400, 'id');
      expectRefused(await t.http.get('/api/priorities?ownerId=nope'), 400, 'ownerId');
      expectRefused(await t.http.get('/api/priorities?pageSize=0'), 400, 'pageSize');
      const created = await priority({ businessFunction: 'Bad Patch', title: 'Something', ownerId: null });
      expectRefused(await t.http.patch(`/api/priorities/${created.id}`).send({ title: null, version: 1 }), 400, 'title');
      expectRefused(await t.http.patch(`/api/priorities/${created.id}`).send({ ownerId: UNKNOWN, version: 1 }), 400, 'ownerId');
      expect((await t.http.get(`/api/priorities/${created.id}`).expect(200)).body.version).toBe(1);
    });

    it('refuses an erased owner with 409 stakeholder_erased, on create and on edit', async () => {
      const gone = await createStakeholder(t.http, { name: 'Gone Owner' });
      await admin.http.post(`/api/stakeholders/${gone.id}/erase`).expect(200);
      const refused = await t.http.post('/api/priorities').send({ businessFunction: 'Erased Fn', title: 'Owned by nobody', ownerId: gone.id });
      expectRefused(refused, 409);
      expect(refused.body.code).toBe(ERROR_CODES.stakeholderErased);
      const created = await priority({ businessFunction: 'Erased Fn', title: 'Owned by nobody', ownerId: null });
      const edit = await t.http.patch(`/api/priorities/${created.id}`).send({ ownerId: gone.id, version: 1 });
      expectRefused(edit, 409);
      expect(edit.body.code).toBe(ERROR_CODES.stakeholderErased);
    });
  });

  describe('roles and audit', () => {
    it('lets a viewer read but not write; practitioners and admins write', async () => {
      const created = await priority({ businessFunction: 'Roles Fn', title: 'Readable by all', ownerId: null });
      await viewer.http.get('/api/priorities').expect(200);
      await viewer.http.get(`/api/priorities/${created.id}`).expect(200);
      expectRefused(await viewer.http.post('/api/priorities').send({ businessFunction: 'Roles Fn', title: 'Viewer', ownerId: null }), 403);
      expectRefused(await viewer.http.patch(`/api/priorities/${created.id}`).send({ title: 'Viewer edit', version: 1 }), 403);
      expectRefused(await viewer.http.delete(`/api/priorities/${created.id}`), 403);
      await priority({ businessFunction: 'Roles Fn', title: 'Written by an admin', ownerId: null }, admin.http);
    });

    it("audits every write in each owner's history, naming the title and coaching link rather than copying them", async () => {
      const first = await createStakeholder(t.http, { name: 'Audit First' });
      const second = await createStakeholder(t.http, { name: 'Audit Second' });
      const created = await priority({ businessFunction: 'Audit Fn', title: 'The kumquat target', ownerId: first.id, coachingLink: 'Quokka coaching' });
      await t.http.patch(`/api/priorities/${created.id}`).send({ ownerId: second.id, coachingLink: 'Pangolin coaching', version: 1 }).expect(200);
      await t.http.delete(`/api/priorities/${created.id}`).expect(204);
      const { rows } = await t.db.query(
        `SELECT action, stakeholder_id, before, after FROM audit_log WHERE entity_type = 'priority' AND entity_id = $1 ORDER BY id`,
        [created.id],
      );
      const [a, b] = [first.id, second.id].sort();
      expect(rows).toEqual([
        {
          action: 'priority.create',
          stakeholder_id: first.id,
          before: null,
          after: { businessFunction: 'Audit Fn', ownerId: first.id, changedFields: ['coachingLink', 'title'] },
        },
        ...[a, b].map((stakeholderId) => ({
          action: 'priority.update',
          stakeholder_id: stakeholderId,
          before: { businessFunction: 'Audit Fn', ownerId: first.id },
          after: { businessFunction: 'Audit Fn', ownerId: second.id, changedFields: ['coachingLink'] },
        })),
        {
          action: 'priority.delete',
          stakeholder_id: second.id,
          before: { businessFunction: 'Audit Fn', ownerId: second.id, changedFields: ['coachingLink', 'title'] },
          after: null,
        },
      ]);
      expect(JSON.stringify(rows)).not.toMatch(/kumquat|quokka|pangolin/i);
      const history = (await admin.http.get(`/api/stakeholders/${second.id}/history`).expect(200)).body;
      expect(history.items.map((entry: { action: string }) => entry.action)).toEqual(['priority.delete', 'priority.update', 'stakeholder.create']);
    });
  });

  describe('erasure and export', () => {
    it("lists a person's priorities in their export; erasing them keeps the priority without its owner or their name", async () => {
      const owner = await createStakeholder(t.http, { name: 'Priya Erasmus', businessFunction: 'Erasure Fn' });
      const owned = await priority({ businessFunction: 'Erasure Fn', title: 'Shorten the hiring cycle', ownerId: owner.id, coachingLink: 'Priya Erasmus coaches the panel' });
      const exported = (await t.http.get(`/api/stakeholders/${owner.id}/export`).expect(200)).body as StakeholderExport;
      expect(exported.priorities).toEqual([owned]);

      const erased = (await admin.http.post(`/api/stakeholders/${owner.id}/erase`).expect(200)).body;
      expect(erased).toMatchObject({ prioritiesUnowned: 1 });
      const after = (await t.http.get(`/api/priorities/${owned.id}`).expect(200)).body as Priority;
      expect(after).toMatchObject({ title: 'Shorten the hiring cycle', owner: null, coachingLink: '[erased person] coaches the panel', version: 3 });
      expect(((await t.http.get(`/api/stakeholders/${owner.id}/export`).expect(200)).body as StakeholderExport).priorities).toEqual([]);
    });
  });

  describe('GET /api/dashboard/functions', () => {
    it("lists each function's priorities, its committed champions, whether it is covered, and where its leaders stand", async () => {
      const fn = 'Coverage Finance';
      const cfo = await createStakeholder(t.http, { name: 'Cov Cfo', role: 'top_team', businessFunction: fn });
      const controller = await createStakeholder(t.http, { name: 'Cov Controller', role: 'senior_leader', businessFunction: fn.toUpperCase() });
      const manager = await createStakeholder(t.http, { name: 'Cov Manager', role: 'line_manager', businessFunction: fn, potentialChampion: true });
      const gone = await createStakeholder(t.http, { name: 'Cov Gone', role: 'senior_leader', businessFunction: fn });
      await logSounding(t.http, cfo.id, { heldOn: daysAgo(5), commitmentAfter: 'open' });
      await logSounding(t.http, controller.id, { heldOn: daysAgo(5), commitmentAfter: 'resistant' });
      await logSounding(t.http, manager.id, { heldOn: daysAgo(5), commitmentAfter: 'supportive' });
      await admin.http.post(`/api/stakeholders/${gone.id}/erase`).expect(200);
      const close = await priority({ businessFunction: fn, title: 'Close in five days', ownerId: cfo.id });
      const capital = await priority({ businessFunction: fn.toLowerCase(), title: 'Allocate capital faster', ownerId: null });
      const onlyPriorities = await priority({ businessFunction: 'Coverage Legal', title: 'Fewer disputes', ownerId: null });

      const read = async () => ((await viewer.http.get('/api/dashboard/functions').expect(200)).body as FunctionCoverage[]);
      let coverage = await read();
      const finance = () => coverage.find((f) => f.businessFunction.toLowerCase() === fn.toLowerCase())!;
      // One function whatever the case; named as its first priority spells it.
      expect(coverage.filter((f) => f.businessFunction.toLowerCase() === fn.toLowerCase())).toHaveLength(1);
      expect(finance()).toMatchObject({ businessFunction: fn, covered: false, champions: [] });
      expect(finance().priorities.map((p) => p.id)).toEqual([capital.id, close.id]);
      // Top team first, then senior leaders, by name; an erased leader is left out.
      expect(finance().leaders.map((l) => [l.stakeholder.name, l.commitment])).toEqual([
        ['Cov Cfo', 'open'],
        ['Cov Controller', 'resistant'],
      ]);
      expect(coverage.find((f) => f.businessFunction === 'Coverage Legal')).toEqual({
        businessFunction: 'Coverage Legal',
        priorities: [{ id: onlyPriorities.id, businessFunction: 'Coverage Legal', title: 'Fewer disputes' }],
        champions: [],
        covered: false,
        leaders: [],
      });
      // Functions by name.
      const names = coverage.map((f) => f.businessFunction);
      expect(names.indexOf('Coverage Legal')).toBeGreaterThan(names.indexOf(fn));

      await logSounding(t.http, manager.id, { heldOn: daysAgo(1), commitmentAfter: 'committed' });
      coverage = await read();
      expect(finance()).toMatchObject({ covered: true, champions: [expect.objectContaining({ id: manager.id, commitment: 'committed' })] });
    });
  });

  describe('champion qualification', () => {
    it('counts a priority a potential champion owns as a stake, in words', async () => {
      const champion = await createStakeholder(t.http, { name: 'Stake Owner', businessFunction: 'Stake Fn', potentialChampion: true });
      const stake = async (): Promise<{ met: boolean; evidence: { source: string; text: string; refId: string | null }[] }> => {
        const list = (await t.http.get('/api/champions').expect(200)).body as ChampionList;
        return list.items.find((item) => item.person.id === champion.id)!.tests.find((test) => test.test === 'stake')!;
      };
      expect((await stake()).met).toBe(false);
      const owned = await priority({ businessFunction: 'Stake Fn', title: 'Halve onboarding time', ownerId: champion.id });
      expect(await stake()).toMatchObject({
        met: true,
        evidence: [{ source: 'priority_owned', text: 'Owns the Stake Fn priority “Halve onboarding time”', refId: owned.id }],
      });
    });
  });

  it('answers 404 for an unknown priority', async () => {
    expectRefused(await t.http.get(`/api/priorities/${UNKNOWN}`), 404);
    expectRefused(await t.http.delete(`/api/priorities/${UNKNOWN}`), 404);
  });
});
