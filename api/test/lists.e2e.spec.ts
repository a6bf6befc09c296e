import {
  COMMITMENT_LEVELS,
  commitmentGap,
  FILTER_VALUES_MAX,
  SAVED_VIEWS_MAX,
  type AccountExport,
  type MeetingListItem,
  type MeetingReadiness,
  type Page,
  type SavedView,
  type Stakeholder,
} from '@soundings/shared';
import { expectRefused } from './expectations';
import { createStakeholder, daysAgo, daysAhead, logSounding } from './factories';
import { startTestApp, TestApp } from './test-app';

const UNKNOWN = '0b8e6f7e-2a55-4c1c-9a57-3c1f3e0c7a10';

describe('the lists people expect', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const names = (page: Page<Stakeholder>) => page.items.map((person) => person.name);
  const list = async (query: string) => (await t.http.get(`/api/stakeholders?${query}`).expect(200)).body as Page<Stakeholder>;

  describe('stakeholders: several values per filter, sorted by gap or influence', () => {
    beforeAll(async () => {
      await createStakeholder(t.http, { name: 'Filter Ada', role: 'top_team', businessFunction: 'Finance', requiredCommitment: 'committed', influence: 2 });
      await createStakeholder(t.http, { name: 'Filter Bo', role: 'hr', businessFunction: 'IT', requiredCommitment: 'public_champion', influence: 5 });
      await createStakeholder(t.http, { name: 'Filter Cy', role: 'line_manager', businessFunction: 'sales', requiredCommitment: 'supportive', influence: 4 });
      const dee = await createStakeholder(t.http, { name: 'Filter Dee', role: 'top_team', businessFunction: 'Sales', requiredCommitment: 'open' });
      await logSounding(t.http, dee.id, { commitmentAfter: 'supportive', heldOn: daysAgo(2) });
    });

    it('pages a search sorted by name either way, and a two-letter search the same as a longer one', async () => {
      expect(names(await list('q=filter&sort=-name&pageSize=2&page=2'))).toEqual(['Filter Bo', 'Filter Ada']);
      expect(names(await list('q=filter&sort=name&pageSize=2&page=2'))).toEqual(['Filter Cy', 'Filter Dee']);
      expect(names(await list('q=fi&role=top_team&sort=-name'))).toEqual(names(await list('q=filter&role=top_team&sort=-name')));
    });

    it('matches anyone with any of the values of a filter, and every filter at once', async () => {
      expect(names(await list('q=filter&role=top_team&role=hr&sort=name'))).toEqual(['Filter Ada', 'Filter Bo', 'Filter Dee']);
      // Functions ignore case; a single value still works as before.
      expect(names(await list('q=filter&businessFunction=SALES&businessFunction=it&sort=name'))).toEqual(['Filter Bo', 'Filter Cy', 'Filter Dee']);
      expect(names(await list('q=filter&role=top_team'))).toEqual(['Filter Ada', 'Filter Dee']);
      expect(names(await list('q=filter&commitment=supportive&commitment=open'))).toEqual(['Filter Dee']);
      expect(names(await list('q=filter&role=top_team&role=line_manager&businessFunction=Sales'))).toEqual(['Filter Cy', 'Filter Dee']);
      expect(names(await list('q=filter&contact=never&contact=overdue&sort=name'))).toEqual(['Filter Ada', 'Filter Bo', 'Filter Cy']);
      expect(names(await list('q=filter&contact=on_track'))).toEqual(['Filter Dee']);
      expect((await list('q=filter&role=top_team&role=hr')).total).toBe(3);
    });

    it('sorts by the gap to the required level, furthest first, and by influence, most influential first', async () => {
      // Bo needs five steps, Ada four, Cy three; Dee, supportive, already stands above "open".
      expect(names(await list('q=filter&sort=-gap'))).toEqual(['Filter Bo', 'Filter Ada', 'Filter Cy', 'Filter Dee']);
      expect((await list('q=filter&sort=-gap')).items.map((person) => person.commitmentGap)).toEqual([5, 4, 3, 0]);
      // No influence recorded sorts last.
      expect(names(await list('q=filter&sort=-influence'))).toEqual(['Filter Bo', 'Filter Cy', 'Filter Ada', 'Filter Dee']);
    });

    it('refuses a bad value, naming its place, and more values than a filter holds, with 400s', async () => {
      expectRefused(await t.http.get('/api/stakeholders?role=top_team&role=chief'), 400, 'role.1');
      expectRefused(await t.http.get('/api/stakeholders?commitment=keen'), 400, 'commitment');
      expectRefused(await t.http.get('/api/stakeholders?contact=cold'), 400, 'contact');
      expectRefused(await t.http.get('/api/stakeholders?sort=gap'), 400, 'sort');
      const many = Array.from({ length: FILTER_VALUES_MAX + 1 }, (_, i) => `businessFunction=F${i}`).join('&');
      expectRefused(await t.http.get(`/api/stakeholders?${many}`), 400, 'businessFunction');
      expectRefused(await t.http.get(`/api/stakeholders?businessFunction=${'x'.repeat(201)}`), 400, 'businessFunction');
      expectRefused(await t.http.get('/api/stakeholders?businessFunction=%E2%80%AEevil'), 400, 'businessFunction');
    });

    it('computes the gap in SQL exactly as the shared rule does, for every pair of levels', async () => {
      const levels = [...COMMITMENT_LEVELS, null];
      const { rows } = await t.db.query(
        `SELECT c AS current, r AS required, commitment_gap(c, r) AS gap
           FROM unnest($1::text[]) c CROSS JOIN unnest($2::text[]) r`,
        [COMMITMENT_LEVELS, levels],
      );
      expect(rows).toHaveLength(COMMITMENT_LEVELS.length * levels.length);
      for (const row of rows) expect([row.current, row.required, row.gap]).toEqual([row.current, row.required, commitmentGap(row.current, row.required)]);
    });

    it('walks an index for each new sort rather than sorting everyone, with a page of 20,000 people', async () => {
      await t.db.query(
        `INSERT INTO stakeholders (name, role, commitment, required_commitment, influence, search_text)
         SELECT 'Bulk ' || i, 'senior_leader', (ARRAY['not_sounded','sounded','open','supportive'])[1 + i % 4],
                (ARRAY['committed','supportive',NULL])[1 + i % 3], 1 + i % 5, 'bulk ' || i
           FROM generate_series(1, 20000) i`,
      );
      await t.db.query('ANALYZE stakeholders');
      for (const [order, index] of [
        ['commitment_gap(s.commitment, s.required_commitment) DESC, lower(s.name) ASC, s.id ASC', 'stakeholders_gap_sort'],
        ['s.influence DESC NULLS LAST, lower(s.name) ASC, s.id ASC', 'stakeholders_influence_sort'],
      ]) {
        const { rows } = await t.db.query(`EXPLAIN SELECT s.id FROM stakeholders s ORDER BY ${order} LIMIT 50`);
        const plan = rows.map((row) => row['QUERY PLAN']).join('\n');
        expect(plan).toContain(index);
        expect(plan).not.toMatch(/\bSort\b/);
      }
      const page = await list('sort=-gap&pageSize=50');
      expect(page.total).toBeGreaterThan(20_000);
      expect(page.items[0].commitmentGap).toBe(5);
      await t.db.query(`DELETE FROM stakeholders WHERE name LIKE 'Bulk %'`);
    }, 180_000);
  });

  describe('meetings list with readiness', () => {
    it("counts each meeting's room as its own readiness does, with a ready or not-ready verdict", async () => {
      const onBoard = await createStakeholder(t.http, { name: 'Room Ana', requiredCommitment: 'supportive' });
      await logSounding(t.http, onBoard.id, { commitmentAfter: 'committed', heldOn: daysAgo(3) });
      const below = await createStakeholder(t.http, { name: 'Room Ben', requiredCommitment: 'committed' });
      await logSounding(t.http, below.id, { commitmentAfter: 'open', heldOn: daysAgo(3) });
      const resistant = await createStakeholder(t.http, { name: 'Room Cat' });
      await logSounding(t.http, resistant.id, { commitmentAfter: 'resistant', heldOn: daysAgo(3) });
      const never = await createStakeholder(t.http, { name: 'Room Dan', requiredCommitment: 'open' });

      const create = async (title: string, attendeeIds: string[]) =>
        (await t.http.post('/api/meetings').send({ title, scheduledFor: `${daysAhead(10)}T09:00:00Z`, attendeeIds }).expect(201)).body.id as string;
      const mixed = await create('Mixed room', [onBoard.id, below.id, resistant.id, never.id]);
      const ready = await create('Ready room', [onBoard.id]);
      const empty = await create('Empty room', []);

      const items = (await t.http.get('/api/meetings?pageSize=100').expect(200)).body.items as MeetingListItem[];
      const byId = new Map(items.map((item) => [item.id, item]));
      expect(byId.get(mixed)!.readiness).toEqual({ attendees: 4, onBoard: 1, atRequired: 1, withRequired: 3, notSounded: 1, resistant: 1, verdict: 'not_ready' });
      expect(byId.get(ready)!.readiness).toEqual({ attendees: 1, onBoard: 1, atRequired: 1, withRequired: 1, notSounded: 0, resistant: 0, verdict: 'ready' });
      expect(byId.get(empty)!.readiness.verdict).toBe('no_attendees');

      const own = (await t.http.get(`/api/meetings/${mixed}/readiness`).expect(200)).body as MeetingReadiness;
      const { openFears: _fears, ...summary } = own.summary;
      expect(byId.get(mixed)!.readiness).toEqual(summary);
      expect(own.attendees.map((row) => [row.stakeholder.name, row.requiredCommitment, row.commitmentGap])).toEqual([
        ['Room Ana', 'supportive', 0],
        ['Room Ben', 'committed', 2],
        ['Room Cat', null, 0],
        ['Room Dan', 'open', 2],
      ]);
    });
  });

  describe('saved views', () => {
    const filters = { q: 'Nadia Ferreira', role: ['top_team', 'hr'], commitment: ['open'], businessFunction: ['Finance'], contact: ['due', 'never'], cooling: true, sort: '-gap' };

    it('saves, lists, renames, replaces and deletes a view of the list for its owner alone, audited without its words', async () => {
      const created = (await t.http.post('/api/saved-views').send({ name: '  Top team to win  ', filters }).expect(201)).body as SavedView;
      expect(created).toEqual({ id: expect.any(String), name: 'Top team to win', filters, createdAt: expect.any(String), updatedAt: expect.any(String), version: 1 });
      await t.http.post('/api/saved-views').send({ name: 'A first look', filters: { sort: 'name', role: [] } }).expect(201);
      const mine = (await t.http.get('/api/saved-views').expect(200)).body as SavedView[];
      expect(mine.map((view) => [view.name, view.filters])).toEqual([
        ['A first look', { sort: 'name' }],
        ['Top team to win', filters],
      ]);

      // Someone else sees none of them, and cannot change or delete them.
      const other = await t.as('viewer');
      expect((await other.http.get('/api/saved-views').expect(200)).body).toEqual([]);
      expectRefused(await other.http.patch(`/api/saved-views/${created.id}`).send({ name: 'Mine now', version: 1 }), 404);
      expectRefused(await other.http.delete(`/api/saved-views/${created.id}`), 404);
      // A viewer keeps views of their own.
      await other.http.post('/api/saved-views').send({ name: 'Top team to win', filters: { role: ['top_team'] } }).expect(201);

      const renamed = (await t.http.patch(`/api/saved-views/${created.id}`).send({ name: 'Top team, furthest first', version: 1 }).expect(200)).body as SavedView;
      expect(renamed).toMatchObject({ name: 'Top team, furthest first', filters, version: 2 });
      const replaced = (await t.http.patch(`/api/saved-views/${created.id}`).set('If-Match', '2').send({ filters: { role: ['hr'] } }).expect(200)).body as SavedView;
      expect(replaced).toMatchObject({ filters: { role: ['hr'] }, version: 3 });
      const stale = await t.http.patch(`/api/saved-views/${created.id}`).send({ name: 'Stale', version: 1 });
      expectRefused(stale, 409);
      expect(stale.body.current).toMatchObject({ name: 'Top team, furthest first', version: 3 });

      await t.http.delete(`/api/saved-views/${created.id}`).expect(204);
      expectRefused(await t.http.delete(`/api/saved-views/${created.id}`), 404);

      const { rows } = await t.db.query(`SELECT action, before, after FROM audit_log WHERE entity_id = $1 ORDER BY id`, [created.id]);
      expect(rows.map((row) => row.action)).toEqual(['saved_view.create', 'saved_view.update', 'saved_view.update', 'saved_view.delete']);
      expect(JSON.stringify(rows)).not.toContain('Nadia');
      expect(JSON.stringify(rows)).not.toContain('Top team');
      expect(rows[0].after).toEqual({ changedFields: ['filters', 'name'] });
    });

    it('refuses a second view of the same name, whatever the case, and more than an account keeps, with 409s', async () => {
      const owner = await t.as('practitioner');
      await owner.http.post('/api/saved-views').send({ name: 'Cooling champions', filters: { cooling: true } }).expect(201);
      expectRefused(await owner.http.post('/api/saved-views').send({ name: 'cooling CHAMPIONS', filters: {} }), 409, 'name');
      for (let i = 1; i < SAVED_VIEWS_MAX; i++) await owner.http.post('/api/saved-views').send({ name: `View ${i}`, filters: {} }).expect(201);
      expectRefused(await owner.http.post('/api/saved-views').send({ name: 'One too many', filters: {} }), 409, 'name');
    }, 60_000);

    it('refuses bad input with 400s naming the field, and stores nothing', async () => {
      const bad: [unknown, string][] = [
        [{ name: '', filters: {} }, 'name'],
        [{ name: 'x'.repeat(81), filters: {} }, 'name'],
        [{ filters: {} }, 'name'],
        [{ name: 'No filters' }, 'filters'],
        [{ name: 'List', filters: [] }, 'filters'],
        [{ name: 'Role', filters: { role: ['chief'] } }, 'filters.role.0'],
        [{ name: 'Role text', filters: { role: 'top_team' } }, 'filters.role'],
        [{ name: 'Sort', filters: { sort: 'height' } }, 'filters.sort'],
        [{ name: 'Page', filters: { page: 2 } }, 'filters.page'],
        [{ name: 'Cooling', filters: { cooling: 'yes' } }, 'filters.cooling'],
        [{ name: 'Extra', filters: {}, colour: 'blue' }, 'colour'],
        [{ name: 'Nul\u0000', filters: {} }, 'name'],
      ];
      const before = (await t.db.query(`SELECT count(*)::int AS n FROM saved_views`)).rows[0].n;
      for (const [body, field] of bad) expectRefused(await t.http.post('/api/saved-views').send(body as object), 400, field);
      expectRefused(await t.http.patch(`/api/saved-views/not-an-id`).send({ name: 'x', version: 1 }), 400, 'id');
      expectRefused(await t.http.patch(`/api/saved-views/${UNKNOWN}`).send({ name: 'x', version: 1 }), 404);
      expect((await t.db.query(`SELECT count(*)::int AS n FROM saved_views`)).rows[0].n).toBe(before);
    });

    it("gives an account its own data, saved views included, and records that it was exported", async () => {
      const owner = await t.as('viewer');
      await owner.http.post('/api/saved-views').send({ name: 'My people', filters: { role: ['top_team'], sort: '-influence' } }).expect(201);
      const exported = (await owner.http.get('/api/account/export').expect(200)).body as AccountExport;
      expect(exported.account).toMatchObject({ id: owner.id, email: owner.email, role: 'viewer' });
      expect(exported.savedViews.map((view) => [view.name, view.filters])).toEqual([['My people', { role: ['top_team'], sort: '-influence' }]]);
      const { rows } = await t.db.query(`SELECT action, after FROM audit_log WHERE entity_id = $1 AND action = 'account.export'`, [owner.id]);
      expect(rows).toEqual([{ action: 'account.export', after: { savedViews: 1, heldForRestore: 0 } }]);
    });

    it("replaces an erased person's name where a view is named after them or searches for them", async () => {
      const person = await createStakeholder(t.http, { name: 'Tomasz Wren' });
      const view = (await t.http.post('/api/saved-views').send({ name: 'Tomasz Wren and peers', filters: { q: 'Tomasz Wren', sort: 'name' } }).expect(201)).body as SavedView;
      const admin = await t.as('admin');
      await admin.http.post(`/api/stakeholders/${person.id}/erase`).expect(200);
      const after = ((await t.http.get('/api/saved-views').expect(200)).body as SavedView[]).find((v) => v.id === view.id)!;
      expect(after.name).not.toContain('Tomasz');
      expect(after.filters.q).not.toContain('Tomasz');
      expect(after.filters.sort).toBe('name');
      expect(after.version).toBe(2);
    });
  });
});
