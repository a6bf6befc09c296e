import type { AuditEntry, Expectation, MeetingReadiness, Page } from '@soundings/shared';
import type TestAgent from 'supertest/lib/agent';
import { createStakeholder, daysAgo, daysAhead, logSounding } from './factories';
import { expectRefused } from './expectations';
import { startTestApp, TestApp } from './test-app';

const UNKNOWN = '7d4a9a52-8f39-4c55-9d0c-3b0d5f0b8f11';

describe('expectations register: what each leader was told to expect, by whom, and whether it is realistic', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<TestApp['as']>>;
  let viewer: Awaited<ReturnType<TestApp['as']>>;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as('admin');
    viewer = await t.as('viewer');
    await t.db.query(`UPDATE users SET display_name = 'Pat Practitioner' WHERE id = $1`, [t.user.id]);
  });
  afterAll(() => t.close());

  async function expect201(http: TestAgent, body: Record<string, unknown>): Promise<Expectation> {
    const response = await http.post('/api/expectations').send({ expectation: 'A coach for each direct report by March', toldOn: daysAgo(5), realistic: true, ...body });
    if (response.status !== 201) throw new Error(`expectation: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  const list = async (query: string) => ((await t.http.get(`/api/expectations${query}`).expect(200)).body as Page<Expectation>).items;

  describe('create, read, update, delete', () => {
    it('records what a leader was told, told by the signed-in account when no teller is named, and reads it back to every role', async () => {
      const person = await createStakeholder(t.http, { name: 'Dana Okafor', role: 'top_team', businessFunction: 'Finance', requiredCommitment: 'committed' });
      const created = await expect201(t.http, { stakeholderId: person.id, expectation: 'Her whole team coached by March', toldOn: daysAgo(3), realistic: false, note: 'Said in passing' });
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
        expectation: 'Her whole team coached by March',
        toldOn: daysAgo(3),
        toldBy: { type: 'account', id: t.user.id, name: 'Pat Practitioner' },
        realistic: false,
        status: 'open',
        note: 'Said in passing',
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        version: 1,
      });
      expect((await viewer.http.get(`/api/expectations/${created.id}`).expect(200)).body).toEqual(created);
    });

    it('names a champion teller by name, and another account by display name or else by email', async () => {
      const person = await createStakeholder(t.http);
      const champion = await createStakeholder(t.http, { name: 'Sam Patel', potentialChampion: true });
      const byChampion = await expect201(t.http, { stakeholderId: person.id, toldByStakeholderId: champion.id });
      expect(byChampion.toldBy).toEqual({ type: 'champion', id: champion.id, name: 'Sam Patel' });
      const byAdmin = await expect201(t.http, { stakeholderId: person.id, toldByUserId: admin.id });
      expect(byAdmin.toldBy).toEqual({ type: 'account', id: admin.id, name: admin.email });
    });

    it('lists the top team first, then by person, each person newest first, filtered by person, status and realism', async () => {
      const zed = await createStakeholder(t.http, { name: 'Zed Listed', role: 'top_team' });
      const amy = await createStakeholder(t.http, { name: 'Amy Listed', role: 'line_manager' });
      const older = await expect201(t.http, { stakeholderId: zed.id, expectation: 'Older', toldOn: daysAgo(20) });
      const newer = await expect201(t.http, { stakeholderId: zed.id, expectation: 'Newer', toldOn: daysAgo(2), realistic: false });
      const amys = await expect201(t.http, { stakeholderId: amy.id, expectation: 'Amy', status: 'at_risk' });

      const all = await list('?pageSize=100');
      const listed = all.filter((e) => [zed.id, amy.id].includes(e.stakeholder.id)).map((e) => e.id);
      expect(listed).toEqual([newer.id, older.id, amys.id]);
      const topTeamFirst = all.map((e) => e.stakeholder.role === 'top_team');
      expect(topTeamFirst).toEqual([...topTeamFirst].sort((a, b) => Number(b) - Number(a)));

      expect((await list(`?stakeholderId=${zed.id}`)).map((e) => e.id)).toEqual([newer.id, older.id]);
      expect((await list(`?stakeholderId=${zed.id}&realistic=false`)).map((e) => e.id)).toEqual([newer.id]);
      expect((await list(`?stakeholderId=${zed.id}&realistic=true`)).map((e) => e.id)).toEqual([older.id]);
      expect((await list(`?status=at_risk&pageSize=100`)).map((e) => e.id)).toContain(amys.id);
      expect((await list(`?status=at_risk&pageSize=100`)).every((e) => e.status === 'at_risk')).toBe(true);
      const page = (await t.http.get(`/api/expectations?stakeholderId=${zed.id}&pageSize=1&page=2`).expect(200)).body as Page<Expectation>;
      expect(page).toMatchObject({ total: 2, page: 2, pageSize: 1, items: [{ id: older.id }] });

      expectRefused(await t.http.get('/api/expectations?realistic=no'), 400, 'realistic');
      expectRefused(await t.http.get('/api/expectations?status=broken'), 400, 'status');
      expectRefused(await t.http.get('/api/expectations?stakeholderId=nope'), 400, 'stakeholderId');
    });

    it('changes it with the version loaded (withdrawing it, changing the teller), and refuses a stale or missing version', async () => {
      const person = await createStakeholder(t.http);
      const champion = await createStakeholder(t.http, { name: 'Kim Teller' });
      const created = await expect201(t.http, { stakeholderId: person.id, note: 'First note' });

      const withdrawn = await t.http.patch(`/api/expectations/${created.id}`).send({ status: 'withdrawn', version: 1 }).expect(200);
      expect(withdrawn.body).toMatchObject({ status: 'withdrawn', note: 'First note', realistic: true, version: 2 });
      const retold = await t.http
        .patch(`/api/expectations/${created.id}`)
        .set('If-Match', '2')
        .send({ toldByStakeholderId: champion.id, toldByUserId: null, note: null, realistic: false })
        .expect(200);
      expect(retold.body).toMatchObject({ toldBy: { type: 'champion', id: champion.id, name: 'Kim Teller' }, note: null, realistic: false, version: 3 });

      const stale = await t.http.patch(`/api/expectations/${created.id}`).send({ status: 'met', version: 1 });
      expectRefused(stale, 409);
      expect(stale.body).toMatchObject({ code: 'version_conflict', current: { id: created.id, version: 3, status: 'withdrawn' } });
      expect((await t.http.patch(`/api/expectations/${created.id}`).send({ status: 'met' })).status).toBe(428);
      expectRefused(await t.http.patch(`/api/expectations/${created.id}`).send({ toldByUserId: null, version: 3 }), 400, 'toldByUserId');
      expectRefused(await t.http.patch(`/api/expectations/${created.id}`).send({ toldByStakeholderId: person.id, version: 3 }), 400, 'toldByStakeholderId');
      expectRefused(await t.http.patch(`/api/expectations/${created.id}`).send({ expectation: null, version: 3 }), 400, 'expectation');
      expectRefused(await t.http.patch(`/api/expectations/${created.id}`).send({ realistic: null, version: 3 }), 400, 'realistic');
      expect((await t.http.get(`/api/expectations/${created.id}`).expect(200)).body.version).toBe(3);
    });

    it('deletes, then answers 404', async () => {
      const created = await expect201(t.http, { stakeholderId: (await createStakeholder(t.http)).id });
      await t.http.delete(`/api/expectations/${created.id}`).expect(204);
      await t.http.get(`/api/expectations/${created.id}`).expect(404);
      await t.http.delete(`/api/expectations/${created.id}`).expect(404);
      await t.http.patch(`/api/expectations/${created.id}`).send({ status: 'met', version: 1 }).expect(404);
    });

    it("audits every write in the person's history, naming the words rather than copying them", async () => {
      const person = await createStakeholder(t.http);
      const secret = 'A seat on the board by spring';
      const created = await expect201(t.http, { stakeholderId: person.id, expectation: secret, note: 'Heard from her chief of staff', toldOn: daysAgo(4) });
      await t.http.patch(`/api/expectations/${created.id}`).send({ status: 'at_risk', expectation: `${secret}, maybe`, version: 1 }).expect(200);
      await t.http.delete(`/api/expectations/${created.id}`).expect(204);

      const history = ((await admin.http.get(`/api/stakeholders/${person.id}/history`).expect(200)).body as Page<AuditEntry>).items;
      const entries = history.filter((e) => e.entityType === 'expectation').reverse();
      expect(entries.map((e) => [e.action, e.entityId, e.stakeholderId])).toEqual([
        ['expectation.create', created.id, person.id],
        ['expectation.update', created.id, person.id],
        ['expectation.delete', created.id, person.id],
      ]);
      expect(entries[0].after).toEqual({
        stakeholderId: person.id,
        toldOn: daysAgo(4),
        tellerType: 'account',
        tellerId: t.user.id,
        realistic: true,
        status: 'open',
        changedFields: expect.arrayContaining(['expectation', 'note']),
      });
      expect(entries[1].before).toMatchObject({ status: 'open' });
      expect(entries[1].after).toMatchObject({ status: 'at_risk', changedFields: ['expectation'] });
      expect(JSON.stringify(entries)).not.toMatch(/seat on the board|chief of staff/);
    });
  });

  describe('bad input and the told-by rules', () => {
    it('refuses missing, malformed and out-of-range fields with 400 naming each, storing nothing', async () => {
      const person = await createStakeholder(t.http);
      const before = (await t.db.query(`SELECT count(*)::int AS n FROM expectations`)).rows[0].n;
      const valid = { stakeholderId: person.id, expectation: 'Coaching for her leadership team', toldOn: daysAgo(1), realistic: true };
      const refusals: [Record<string, unknown>, string][] = [
        [{ ...valid, stakeholderId: undefined }, 'stakeholderId'],
        [{ ...valid, stakeholderId: 'not-a-uuid' }, 'stakeholderId'],
        [{ ...valid, expectation: '   ' }, 'expectation'],
        [{ ...valid, expectation: undefined }, 'expectation'],
        [{ ...valid, expectation: 'x'.repeat(20_001) }, 'expectation'],
        [{ ...valid, expectation: 'null' }, 'expectation'],
        [{ ...valid, toldOn: daysAhead(3) }, 'toldOn'],
        [{ ...valid, toldOn: '2026-02-30' }, 'toldOn'],
        [{ ...valid, toldOn: '1999-12-31' }, 'toldOn'],
        [{ ...valid, realistic: 'yes' }, 'realistic'],
        [{ ...valid, realistic: undefined }, 'realistic'],
        [{ ...valid, status: 'promised' }, 'status'],
        [{ ...valid, status: null }, 'status'],
        [{ ...valid, toldByUserId: 'abc' }, 'toldByUserId'],
        [{ ...valid, colour: 'red' }, 'colour'],
        [{ ...valid, note: 'a\u202Eb' }, 'note'],
      ];
      for (const [body, field] of refusals) expectRefused(await t.http.post('/api/expectations').send(body), 400, field);
      expect((await t.db.query(`SELECT count(*)::int AS n FROM expectations`)).rows[0].n).toBe(before);
    });

    it('refuses two tellers at once, the person as their own teller, an unknown person, an unknown or deactivated account', async () => {
      const person = await createStakeholder(t.http);
      const champion = await createStakeholder(t.http);
      const gone = await t.as('practitioner');
      await t.db.query(`UPDATE users SET active = false WHERE id = $1`, [gone.id]);
      const body = { stakeholderId: person.id, expectation: 'A pilot in her function', toldOn: daysAgo(1), realistic: true };

      const both = await t.http.post('/api/expectations').send({ ...body, toldByUserId: admin.id, toldByStakeholderId: champion.id });
      expectRefused(both, 400, 'toldByUserId');
      expect(both.body.fields.map((f: { field: string }) => f.field)).toEqual(['toldByUserId', 'toldByStakeholderId']);
      expectRefused(await t.http.post('/api/expectations').send({ ...body, toldByStakeholderId: person.id }), 400, 'toldByStakeholderId');
      expectRefused(await t.http.post('/api/expectations').send({ ...body, toldByStakeholderId: UNKNOWN }), 400, 'toldByStakeholderId');
      expectRefused(await t.http.post('/api/expectations').send({ ...body, stakeholderId: UNKNOWN }), 400, 'stakeholderId');
      expectRefused(await t.http.post('/api/expectations').send({ ...body, toldByUserId: UNKNOWN }), 400, 'toldByUserId');
      const deactivated = await t.http.post('/api/expectations').send({ ...body, toldByUserId: gone.id });
      expectRefused(deactivated, 400, 'toldByUserId');
      expect(deactivated.body.message).toMatch(/deactivated account/);
    });

    it('keeps a deactivated teller already on record when the change does not touch the teller, but refuses naming one anew', async () => {
      const person = await createStakeholder(t.http);
      const leaving = await t.as('practitioner');
      const created = await expect201(t.http, { stakeholderId: person.id, toldByUserId: leaving.id });
      await t.db.query(`UPDATE users SET active = false WHERE id = $1`, [leaving.id]);
      await t.http.patch(`/api/expectations/${created.id}`).send({ status: 'at_risk', toldByUserId: leaving.id, version: 1 }).expect(200);
      const other = await expect201(t.http, { stakeholderId: person.id });
      expectRefused(await t.http.patch(`/api/expectations/${other.id}`).send({ toldByUserId: leaving.id, version: 1 }), 400, 'toldByUserId');
    });

    it('answers 400 for ids that are not UUIDs and 404 for unknown ones', async () => {
      expectRefused(await t.http.get('/api/expectations/not-an-id'), 400, 'id');
      expectRefused(await t.http.get(`/api/expectations/${UNKNOWN}`), 404);
      expectRefused(await t.http.patch(`/api/expectations/${UNKNOWN}`).send({ status: 'met', version: 1 }), 404);
      expectRefused(await t.http.delete(`/api/expectations/${UNKNOWN}`), 404);
    });

    it('refuses any write about an erased person, or naming an erased champion as the teller, with 409 stakeholder_erased', async () => {
      const person = await createStakeholder(t.http);
      const teller = await createStakeholder(t.http);
      const created = await expect201(t.http, { stakeholderId: person.id });
      await admin.http.post(`/api/stakeholders/${teller.id}/erase`).expect(200);
      const byErased = await t.http.post('/api/expectations').send({ stakeholderId: person.id, expectation: 'Anything', toldOn: daysAgo(1), realistic: true, toldByStakeholderId: teller.id });
      expectRefused(byErased, 409);
      expect(byErased.body.code).toBe('stakeholder_erased');
      expect((await t.http.patch(`/api/expectations/${created.id}`).send({ toldByStakeholderId: teller.id, version: 1 })).body.code).toBe('stakeholder_erased');

      const subject = await createStakeholder(t.http);
      await admin.http.post(`/api/stakeholders/${subject.id}/erase`).expect(200);
      const aboutErased = await t.http.post('/api/expectations').send({ stakeholderId: subject.id, expectation: 'Anything', toldOn: daysAgo(1), realistic: true });
      expectRefused(aboutErased, 409);
      expect(aboutErased.body.code).toBe('stakeholder_erased');
    });

    it('lets viewers read but not write; practitioners and admins write', async () => {
      const person = await createStakeholder(t.http);
      const created = await expect201(admin.http, { stakeholderId: person.id });
      expect(created.toldBy).toMatchObject({ type: 'account', id: admin.id });
      await viewer.http.get('/api/expectations').expect(200);
      await viewer.http.get(`/api/expectations/${created.id}`).expect(200);
      await viewer.http.post('/api/expectations').send({ stakeholderId: person.id, expectation: 'x', toldOn: daysAgo(1), realistic: true }).expect(403);
      await viewer.http.patch(`/api/expectations/${created.id}`).send({ status: 'met', version: 1 }).expect(403);
      await viewer.http.delete(`/api/expectations/${created.id}`).expect(403);
      await t.http.patch(`/api/expectations/${created.id}`).send({ status: 'met', version: 1 }).expect(200);
    });
  });

  describe('meeting readiness', () => {
    async function readiness(meetingId: string): Promise<MeetingReadiness> {
      return (await t.http.get(`/api/meetings/${meetingId}/readiness`).expect(200)).body;
    }

    it('flags an attendee with an unrealistic open or any at-risk expectation, in words, and stops once it is withdrawn or met', async () => {
      const unrealistic = await createStakeholder(t.http, { name: 'Una Unrealistic' });
      const atRisk = await createStakeholder(t.http, { name: 'Rita AtRisk' });
      const fine = await createStakeholder(t.http, { name: 'Fay Fine' });
      for (const person of [unrealistic, atRisk, fine]) await logSounding(t.http, person.id, { heldOn: daysAgo(3), commitmentAfter: 'supportive' });
      const champion = await createStakeholder(t.http, { name: 'Cal Champion' });
      const promise = await expect201(t.http, { stakeholderId: unrealistic.id, expectation: 'Every manager trained in a month', toldOn: daysAgo(9), realistic: false, toldByStakeholderId: champion.id });
      const risky = await expect201(t.http, { stakeholderId: atRisk.id, expectation: 'A pilot in Sales by June', toldOn: daysAgo(7), realistic: true, status: 'at_risk' });
      await expect201(t.http, { stakeholderId: fine.id, expectation: 'Quarterly updates', realistic: true });
      await expect201(t.http, { stakeholderId: fine.id, expectation: 'Something long past', realistic: false, status: 'met' });
      await expect201(t.http, { stakeholderId: fine.id, expectation: 'Dropped idea', realistic: false, status: 'withdrawn' });
      const meeting = (
        await t.http
          .post('/api/meetings')
          .send({ title: 'Executive committee', scheduledFor: `${daysAhead(10)}T09:00:00Z`, attendeeIds: [unrealistic.id, atRisk.id, fine.id] })
          .expect(201)
      ).body;

      const room = await readiness(meeting.id);
      const byName = (ready: MeetingReadiness) => Object.fromEntries(ready.attendees.map((a) => [a.stakeholder.name, a]));
      expect(byName(room)['Una Unrealistic'].warnings).toEqual(['expectation_at_risk']);
      expect(byName(room)['Una Unrealistic'].expectations).toEqual([
        { id: promise.id, expectation: 'Every manager trained in a month', toldOn: daysAgo(9), toldByName: 'Cal Champion', realistic: false, status: 'open' },
      ]);
      expect(byName(room)['Rita AtRisk'].warnings).toEqual(['expectation_at_risk']);
      expect(byName(room)['Rita AtRisk'].expectations.map((e) => [e.expectation, e.status, e.toldByName])).toEqual([['A pilot in Sales by June', 'at_risk', 'Pat Practitioner']]);
      expect(byName(room)['Fay Fine'].warnings).toEqual([]);
      expect(byName(room)['Fay Fine'].expectations).toEqual([]);

      await t.http.patch(`/api/expectations/${promise.id}`).send({ status: 'withdrawn', version: 1 }).expect(200);
      await t.http.patch(`/api/expectations/${risky.id}`).send({ status: 'met', version: 1 }).expect(200);
      const after = byName(await readiness(meeting.id));
      expect(after['Una Unrealistic']).toMatchObject({ warnings: [], expectations: [] });
      expect(after['Rita AtRisk']).toMatchObject({ warnings: [], expectations: [] });
    });

    it('reads the expectations within the same statements whatever their number', async () => {
      const people = await Promise.all([1, 2, 3].map(() => createStakeholder(t.http)));
      const meeting = (await t.http.post('/api/meetings').send({ title: 'Count', scheduledFor: `${daysAhead(5)}T09:00:00Z`, attendeeIds: people.map((p) => p.id) }).expect(201)).body;
      const count = () => t.queries.count(() => t.http.get(`/api/meetings/${meeting.id}/readiness`).expect(200));
      const none = await count();
      // Each: open and realistic, open and unrealistic (flagged), open and realistic, at risk (flagged).
      for (const person of people) for (let i = 0; i < 4; i++) await expect201(t.http, { stakeholderId: person.id, realistic: i !== 1, status: i === 3 ? 'at_risk' : 'open' });
      expect(await count()).toBe(none);
      expect((await readiness(meeting.id)).attendees.map((a) => a.expectations.length)).toEqual([2, 2, 2]);
    });
  });
});
