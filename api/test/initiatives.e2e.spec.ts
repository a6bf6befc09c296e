import type { Initiative, InitiativePage, Journey, Stakeholder } from '@soundings/shared';
import type TestAgent from 'supertest/lib/agent';
import { expectRefused } from './expectations';
import { createStakeholder, daysAgo, daysAhead, logSounding } from './factories';
import { startTestApp, TestApp } from './test-app';

const UNKNOWN = '7d4a9a52-8f39-4c55-9d0c-3b0d5f0b8f11';

describe('initiatives: the rolling programme', () => {
  let t: TestApp;
  let viewer: Awaited<ReturnType<TestApp['as']>>;
  let admin: Awaited<ReturnType<TestApp['as']>>;

  beforeAll(async () => {
    t = await startTestApp();
    viewer = await t.as('viewer');
    admin = await t.as('admin');
  });
  afterAll(() => t.close());

  async function add(body: Record<string, unknown>, http: TestAgent = t.http): Promise<Initiative> {
    const response = await http.post('/api/initiatives').send({ kind: 'update', heldOn: daysAgo(5), ownerId: null, ...body });
    if (response.status !== 201) throw new Error(`add: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  async function lastContact(person: Stakeholder): Promise<string | null> {
    return (await t.http.get(`/api/stakeholders/${person.id}`).expect(200)).body.lastContactAt;
  }

  const titles = (page: InitiativePage) => page.items.map((initiative) => initiative.title);

  describe('CRUD', () => {
    it('creates an initiative with its owner and people, reads it, edits it and deletes it', async () => {
      const owner = await createStakeholder(t.http, { name: 'Crud Owner', role: 'top_team' });
      const zed = await createStakeholder(t.http, { name: 'Zed Crud' });
      const amy = await createStakeholder(t.http, { name: 'Amy Crud' });
      const created = await add({
        title: '  Finance leadership showcase  ',
        kind: 'showcase',
        heldOn: daysAhead(10),
        ownerId: owner.id.toUpperCase(),
        description: 'Three leaders show what coaching did for their close',
        involvedIds: [zed.id, amy.id],
      });
      expect(created).toMatchObject({
        title: 'Finance leadership showcase',
        kind: 'showcase',
        heldOn: daysAhead(10),
        owner: { id: owner.id, name: 'Crud Owner', role: 'top_team', onBoard: false },
        description: 'Three leaders show what coaching did for their close',
        version: 1,
      });
      // By name: Amy before Zed.
      expect(created.involved.map((person) => person.name)).toEqual(['Amy Crud', 'Zed Crud']);
      expect((await t.http.get(`/api/initiatives/${created.id}`).expect(200)).body).toEqual(created);

      const edited = (
        await t.http.patch(`/api/initiatives/${created.id}`).send({ ownerId: null, description: null, involvedIds: [zed.id], kind: 'event', version: 1 }).expect(200)
      ).body as Initiative;
      expect(edited).toMatchObject({ owner: null, description: null, kind: 'event', version: 2, title: 'Finance leadership showcase' });
      expect(edited.involved.map((person) => person.id)).toEqual([zed.id]);
      const retitled = await t.http.patch(`/api/initiatives/${created.id}`).set('If-Match', '2').send({ title: 'Finance showcase' }).expect(200);
      expect(retitled.body).toMatchObject({ title: 'Finance showcase', version: 3, involved: [expect.objectContaining({ id: zed.id })] });

      await t.http.delete(`/api/initiatives/${created.id}`).expect(204);
      await t.http.get(`/api/initiatives/${created.id}`).expect(404);
      await t.http.delete(`/api/initiatives/${created.id}`).expect(404);
      await t.http.patch(`/api/initiatives/${created.id}`).send({ title: 'Gone', version: 3 }).expect(404);
    });

    it('lists newest day first, filtered by days, owner, a person involved and kind, a page at a time', async () => {
      const owner = await createStakeholder(t.http, { name: 'List Owner' });
      const involved = await createStakeholder(t.http, { name: 'List Involved' });
      await add({ title: 'List A (past update)', heldOn: daysAgo(40), ownerId: owner.id, involvedIds: [involved.id] });
      await add({ title: 'List B (past event)', kind: 'event', heldOn: daysAgo(20), ownerId: owner.id });
      await add({ title: 'List C (next showcase)', kind: 'showcase', heldOn: daysAhead(20), involvedIds: [involved.id] });

      const byOwner = (await t.http.get(`/api/initiatives?ownerId=${owner.id}`).expect(200)).body as InitiativePage;
      expect(titles(byOwner)).toEqual(['List B (past event)', 'List A (past update)']);
      expect(byOwner).toMatchObject({ total: 2, page: 1 });
      const byPerson = (await t.http.get(`/api/initiatives?stakeholderId=${involved.id.toUpperCase()}`).expect(200)).body as InitiativePage;
      expect(titles(byPerson)).toEqual(['List C (next showcase)', 'List A (past update)']);
      const upcoming = (await t.http.get(`/api/initiatives?stakeholderId=${involved.id}&from=${daysAgo(0)}`).expect(200)).body as InitiativePage;
      expect(titles(upcoming)).toEqual(['List C (next showcase)']);
      const window = (await t.http.get(`/api/initiatives?from=${daysAgo(45)}&to=${daysAgo(30)}`).expect(200)).body as InitiativePage;
      expect(titles(window)).toEqual(['List A (past update)']);
      const events = (await t.http.get(`/api/initiatives?ownerId=${owner.id}&kind=event`).expect(200)).body as InitiativePage;
      expect(titles(events)).toEqual(['List B (past event)']);
      const second = (await t.http.get(`/api/initiatives?ownerId=${owner.id}&pageSize=1&page=2`).expect(200)).body as InitiativePage;
      expect(second).toMatchObject({ total: 2, page: 2, pageSize: 1 });
      expect(titles(second)).toEqual(['List A (past update)']);
      const beyond = (await t.http.get(`/api/initiatives?ownerId=${owner.id}&pageSize=1&page=9`).expect(200)).body as InitiativePage;
      expect(beyond).toMatchObject({ total: 2, items: [] });
    });

    it('audits every write once for each person it is about, naming the title and description rather than copying them', async () => {
      const owner = await createStakeholder(t.http, { name: 'Audit Owner' });
      const first = await createStakeholder(t.http, { name: 'Audit First' });
      const second = await createStakeholder(t.http, { name: 'Audit Second' });
      const created = await add({ title: 'The kumquat roadshow', heldOn: daysAgo(2), ownerId: owner.id, involvedIds: [first.id], description: 'Kumquats for all' });
      await t.http.patch(`/api/initiatives/${created.id}`).send({ involvedIds: [second.id], version: 1 }).expect(200);
      await t.http.delete(`/api/initiatives/${created.id}`).expect(204);
      const { rows } = await t.db.query(
        `SELECT action, stakeholder_id, before, after FROM audit_log WHERE entity_type = 'initiative' AND entity_id = $1 ORDER BY id`,
        [created.id],
      );
      const safe = { kind: 'update', heldOn: daysAgo(2), ownerId: owner.id };
      const perPerson = (ids: string[], entry: object) => ids.sort().map((stakeholder_id) => ({ stakeholder_id, ...entry }));
      expect(rows).toEqual([
        ...perPerson([owner.id, first.id], {
          action: 'initiative.create',
          before: null,
          after: { ...safe, involvedIds: [first.id], changedFields: ['description', 'title'] },
        }),
        ...perPerson([owner.id, first.id, second.id], {
          action: 'initiative.update',
          before: { ...safe, involvedIds: [first.id] },
          after: { ...safe, involvedIds: [second.id] },
        }),
        ...perPerson([owner.id, second.id], {
          action: 'initiative.delete',
          before: { ...safe, involvedIds: [second.id], changedFields: ['description', 'title'] },
          after: null,
        }),
      ]);
      expect(JSON.stringify(rows).toLowerCase()).not.toContain('kumquat');
      const history = (await admin.http.get(`/api/stakeholders/${first.id}/history`).expect(200)).body;
      expect(history.items.map((entry: { action: string }) => entry.action)).toEqual(['initiative.update', 'initiative.create', 'stakeholder.create']);
    });
  });

  describe('bad input, versions and roles', () => {
    let person: Stakeholder;
    beforeAll(async () => {
      person = await createStakeholder(t.http, { name: 'Bad Input Person' });
    });

    async function count(): Promise<number> {
      return (await t.db.query(`SELECT count(*)::int AS n FROM initiatives`)).rows[0].n;
    }

    it('refuses missing or malformed fields with a 400 naming each, storing nothing', async () => {
      const before = await count();
      const valid = { title: 'Valid', kind: 'update', heldOn: daysAgo(1), ownerId: null };
      const post = (body: object) => t.http.post('/api/initiatives').send(body);
      expectRefused(await post({ ...valid, title: undefined }), 400, 'title');
      expectRefused(await post({ ...valid, title: '   ' }), 400, 'title');
      expectRefused(await post({ ...valid, title: 'x'.repeat(201) }), 400, 'title');
      expectRefused(await post({ ...valid, kind: 'party' }), 400, 'kind');
      expectRefused(await post({ ...valid, heldOn: '2026-02-30' }), 400, 'heldOn');
      expectRefused(await post({ ...valid, heldOn: '1999-12-31' }), 400, 'heldOn');
      expectRefused(await post({ ...valid, heldOn: undefined }), 400, 'heldOn');
      expectRefused(await post({ ...valid, ownerId: 'not-a-uuid' }), 400, 'ownerId');
      expectRefused(await post({ ...valid, ownerId: UNKNOWN }), 400, 'ownerId');
      expectRefused(await post({ ...valid, involvedIds: [person.id, UNKNOWN] }), 400, 'involvedIds');
      expectRefused(await post({ ...valid, involvedIds: [person.id, person.id.toUpperCase()] }), 400, 'involvedIds');
      expectRefused(await post({ ...valid, involvedIds: 'everyone' }), 400, 'involvedIds');
      expectRefused(await post({ ...valid, involvedIds: null }), 400, 'involvedIds');
      expectRefused(await post({ ...valid, description: 'Nul \u0000 inside' }), 400);
      expectRefused(await post({ ...valid, venue: 'Boardroom' }), 400, 'venue');
      expectRefused(await t.http.get('/api/initiatives?from=yesterday'), 400, 'from');
      expectRefused(await t.http.get('/api/initiatives?kind=party'), 400, 'kind');
      expectRefused(await t.http.get('/api/initiatives?stakeholderId=nobody'), 400, 'stakeholderId');
      expectRefused(await t.http.get('/api/initiatives/not-a-uuid'), 400, 'id');
      expect(await count()).toBe(before);
    });

    it('needs the version on an edit and refuses a stale one with the current initiative; null is refused where there is no "none"', async () => {
      const initiative = await add({ title: 'Versioned', involvedIds: [person.id] });
      const noVersion = await t.http.patch(`/api/initiatives/${initiative.id}`).send({ title: 'No version' });
      expectRefused(noVersion, 428, 'version');
      await t.http.patch(`/api/initiatives/${initiative.id}`).send({ title: 'Second', version: 1 }).expect(200);
      const stale = await t.http.patch(`/api/initiatives/${initiative.id}`).send({ title: 'Stale', version: 1 });
      expectRefused(stale, 409);
      expect(stale.body.code).toBe('version_conflict');
      expect(stale.body.current).toMatchObject({ id: initiative.id, title: 'Second', version: 2 });
      expectRefused(await t.http.patch(`/api/initiatives/${initiative.id}`).send({ title: null, version: 2 }), 400, 'title');
      expectRefused(await t.http.patch(`/api/initiatives/${initiative.id}`).send({ heldOn: null, version: 2 }), 400, 'heldOn');
      expectRefused(await t.http.patch(`/api/initiatives/${initiative.id}`).send({ involvedIds: null, version: 2 }), 400, 'involvedIds');
      expect((await t.http.get(`/api/initiatives/${initiative.id}`).expect(200)).body).toMatchObject({ title: 'Second', version: 2 });
    });

    it('lets a viewer read the programme but not change it', async () => {
      const initiative = await add({ title: 'Viewer can read' });
      await viewer.http.get('/api/initiatives').expect(200);
      await viewer.http.get(`/api/initiatives/${initiative.id}`).expect(200);
      await viewer.http.post('/api/initiatives').send({ title: 'Viewer writes', kind: 'update', heldOn: daysAgo(1), ownerId: null }).expect(403);
      await viewer.http.patch(`/api/initiatives/${initiative.id}`).send({ title: 'Viewer edits', version: 1 }).expect(403);
      await viewer.http.delete(`/api/initiatives/${initiative.id}`).expect(403);
      await add({ title: 'Admin writes' }, admin.http);
    });

    it('refuses to make an erased person owner or involved (409 stakeholder_erased), and leaves the initiative as it was', async () => {
      const gone = await createStakeholder(t.http, { name: 'Erased Before' });
      await admin.http.post(`/api/stakeholders/${gone.id}/erase`).expect(200);
      const initiative = await add({ title: 'Erased people stay out', involvedIds: [person.id] });
      for (const response of [
        await t.http.post('/api/initiatives').send({ title: 'Owned by erased', kind: 'update', heldOn: daysAgo(1), ownerId: gone.id }),
        await t.http.post('/api/initiatives').send({ title: 'Involves erased', kind: 'update', heldOn: daysAgo(1), ownerId: null, involvedIds: [gone.id] }),
        await t.http.patch(`/api/initiatives/${initiative.id}`).send({ ownerId: gone.id, version: 1 }),
        await t.http.patch(`/api/initiatives/${initiative.id}`).send({ involvedIds: [person.id, gone.id], version: 1 }),
      ]) {
        expectRefused(response, 409);
        expect(response.body.code).toBe('stakeholder_erased');
      }
      expect((await t.http.get(`/api/initiatives/${initiative.id}`).expect(200)).body).toMatchObject({ owner: null, version: 1, involved: [expect.objectContaining({ id: person.id })] });
    });
  });

  describe('involvement counts as contact once its day has come', () => {
    it('moves last contact when someone is involved in a past initiative, not a future one, and back when they are removed', async () => {
      const person = await createStakeholder(t.http, { name: 'Contact Moves' });
      const other = await createStakeholder(t.http, { name: 'Contact Other' });
      await logSounding(t.http, person.id, { heldOn: daysAgo(30) });
      expect(await lastContact(person)).toBe(daysAgo(30));

      const past = await add({ title: 'Past update', heldOn: daysAgo(4), involvedIds: [person.id] });
      expect(await lastContact(person)).toBe(daysAgo(4));
      const future = await add({ title: 'Future showcase', heldOn: daysAhead(6), involvedIds: [person.id, other.id] });
      expect(await lastContact(person)).toBe(daysAgo(4));
      expect(await lastContact(other)).toBeNull();

      // Removed from the past one: back to the sounding.
      await t.http.patch(`/api/initiatives/${past.id}`).send({ involvedIds: [other.id], version: 1 }).expect(200);
      expect(await lastContact(person)).toBe(daysAgo(30));
      expect(await lastContact(other)).toBe(daysAgo(4));

      // The future one moved into the past counts for everyone in it; moved on again, it no longer does.
      await t.http.patch(`/api/initiatives/${future.id}`).send({ heldOn: daysAgo(2), version: 1 }).expect(200);
      expect([await lastContact(person), await lastContact(other)]).toEqual([daysAgo(2), daysAgo(2)]);
      await t.http.patch(`/api/initiatives/${future.id}`).send({ heldOn: daysAhead(3), version: 2 }).expect(200);
      expect([await lastContact(person), await lastContact(other)]).toEqual([daysAgo(30), daysAgo(4)]);

      // Deleted: nothing left but the sounding for one, and nothing at all for the other.
      await t.http.delete(`/api/initiatives/${past.id}`).expect(204);
      expect([await lastContact(person), await lastContact(other)]).toEqual([daysAgo(30), null]);
    });

    it('does not count ownership as contact: the owner is not in the room by owning it', async () => {
      const owner = await createStakeholder(t.http, { name: 'Owner Only' });
      await add({ title: 'Owned, not attended', heldOn: daysAgo(3), ownerId: owner.id });
      expect(await lastContact(owner)).toBeNull();
    });
  });

  describe('on the journey', () => {
    it('shows an initiative on the owner\'s and each involved person\'s timeline once its day has come, in date order', async () => {
      const owner = await createStakeholder(t.http, { name: 'Journey Owner' });
      const person = await createStakeholder(t.http, { name: 'Journey Person' });
      await logSounding(t.http, person.id, { heldOn: daysAgo(10), summary: 'First talk', commitmentAfter: 'open' });
      await add({ title: 'Held update', heldOn: daysAgo(6), ownerId: owner.id, involvedIds: [person.id] });
      await add({ title: 'Earlier event', kind: 'event', heldOn: daysAgo(12), involvedIds: [person.id] });
      await add({ title: 'Coming showcase', kind: 'showcase', heldOn: daysAhead(5), ownerId: owner.id, involvedIds: [person.id] });
      await add({ title: 'Someone else\u2019s', heldOn: daysAgo(3) });

      const timeline = async (who: Stakeholder) =>
        ((await t.http.get(`/api/stakeholders/${who.id}/journey`).expect(200)).body as Journey).timeline
          .filter((event) => event.kind === 'initiative' || event.kind === 'sounding')
          .map((event) => (event.kind === 'initiative' ? `${event.on} initiative ${event.initiative.title}` : `${event.on} sounding`));
      expect(await timeline(person)).toEqual([`${daysAgo(12)} initiative Earlier event`, `${daysAgo(10)} sounding`, `${daysAgo(6)} initiative Held update`]);
      expect(await timeline(owner)).toEqual([`${daysAgo(6)} initiative Held update`]);
      const held = ((await t.http.get(`/api/stakeholders/${owner.id}/journey`).expect(200)).body as Journey).timeline[0];
      expect(held).toMatchObject({ kind: 'initiative', initiative: { owner: { id: owner.id }, involved: [{ id: person.id }] } });
    });
  });
});
