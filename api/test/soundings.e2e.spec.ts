import type { Fear, Sounding } from '@soundings/shared';
import { randomUUID } from 'node:crypto';
import { countRows, createStakeholder, daysAgo, daysAhead, logSounding, today } from './factories';
import { startTestApp, TestApp } from './test-app';

describe('soundings API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const stakeholder = async (id: string) => (await t.http.get(`/api/stakeholders/${id}`).expect(200)).body;
  const journey = async (id: string) => (await t.http.get(`/api/stakeholders/${id}/journey`).expect(200)).body;
  const levelChanges = async (id: string) =>
    (await journey(id)).timeline.filter((event: { kind: string }) => event.kind === 'commitment_change');

  describe('logging a sounding', () => {
    it('stores the conversation and its fears, and moves the level, its date and the last contact', async () => {
      const person = await createStakeholder(t.http, { name: 'Fiona Finance' });
      const heldOn = daysAgo(3);
      const response = await t.http
        .post(`/api/stakeholders/${person.id}/soundings`)
        .send({
          heldOn,
          channel: 'video',
          conductedBy: 'Hana from HR',
          summary: 'Listened carefully; asked how it fits the cost programme.',
          developmentalExperience: 'Her first boss at the bank coached her weekly.',
          benefitsSeen: 'Fewer regretted leavers in finance.',
          personalCost: 'Two hours a month.',
          prioritiesServed: 'Cost programme; talent pipeline',
          commitmentAfter: 'open',
          nextStep: 'Send the pilot outline',
          followUpOn: daysAhead(7),
          fears: [
            { statement: '"I will look like I do not know the answers."', category: 'personal_exposure' },
            { statement: 'Where does the budget come from?', category: 'cost_and_budget' },
          ],
        })
        .expect(201);

      const sounding: Sounding = response.body;
      expect(sounding).toMatchObject({
        stakeholderId: person.id,
        heldOn,
        channel: 'video',
        conductedBy: 'Hana from HR',
        developmentalExperience: 'Her first boss at the bank coached her weekly.',
        commitmentAfter: 'open',
        nextStep: 'Send the pilot outline',
        followUpOn: daysAhead(7),
        version: 1,
      });
      expect(sounding.fears.map((fear) => [fear.statement, fear.category, fear.status, fear.voicedOn])).toEqual([
        ['"I will look like I do not know the answers."', 'personal_exposure', 'open', heldOn],
        ['Where does the budget come from?', 'cost_and_budget', 'open', heldOn],
      ]);

      const fears = await t.http.get('/api/fears').query({ stakeholderId: person.id }).expect(200);
      expect(fears.body.total).toBe(2);
      expect(fears.body.items.map((fear: Fear) => fear.statement).sort()).toEqual([
        '"I will look like I do not know the answers."',
        'Where does the budget come from?',
      ]);
      expect(fears.body.items.every((fear: Fear) => fear.soundingId === sounding.id && fear.stakeholder.name === 'Fiona Finance')).toBe(true);

      expect(await stakeholder(person.id)).toMatchObject({
        commitment: 'open',
        commitmentSince: heldOn,
        lastContactAt: heldOn,
        nextFollowUpOn: daysAhead(7),
        openFears: 2,
      });
    });

    it('defaults the channel to in person and optional text to null', async () => {
      const person = await createStakeholder(t.http);
      const sounding = await logSounding(t.http, person.id, { summary: '  Quick chat  ' });
      expect(sounding).toMatchObject({
        channel: 'in_person',
        summary: 'Quick chat',
        conductedBy: null,
        developmentalExperience: null,
        nextStep: null,
        followUpOn: null,
        fears: [],
      });
    });

    it('accepts a sounding held today', async () => {
      const person = await createStakeholder(t.http);
      await logSounding(t.http, person.id, { heldOn: today(), commitmentAfter: 'supportive' });
      expect(await stakeholder(person.id)).toMatchObject({ commitment: 'supportive', lastContactAt: today() });
    });

    it('answers 404 for an unknown stakeholder and stores nothing', async () => {
      const before = await countRows(t.db);
      await t.http
        .post(`/api/stakeholders/${randomUUID()}/soundings`)
        .send({ heldOn: daysAgo(1), summary: 'x', commitmentAfter: 'open', fears: [{ statement: 'x', category: 'other' }] })
        .expect(404);
      expect(await countRows(t.db)).toEqual(before);
    });
  });

  describe('the ladder rules', () => {
    it('lets the latest sounding by date set the level: a back-filled older one does not move it but joins the history', async () => {
      const person = await createStakeholder(t.http);
      await logSounding(t.http, person.id, { heldOn: daysAgo(5), commitmentAfter: 'supportive' });
      const backFilled = await logSounding(t.http, person.id, { heldOn: daysAgo(40), commitmentAfter: 'sounded' });

      expect(await stakeholder(person.id)).toMatchObject({ commitment: 'supportive', commitmentSince: daysAgo(5), lastContactAt: daysAgo(5) });
      const changes = await levelChanges(person.id);
      expect(changes.map((event: { on: string; change: { fromLevel: string; toLevel: string; soundingId: string } }) => [
        event.on,
        event.change.fromLevel,
        event.change.toLevel,
      ])).toEqual([
        [daysAgo(40), 'not_sounded', 'sounded'],
        [daysAgo(5), 'sounded', 'supportive'],
      ]);
      expect(changes[0].change.soundingId).toBe(backFilled.id);
    });

    it('records no level change for a sounding that leaves the level where it was', async () => {
      const person = await createStakeholder(t.http);
      await logSounding(t.http, person.id, { heldOn: daysAgo(10), commitmentAfter: 'open' });
      await logSounding(t.http, person.id, { heldOn: daysAgo(2), commitmentAfter: 'open' });

      expect(await stakeholder(person.id)).toMatchObject({ commitment: 'open', commitmentSince: daysAgo(10), lastContactAt: daysAgo(2) });
      expect(await levelChanges(person.id)).toHaveLength(1);
      const { rows } = await t.db.query('SELECT count(*)::int AS n FROM commitment_changes WHERE stakeholder_id = $1', [person.id]);
      expect(rows[0].n).toBe(1);
    });

    it('re-derives the level when a sounding date is corrected', async () => {
      const person = await createStakeholder(t.http);
      const early = await logSounding(t.http, person.id, { heldOn: daysAgo(20), commitmentAfter: 'sounded' });
      await logSounding(t.http, person.id, { heldOn: daysAgo(10), commitmentAfter: 'committed' });
      expect((await stakeholder(person.id)).commitment).toBe('committed');

      // The "early" note was in fact the most recent conversation.
      const corrected = await t.http.patch(`/api/soundings/${early.id}`).send({ version: early.version, heldOn: daysAgo(1) }).expect(200);
      expect(corrected.body).toMatchObject({ heldOn: daysAgo(1), version: 2 });
      expect(await stakeholder(person.id)).toMatchObject({ commitment: 'sounded', commitmentSince: daysAgo(1), lastContactAt: daysAgo(1) });
      const changes = await levelChanges(person.id);
      expect(changes.map((event: { on: string; change: { toLevel: string } }) => [event.on, event.change.toLevel])).toEqual([
        [daysAgo(10), 'committed'],
        [daysAgo(1), 'sounded'],
      ]);
    });

    it('re-derives the level when a sounding level is corrected', async () => {
      const person = await createStakeholder(t.http);
      await logSounding(t.http, person.id, { heldOn: daysAgo(9), commitmentAfter: 'open' });
      const latest = await logSounding(t.http, person.id, { heldOn: daysAgo(3), commitmentAfter: 'supportive' });
      await t.http.patch(`/api/soundings/${latest.id}`).set('If-Match', '1').send({ commitmentAfter: 'resistant' }).expect(200);
      expect(await stakeholder(person.id)).toMatchObject({ commitment: 'resistant', commitmentSince: daysAgo(3) });

      // Corrected to the level they already had: no change of its own any more.
      await t.http.patch(`/api/soundings/${latest.id}`).send({ version: 2, commitmentAfter: 'open' }).expect(200);
      expect(await stakeholder(person.id)).toMatchObject({ commitment: 'open', commitmentSince: daysAgo(9), lastContactAt: daysAgo(3) });
      expect(await levelChanges(person.id)).toHaveLength(1);
    });

    it('moves the voiced date of the fears along with a corrected sounding date', async () => {
      const person = await createStakeholder(t.http);
      const sounding = await logSounding(t.http, person.id, { heldOn: daysAgo(8), fears: [{ statement: 'Time', category: 'time_and_workload' }] });
      await t.http.patch(`/api/soundings/${sounding.id}`).send({ version: 1, heldOn: daysAgo(6) }).expect(200);
      const fears = await t.http.get('/api/fears').query({ stakeholderId: person.id }).expect(200);
      expect(fears.body.items[0].voicedOn).toBe(daysAgo(6));
    });

    it('refuses to move a sounding after the day one of its fears was resolved', async () => {
      const person = await createStakeholder(t.http);
      const sounding = await logSounding(t.http, person.id, { heldOn: daysAgo(8), fears: [{ statement: 'Time', category: 'time_and_workload' }] });
      const fear = sounding.fears[0];
      await t.http.patch(`/api/fears/${fear.id}`).send({ version: 1, status: 'resolved', resolvedOn: daysAgo(5) }).expect(200);

      const response = await t.http.patch(`/api/soundings/${sounding.id}`).send({ version: 1, heldOn: daysAgo(2) }).expect(400);
      expect(response.body.fields[0].field).toBe('heldOn');
      const stored = (await t.http.get(`/api/fears/${fear.id}`).expect(200)).body;
      expect(stored).toMatchObject({ voicedOn: daysAgo(8), resolvedOn: daysAgo(5) });
      expect((await t.http.get(`/api/soundings/${sounding.id}`).expect(200)).body).toMatchObject({ heldOn: daysAgo(8), version: 1 });
    });
  });

  describe('refused soundings store nothing', () => {
    const valid = () => ({ heldOn: daysAgo(1), summary: 'Talked', commitmentAfter: 'open' });

    it.each([
      ['commitmentAfter not_sounded', { commitmentAfter: 'not_sounded' }, 'commitmentAfter'],
      ['commitmentAfter unknown', { commitmentAfter: 'enthusiastic' }, 'commitmentAfter'],
      ['heldOn in the future', { heldOn: daysAhead(3) }, 'heldOn'],
      ['heldOn not a real date', { heldOn: '2025-02-30' }, 'heldOn'],
      ['heldOn with a time', { heldOn: '2025-02-03T10:00:00Z' }, 'heldOn'],
      ['heldOn before 1900', { heldOn: '1899-12-31' }, 'heldOn'],
      ['followUpOn before heldOn', { heldOn: daysAgo(3), followUpOn: daysAgo(4) }, 'followUpOn'],
      ['blank summary', { summary: '   ' }, 'summary'],
      ['a fear with a bad category', { fears: [{ statement: 'Fine', category: 'time_and_workload' }, { statement: 'Bad', category: 'boredom' }] }, 'fears.1.category'],
      ['a fear with an empty statement', { fears: [{ statement: 'Fine', category: 'other' }, { statement: '', category: 'other' }] }, 'fears.1.statement'],
      ['a fear that is not an object', { fears: ['just text'] }, 'fears.0'],
      ['fears that are not a list', { fears: { statement: 'x', category: 'other' } }, 'fears'],
      ['more than 50 fears', { fears: Array.from({ length: 51 }, (_, i) => ({ statement: `Fear ${i}`, category: 'other' })) }, 'fears'],
    ])('%s → 400 naming the field', async (_label, change, field) => {
      const person = await createStakeholder(t.http);
      await logSounding(t.http, person.id, { heldOn: daysAgo(10), commitmentAfter: 'sounded' });
      const before = await countRows(t.db);

      const response = await t.http.post(`/api/stakeholders/${person.id}/soundings`).send({ ...valid(), ...change }).expect(400);
      expect(response.body).toMatchObject({ statusCode: 400, code: 'validation_failed', message: expect.any(String) });
      expect(response.body.fields.map((f: { field: string }) => f.field)).toContain(field);

      expect(await countRows(t.db)).toEqual(before);
      expect(await stakeholder(person.id)).toMatchObject({ commitment: 'sounded', lastContactAt: daysAgo(10), openFears: 0 });
    });

    it('rolls back the sounding, every fear and the level when the database refuses a fear part-way', async () => {
      // A real failure inside the transaction: the sounding and first fear are written before it.
      await t.db.query(`
        CREATE FUNCTION reject_marked_fear() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          IF NEW.statement = 'reject-me' THEN
            RAISE EXCEPTION 'fear refused by test trigger' USING ERRCODE = 'check_violation';
          END IF;
          RETURN NEW;
        END $$`);
      await t.db.query(`CREATE TRIGGER reject_marked_fear BEFORE INSERT ON fears FOR EACH ROW EXECUTE FUNCTION reject_marked_fear()`);
      try {
        const person = await createStakeholder(t.http);
        await logSounding(t.http, person.id, { heldOn: daysAgo(10), commitmentAfter: 'sounded' });
        const before = await countRows(t.db);

        const response = await t.http
          .post(`/api/stakeholders/${person.id}/soundings`)
          .send({
            heldOn: daysAgo(1),
            summary: 'Went well until it did not',
            commitmentAfter: 'committed',
            fears: [
              { statement: 'A perfectly fine fear', category: 'other' },
              { statement: 'reject-me', category: 'other' },
            ],
          })
          .expect(400);
        expect(response.body).toMatchObject({ statusCode: 400, code: 'validation_failed', message: expect.any(String) });
        expect(JSON.stringify(response.body)).not.toMatch(/trigger|reject_marked_fear|plpgsql/);

        expect(await countRows(t.db)).toEqual(before);
        expect(await stakeholder(person.id)).toMatchObject({ commitment: 'sounded', commitmentSince: daysAgo(10), lastContactAt: daysAgo(10) });
        expect(await levelChanges(person.id)).toHaveLength(1);

        // The same sounding without the refused fear goes through.
        await logSounding(t.http, person.id, { heldOn: daysAgo(1), commitmentAfter: 'committed', fears: [{ statement: 'Fine', category: 'other' }] });
        expect((await stakeholder(person.id)).commitment).toBe('committed');
      } finally {
        await t.db.query(`DROP TRIGGER reject_marked_fear ON fears`);
        await t.db.query(`DROP FUNCTION reject_marked_fear()`);
      }
    });
  });

  describe('several soundings at once', () => {
    it('stores every one and derives the level from the latest, whatever order they arrive in', async () => {
      const person = await createStakeholder(t.http);
      const levels = ['sounded', 'open', 'supportive', 'committed', 'resistant', 'open'] as const;
      const responses = await Promise.all(
        levels.map((commitmentAfter, i) =>
          t.http.post(`/api/stakeholders/${person.id}/soundings`).send({ heldOn: daysAgo(20 - i), summary: `Talk ${i}`, commitmentAfter }),
        ),
      );
      expect(responses.map((r) => r.status)).toEqual(levels.map(() => 201));
      expect(await stakeholder(person.id)).toMatchObject({ commitment: 'open', commitmentSince: daysAgo(15), lastContactAt: daysAgo(15) });
      const changes = await levelChanges(person.id);
      expect(changes.map((event: { change: { toLevel: string } }) => event.change.toLevel)).toEqual([...levels]);
    });
  });

  describe('reading soundings', () => {
    it('lists a person\'s soundings newest first, each with its own fears', async () => {
      const person = await createStakeholder(t.http);
      const oldest = await logSounding(t.http, person.id, { heldOn: daysAgo(30), fears: [{ statement: 'Old fear', category: 'other' }] });
      const newest = await logSounding(t.http, person.id, {
        heldOn: daysAgo(2),
        commitmentAfter: 'open',
        fears: [
          { statement: 'New fear A', category: 'culture_fit' },
          { statement: 'New fear B', category: 'loss_of_control' },
        ],
      });
      const middle = await logSounding(t.http, person.id, { heldOn: daysAgo(15) });
      const other = await createStakeholder(t.http);
      await logSounding(t.http, other.id, { fears: [{ statement: 'Someone else', category: 'other' }] });

      const response = await t.http.get(`/api/stakeholders/${person.id}/soundings`).expect(200);
      const soundings: Sounding[] = response.body;
      expect(soundings.map((s) => s.id)).toEqual([newest.id, middle.id, oldest.id]);
      expect(soundings.map((s) => s.fears.map((fear) => fear.statement))).toEqual([['New fear A', 'New fear B'], [], ['Old fear']]);
    });

    it('gets one sounding by id, 404 when unknown', async () => {
      const person = await createStakeholder(t.http);
      const sounding = await logSounding(t.http, person.id, { fears: [{ statement: 'Exposure', category: 'personal_exposure' }] });
      const response = await t.http.get(`/api/soundings/${sounding.id}`).expect(200);
      expect(response.body).toEqual(sounding);
      await t.http.get(`/api/soundings/${randomUUID()}`).expect(404);
      await t.http.get(`/api/stakeholders/${randomUUID()}/soundings`).expect(404);
    });
  });

  describe('correcting a sounding', () => {
    it('refuses a stale version with 409 and the current sounding, changing nothing', async () => {
      const person = await createStakeholder(t.http);
      const sounding = await logSounding(t.http, person.id, { summary: 'First take', commitmentAfter: 'open' });
      const edited = await t.http.patch(`/api/soundings/${sounding.id}`).send({ version: 1, summary: 'Second take' }).expect(200);
      const stale = await t.http
        .patch(`/api/soundings/${sounding.id}`)
        .send({ version: 1, summary: 'Third take', commitmentAfter: 'committed' })
        .expect(409);
      expect(stale.body).toMatchObject({ code: 'version_conflict' });
      expect(stale.body.current).toEqual(edited.body);
      expect((await t.http.get(`/api/soundings/${sounding.id}`)).body).toEqual(edited.body);
      expect((await stakeholder(person.id)).commitment).toBe('open');
    });

    it('lets exactly one of two simultaneous corrections of the same version through', async () => {
      const person = await createStakeholder(t.http);
      const sounding = await logSounding(t.http, person.id, { heldOn: daysAgo(4), commitmentAfter: 'open' });
      const responses = await Promise.all(
        (['supportive', 'resistant'] as const).map((commitmentAfter) => t.http.patch(`/api/soundings/${sounding.id}`).send({ version: 1, commitmentAfter })),
      );
      expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
      const winner = responses.find((r) => r.status === 200)!;
      expect(await stakeholder(person.id)).toMatchObject({ commitment: winner.body.commitmentAfter });
    });

    it('requires a version (428) and refuses a future date or a follow-up before the sounding', async () => {
      const person = await createStakeholder(t.http);
      const sounding = await logSounding(t.http, person.id, { heldOn: daysAgo(5) });
      await t.http.patch(`/api/soundings/${sounding.id}`).send({ summary: 'No version' }).expect(428);
      const future = await t.http.patch(`/api/soundings/${sounding.id}`).send({ version: 1, heldOn: daysAhead(2) }).expect(400);
      expect(future.body.fields[0].field).toBe('heldOn');
      const followUp = await t.http.patch(`/api/soundings/${sounding.id}`).send({ version: 1, followUpOn: daysAgo(6) }).expect(400);
      expect(followUp.body.fields[0].field).toBe('followUpOn');
      const movedPastFollowUp = await logSounding(t.http, person.id, { heldOn: daysAgo(5), followUpOn: daysAgo(3) });
      await t.http.patch(`/api/soundings/${movedPastFollowUp.id}`).send({ version: 1, heldOn: daysAgo(2) }).expect(400);
      await t.http.patch(`/api/soundings/${sounding.id}`).send({ version: 1, commitmentAfter: 'not_sounded' }).expect(400);
      expect((await t.http.get(`/api/soundings/${sounding.id}`)).body.version).toBe(1);
    });

    it('answers 404 for an unknown sounding', async () => {
      await t.http.patch(`/api/soundings/${randomUUID()}`).send({ version: 1, summary: 'x' }).expect(404);
    });
  });

  describe('what came up: listed priorities and narratives', () => {
    async function priority(businessFunction: string, title: string): Promise<string> {
      const { rows } = await t.db.query(`INSERT INTO priorities (business_function, title) VALUES ($1, $2) RETURNING id`, [businessFunction, title]);
      return rows[0].id;
    }
    async function narrative(title: string): Promise<string> {
      return (await t.http.post('/api/narratives').send({ title }).expect(201)).body.id;
    }
    const links = async () => (await t.db.query(`SELECT (SELECT count(*) FROM sounding_priorities)::int AS priorities, (SELECT count(*) FROM sounding_narratives)::int AS narratives`)).rows[0];

    it('records them on create and shows them on the sounding, the list and the journey (priorities by function then title, narratives by title)', async () => {
      const person = await createStakeholder(t.http, { name: 'Lina Links', businessFunction: 'Sales' });
      const pipeline = await priority('Sales', 'Fill the pipeline for Q3');
      const closeBooks = await priority('Finance', 'Close the books in five days');
      const trust = await narrative('Trust earned in the field');
      const ownership = await narrative('Ownership at every level');
      const sounding = await logSounding(t.http, person.id, {
        prioritiesServed: 'Her own words: keeping good people',
        priorityIds: [pipeline.toUpperCase(), closeBooks],
        narratives: [
          { narrativeId: trust, response: 'jarred' },
          { narrativeId: ownership, response: 'resonated' },
        ],
      });
      const expected = {
        prioritiesServed: 'Her own words: keeping good people',
        priorities: [
          { id: closeBooks, businessFunction: 'Finance', title: 'Close the books in five days' },
          { id: pipeline, businessFunction: 'Sales', title: 'Fill the pipeline for Q3' },
        ],
        narratives: [
          { narrative: { id: ownership, title: 'Ownership at every level' }, response: 'resonated' },
          { narrative: { id: trust, title: 'Trust earned in the field' }, response: 'jarred' },
        ],
      };
      expect(sounding).toMatchObject(expected);
      expect((await t.http.get(`/api/soundings/${sounding.id}`).expect(200)).body).toMatchObject(expected);
      expect((await t.http.get(`/api/stakeholders/${person.id}/soundings`).expect(200)).body[0]).toMatchObject(expected);
      const timeline = (await journey(person.id)).timeline.filter((event: { kind: string }) => event.kind === 'sounding');
      expect(timeline[0].sounding).toMatchObject(expected);
      // A sounding that names none shows empty lists.
      expect(await logSounding(t.http, person.id)).toMatchObject({ priorities: [], narratives: [] });
    });

    it('replaces a list a correction sends, keeps one it leaves out, and bumps the version', async () => {
      const person = await createStakeholder(t.http, { name: 'Pat Patch' });
      const [first, second] = [await priority('IT', 'Retire the old ERP'), await priority('IT', 'Hire ten engineers')];
      const candour = await narrative('Candour over comfort');
      const sounding = await logSounding(t.http, person.id, { priorityIds: [first], narratives: [{ narrativeId: candour, response: 'jarred' }] });
      const changed = (
        await t.http
          .patch(`/api/soundings/${sounding.id}`)
          .send({ version: 1, priorityIds: [second], narratives: [{ narrativeId: candour, response: 'resonated' }] })
          .expect(200)
      ).body as Sounding;
      expect(changed).toMatchObject({ version: 2, priorities: [{ id: second }], narratives: [{ narrative: { id: candour }, response: 'resonated' }] });
      const summaryOnly = (await t.http.patch(`/api/soundings/${sounding.id}`).send({ version: 2, summary: 'Only the words' }).expect(200)).body as Sounding;
      expect(summaryOnly).toMatchObject({ version: 3, priorities: [{ id: second }], narratives: [{ response: 'resonated' }] });
      const cleared = (await t.http.patch(`/api/soundings/${sounding.id}`).send({ version: 3, priorityIds: [], narratives: [] }).expect(200)).body as Sounding;
      expect(cleared).toMatchObject({ version: 4, priorities: [], narratives: [] });

      const { rows } = await t.db.query(`SELECT action, after FROM audit_log WHERE entity_id = $1 ORDER BY id`, [sounding.id]);
      expect(rows[0].after).toMatchObject({ prioritiesCited: 1, narrativesCited: 1 });
      // Named when they change, never copied.
      expect(rows[1].after.changedFields).toEqual(['narratives', 'priorityIds']);
      expect(rows[2].after.changedFields).toEqual(['summary']);
      expect(JSON.stringify(rows)).not.toContain(second);
    });

    it('keeps an archived narrative a sounding records, and refuses to add one to another sounding', async () => {
      const person = await createStakeholder(t.http, { name: 'Archie Archive' });
      const old = await narrative('Old narrative');
      const sounding = await logSounding(t.http, person.id, { narratives: [{ narrativeId: old, response: 'resonated' }] });
      await t.http.patch(`/api/narratives/${old}`).send({ version: 1, archived: true }).expect(200);
      await t.http.patch(`/api/soundings/${sounding.id}`).send({ version: 1, narratives: [{ narrativeId: old, response: 'jarred' }] }).expect(200);
      const refused = await t.http.post(`/api/stakeholders/${person.id}/soundings`).send({
        heldOn: daysAgo(1),
        summary: 'Again',
        commitmentAfter: 'open',
        narratives: [{ narrativeId: old, response: 'resonated' }],
      });
      expect(refused.status).toBe(400);
      expect(refused.body.fields).toEqual([{ field: 'narratives.0.narrativeId', message: expect.stringMatching(/archived/) }]);
    });

    it('refuses unknown, malformed or repeated ids and a reaction that is neither, naming the field, and stores nothing', async () => {
      const person = await createStakeholder(t.http, { name: 'Ursula Unknown' });
      const listed = await priority('Operations', 'Halve the backlog');
      const offered = await narrative('Service you can see');
      const before = { rows: await countRows(t.db), links: await links() };
      const bad: [Record<string, unknown>, string][] = [
        [{ priorityIds: [listed, randomUUID()] }, 'priorityIds.1'],
        [{ priorityIds: ['not-an-id'] }, 'priorityIds'],
        [{ priorityIds: [listed, listed.toUpperCase()] }, 'priorityIds'],
        [{ priorityIds: listed }, 'priorityIds'],
        [{ priorityIds: null }, 'priorityIds'],
        [{ narratives: [{ narrativeId: randomUUID(), response: 'resonated' }] }, 'narratives.0.narrativeId'],
        [{ narratives: [{ narrativeId: offered, response: 'liked' }] }, 'narratives.0.response'],
        [{ narratives: [{ narrativeId: 'nope', response: 'jarred' }] }, 'narratives.0.narrativeId'],
        [{ narratives: [{ narrativeId: offered, response: 'jarred' }, { narrativeId: offered.toUpperCase(), response: 'resonated' }] }, 'narratives'],
        [{ narratives: [offered] }, 'narratives.0'],
      ];
      for (const [body, field] of bad) {
        const response = await t.http.post(`/api/stakeholders/${person.id}/soundings`).send({ heldOn: daysAgo(1), summary: 'Bad links', commitmentAfter: 'open', ...body });
        expect({ status: response.status, fields: response.body.fields?.map((f: { field: string }) => f.field) }).toEqual({ status: 400, fields: expect.arrayContaining([field]) });
      }
      const sounding = await logSounding(t.http, person.id, { priorityIds: [listed] });
      const patch = await t.http.patch(`/api/soundings/${sounding.id}`).send({ version: 1, priorityIds: [randomUUID()], summary: 'Should not stick' });
      expect(patch.status).toBe(400);
      expect((await t.http.get(`/api/soundings/${sounding.id}`).expect(200)).body).toMatchObject({ version: 1, priorities: [{ id: listed }] });
      // Only the one good sounding (and the level it recorded) was stored.
      expect(await countRows(t.db)).toEqual({ ...before.rows, soundings: before.rows.soundings + 1, commitment_changes: before.rows.commitment_changes + 1 });
      expect(await links()).toEqual({ priorities: before.links.priorities + 1, narratives: before.links.narratives });
    });

    it("withholds a confidential sounding's priorities and narratives with its words from anyone but its author and admins", async () => {
      const person = await createStakeholder(t.http, { name: 'Cora Confidential' });
      const secretPriority = await priority('HR', 'Keep the succession plan quiet');
      const secretNarrative = await narrative('Loyalty rewarded');
      const sounding = await logSounding(t.http, person.id, {
        confidential: true,
        priorityIds: [secretPriority],
        narratives: [{ narrativeId: secretNarrative, response: 'jarred' }],
      });
      const colleague = await t.as('practitioner');
      const admin = await t.as('admin');
      for (const http of [colleague.http, (await t.as('viewer')).http]) {
        const seen = (await http.get(`/api/soundings/${sounding.id}`).expect(200)).body as Sounding;
        expect(seen).toMatchObject({ redacted: true, priorities: [], narratives: [] });
        const journeyText = JSON.stringify((await http.get(`/api/stakeholders/${person.id}/journey`).expect(200)).body);
        expect(journeyText).not.toContain(secretPriority);
        expect(journeyText).not.toContain(secretNarrative);
        // Nor may they change what came up.
        await http.patch(`/api/soundings/${sounding.id}`).send({ version: 1, priorityIds: [] }).expect(403);
      }
      for (const http of [t.http, admin.http]) {
        expect((await http.get(`/api/soundings/${sounding.id}`).expect(200)).body).toMatchObject({ redacted: false, priorities: [{ id: secretPriority }], narratives: [{ response: 'jarred' }] });
      }
    });

    it('writes a sounding in the same number of statements whether it cites one priority and narrative or ten of each', async () => {
      const person = await createStakeholder(t.http, { name: 'Stella Statements' });
      const priorities: string[] = [];
      const narratives: string[] = [];
      for (let i = 0; i < 10; i++) {
        priorities.push(await priority('Statements', `Priority ${i}`));
        narratives.push(await narrative(`Statement narrative ${i}`));
      }
      const write = (count: number) =>
        t.queries.count(() =>
          t.http
            .post(`/api/stakeholders/${person.id}/soundings`)
            .send({
              heldOn: daysAgo(1),
              summary: 'Counted',
              commitmentAfter: 'open',
              priorityIds: priorities.slice(0, count),
              narratives: narratives.slice(0, count).map((narrativeId) => ({ narrativeId, response: 'resonated' })),
            })
            .expect(201),
        );
      const one = await write(1);
      expect(await write(10)).toBe(one);
      const correct = async (count: number) => {
        const sounding = await logSounding(t.http, person.id);
        return t.queries.count(() =>
          t.http
            .patch(`/api/soundings/${sounding.id}`)
            .send({ version: 1, priorityIds: priorities.slice(0, count), narratives: narratives.slice(0, count).map((narrativeId) => ({ narrativeId, response: 'jarred' })) })
            .expect(200),
        );
      };
      expect(await correct(10)).toBe(await correct(1));
    });
  });

  describe('the champion who held it', () => {
    it('names a champion on record, counts their soundings on their own record, and follows a correction', async () => {
      const champion = await createStakeholder(t.http, { name: 'Cara Champion', role: 'line_manager' });
      const other = await createStakeholder(t.http, { name: 'Omar Other' });
      const sounded = await createStakeholder(t.http, { name: 'Sana Sounded' });
      const older = await logSounding(t.http, sounded.id, { heldOn: daysAgo(9), conductedById: champion.id.toUpperCase() });
      expect(older).toMatchObject({ conductedById: champion.id, conductedByPerson: { id: champion.id, name: 'Cara Champion' } });
      const newer = await logSounding(t.http, other.id, { heldOn: daysAgo(2), conductedById: champion.id, channel: 'video' });

      const conducted = (await t.http.get(`/api/stakeholders/${champion.id}/soundings-conducted`).expect(200)).body;
      expect(conducted).toEqual({
        total: 2,
        recent: [
          { id: newer.id, stakeholder: { id: other.id, name: 'Omar Other' }, heldOn: daysAgo(2), channel: 'video' },
          { id: older.id, stakeholder: { id: sounded.id, name: 'Sana Sounded' }, heldOn: daysAgo(9), channel: 'in_person' },
        ],
      });
      expect((await journey(sounded.id)).timeline.find((event: { kind: string }) => event.kind === 'sounding').sounding.conductedByPerson).toEqual({
        id: champion.id,
        name: 'Cara Champion',
      });

      // Corrected to "held by an HR account": the champion's count drops and the audit trail names the field.
      const corrected = await t.http.patch(`/api/soundings/${older.id}`).send({ version: 1, conductedById: null, conductedBy: 'Hana from HR' }).expect(200);
      expect(corrected.body).toMatchObject({ conductedById: null, conductedByPerson: null, conductedBy: 'Hana from HR', version: 2 });
      expect((await t.http.get(`/api/stakeholders/${champion.id}/soundings-conducted`).expect(200)).body.total).toBe(1);
      const audit = await t.db.query(`SELECT before, after FROM audit_log WHERE action = 'sounding.update' AND entity_id = $1`, [older.id]);
      expect(audit.rows[0]).toMatchObject({ before: { conductedById: champion.id }, after: { conductedById: null } });
    });

    it('refuses the person sounded, an unknown person and a malformed id as 400s naming the field', async () => {
      const person = await createStakeholder(t.http);
      const send = (conductedById: unknown) =>
        t.http.post(`/api/stakeholders/${person.id}/soundings`).send({ heldOn: daysAgo(1), summary: 'x', commitmentAfter: 'open', conductedById });
      for (const [value, message] of [
        [person.id, 'cannot be the person sounded: choose who held the conversation'],
        [randomUUID(), 'is not a known stakeholder'],
        ['champion', 'must be a stakeholder id (UUID)'],
        [42, 'must be a stakeholder id (UUID)'],
      ]) {
        const response = await send(value).expect(400);
        expect(response.body.fields).toEqual([{ field: 'conductedById', message }]);
      }
      const sounding = await logSounding(t.http, person.id);
      const patched = await t.http.patch(`/api/soundings/${sounding.id}`).send({ version: 1, conductedById: person.id }).expect(400);
      expect(patched.body.fields).toEqual([{ field: 'conductedById', message: 'cannot be the person sounded: choose who held the conversation' }]);
      expect((await t.http.get(`/api/stakeholders/${randomUUID()}/soundings-conducted`).expect(404)).body.code).toBe('not_found');
      await t.http.get('/api/stakeholders/not-an-id/soundings-conducted').expect(400);
    });

    it('erasing the champion clears them from the soundings they held, which stay the other person\'s; their export lists them first', async () => {
      const admin = await t.as('admin');
      const champion = await createStakeholder(t.http, { name: 'Petra Erasable' });
      const sounded = await createStakeholder(t.http, { name: 'Ravi Remains' });
      const sounding = await logSounding(t.http, sounded.id, { conductedById: champion.id, summary: 'Ravi wants numbers first' });

      const exported = (await t.http.get(`/api/stakeholders/${champion.id}/export`).expect(200)).body;
      expect(exported.soundingsConducted).toEqual([{ id: sounding.id, stakeholder: { id: sounded.id, name: 'Ravi Remains' }, heldOn: sounding.heldOn, channel: 'in_person' }]);

      const erased = (await admin.http.post(`/api/stakeholders/${champion.id}/erase`).expect(200)).body;
      expect(erased.soundingsConductedCleared).toBe(1);
      const after = (await t.http.get(`/api/soundings/${sounding.id}`).expect(200)).body;
      expect(after).toMatchObject({ conductedById: null, conductedByPerson: null, summary: 'Ravi wants numbers first', version: 2 });
      expect((await t.http.get(`/api/stakeholders/${champion.id}/soundings-conducted`).expect(200)).body).toEqual({ total: 0, recent: [] });
      // Nobody can name an erased person as the one who held a new sounding.
      const refused = await t.http
        .post(`/api/stakeholders/${sounded.id}/soundings`)
        .send({ heldOn: daysAgo(1), summary: 'x', commitmentAfter: 'open', conductedById: champion.id })
        .expect(409);
      expect(refused.body.code).toBe('stakeholder_erased');
    });
  });
});

