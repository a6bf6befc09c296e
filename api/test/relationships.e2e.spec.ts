import type { Relationship, RelationshipMatrix, Stakeholder } from '@soundings/shared';
import type TestAgent from 'supertest/lib/agent';
import { createStakeholder } from './factories';
import { expectRefused } from './expectations';
import { startTestApp, TestApp } from './test-app';

const UNKNOWN = '7d4a9a52-8f39-4c55-9d0c-3b0d5f0b8f11';

describe('relationship owners: who on our side holds the relationship with each person', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<TestApp['as']>>;
  let viewer: Awaited<ReturnType<TestApp['as']>>;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as('admin');
    viewer = await t.as('viewer');
  });
  afterAll(() => t.close());

  async function hold(http: TestAgent, body: Record<string, unknown>): Promise<Relationship> {
    const response = await http.post('/api/relationships').send({ quality: 'strong', ...body });
    if (response.status !== 201) throw new Error(`hold: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  async function account(displayName: string | null, role: 'practitioner' | 'viewer' | 'admin' = 'practitioner') {
    const created = await t.as(role);
    await t.db.query(`UPDATE users SET display_name = $2 WHERE id = $1`, [created.id, displayName]);
    return created;
  }

  const rows = async (sql: string, params: unknown[] = []) => (await t.db.query(sql, params)).rows;

  describe('create, read, update, delete', () => {
    it('records a champion holding the relationship with a person, and reads it back', async () => {
      const person = await createStakeholder(t.http, { name: 'Dana Okafor', role: 'top_team', businessFunction: 'Finance', requiredCommitment: 'committed' });
      const champion = await createStakeholder(t.http, { name: 'Sam Patel', role: 'line_manager', potentialChampion: true });
      const created = await hold(t.http, { stakeholderId: person.id, holderStakeholderId: champion.id, quality: 'building', note: 'Worked together on the audit' });
      expect(created).toEqual({
        id: expect.any(String),
        stakeholder: {
          id: person.id,
          name: 'Dana Okafor',
          title: null,
          role: 'top_team',
          businessFunction: 'Finance',
          potentialChampion: false,
          commitment: 'not_sounded',
          requiredCommitment: 'committed',
          onBoard: false,
        },
        holder: { type: 'champion', id: champion.id, name: 'Sam Patel', commitment: 'not_sounded' },
        quality: 'building',
        note: 'Worked together on the audit',
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        version: 1,
      });
      expect((await viewer.http.get(`/api/relationships/${created.id}`).expect(200)).body).toEqual(created);
    });

    it('names an account holder by its display name, else by its email', async () => {
      const person = await createStakeholder(t.http);
      const named = await account('Hana Lead');
      const unnamed = await account(null);
      const blank = await account('   ');
      expect((await hold(t.http, { stakeholderId: person.id, holderUserId: named.id })).holder).toEqual({ type: 'account', id: named.id, name: 'Hana Lead', commitment: null });
      expect((await hold(t.http, { stakeholderId: person.id, holderUserId: unnamed.id.toUpperCase() })).holder).toEqual({
        type: 'account',
        id: unnamed.id,
        name: unnamed.email,
        commitment: null,
      });
      expect((await hold(t.http, { stakeholderId: person.id, holderUserId: blank.id })).holder.name).toBe(blank.email);
    });

    it('lists by person, champions before accounts, filtered by person, holder and quality', async () => {
      const person = await createStakeholder(t.http, { name: 'Aaron Listed' });
      const other = await createStakeholder(t.http, { name: 'Zora Listed' });
      const zed = await createStakeholder(t.http, { name: 'Zed Champion' });
      const amy = await createStakeholder(t.http, { name: 'Amy Champion' });
      const hr = await account('Aardvark HR');
      const a = await hold(t.http, { stakeholderId: person.id, holderUserId: hr.id, quality: 'strong' });
      const b = await hold(t.http, { stakeholderId: person.id, holderStakeholderId: zed.id, quality: 'avoid' });
      const c = await hold(t.http, { stakeholderId: person.id, holderStakeholderId: amy.id, quality: 'building' });
      const d = await hold(t.http, { stakeholderId: other.id, holderStakeholderId: zed.id, quality: 'strong' });
      const ids = async (query: string) => ((await viewer.http.get(`/api/relationships${query}`).expect(200)).body.items as Relationship[]).map((r) => r.id);

      expect(await ids(`?stakeholderId=${person.id}`)).toEqual([c.id, b.id, a.id]);
      expect(await ids(`?holderStakeholderId=${zed.id}`)).toEqual([b.id, d.id]);
      expect(await ids(`?holderUserId=${hr.id}`)).toEqual([a.id]);
      expect(await ids(`?holderStakeholderId=${zed.id}&quality=strong`)).toEqual([d.id]);
      const page = (await t.http.get(`/api/relationships?stakeholderId=${person.id}&pageSize=2&page=2`).expect(200)).body;
      expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 });
      expect(page.items.map((r: Relationship) => r.id)).toEqual([a.id]);
    });

    it('changes the quality and the note with the version loaded, and refuses a stale one with the current record', async () => {
      const person = await createStakeholder(t.http);
      const champion = await createStakeholder(t.http);
      const created = await hold(t.http, { stakeholderId: person.id, holderStakeholderId: champion.id, quality: 'building', note: 'Early days' });
      const updated = (await t.http.patch(`/api/relationships/${created.id}`).send({ quality: 'strong', note: null, version: 1 }).expect(200)).body as Relationship;
      expect(updated).toMatchObject({ quality: 'strong', note: null, version: 2, holder: { id: champion.id } });
      const viaHeader = (await t.http.patch(`/api/relationships/${created.id}`).set('If-Match', '2').send({ note: 'Trusted now' }).expect(200)).body;
      expect(viaHeader).toMatchObject({ quality: 'strong', note: 'Trusted now', version: 3 });
      const stale = await t.http.patch(`/api/relationships/${created.id}`).send({ quality: 'avoid', version: 1 }).expect(409);
      expect(stale.body).toMatchObject({ code: 'version_conflict', current: { id: created.id, quality: 'strong', version: 3 } });
      await t.http.patch(`/api/relationships/${created.id}`).send({ quality: 'avoid' }).expect(428);
      expect((await t.http.get(`/api/relationships/${created.id}`).expect(200)).body.version).toBe(3);
    });

    it('deletes, then answers 404', async () => {
      const created = await hold(t.http, { stakeholderId: (await createStakeholder(t.http)).id, holderStakeholderId: (await createStakeholder(t.http)).id });
      await t.http.delete(`/api/relationships/${created.id}`).expect(204);
      await t.http.get(`/api/relationships/${created.id}`).expect(404);
      await t.http.delete(`/api/relationships/${created.id}`).expect(404);
      await t.http.patch(`/api/relationships/${created.id}`).send({ quality: 'strong', version: 1 }).expect(404);
    });

    it('audits every write with the person it is about, naming the note rather than copying it', async () => {
      const person = await createStakeholder(t.http);
      const champion = await createStakeholder(t.http);
      const created = await hold(t.http, { stakeholderId: person.id, holderStakeholderId: champion.id, quality: 'building', note: 'They sail together (kumquat)' });
      await t.http.patch(`/api/relationships/${created.id}`).send({ note: 'Now the kumquat regatta', version: 1 }).expect(200);
      await t.http.patch(`/api/relationships/${created.id}`).send({ quality: 'avoid', version: 2 }).expect(200);
      await t.http.delete(`/api/relationships/${created.id}`).expect(204);
      const safe = { stakeholderId: person.id, holderType: 'champion', holderId: champion.id };
      expect(
        await rows(`SELECT action, actor_id, stakeholder_id, before, after FROM audit_log WHERE entity_type = 'relationship' AND entity_id = $1 ORDER BY id`, [created.id]),
      ).toEqual([
        { action: 'relationship.create', actor_id: t.user.id, stakeholder_id: person.id, before: null, after: { ...safe, quality: 'building', changedFields: ['note'] } },
        {
          action: 'relationship.update',
          actor_id: t.user.id,
          stakeholder_id: person.id,
          before: { ...safe, quality: 'building' },
          after: { ...safe, quality: 'building', changedFields: ['note'] },
        },
        { action: 'relationship.update', actor_id: t.user.id, stakeholder_id: person.id, before: { ...safe, quality: 'building' }, after: { ...safe, quality: 'avoid' } },
        // A deleted relationship had a note: named, not copied.
        { action: 'relationship.delete', actor_id: t.user.id, stakeholder_id: person.id, before: { ...safe, quality: 'avoid', changedFields: ['note'] }, after: null },
      ]);
      expect((await rows(`SELECT count(*)::int AS n FROM audit_log WHERE before::text ILIKE '%kumquat%' OR after::text ILIKE '%kumquat%'`))[0].n).toBe(0);
    });
  });

  describe('bad input: a clear 4xx and nothing stored', () => {
    let person: Stakeholder;
    let champion: Stakeholder;
    let hr: Awaited<ReturnType<typeof account>>;
    let stored: number;

    beforeAll(async () => {
      person = await createStakeholder(t.http, { name: 'Refusal Subject' });
      champion = await createStakeholder(t.http, { name: 'Refusal Champion' });
      hr = await account('Refusal HR');
    });
    beforeEach(async () => {
      stored = (await rows(`SELECT count(*)::int AS n FROM relationships`))[0].n;
    });
    afterEach(async () => {
      expect((await rows(`SELECT count(*)::int AS n FROM relationships`))[0].n).toBe(stored);
    });

    it.each([
      ['both holders at once', () => ({ stakeholderId: person.id, holderUserId: hr.id, holderStakeholderId: champion.id }), ['holderUserId', 'holderStakeholderId']],
      ['no holder', () => ({ stakeholderId: person.id }), ['holderUserId', 'holderStakeholderId']],
      ['two null holders', () => ({ stakeholderId: person.id, holderUserId: null, holderStakeholderId: null }), ['holderUserId', 'holderStakeholderId']],
      ['a champion holding a relationship with themselves', () => ({ stakeholderId: person.id, holderStakeholderId: person.id }), ['holderStakeholderId']],
      ['an unknown person', () => ({ stakeholderId: UNKNOWN, holderStakeholderId: champion.id }), ['stakeholderId']],
      ['an unknown champion', () => ({ stakeholderId: person.id, holderStakeholderId: UNKNOWN }), ['holderStakeholderId']],
      ['an unknown account', () => ({ stakeholderId: person.id, holderUserId: UNKNOWN }), ['holderUserId']],
      ['no person', () => ({ holderStakeholderId: champion.id }), ['stakeholderId']],
      ['a person id that is not a UUID', () => ({ stakeholderId: 'dana', holderStakeholderId: champion.id }), ['stakeholderId']],
      ['an account id that is not a UUID', () => ({ stakeholderId: person.id, holderUserId: 42 }), ['holderUserId']],
      ['an unknown quality', () => ({ stakeholderId: person.id, holderStakeholderId: champion.id, quality: 'excellent' }), ['quality']],
      ['no quality', () => ({ stakeholderId: person.id, holderStakeholderId: champion.id, quality: undefined }), ['quality']],
      ['a null quality', () => ({ stakeholderId: person.id, holderStakeholderId: champion.id, quality: null }), ['quality']],
      ['a note with a NUL', () => ({ stakeholderId: person.id, holderStakeholderId: champion.id, note: 'a\u0000b' }), ['note']],
      ['a note that is too long', () => ({ stakeholderId: person.id, holderStakeholderId: champion.id, note: 'x'.repeat(20_001) }), ['note']],
      ['a note that is not text', () => ({ stakeholderId: person.id, holderStakeholderId: champion.id, note: ['x'] }), ['note']],
      ['an unknown field', () => ({ stakeholderId: person.id, holderStakeholderId: champion.id, strength: 3 }), ['strength']],
    ])('POST refuses %s with 400, naming the fields', async (_label, body, fields) => {
      const response = await t.http.post('/api/relationships').send({ quality: 'strong', ...body() });
      expectRefused(response, 400);
      expect(response.body.fields.map((f: { field: string }) => f.field)).toEqual(fields);
    });

    it('refuses a deactivated account as a holder, saying why', async () => {
      const gone = await account('Gone HR');
      await t.db.query(`UPDATE users SET active = false WHERE id = $1`, [gone.id]);
      const response = await t.http.post('/api/relationships').send({ stakeholderId: person.id, holderUserId: gone.id, quality: 'strong' });
      expectRefused(response, 400, 'holderUserId');
      expect(response.body.message).toMatch(/deactivated account/);
    });

    it('refuses a second relationship between the same person and the same holder with 409 conflict, in words, with the one there is', async () => {
      const first = await hold(t.http, { stakeholderId: person.id, holderStakeholderId: champion.id, quality: 'building' });
      const byAccount = await hold(t.http, { stakeholderId: person.id, holderUserId: hr.id, quality: 'strong' });
      stored += 2;
      const again = await t.http.post('/api/relationships').send({ stakeholderId: person.id, holderStakeholderId: champion.id, quality: 'avoid' });
      expectRefused(again, 409);
      expect(again.body).toMatchObject({
        code: 'conflict',
        message: 'Refusal Champion already holds the relationship with Refusal Subject (building). Change that one instead of adding another.',
        current: { id: first.id },
      });
      const accountAgain = await t.http.post('/api/relationships').send({ stakeholderId: person.id, holderUserId: hr.id.toUpperCase(), quality: 'building' });
      expect(accountAgain.status).toBe(409);
      expect(accountAgain.body).toMatchObject({ code: 'conflict', message: expect.stringContaining('Refusal HR already holds the relationship with Refusal Subject'), current: { id: byAccount.id } });
    });

    it('lets only one of simultaneous identical creates through; the rest get 409, never a 500', async () => {
      const holder = await createStakeholder(t.http);
      const responses = await Promise.all(
        Array.from({ length: 5 }, () => t.http.post('/api/relationships').send({ stakeholderId: person.id, holderStakeholderId: holder.id, quality: 'strong' })),
      );
      expect(responses.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409]);
      stored += 1;
    });

    it.each([
      ['an unknown quality', { quality: 'great', version: 1 }, 'quality'],
      ['a null quality', { quality: null, version: 1 }, 'quality'],
      ['a new holder (the holder is who the relationship is)', { holderStakeholderId: UNKNOWN, version: 1 }, 'holderStakeholderId'],
      ['a new person', { stakeholderId: UNKNOWN, version: 1 }, 'stakeholderId'],
      ['a version that is not a whole number', { quality: 'strong', version: 'one' }, 'version'],
    ])('PATCH refuses %s with 400', async (_label, body, field) => {
      const existing = (await t.http.get(`/api/relationships?stakeholderId=${person.id}`).expect(200)).body.items[0] as Relationship;
      expectRefused(await t.http.patch(`/api/relationships/${existing.id}`).send(body), 400, field);
    });

    it('answers 400 for ids that are not UUIDs and 404 for unknown ones', async () => {
      expectRefused(await t.http.get('/api/relationships/not-an-id'), 400, 'id');
      expectRefused(await t.http.get(`/api/relationships/${UNKNOWN}`), 404);
      expectRefused(await t.http.get('/api/relationships?stakeholderId=dana'), 400, 'stakeholderId');
      expectRefused(await t.http.get('/api/relationships?quality=great'), 400, 'quality');
      expectRefused(await t.http.get('/api/relationships?pageSize=1000'), 400, 'pageSize');
    });
  });

  describe('erased people', () => {
    it('refuses any relationship with, or held by, an erased person with 409 stakeholder_erased', async () => {
      const person = await createStakeholder(t.http);
      const champion = await createStakeholder(t.http);
      const erased = await createStakeholder(t.http);
      await admin.http.post(`/api/stakeholders/${erased.id}/erase`).expect(200);
      expect((await t.http.post('/api/relationships').send({ stakeholderId: erased.id, holderStakeholderId: champion.id, quality: 'strong' }).expect(409)).body.code).toBe(
        'stakeholder_erased',
      );
      expect((await t.http.post('/api/relationships').send({ stakeholderId: person.id, holderStakeholderId: erased.id, quality: 'strong' }).expect(409)).body.code).toBe(
        'stakeholder_erased',
      );
      expect((await t.http.post('/api/relationships').send({ stakeholderId: erased.id, holderUserId: t.user.id, quality: 'strong' }).expect(409)).body.code).toBe(
        'stakeholder_erased',
      );
    });
  });

  describe('roles', () => {
    it('lets viewers read but not write; practitioners and admins write', async () => {
      const person = await createStakeholder(t.http);
      const champion = await createStakeholder(t.http);
      const body = { stakeholderId: person.id, holderStakeholderId: champion.id, quality: 'strong' };
      expectRefused(await viewer.http.post('/api/relationships').send(body), 403);
      const byAdmin = await hold(admin.http, body);
      await viewer.http.get('/api/relationships').expect(200);
      await viewer.http.get('/api/relationships/matrix').expect(200);
      await viewer.http.get('/api/relationships/holder-accounts').expect(200);
      expectRefused(await viewer.http.patch(`/api/relationships/${byAdmin.id}`).send({ quality: 'avoid', version: 1 }), 403);
      expectRefused(await viewer.http.delete(`/api/relationships/${byAdmin.id}`), 403);
      await t.http.patch(`/api/relationships/${byAdmin.id}`).send({ quality: 'avoid', version: 1 }).expect(200);
      await t.http.delete(`/api/relationships/${byAdmin.id}`).expect(204);
      await t.http.get('/api/relationships').set('Authorization', '').expect(401);
    });
  });

  describe('accounts as holders', () => {
    it('offers every active account by name as a holder, and none deactivated', async () => {
      const zed = await account('Zed Offered');
      const gone = await account('Gone Offered');
      await t.db.query(`UPDATE users SET active = false WHERE id = $1`, [gone.id]);
      const offered = (await t.http.get('/api/relationships/holder-accounts').expect(200)).body as { id: string; name: string; type: string }[];
      expect(offered.find((holder) => holder.id === zed.id)).toEqual({ type: 'account', id: zed.id, name: 'Zed Offered', commitment: null });
      expect(offered.some((holder) => holder.id === gone.id)).toBe(false);
      const names = offered.map((holder) => holder.name.toLowerCase());
      expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en')));
    });

    it('keeps what a deactivated account held, and removes it with the account (the matrix follows)', async () => {
      const member = await createStakeholder(t.http, { role: 'top_team' });
      const hr = await account('Leaving HR');
      const held = await hold(t.http, { stakeholderId: member.id, holderUserId: hr.id, quality: 'strong' });
      await admin.http.patch(`/api/users/${hr.id}`).send({ active: false, version: 1 }).expect(200);
      expect((await t.http.get(`/api/relationships/${held.id}`).expect(200)).body.holder.name).toBe('Leaving HR');
      await t.db.query(`DELETE FROM users WHERE id = $1`, [hr.id]);
      await t.http.get(`/api/relationships/${held.id}`).expect(404);
      const matrix = (await t.http.get('/api/relationships/matrix').expect(200)).body as RelationshipMatrix;
      expect(matrix.holders.some((holder) => holder.id === hr.id)).toBe(false);
      expect(matrix.cells.some((cell) => cell.relationshipId === held.id)).toBe(false);
    });
  });

  describe('GET /api/relationships/matrix', () => {
    it('puts the top team by name against champions then HR accounts by name, each cell a relationship with a member', async () => {
      const own = await startTestApp();
      try {
        const ownAdmin = await own.as('admin');
        const person = (name: string, extra: Record<string, unknown> = {}) => createStakeholder(own.http, { name, ...extra });
        const zoe = await person('Zoë Member', { role: 'top_team', requiredCommitment: 'committed' });
        const adam = await person('adam Member', { role: 'top_team' });
        const erasedMember = await person('Erased Member', { role: 'top_team' });
        const notTop = await person('Senior Not Top', { role: 'senior_leader' });
        const quiet = await person('Quiet Champion', { role: 'line_manager', potentialChampion: true });
        const bea = await person('Bea Holder', { role: 'line_manager' });
        const idle = await person('Idle Person', { role: 'line_manager' });
        const [hrZ, hrA] = [await own.as('practitioner'), await own.as('practitioner')];
        await own.db.query(`UPDATE users SET display_name = 'Zara HR' WHERE id = $1`, [hrZ.id]);
        await own.db.query(`UPDATE users SET display_name = 'Abe HR' WHERE id = $1`, [hrA.id]);
        const post = async (body: Record<string, unknown>) => (await own.http.post('/api/relationships').send(body).expect(201)).body as Relationship;

        const zoeBea = await post({ stakeholderId: zoe.id, holderStakeholderId: bea.id, quality: 'strong', note: 'Old colleagues' });
        const adamBea = await post({ stakeholderId: adam.id, holderStakeholderId: bea.id, quality: 'avoid' });
        const zoeHr = await post({ stakeholderId: zoe.id, holderUserId: hrZ.id, quality: 'building' });
        const adamZoe = await post({ stakeholderId: adam.id, holderStakeholderId: zoe.id, quality: 'strong' });
        // Not with a top-team member: Abe holds a column, but this is no cell.
        await post({ stakeholderId: notTop.id, holderUserId: hrA.id, quality: 'strong' });
        await post({ stakeholderId: erasedMember.id, holderStakeholderId: idle.id, quality: 'strong' });
        await ownAdmin.http.post(`/api/stakeholders/${erasedMember.id}/erase`).expect(200);

        const matrix = (await own.http.get('/api/relationships/matrix').expect(200)).body as RelationshipMatrix;
        expect(matrix.members.map((member) => member.name)).toEqual(['adam Member', 'Zoë Member']);
        expect(matrix.members[1]).toMatchObject({ id: zoe.id, role: 'top_team', commitment: 'not_sounded', requiredCommitment: 'committed', onBoard: false });
        expect(matrix.holders.map((holder) => `${holder.type}:${holder.name}`)).toEqual([
          'champion:Bea Holder',
          'champion:Quiet Champion',
          'champion:Zoë Member',
          'account:Abe HR',
          'account:Zara HR',
        ]);
        expect(matrix.holders.find((holder) => holder.id === quiet.id)).toEqual({ type: 'champion', id: quiet.id, name: 'Quiet Champion', commitment: 'not_sounded' });
        const cell = (id: string) => matrix.cells.find((c) => c.relationshipId === id);
        expect(matrix.cells).toHaveLength(4);
        expect(cell(zoeBea.id)).toEqual({ relationshipId: zoeBea.id, stakeholderId: zoe.id, holderType: 'champion', holderId: bea.id, quality: 'strong', note: 'Old colleagues', version: 1 });
        expect(cell(zoeHr.id)).toEqual({ relationshipId: zoeHr.id, stakeholderId: zoe.id, holderType: 'account', holderId: hrZ.id, quality: 'building', note: null, version: 1 });
        expect(cell(adamBea.id)?.quality).toBe('avoid');
        expect(cell(adamZoe.id)).toMatchObject({ stakeholderId: adam.id, holderId: zoe.id });
        // Idle's only relationship went with the erased member; nobody else holds one or is a potential champion.
        expect(matrix.holders.some((holder) => holder.id === idle.id)).toBe(false);
      } finally {
        await own.close();
      }
    });
  });
});
