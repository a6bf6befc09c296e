import type { Narrative, NarrativeResonance, NarrativeResonanceRow, Sounding } from '@soundings/shared';
import { expectRefused } from './expectations';
import { createStakeholder, daysAgo, logSounding } from './factories';
import { startTestApp, TestApp } from './test-app';

const UNKNOWN = '7d4a9a52-8f39-4c55-9d0c-3b0d5f0b8f11';

describe('narratives and values', () => {
  let t: TestApp;
  let viewer: Awaited<ReturnType<TestApp['as']>>;
  let admin: Awaited<ReturnType<TestApp['as']>>;

  beforeAll(async () => {
    t = await startTestApp();
    viewer = await t.as('viewer');
    admin = await t.as('admin');
  });
  afterAll(() => t.close());

  async function narrative(title: string, extra: Record<string, unknown> = {}): Promise<Narrative> {
    const response = await t.http.post('/api/narratives').send({ title, ...extra });
    if (response.status !== 201) throw new Error(`narrative: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  const auditOf = async (id: string) =>
    (await t.db.query(`SELECT action, entity_type, stakeholder_id, before, after FROM audit_log WHERE entity_id = $1 ORDER BY id`, [id])).rows;

  describe('the list', () => {
    it('creates, reads, lists (offered by title, then archived), renames, archives and deletes a narrative, with its audit trail', async () => {
      const created = await narrative('  Growing our own leaders  ', { description: 'We promote from within' });
      expect(created).toEqual({
        id: expect.any(String),
        title: 'Growing our own leaders',
        description: 'We promote from within',
        archived: false,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        version: 1,
      });
      expect((await t.http.get(`/api/narratives/${created.id.toUpperCase()}`).expect(200)).body).toEqual(created);
      const aardvark = await narrative('Aardvark agility');

      const renamed = (
        await t.http.patch(`/api/narratives/${created.id}`).send({ title: 'Growing leaders from within', description: 'Said better', version: 1 }).expect(200)
      ).body as Narrative;
      expect(renamed).toMatchObject({ title: 'Growing leaders from within', description: 'Said better', archived: false, version: 2 });
      const archived = (await t.http.patch(`/api/narratives/${aardvark.id}`).set('If-Match', '1').send({ archived: true }).expect(200)).body as Narrative;
      expect(archived).toMatchObject({ archived: true, version: 2 });

      const list = (await t.http.get('/api/narratives').expect(200)).body as Narrative[];
      const mine = list.filter((n) => [created.id, aardvark.id].includes(n.id)).map((n) => n.title);
      expect(mine).toEqual(['Growing leaders from within', 'Aardvark agility']);
      expect(list.findIndex((n) => n.id === aardvark.id)).toBe(list.length - 1);

      await t.http.delete(`/api/narratives/${aardvark.id}`).expect(204);
      await t.http.get(`/api/narratives/${aardvark.id}`).expect(404);

      const trail = await auditOf(created.id);
      expect(trail.map((entry) => entry.action)).toEqual(['narrative.create', 'narrative.update']);
      expect(trail[0]).toMatchObject({ entity_type: 'narrative', stakeholder_id: null, after: { title: 'Growing our own leaders', archived: false, changedFields: ['description'] } });
      // The description is named, never copied.
      expect(JSON.stringify(trail)).not.toContain('promote from within');
      expect(trail[1]).toMatchObject({ before: { title: 'Growing our own leaders' }, after: { title: 'Growing leaders from within', changedFields: ['description'] } });
      expect((await auditOf(aardvark.id)).map((entry) => entry.action)).toEqual(['narrative.create', 'narrative.update', 'narrative.delete']);
    });

    it('refuses a title another narrative has, whatever the case, with 409 naming the title and holding that narrative', async () => {
      const first = await narrative('Customers first');
      const twin = await t.http.post('/api/narratives').send({ title: 'CUSTOMERS FIRST' });
      expectRefused(twin, 409, 'title');
      expect(twin.body.current).toEqual(first);
      const other = await narrative('Customers always');
      expectRefused(await t.http.patch(`/api/narratives/${other.id}`).send({ title: 'customers first', version: 1 }), 409, 'title');
      // Its own title in another case is no clash.
      expect((await t.http.patch(`/api/narratives/${first.id}`).send({ title: 'Customers First', version: 1 }).expect(200)).body.title).toBe('Customers First');
    });

    it('refuses a stale version with 409 and the current narrative, and a change without a version with 428, changing nothing', async () => {
      const item = await narrative('Safety before speed');
      await t.http.patch(`/api/narratives/${item.id}`).send({ description: 'First edit', version: 1 }).expect(200);
      const stale = await t.http.patch(`/api/narratives/${item.id}`).send({ description: 'Lost edit', version: 1 });
      expectRefused(stale, 409);
      expect(stale.body).toMatchObject({ code: 'version_conflict', current: { description: 'First edit', version: 2 } });
      expectRefused(await t.http.patch(`/api/narratives/${item.id}`).send({ description: 'No version' }), 428, 'version');
      expect((await t.http.get(`/api/narratives/${item.id}`).expect(200)).body).toMatchObject({ description: 'First edit', version: 2 });
    });

    it('refuses bad input with 400 naming the field, and unknown ids with 404', async () => {
      const item = await narrative('Bad input target');
      const bad: [Record<string, unknown>, string][] = [
        [{}, 'title'],
        [{ title: '   ' }, 'title'],
        [{ title: 'x'.repeat(201) }, 'title'],
        [{ title: 'Two\nlines' }, 'title'],
        [{ title: null }, 'title'],
        [{ title: 'Fine', archived: 'yes' }, 'archived'],
        [{ title: 'Fine', archived: null }, 'archived'],
        [{ title: 'Fine', description: 'Bell \u0007' }, 'description'],
        [{ title: 'Fine', colour: 'green' }, 'colour'],
      ];
      for (const [body, field] of bad) expectRefused(await t.http.post('/api/narratives').send(body), 400, field);
      expectRefused(await t.http.patch(`/api/narratives/${item.id}`).send({ title: null, version: 1 }), 400, 'title');
      expectRefused(await t.http.get('/api/narratives/not-an-id'), 400, 'id');
      expectRefused(await t.http.get(`/api/narratives/${UNKNOWN}`), 404);
      expectRefused(await t.http.patch(`/api/narratives/${UNKNOWN}`).send({ title: 'Nobody', version: 1 }), 404);
      expectRefused(await t.http.delete(`/api/narratives/${UNKNOWN}`), 404);
      expect((await t.http.get(`/api/narratives/${item.id}`).expect(200)).body.version).toBe(1);
    });

    it('lets viewers read the list and the resonance but not change them; practitioners and admins may', async () => {
      const item = await narrative('Viewer can read this');
      expect(((await viewer.http.get('/api/narratives').expect(200)).body as Narrative[]).map((n) => n.id)).toContain(item.id);
      await viewer.http.get(`/api/narratives/${item.id}`).expect(200);
      await viewer.http.get('/api/narratives/resonance').expect(200);
      expectRefused(await viewer.http.post('/api/narratives').send({ title: 'Viewer wrote this' }), 403);
      expectRefused(await viewer.http.patch(`/api/narratives/${item.id}`).send({ archived: true, version: 1 }), 403);
      expectRefused(await viewer.http.delete(`/api/narratives/${item.id}`), 403);
      const byAdmin = (await admin.http.post('/api/narratives').send({ title: 'Admin wrote this' }).expect(201)).body as Narrative;
      await admin.http.delete(`/api/narratives/${byAdmin.id}`).expect(204);
      expect((await t.http.get(`/api/narratives/${item.id}`).expect(200)).body).toMatchObject({ archived: false, version: 1 });
    });

    it('refuses to delete a narrative a sounding cites (409: archive it instead); archived, it stays on the sounding', async () => {
      const person = await createStakeholder(t.http, { name: 'Cited Person' });
      const cited = await narrative('Cited narrative');
      const sounding = await logSounding(t.http, person.id, { narratives: [{ narrativeId: cited.id, response: 'resonated' }] });
      const refused = await t.http.delete(`/api/narratives/${cited.id}`);
      expectRefused(refused, 409, 'archived');
      expect(refused.body.message).toMatch(/recorded in 1 sounding\. Archive it instead/);
      expect(refused.body.current).toEqual(cited);
      await t.http.patch(`/api/narratives/${cited.id}`).send({ archived: true, version: 1 }).expect(200);
      await t.http.delete(`/api/narratives/${cited.id}`).expect(409);
      const kept = (await t.http.get(`/api/soundings/${sounding.id}`).expect(200)).body as Sounding;
      expect(kept.narratives).toEqual([{ narrative: { id: cited.id, title: 'Cited narrative' }, response: 'resonated' }]);
    });
  });

  describe('resonance across the top team', () => {
    it("shows each top-team member's latest reaction to each narrative with its date, in words, and the totals", async () => {
      // A fresh app: the table is the whole organisation's.
      const own = await startTestApp();
      try {
        const [ana, ben, cleo] = [
          await createStakeholder(own.http, { name: 'Ana Top', role: 'top_team' }),
          await createStakeholder(own.http, { name: 'Ben Top', role: 'top_team' }),
          await createStakeholder(own.http, { name: 'Cleo Top', role: 'top_team' }),
        ];
        const manager = await createStakeholder(own.http, { name: 'Dev Manager', role: 'line_manager' });
        const make = async (title: string) => (await own.http.post('/api/narratives').send({ title }).expect(201)).body as Narrative;
        const ownership = await make('Ownership');
        const growth = await make('Growth from within');
        const retired = await make('Retired, never used');
        const reacted = await make('Retired but recorded');
        const react = (id: string, heldOn: string, narratives: { narrativeId: string; response: 'resonated' | 'jarred' }[]) =>
          logSounding(own.http, id, { heldOn, narratives });

        await react(ana.id, daysAgo(20), [{ narrativeId: ownership.id, response: 'jarred' }]);
        const anaLatest = await react(ana.id, daysAgo(10), [{ narrativeId: ownership.id, response: 'resonated' }]);
        // Logged later but held earlier: it does not replace the latest reaction.
        await react(ana.id, daysAgo(15), [{ narrativeId: ownership.id, response: 'jarred' }, { narrativeId: reacted.id, response: 'jarred' }]);
        const benSounding = await react(ben.id, daysAgo(5), [
          { narrativeId: ownership.id, response: 'jarred' },
          { narrativeId: growth.id, response: 'resonated' },
        ]);
        // Not top team: not in the table.
        await react(manager.id, daysAgo(3), [{ narrativeId: growth.id, response: 'jarred' }]);
        for (const item of [retired, reacted]) await own.http.patch(`/api/narratives/${item.id}`).send({ archived: true, version: 1 }).expect(200);

        const resonance = (await own.http.get('/api/narratives/resonance').expect(200)).body as NarrativeResonance;
        expect(resonance.members.map((m) => m.name)).toEqual(['Ana Top', 'Ben Top', 'Cleo Top']);
        const row = (title: string) => resonance.narratives.find((r) => r.narrative.title === title) as NarrativeResonanceRow;
        // Offered by title, then the archived one somebody reacted to; the unused archived one is left out.
        expect(resonance.narratives.map((r) => r.narrative.title)).toEqual(['Growth from within', 'Ownership', 'Retired but recorded']);
        expect(row('Ownership').cells).toEqual([
          { stakeholderId: ana.id, response: 'resonated', on: daysAgo(10), soundingId: anaLatest.id },
          { stakeholderId: ben.id, response: 'jarred', on: daysAgo(5), soundingId: benSounding.id },
          { stakeholderId: cleo.id, response: null, on: null, soundingId: null },
        ]);
        expect(row('Ownership').totals).toEqual({ resonated: 1, jarred: 1, none: 1 });
        expect(row('Growth from within').totals).toEqual({ resonated: 1, jarred: 0, none: 2 });
        expect(row('Retired but recorded')).toMatchObject({ narrative: { archived: true }, totals: { resonated: 0, jarred: 1, none: 2 } });
      } finally {
        await own.close();
      }
    });

    it('counts a reaction in a confidential sounding only for its author and admins, and records that an admin saw it', async () => {
      const own = await startTestApp();
      try {
        const ownAdmin = await own.as('admin');
        const colleague = await own.as('practitioner');
        const leader = await createStakeholder(own.http, { name: 'Quiet Leader', role: 'top_team' });
        const item = (await own.http.post('/api/narratives').send({ title: 'Candour' }).expect(201)).body as Narrative;
        await logSounding(own.http, leader.id, { heldOn: daysAgo(9), narratives: [{ narrativeId: item.id, response: 'jarred' }] });
        const secret = await logSounding(own.http, leader.id, { heldOn: daysAgo(2), confidential: true, narratives: [{ narrativeId: item.id, response: 'resonated' }] });
        const cell = async (http: TestApp['http']) => {
          const response = await http.get('/api/narratives/resonance').expect(200);
          return { cell: (response.body as NarrativeResonance).narratives[0].cells[0], requestId: String(response.headers['x-request-id']) };
        };
        const reads = async (requestId: string) =>
          (await own.db.query(`SELECT after FROM audit_log WHERE action = 'sounding.read_confidential' AND request_id = $1`, [requestId])).rows;

        // Another practitioner sees the latest reaction they may read: the open sounding's.
        const seenByColleague = await cell(colleague.http);
        expect(seenByColleague.cell).toMatchObject({ response: 'jarred', on: daysAgo(9) });
        expect(await reads(seenByColleague.requestId)).toEqual([]);
        for (const reader of [own.http, ownAdmin.http]) {
          const seen = await cell(reader);
          expect(seen.cell).toMatchObject({ response: 'resonated', on: daysAgo(2), soundingId: secret.id });
        }
        const seenByAdmin = await cell(ownAdmin.http);
        expect(await reads(seenByAdmin.requestId)).toEqual([{ after: { confidentialSoundingIds: [secret.id], confidentialFearIds: [] } }]);
      } finally {
        await own.close();
      }
    });
  });
});
