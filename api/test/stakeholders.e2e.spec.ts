import type { Stakeholder } from '@soundings/shared';
import { randomUUID } from 'node:crypto';
import { countRows, createStakeholder, daysAgo, logSounding } from './factories';
import { startTestApp, TestApp } from './test-app';

/** A business function no other test uses, so a filtered list holds only this test's people. */
function ownFunction(): string {
  return `Unit ${randomUUID().slice(0, 8)}`;
}

function ids(page: { items: Stakeholder[] }): string[] {
  return page.items.map((s) => s.id);
}

describe('stakeholders API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  describe('create, read, update, delete', () => {
    it('creates a stakeholder who starts not sounded, and reads it back exactly as typed', async () => {
      const name = `Zoë O'Brien-Łukasz "Zee" <script>alert(1)</script>; DROP TABLE stakeholders;--`;
      const created = await createStakeholder(t.http, { name, role: 'top_team', requiredCommitment: 'committed' });
      expect(created).toMatchObject({
        name,
        role: 'top_team',
        commitment: 'not_sounded',
        commitmentGap: 4,
        commitmentSince: null,
        lastContactAt: null,
        openFears: 0,
        version: 1,
      });
      const read = await t.http.get(`/api/stakeholders/${created.id}`).expect(200);
      expect(read.body).toEqual(created);
    });

    it.each([
      ['one character', 'Q'],
      ['accents', 'Åsa Ñúñez-Gößmann'],
      ['Chinese', '王小明'],
      ['Japanese', '山田 太郎'],
      ['Arabic', 'فاطمة الزهراء'],
      ['Hebrew', 'דוד כהן'],
      ['quotes and backslashes', `O'Neil "the \\ boss" \`tick\``],
      ['HTML', '<img src=x onerror=alert(1)><script>alert("x")</script>'],
      ['SQL-looking text', "Robert'); DROP TABLE stakeholders; -- "],
      ['LIKE wildcards', '100%_sure\\'],
      ['emoji', 'Kim 🚀 Lee'],
      ['200 CJK characters', '漢'.repeat(200)],
    ])('stores a name with %s and returns it exactly', async (_label, name) => {
      const created = await createStakeholder(t.http, { name, title: name.slice(0, 200), timingNotes: name });
      const read = await t.http.get(`/api/stakeholders/${created.id}`).expect(200);
      expect(read.body.name).toBe(name.trim());
      expect(read.body.title).toBe(name.slice(0, 200).trim());
      expect(read.body.timingNotes).toBe(name.trim());
      const { rows } = await t.db.query('SELECT name FROM stakeholders WHERE id = $1', [created.id]);
      expect(rows[0].name).toBe(name.trim());
    });

    it('refuses an empty, blank or 201-character name and stores nothing', async () => {
      const before = await countRows(t.db);
      for (const name of ['', '   ', 'x'.repeat(201), '漢'.repeat(201)]) {
        const response = await t.http.post('/api/stakeholders').send({ name }).expect(400);
        expect(response.body.fields).toEqual([{ field: 'name', message: expect.any(String) }]);
      }
      expect(await countRows(t.db)).toEqual(before);
    });

    it('trims names and turns blank optional text into null', async () => {
      const created = await createStakeholder(t.http, { name: '  Ada Lovelace  ', title: '   ', email: '' });
      expect(created).toMatchObject({ name: 'Ada Lovelace', title: null, email: null });
    });

    it('updates only the fields sent and bumps the version', async () => {
      const created = await createStakeholder(t.http, { title: 'CFO', influence: 4 });
      const response = await t.http
        .patch(`/api/stakeholders/${created.id}`)
        .send({ version: created.version, title: 'Chief Financial Officer', potentialChampion: true })
        .expect(200);
      expect(response.body).toMatchObject({
        name: created.name,
        title: 'Chief Financial Officer',
        potentialChampion: true,
        influence: 4,
        version: created.version + 1,
      });
      const read = await t.http.get(`/api/stakeholders/${created.id}`).expect(200);
      expect(read.body).toEqual(response.body);
    });

    it('clears an optional field sent as null', async () => {
      const created = await createStakeholder(t.http, { title: 'CIO', influence: 3 });
      const response = await t.http
        .patch(`/api/stakeholders/${created.id}`)
        .send({ version: 1, title: null, influence: null })
        .expect(200);
      expect(response.body).toMatchObject({ title: null, influence: null });
    });

    it('refuses to null a required field', async () => {
      const created = await createStakeholder(t.http);
      const response = await t.http.patch(`/api/stakeholders/${created.id}`).send({ version: 1, name: null }).expect(400);
      expect(response.body.fields[0].field).toBe('name');
      expect((await t.http.get(`/api/stakeholders/${created.id}`)).body.name).toBe(created.name);
    });

    it('deletes a stakeholder with their soundings and fears; afterwards GET is 404', async () => {
      const created = await createStakeholder(t.http);
      await logSounding(t.http, created.id, { fears: [{ statement: 'Not my job', category: 'doubt_about_value' }] });
      await t.http.delete(`/api/stakeholders/${created.id}`).expect(204);
      const response = await t.http.get(`/api/stakeholders/${created.id}`).expect(404);
      expect(response.body).toMatchObject({ statusCode: 404, code: 'not_found' });
      const { rows } = await t.db.query(
        `SELECT (SELECT count(*) FROM soundings WHERE stakeholder_id = $1)::int AS soundings,
                (SELECT count(*) FROM fears WHERE stakeholder_id = $1)::int AS fears`,
        [created.id],
      );
      expect(rows[0]).toEqual({ soundings: 0, fears: 0 });
      await t.http.delete(`/api/stakeholders/${created.id}`).expect(404);
    });

    it('answers 404 for an unknown id on GET, PATCH and DELETE', async () => {
      const unknown = randomUUID();
      await t.http.get(`/api/stakeholders/${unknown}`).expect(404);
      await t.http.patch(`/api/stakeholders/${unknown}`).send({ version: 1, title: 'x' }).expect(404);
      await t.http.delete(`/api/stakeholders/${unknown}`).expect(404);
    });

    it('shows open fears (not resolved ones) and the gap to the required level', async () => {
      const person = await createStakeholder(t.http, { requiredCommitment: 'public_champion' });
      const sounding = await logSounding(t.http, person.id, {
        commitmentAfter: 'open',
        fears: [
          { statement: 'I have no time for this', category: 'time_and_workload' },
          { statement: 'My team will see me struggle', category: 'personal_exposure' },
          { statement: 'It is another HR fad', category: 'doubt_about_value' },
        ],
      });
      const [first, second] = sounding.fears;
      await t.http.patch(`/api/fears/${first.id}`).send({ version: first.version, status: 'resolved' }).expect(200);
      await t.http.patch(`/api/fears/${second.id}`).send({ version: second.version, status: 'addressing' }).expect(200);

      const read = await t.http.get(`/api/stakeholders/${person.id}`).expect(200);
      // open → public_champion is three steps (supportive, committed, public_champion).
      expect(read.body).toMatchObject({ commitment: 'open', openFears: 2, commitmentGap: 3 });
      const listed = await t.http.get('/api/stakeholders').query({ q: person.name }).expect(200);
      expect(listed.body.items.find((s: Stakeholder) => s.id === person.id)).toMatchObject({ openFears: 2, commitmentGap: 3 });
    });

    it('counts a resistant person as needing everything above sounded', async () => {
      const person = await createStakeholder(t.http, { requiredCommitment: 'supportive' });
      await logSounding(t.http, person.id, { commitmentAfter: 'resistant' });
      const read = await t.http.get(`/api/stakeholders/${person.id}`).expect(200);
      expect(read.body).toMatchObject({ commitment: 'resistant', commitmentGap: 2 });
    });
  });

  describe('reporting line', () => {
    it('links a manager and shows their name', async () => {
      const manager = await createStakeholder(t.http, { name: 'Morgan Manager' });
      const report = await createStakeholder(t.http, { reportsToId: manager.id });
      expect(report.reportsTo).toEqual({ id: manager.id, name: 'Morgan Manager' });
    });

    it('refuses an unknown manager on create and on update, naming reportsToId', async () => {
      const before = await countRows(t.db);
      const created = await t.http.post('/api/stakeholders').send({ name: 'No Boss', reportsToId: randomUUID() }).expect(400);
      expect(created.body.fields).toEqual([{ field: 'reportsToId', message: expect.any(String) }]);
      expect(await countRows(t.db)).toEqual(before);

      const person = await createStakeholder(t.http);
      const updated = await t.http.patch(`/api/stakeholders/${person.id}`).send({ version: 1, reportsToId: randomUUID() }).expect(400);
      expect(updated.body.fields[0].field).toBe('reportsToId');
    });

    it('refuses to make someone their own manager', async () => {
      const person = await createStakeholder(t.http);
      const response = await t.http.patch(`/api/stakeholders/${person.id}`).send({ version: 1, reportsToId: person.id }).expect(400);
      expect(response.body).toMatchObject({ code: 'validation_failed', fields: [{ field: 'reportsToId', message: expect.any(String) }] });
    });

    it('refuses a reporting loop, however long', async () => {
      const ceo = await createStakeholder(t.http);
      const vp = await createStakeholder(t.http, { reportsToId: ceo.id });
      const lead = await createStakeholder(t.http, { reportsToId: vp.id });
      const direct = await t.http.patch(`/api/stakeholders/${ceo.id}`).send({ version: 1, reportsToId: vp.id }).expect(400);
      expect(direct.body.fields[0].field).toBe('reportsToId');
      await t.http.patch(`/api/stakeholders/${ceo.id}`).send({ version: 1, reportsToId: lead.id }).expect(400);
      const read = await t.http.get(`/api/stakeholders/${ceo.id}`).expect(200);
      expect(read.body).toMatchObject({ reportsTo: null, version: 1 });
    });

    it('answers 409 and stores nothing when the manager disappears between the check and the write', async () => {
      // The trigger deletes the manager just before the insert, so the foreign key itself refuses it.
      await t.db.query(`
        CREATE FUNCTION delete_manager_first() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.name = 'Race Me' THEN DELETE FROM stakeholders WHERE id = NEW.reports_to_id; END IF;
          RETURN NEW;
        END $$`);
      await t.db.query(`CREATE TRIGGER delete_manager_first BEFORE INSERT ON stakeholders FOR EACH ROW EXECUTE FUNCTION delete_manager_first()`);
      try {
        const manager = await createStakeholder(t.http);
        const before = await countRows(t.db);
        const response = await t.http.post('/api/stakeholders').send({ name: 'Race Me', reportsToId: manager.id }).expect(409);
        expect(response.body).toMatchObject({ statusCode: 409, code: 'conflict', message: expect.any(String) });
        expect(await countRows(t.db)).toEqual(before);
        await t.http.get(`/api/stakeholders/${manager.id}`).expect(200);
      } finally {
        await t.db.query(`DROP TRIGGER delete_manager_first ON stakeholders`);
        await t.db.query(`DROP FUNCTION delete_manager_first()`);
      }
    });

    it('keeps the reports when their manager is deleted', async () => {
      const manager = await createStakeholder(t.http);
      const report = await createStakeholder(t.http, { reportsToId: manager.id });
      await t.http.delete(`/api/stakeholders/${manager.id}`).expect(204);
      const read = await t.http.get(`/api/stakeholders/${report.id}`).expect(200);
      expect(read.body.reportsTo).toBeNull();
    });
  });

  describe('versions', () => {
    it('refuses a PATCH based on an old version with 409, the current record, and no change stored', async () => {
      const person = await createStakeholder(t.http, { title: 'Original' });
      const first = await t.http.patch(`/api/stakeholders/${person.id}`).send({ version: 1, title: 'First edit' }).expect(200);
      const stale = await t.http.patch(`/api/stakeholders/${person.id}`).send({ version: 1, title: 'Second edit' }).expect(409);
      expect(stale.body).toMatchObject({ statusCode: 409, code: 'version_conflict', message: expect.any(String) });
      expect(stale.body.current).toEqual(first.body);
      const read = await t.http.get(`/api/stakeholders/${person.id}`).expect(200);
      expect(read.body).toEqual(first.body);
      expect(read.body).toMatchObject({ title: 'First edit', version: 2 });
    });

    it('lets exactly one of two simultaneous edits of the same version through', async () => {
      const person = await createStakeholder(t.http);
      const responses = await Promise.all(
        ['Edit A', 'Edit B', 'Edit C'].map((title) => t.http.patch(`/api/stakeholders/${person.id}`).send({ version: 1, title })),
      );
      expect(responses.map((r) => r.status).sort()).toEqual([200, 409, 409]);
      const winner = responses.find((r) => r.status === 200)!;
      const read = await t.http.get(`/api/stakeholders/${person.id}`).expect(200);
      expect(read.body).toMatchObject({ title: winner.body.title, version: 2 });
    });

    it('refuses a PATCH without any version with 428, naming version', async () => {
      const person = await createStakeholder(t.http, { title: 'Original' });
      const response = await t.http.patch(`/api/stakeholders/${person.id}`).send({ title: 'Blind write' }).expect(428);
      expect(response.body).toMatchObject({ statusCode: 428, code: expect.any(String), fields: [{ field: 'version', message: expect.any(String) }] });
      expect((await t.http.get(`/api/stakeholders/${person.id}`)).body.title).toBe('Original');
    });

    it('accepts the version in an If-Match header, plain or weak', async () => {
      const person = await createStakeholder(t.http);
      await t.http.patch(`/api/stakeholders/${person.id}`).set('If-Match', '"1"').send({ title: 'Via header' }).expect(200);
      await t.http.patch(`/api/stakeholders/${person.id}`).set('If-Match', 'W/"2"').send({ title: 'Via weak header' }).expect(200);
      const stale = await t.http.patch(`/api/stakeholders/${person.id}`).set('If-Match', '2').send({ title: 'Too late' }).expect(409);
      expect(stale.body.current).toMatchObject({ title: 'Via weak header', version: 3 });
    });

    it('refuses an If-Match that disagrees with the body version, or is not a version', async () => {
      const person = await createStakeholder(t.http);
      const disagree = await t.http.patch(`/api/stakeholders/${person.id}`).set('If-Match', '1').send({ version: 2, title: 'x' }).expect(400);
      expect(disagree.body.fields[0].field).toBe('version');
      const garbage = await t.http.patch(`/api/stakeholders/${person.id}`).set('If-Match', 'banana').send({ title: 'x' }).expect(400);
      expect(garbage.body.fields[0].field).toBe('If-Match');
      expect((await t.http.get(`/api/stakeholders/${person.id}`)).body.version).toBe(1);
    });
  });

  describe('list', () => {
    it('pages with items, total, page and pageSize; past the end gives no items but the right total', async () => {
      const unit = ownFunction();
      for (let i = 0; i < 7; i++) await createStakeholder(t.http, { name: `Pager ${i}`, businessFunction: unit });

      const first = await t.http.get('/api/stakeholders').query({ businessFunction: unit, pageSize: 3 }).expect(200);
      expect(first.body).toMatchObject({ total: 7, page: 1, pageSize: 3 });
      expect(first.body.items.map((s: Stakeholder) => s.name)).toEqual(['Pager 0', 'Pager 1', 'Pager 2']);

      const last = await t.http.get('/api/stakeholders').query({ businessFunction: unit, pageSize: 3, page: 3 }).expect(200);
      expect(last.body).toMatchObject({ total: 7, page: 3, pageSize: 3 });
      expect(last.body.items.map((s: Stakeholder) => s.name)).toEqual(['Pager 6']);

      const beyond = await t.http.get('/api/stakeholders').query({ businessFunction: unit, pageSize: 3, page: 9 }).expect(200);
      expect(beyond.body).toEqual({ items: [], total: 7, totalIsEstimate: false, page: 9, pageSize: 3 });
    });

    it('defaults to 50 a page and allows at most 100', async () => {
      const unit = ownFunction();
      for (let i = 0; i < 51; i++) await createStakeholder(t.http, { businessFunction: unit });
      const byDefault = await t.http.get('/api/stakeholders').query({ businessFunction: unit }).expect(200);
      expect(byDefault.body).toMatchObject({ total: 51, page: 1, pageSize: 50 });
      expect(byDefault.body.items).toHaveLength(50);
      const max = await t.http.get('/api/stakeholders').query({ businessFunction: unit, pageSize: 100 }).expect(200);
      expect(max.body.items).toHaveLength(51);
      await t.http.get('/api/stakeholders').query({ pageSize: 101 }).expect(400);
    });

    it('gives an empty page with total 0 when nothing matches', async () => {
      const response = await t.http.get('/api/stakeholders').query({ businessFunction: ownFunction() }).expect(200);
      expect(response.body).toEqual({ items: [], total: 0, totalIsEstimate: false, page: 1, pageSize: 50 });
    });

    describe('search', () => {
      it('matches name, title and email ignoring case and accents', async () => {
        const unit = ownFunction();
        const zoe = await createStakeholder(t.http, { name: 'Zoë Ärnberg', businessFunction: unit });
        const title = await createStakeholder(t.http, { name: 'Pat Title', title: 'Directrice Générale', businessFunction: unit });
        const mail = await createStakeholder(t.http, { name: 'Sam Mail', email: 'Sam.Fernández@Example.com', businessFunction: unit });
        const search = async (q: string) => ids((await t.http.get('/api/stakeholders').query({ q, businessFunction: unit }).expect(200)).body);

        expect(await search('ZOE arn')).toEqual([zoe.id]);
        expect(await search('zoë ÄRN')).toEqual([zoe.id]);
        expect(await search('generale')).toEqual([title.id]);
        expect(await search('GÉNÉRALE')).toEqual([title.id]);
        expect(await search('fernandez@example')).toEqual([mail.id]);
        expect(await search('nobody-like-this')).toEqual([]);
      });

      it('matches letters typed without their marks, such as ø, ł and æ', async () => {
        const unit = ownFunction();
        const soren = await createStakeholder(t.http, { name: 'Søren Łukasiewicz', businessFunction: unit });
        const aero = await createStakeholder(t.http, { name: 'Ærø Þórsdóttir', businessFunction: unit });
        const search = async (q: string) => ids((await t.http.get('/api/stakeholders').query({ q, businessFunction: unit }).expect(200)).body);
        expect(await search('soren lukasiewicz')).toEqual([soren.id]);
        expect(await search('Søren')).toEqual([soren.id]);
        expect(await search('aero thorsdottir')).toEqual([aero.id]);
      });

      it('matches every typed word in any order, the business function among them, so people of one first name are told apart', async () => {
        const unit = ownFunction();
        const finance = await createStakeholder(t.http, { name: 'Priya Shah', businessFunction: `${unit} Finance` });
        const sales = await createStakeholder(t.http, { name: 'Priya Nair', businessFunction: `${unit} Sales` });
        const search = async (q: string) => ids((await t.http.get('/api/stakeholders').query({ q, sort: 'name' }).expect(200)).body);
        expect(await search(`priya ${unit} finance`)).toEqual([finance.id]);
        expect(await search(`${unit} SALES priya`)).toEqual([sales.id]);
        expect((await search(`${unit} priya`)).sort()).toEqual([finance.id, sales.id].sort());
        // Moving to another function moves them in search too.
        await t.http.patch(`/api/stakeholders/${sales.id}`).send({ version: 1, businessFunction: `${unit} Finance` }).expect(200);
        expect((await search(`${unit} finance priya`)).sort()).toEqual([finance.id, sales.id].sort());
      });

      it('treats %, _ and \\ in the search as plain characters', async () => {
        const unit = ownFunction();
        const percent = await createStakeholder(t.http, { name: '100% Committed', businessFunction: unit });
        await createStakeholder(t.http, { name: '1000 Committed', businessFunction: unit });
        const search = async (q: string) => ids((await t.http.get('/api/stakeholders').query({ q, businessFunction: unit }).expect(200)).body);
        expect(await search('100%')).toEqual([percent.id]);
        expect(await search('_')).toEqual([]);
        expect(await search('\\')).toEqual([]);
      });

      it('finds people by a name edited after they were created', async () => {
        const unit = ownFunction();
        const person = await createStakeholder(t.http, { name: 'Old Name', businessFunction: unit });
        await t.http.patch(`/api/stakeholders/${person.id}`).send({ version: 1, name: 'Émile Nouveau' }).expect(200);
        const search = async (q: string) => ids((await t.http.get('/api/stakeholders').query({ q, businessFunction: unit }).expect(200)).body);
        expect(await search('emile')).toEqual([person.id]);
        expect(await search('old name')).toEqual([]);
      });

      it('finds an SQL-looking name without harm', async () => {
        const unit = ownFunction();
        const person = await createStakeholder(t.http, { name: "x' OR '1'='1", businessFunction: unit });
        await createStakeholder(t.http, { name: 'Someone Else', businessFunction: unit });
        const response = await t.http.get('/api/stakeholders').query({ q: "' OR '1'='1", businessFunction: unit }).expect(200);
        expect(ids(response.body)).toEqual([person.id]);
      });
    });

    describe('filters', () => {
      it('filters by commitment, role, business function (any case) and potential champion', async () => {
        const unit = ownFunction();
        const champion = await createStakeholder(t.http, { businessFunction: unit, role: 'line_manager', potentialChampion: true });
        const leader = await createStakeholder(t.http, { businessFunction: unit, role: 'top_team' });
        await logSounding(t.http, leader.id, { commitmentAfter: 'supportive' });
        const list = async (query: Record<string, string>) =>
          ids((await t.http.get('/api/stakeholders').query({ businessFunction: unit, ...query }).expect(200)).body);

        expect(await list({ commitment: 'supportive' })).toEqual([leader.id]);
        expect(await list({ commitment: 'not_sounded' })).toEqual([champion.id]);
        expect(await list({ role: 'top_team' })).toEqual([leader.id]);
        expect(await list({ potentialChampion: 'true' })).toEqual([champion.id]);
        expect(await list({ potentialChampion: 'false' })).toEqual([leader.id]);
        expect(await list({ businessFunction: unit.toUpperCase() })).toHaveLength(2);
      });

      it('filters cooling contacts: past their ideal contact interval (45 days for a senior leader), never-contacted excluded', async () => {
        const unit = ownFunction();
        const cold = await createStakeholder(t.http, { businessFunction: unit });
        await logSounding(t.http, cold.id, { heldOn: daysAgo(50) });
        const warm = await createStakeholder(t.http, { businessFunction: unit });
        await logSounding(t.http, warm.id, { heldOn: daysAgo(10) });
        const never = await createStakeholder(t.http, { businessFunction: unit });
        const list = async (cooling: string) =>
          ids((await t.http.get('/api/stakeholders').query({ businessFunction: unit, cooling }).expect(200)).body).sort();

        expect(await list('true')).toEqual([cold.id]);
        expect(await list('false')).toEqual([warm.id, never.id].sort());
      });

      it('filters overdue follow-ups: follow-up date in the past and no contact since', async () => {
        const unit = ownFunction();
        const overdue = await createStakeholder(t.http, { businessFunction: unit });
        await logSounding(t.http, overdue.id, { heldOn: daysAgo(20), followUpOn: daysAgo(5) });
        const upcoming = await createStakeholder(t.http, { businessFunction: unit });
        await logSounding(t.http, upcoming.id, { heldOn: daysAgo(2), followUpOn: daysAgo(-7) });
        const caughtUp = await createStakeholder(t.http, { businessFunction: unit });
        await logSounding(t.http, caughtUp.id, { heldOn: daysAgo(20), followUpOn: daysAgo(5) });
        await logSounding(t.http, caughtUp.id, { heldOn: daysAgo(3) });
        const list = async (overdueFlag: string) =>
          ids((await t.http.get('/api/stakeholders').query({ businessFunction: unit, overdue: overdueFlag }).expect(200)).body).sort();

        expect(await list('true')).toEqual([overdue.id]);
        expect(await list('false')).toEqual([upcoming.id, caughtUp.id].sort());
      });

      it('combines filters with search and paging', async () => {
        const unit = ownFunction();
        for (let i = 0; i < 4; i++) {
          const person = await createStakeholder(t.http, { name: `Combo ${i}`, businessFunction: unit, role: 'top_team' });
          if (i % 2 === 0) await logSounding(t.http, person.id, { commitmentAfter: 'open' });
        }
        await createStakeholder(t.http, { name: 'Combo other', businessFunction: unit, role: 'hr' });
        const response = await t.http
          .get('/api/stakeholders')
          .query({ businessFunction: unit, q: 'combo', role: 'top_team', commitment: 'open', pageSize: 1, page: 2 })
          .expect(200);
        expect(response.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
        expect(response.body.items.map((s: Stakeholder) => s.name)).toEqual(['Combo 2']);
      });
    });

    describe('sort', () => {
      let unit: string;
      const names: Record<string, string> = {};
      beforeAll(async () => {
        unit = ownFunction();
        const people: [string, 'resistant' | 'open' | 'committed' | null, number | null][] = [
          ['bravo', 'open', 30],
          ['Alpha', 'committed', 2],
          ['charlie', null, null],
          ['Delta', 'resistant', 60],
        ];
        for (const [name, level, heldDaysAgo] of people) {
          const person = await createStakeholder(t.http, { name, businessFunction: unit });
          names[person.id] = name;
          if (level) await logSounding(t.http, person.id, { commitmentAfter: level, heldOn: daysAgo(heldDaysAgo!) });
        }
      });
      const sorted = async (sort: string) =>
        (await t.http.get('/api/stakeholders').query({ businessFunction: unit, sort }).expect(200)).body.items.map((s: Stakeholder) => s.name);

      it('sorts by name ignoring case, both ways; name is the default', async () => {
        expect(await sorted('name')).toEqual(['Alpha', 'bravo', 'charlie', 'Delta']);
        expect(await sorted('-name')).toEqual(['Delta', 'charlie', 'bravo', 'Alpha']);
        const byDefault = await t.http.get('/api/stakeholders').query({ businessFunction: unit }).expect(200);
        expect(byDefault.body.items.map((s: Stakeholder) => s.name)).toEqual(['Alpha', 'bravo', 'charlie', 'Delta']);
      });

      it('sorts by ladder position, resistant lowest', async () => {
        expect(await sorted('commitment')).toEqual(['Delta', 'charlie', 'bravo', 'Alpha']);
        expect(await sorted('-commitment')).toEqual(['Alpha', 'bravo', 'charlie', 'Delta']);
      });

      it('sorts by last contact, never-contacted first when ascending and last when descending', async () => {
        expect(await sorted('lastContact')).toEqual(['charlie', 'Delta', 'bravo', 'Alpha']);
        expect(await sorted('-lastContact')).toEqual(['Alpha', 'bravo', 'Delta', 'charlie']);
      });
    });
  });

  it('lists business functions with their head counts, merging case variants', async () => {
    const unit = ownFunction();
    await createStakeholder(t.http, { businessFunction: unit });
    await createStakeholder(t.http, { businessFunction: unit.toLowerCase() });
    const response = await t.http.get('/api/business-functions').expect(200);
    const entry = response.body.find((option: { name: string }) => option.name.toLowerCase() === unit.toLowerCase());
    expect(entry).toMatchObject({ stakeholders: 2 });
  });
});
