import type { CommitmentLevel, Influence, InfluencePage, Stakeholder, StakeholderInfluence } from '@soundings/shared';
import type TestAgent from 'supertest/lib/agent';
import { expectRefused } from './expectations';
import { createStakeholder, daysAgo, logSounding } from './factories';
import { startTestApp, TestApp } from './test-app';

const UNKNOWN = '7d4a9a52-8f39-4c55-9d0c-3b0d5f0b8f11';

describe('influence links and who they look to', () => {
  let t: TestApp;
  let viewer: Awaited<ReturnType<TestApp['as']>>;
  let admin: Awaited<ReturnType<TestApp['as']>>;

  beforeAll(async () => {
    t = await startTestApp();
    viewer = await t.as('viewer');
    admin = await t.as('admin');
  });
  afterAll(() => t.close());

  async function link(body: Record<string, unknown>, http: TestAgent = t.http): Promise<Influence> {
    const response = await http.post('/api/influences').send(body);
    if (response.status !== 201) throw new Error(`link: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  /** A person at `level`, reached through a sounding (not_sounded: none). */
  async function personAt(name: string, level: CommitmentLevel, overrides: Partial<Stakeholder> = {}): Promise<Stakeholder> {
    const person = await createStakeholder(t.http, { name, ...(overrides as object) });
    if (level !== 'not_sounded') await logSounding(t.http, person.id, { heldOn: daysAgo(3), commitmentAfter: level });
    return { ...person, commitment: level };
  }

  describe('CRUD', () => {
    it('creates a link with the default strength, reads it, lists it by either end and kind, edits and deletes it', async () => {
      const dana = await createStakeholder(t.http, { name: 'Dana Crud' });
      const sam = await createStakeholder(t.http, { name: 'Sam Crud', role: 'top_team' });
      const created = await link({ fromId: dana.id.toUpperCase(), toId: sam.id, kind: 'looks_to', note: '  Asks Sam before every budget call  ' });
      expect(created).toMatchObject({
        from: { id: dana.id, name: 'Dana Crud', commitment: 'not_sounded', onBoard: false },
        to: { id: sam.id, name: 'Sam Crud', role: 'top_team' },
        kind: 'looks_to',
        strength: 2,
        note: 'Asks Sam before every budget call',
        version: 1,
      });
      expect((await t.http.get(`/api/influences/${created.id}`).expect(200)).body).toEqual(created);

      const other = await createStakeholder(t.http, { name: 'Other Crud' });
      const ally = await link({ fromId: other.id, toId: sam.id, kind: 'ally', strength: 3 });
      const bySam = (await t.http.get(`/api/influences?stakeholderId=${sam.id}`).expect(200)).body as InfluencePage;
      expect(bySam).toMatchObject({ total: 2, page: 1 });
      expect(bySam.items.map((i) => i.id)).toEqual([created.id, ally.id]); // by the name of "from": Dana before Other
      const allies = (await t.http.get(`/api/influences?stakeholderId=${sam.id}&kind=ally`).expect(200)).body as InfluencePage;
      expect(allies.items.map((i) => i.id)).toEqual([ally.id]);
      const page2 = (await t.http.get(`/api/influences?stakeholderId=${sam.id}&pageSize=1&page=2`).expect(200)).body as InfluencePage;
      expect(page2).toMatchObject({ total: 2, page: 2, pageSize: 1 });
      expect(page2.items.map((i) => i.id)).toEqual([ally.id]);

      const edited = (
        await t.http.patch(`/api/influences/${created.id}`).send({ strength: 3, kind: 'mentor', note: null, version: 1 }).expect(200)
      ).body as Influence;
      expect(edited).toMatchObject({ kind: 'mentor', strength: 3, note: null, version: 2 });
      await t.http.patch(`/api/influences/${created.id}`).set('If-Match', '2').send({ strength: 1 }).expect(200);

      await t.http.delete(`/api/influences/${created.id}`).expect(204);
      await t.http.get(`/api/influences/${created.id}`).expect(404);
      await t.http.delete(`/api/influences/${created.id}`).expect(404);
      await t.http.patch(`/api/influences/${created.id}`).send({ strength: 1, version: 3 }).expect(404);
    });

    it('audits every write once for each person the link is about, naming the note rather than copying it', async () => {
      const a = await createStakeholder(t.http, { name: 'Audit From' });
      const b = await createStakeholder(t.http, { name: 'Audit To' });
      const created = await link({ fromId: a.id, toId: b.id, kind: 'conflict', note: 'The kumquat dispute of last spring' });
      await t.http.patch(`/api/influences/${created.id}`).send({ note: 'Still the kumquat dispute', strength: 1, version: 1 }).expect(200);
      await t.http.delete(`/api/influences/${created.id}`).expect(204);
      const { rows } = await t.db.query(
        `SELECT action, stakeholder_id, before, after FROM audit_log WHERE entity_type = 'influence' AND entity_id = $1 ORDER BY id`,
        [created.id],
      );
      const [first, second] = [a.id, b.id].sort();
      const safe = { fromId: a.id, toId: b.id, kind: 'conflict' };
      expect(rows).toEqual([
        { action: 'influence.create', stakeholder_id: first, before: null, after: { ...safe, strength: 2, changedFields: ['note'] } },
        { action: 'influence.create', stakeholder_id: second, before: null, after: { ...safe, strength: 2, changedFields: ['note'] } },
        { action: 'influence.update', stakeholder_id: first, before: { ...safe, strength: 2 }, after: { ...safe, strength: 1, changedFields: ['note'] } },
        { action: 'influence.update', stakeholder_id: second, before: { ...safe, strength: 2 }, after: { ...safe, strength: 1, changedFields: ['note'] } },
        { action: 'influence.delete', stakeholder_id: first, before: { ...safe, strength: 1, changedFields: ['note'] }, after: null },
        { action: 'influence.delete', stakeholder_id: second, before: { ...safe, strength: 1, changedFields: ['note'] }, after: null },
      ]);
      expect(JSON.stringify(rows)).not.toContain('kumquat');
      const history = (await admin.http.get(`/api/stakeholders/${b.id}/history`).expect(200)).body;
      expect(history.items.map((e: { action: string }) => e.action)).toEqual(['influence.delete', 'influence.update', 'influence.create', 'stakeholder.create']);
    });
  });

  describe('bad input', () => {
    let dana: Stakeholder;
    let sam: Stakeholder;
    beforeAll(async () => {
      dana = await createStakeholder(t.http, { name: 'Dana Bad' });
      sam = await createStakeholder(t.http, { name: 'Sam Bad' });
    });

    async function linkCount(): Promise<number> {
      return (await t.db.query(`SELECT count(*)::int AS n FROM influences`)).rows[0].n;
    }

    it('refuses a self-link, naming toId, on create and on edit', async () => {
      expectRefused(await t.http.post('/api/influences').send({ fromId: dana.id, toId: dana.id, kind: 'looks_to' }), 400, 'toId');
      expectRefused(await t.http.post('/api/influences').send({ fromId: dana.id, toId: dana.id.toUpperCase(), kind: 'ally' }), 400, 'toId');
      const existing = await link({ fromId: dana.id, toId: sam.id, kind: 'mentor' });
      expectRefused(await t.http.patch(`/api/influences/${existing.id}`).send({ toId: dana.id, version: 1 }), 400, 'toId');
      await t.http.delete(`/api/influences/${existing.id}`).expect(204);
    });

    it('refuses the same pair and kind twice with a clear 409 holding the link on record; the reverse of a directed link is a new link', async () => {
      const first = await link({ fromId: dana.id, toId: sam.id, kind: 'looks_to' });
      const again = await t.http.post('/api/influences').send({ fromId: dana.id, toId: sam.id, kind: 'looks_to', strength: 3 });
      expectRefused(again, 409, 'kind');
      expect(again.body).toMatchObject({ code: 'conflict', message: expect.stringContaining('Dana Bad looks to Sam Bad'), current: { id: first.id } });
      // Sam looking to Dana is another fact, and so is a mentor link between the same two.
      const reverse = await link({ fromId: sam.id, toId: dana.id, kind: 'looks_to' });
      const mentor = await link({ fromId: dana.id, toId: sam.id, kind: 'mentor' });
      // Editing a link into one that exists is refused the same way.
      expectRefused(await t.http.patch(`/api/influences/${mentor.id}`).send({ kind: 'looks_to', version: 1 }), 409, 'kind');
      for (const id of [first.id, reverse.id, mentor.id]) await t.http.delete(`/api/influences/${id}`).expect(204);
    });

    it('treats ally and conflict as the same pair whichever end is written first', async () => {
      for (const kind of ['ally', 'conflict']) {
        const first = await link({ fromId: dana.id, toId: sam.id, kind });
        const reversed = await t.http.post('/api/influences').send({ fromId: sam.id, toId: dana.id, kind });
        expectRefused(reversed, 409, 'kind');
        expect(reversed.body.current.id).toBe(first.id);
        await t.http.delete(`/api/influences/${first.id}`).expect(204);
      }
      // Two writers racing for the same pair: the database's unique index decides, never a 500.
      const racing = await Promise.all([
        t.http.post('/api/influences').send({ fromId: dana.id, toId: sam.id, kind: 'ally' }),
        t.http.post('/api/influences').send({ fromId: sam.id, toId: dana.id, kind: 'ally' }),
      ]);
      expect(racing.map((r) => r.status).sort()).toEqual([201, 409]);
      await t.http.delete(`/api/influences/${racing.find((r) => r.status === 201)!.body.id}`).expect(204);
    });

    it('refuses unknown people (400 naming the field, as briefings do), bad kinds, strengths, notes and ids, and stores nothing', async () => {
      const before = await linkCount();
      const cases: [Record<string, unknown>, string][] = [
        [{ fromId: UNKNOWN, toId: sam.id, kind: 'looks_to' }, 'fromId'],
        [{ fromId: dana.id, toId: UNKNOWN, kind: 'looks_to' }, 'toId'],
        [{ fromId: 'dana', toId: sam.id, kind: 'looks_to' }, 'fromId'],
        [{ toId: sam.id, kind: 'looks_to' }, 'fromId'],
        [{ fromId: dana.id, toId: sam.id }, 'kind'],
        [{ fromId: dana.id, toId: sam.id, kind: 'reports_to' }, 'kind'],
        [{ fromId: dana.id, toId: sam.id, kind: 'looks_to', strength: 0 }, 'strength'],
        [{ fromId: dana.id, toId: sam.id, kind: 'looks_to', strength: 4 }, 'strength'],
        [{ fromId: dana.id, toId: sam.id, kind: 'looks_to', strength: 2.5 }, 'strength'],
        [{ fromId: dana.id, toId: sam.id, kind: 'looks_to', strength: '2' }, 'strength'],
        [{ fromId: dana.id, toId: sam.id, kind: 'looks_to', strength: null }, 'strength'],
        [{ fromId: dana.id, toId: sam.id, kind: 'looks_to', note: 'x'.repeat(20_001) }, 'note'],
        [{ fromId: dana.id, toId: sam.id, kind: 'looks_to', note: 'bad\u0007bell' }, 'note'],
        [{ fromId: dana.id, toId: sam.id, kind: 'looks_to', extra: true }, 'extra'],
      ];
      for (const [body, field] of cases) expectRefused(await t.http.post('/api/influences').send(body), 400, field);
      expect(await linkCount()).toBe(before);

      expectRefused(await t.http.get('/api/influences?kind=friend'), 400, 'kind');
      expectRefused(await t.http.get('/api/influences?stakeholderId=nope'), 400, 'stakeholderId');
      expectRefused(await t.http.get('/api/influences/nope'), 400, 'id');
      expectRefused(await t.http.get(`/api/stakeholders/${UNKNOWN}/influence`), 404);
      expectRefused(await t.http.get('/api/stakeholders/nope/influence'), 400, 'id');
    });

    it('refuses a stale version with the current link, and an edit without one', async () => {
      const existing = await link({ fromId: dana.id, toId: sam.id, kind: 'looks_to', strength: 1 });
      await t.http.patch(`/api/influences/${existing.id}`).send({ strength: 3, version: 1 }).expect(200);
      const stale = await t.http.patch(`/api/influences/${existing.id}`).send({ strength: 2, note: 'Overwrite', version: 1 });
      expectRefused(stale, 409);
      expect(stale.body).toMatchObject({ code: 'version_conflict', current: { id: existing.id, strength: 3, version: 2, note: null } });
      await t.http.patch(`/api/influences/${existing.id}`).send({ strength: 2 }).expect(428);
      expectRefused(await t.http.patch(`/api/influences/${existing.id}`).send({ toId: UNKNOWN, version: 2 }), 400, 'toId');
      expect((await t.http.get(`/api/influences/${existing.id}`).expect(200)).body).toMatchObject({ strength: 3, version: 2 });
      await t.http.delete(`/api/influences/${existing.id}`).expect(204);
    });

    it('refuses any write touching an erased person with 409 stakeholder_erased', async () => {
      const gone = await createStakeholder(t.http, { name: 'Gone Person' });
      const existing = await link({ fromId: dana.id, toId: sam.id, kind: 'looks_to' });
      await admin.http.post(`/api/stakeholders/${gone.id}/erase`).expect(200);
      const refusals = [
        await t.http.post('/api/influences').send({ fromId: dana.id, toId: gone.id, kind: 'looks_to' }),
        await t.http.post('/api/influences').send({ fromId: gone.id, toId: sam.id, kind: 'ally' }),
        await t.http.patch(`/api/influences/${existing.id}`).send({ toId: gone.id, version: 1 }),
      ];
      for (const refused of refusals) {
        expectRefused(refused, 409);
        expect(refused.body.code).toBe('stakeholder_erased');
      }
      await t.http.delete(`/api/influences/${existing.id}`).expect(204);
    });
  });

  it('lets practitioners and admins write and viewers only read', async () => {
    const a = await createStakeholder(t.http, { name: 'Role From' });
    const b = await createStakeholder(t.http, { name: 'Role To' });
    const byAdmin = await link({ fromId: a.id, toId: b.id, kind: 'looks_to' }, admin.http);
    expectRefused(await viewer.http.post('/api/influences').send({ fromId: b.id, toId: a.id, kind: 'looks_to' }), 403);
    expectRefused(await viewer.http.patch(`/api/influences/${byAdmin.id}`).send({ strength: 3, version: 1 }), 403);
    expectRefused(await viewer.http.delete(`/api/influences/${byAdmin.id}`), 403);
    await viewer.http.get(`/api/influences/${byAdmin.id}`).expect(200);
    await viewer.http.get(`/api/influences?stakeholderId=${a.id}`).expect(200);
    await viewer.http.get(`/api/stakeholders/${a.id}/influence`).expect(200);
    await t.http.patch(`/api/influences/${byAdmin.id}`).send({ strength: 3, version: 1 }).expect(200);
    await admin.http.delete(`/api/influences/${byAdmin.id}`).expect(204);
  });

  describe('GET /api/stakeholders/:id/influence', () => {
    it('says where the people someone looks to stand, in words one can check against the links', async () => {
      // Dana reports to Morgan (committed) and looks to Lee (supportive, decisive), Kim (resistant) and is mentored by Ash (open).
      const morgan = await personAt('Morgan Head', 'committed', { role: 'top_team' });
      const dana = await personAt('Dana Okafor', 'open', { reportsToId: morgan.id } as Partial<Stakeholder>);
      const lee = await personAt('Lee Strong', 'supportive');
      const kim = await personAt('Kim Against', 'resistant');
      const ash = await personAt('Ash Mentor', 'open');
      const follower = await personAt('Fran Follower', 'sounded');
      const report = await personAt('Rory Report', 'not_sounded', { reportsToId: dana.id } as Partial<Stakeholder>);
      const pal = await personAt('Pat Pal', 'supportive');
      const foe = await personAt('Quinn Foe', 'open');
      const gone = await personAt('Erased Soon', 'committed');

      const toLee = await link({ fromId: dana.id, toId: lee.id, kind: 'looks_to', strength: 3, note: 'Trusts her numbers' });
      await link({ fromId: dana.id, toId: kim.id, kind: 'looks_to', strength: 1 });
      await link({ fromId: dana.id, toId: ash.id, kind: 'mentor', strength: 2 });
      await link({ fromId: follower.id, toId: dana.id, kind: 'looks_to', strength: 1 });
      await link({ fromId: pal.id, toId: dana.id, kind: 'ally' });
      await link({ fromId: dana.id, toId: foe.id, kind: 'conflict', strength: 3 });
      await link({ fromId: dana.id, toId: gone.id, kind: 'looks_to', strength: 3 });
      await admin.http.post(`/api/stakeholders/${gone.id}/erase`).expect(200);

      const influence = (await viewer.http.get(`/api/stakeholders/${dana.id}/influence`).expect(200)).body as StakeholderInfluence;
      expect(influence.stakeholder).toMatchObject({ id: dana.id, name: 'Dana Okafor', commitment: 'open', onBoard: false });
      // Strongest first, then by name: Lee (3); Ash and Morgan (2); Kim (1). The erased person is gone.
      expect(influence.looksTo.map((tie) => [tie.person.name, tie.kind, tie.strength, tie.via, tie.person.commitment])).toEqual([
        ['Lee Strong', 'looks_to', 3, 'link', 'supportive'],
        ['Ash Mentor', 'mentor', 2, 'link', 'open'],
        ['Morgan Head', 'looks_to', 2, 'reporting_line', 'committed'],
        ['Kim Against', 'looks_to', 1, 'link', 'resistant'],
      ]);
      expect(influence.looksTo[0]).toMatchObject({ influenceId: toLee.id, note: 'Trusts her numbers' });
      expect(influence.looksTo[2]).toMatchObject({ influenceId: null, note: null });
      expect(influence.lookedToBy.map((tie) => [tie.person.name, tie.strength, tie.via])).toEqual([
        ['Rory Report', 2, 'reporting_line'],
        ['Fran Follower', 1, 'link'],
      ]);
      expect(influence.allies.map((tie) => tie.person.name)).toEqual(['Pat Pal']);
      expect(influence.conflicts.map((tie) => [tie.person.name, tie.strength])).toEqual([['Quinn Foe', 3]]);
      // Lee (supportive) and Morgan (committed) are on board; Kim is resistant; Ash is open.
      expect(influence.summary).toEqual({
        looksTo: 4,
        onBoard: 2,
        resistant: 1,
        lookedToBy: 2,
        text: '2 of the 4 people Dana Okafor looks to are on board; 1 is resistant. 2 people look to Dana Okafor.',
      });

      // Seen from the other end, the same links read the other way.
      const fromLee = (await t.http.get(`/api/stakeholders/${lee.id}/influence`).expect(200)).body as StakeholderInfluence;
      expect(fromLee.lookedToBy.map((tie) => tie.person.name)).toEqual(['Dana Okafor']);
      expect(fromLee.summary.text).toBe('Lee Strong looks to no one on record yet. 1 person looks to Lee Strong.');
      const fromPal = (await t.http.get(`/api/stakeholders/${pal.id}/influence`).expect(200)).body as StakeholderInfluence;
      expect(fromPal.allies.map((tie) => tie.person.name)).toEqual(['Dana Okafor']);
    });
  });
});
