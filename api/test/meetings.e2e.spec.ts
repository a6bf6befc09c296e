import type { AttendeeReadiness, Meeting, MeetingReadiness, Stakeholder } from '@soundings/shared';
import { MEETING_ATTENDEES_MAX } from '@soundings/shared';
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import type TestAgent from 'supertest/lib/agent';
import { createStakeholder, daysAgo, logSounding, recordCommitmentChange } from './factories';
import { expectRefused } from './expectations';
import { startTestApp, TestApp } from './test-app';

/** A moment `days` from today (negative: past) at `hour`:00 UTC. */
function at(days: number, hour = 9): string {
  const date = new Date(Date.now() + days * 86_400_000);
  date.setUTCHours(hour, 0, 0, 0);
  return date.toISOString();
}

async function createMeeting(http: TestAgent, body: { attendeeIds?: string[]; scheduledFor?: string; title?: string; purpose?: string | null }): Promise<Meeting> {
  const response = await http.post('/api/meetings').send({ title: 'Leadership offsite', scheduledFor: at(14), ...body });
  if (response.status !== 201) throw new Error(`createMeeting: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}


describe('meetings API and meeting readiness', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const readiness = async (id: string, http: TestAgent = t.http): Promise<MeetingReadiness> =>
    (await http.get(`/api/meetings/${id}/readiness`).expect(200)).body;
  const row = (result: MeetingReadiness, stakeholderId: string): AttendeeReadiness => result.attendees.find((entry) => entry.stakeholder.id === stakeholderId)!;

  /** Row counts and version sums of everything these endpoints may write. */
  async function fingerprint(): Promise<string> {
    const { rows } = await t.db.query(`
      SELECT (SELECT count(*) FROM meetings)::int AS meetings,
             (SELECT coalesce(sum(version), 0) FROM meetings)::int AS meeting_versions,
             (SELECT count(*) FROM meeting_attendees)::int AS attendees,
             (SELECT count(*) FROM meeting_attendees WHERE spoke_for)::int AS spoke_for,
             (SELECT count(*) FROM commitment_changes)::int AS commitment_changes,
             (SELECT string_agg(commitment, ',' ORDER BY id) FROM stakeholders) AS levels`);
    return JSON.stringify(rows[0]);
  }

  /** Statements a request spends identifying its caller, measured on a one-statement read. */
  async function identifyCost(): Promise<number> {
    return (await t.queries.count(() => t.http.get('/api/business-functions').expect(200))) - 1;
  }

  describe('create, read, update, delete', () => {
    it('creates a meeting with its attendees, by name, and reads it back', async () => {
      const zed = await createStakeholder(t.http, { name: 'Zed Ward', role: 'top_team' });
      const amy = await createStakeholder(t.http, { name: 'Amy Lowe', role: 'senior_leader' });
      const scheduledFor = at(10, 14);
      const created = await createMeeting(t.http, { title: 'Q3 operations review', scheduledFor, purpose: 'Ask for two pilot sponsors', attendeeIds: [zed.id, amy.id] });
      expect(created).toEqual({
        id: expect.any(String),
        title: 'Q3 operations review',
        scheduledFor,
        purpose: 'Ask for two pilot sponsors',
        attendeeCount: 2,
        attendees: [
          { id: amy.id, name: 'Amy Lowe', role: 'senior_leader', commitment: 'not_sounded', spokeFor: false },
          { id: zed.id, name: 'Zed Ward', role: 'top_team', commitment: 'not_sounded', spokeFor: false },
        ],
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        version: 1,
      });
      expect((await t.http.get(`/api/meetings/${created.id}`).expect(200)).body).toEqual(created);
      const { attendees: _attendees, ...summary } = created;
      const listed = (await t.http.get('/api/meetings').query({ pageSize: 100 }).expect(200)).body;
      expect(listed.items).toContainEqual({ ...summary, readiness: expect.objectContaining({ attendees: summary.attendeeCount }) });
    });

    it('creates a meeting with no attendees yet', async () => {
      const created = await createMeeting(t.http, { title: 'To be decided' });
      expect(created).toMatchObject({ attendeeCount: 0, attendees: [], purpose: null });
    });

    it('replaces the attendee list with the version loaded, and refuses a stale version with 409', async () => {
      const [a, b, c] = [await createStakeholder(t.http), await createStakeholder(t.http), await createStakeholder(t.http)];
      const created = await createMeeting(t.http, { attendeeIds: [a.id, b.id] });
      const updated = await t.http.patch(`/api/meetings/${created.id}`).send({ version: 1, attendeeIds: [b.id, c.id], title: 'Renamed' }).expect(200);
      expect(updated.body).toMatchObject({ title: 'Renamed', attendeeCount: 2, version: 2 });
      expect(updated.body.attendees.map((attendee: { id: string }) => attendee.id).sort()).toEqual([b.id, c.id].sort());

      const before = await fingerprint();
      const stale = await t.http.patch(`/api/meetings/${created.id}`).send({ version: 1, attendeeIds: [a.id] }).expect(409);
      expect(stale.body).toMatchObject({ code: 'version_conflict', current: { id: created.id, title: 'Renamed', version: 2, attendeeCount: 2 } });
      expect(await fingerprint()).toBe(before);
      await t.http.patch(`/api/meetings/${created.id}`).set('If-Match', '"2"').send({ purpose: 'Sponsors' }).expect(200);
    });

    it('lets one of simultaneous edits win and refuses the rest with 409', async () => {
      const created = await createMeeting(t.http, {});
      const responses = await Promise.all(['a', 'b', 'c'].map((title) => t.http.patch(`/api/meetings/${created.id}`).send({ version: 1, title })));
      expect(responses.map((response) => response.status).sort()).toEqual([200, 409, 409]);
    });

    it('refuses a PATCH without any version with 428', async () => {
      const created = await createMeeting(t.http, {});
      expectRefused(await t.http.patch(`/api/meetings/${created.id}`).send({ title: 'Blind' }), 428, 'version');
    });

    it('deletes, then answers 404 everywhere', async () => {
      const person = await createStakeholder(t.http);
      const created = await createMeeting(t.http, { attendeeIds: [person.id] });
      await t.http.delete(`/api/meetings/${created.id}`).expect(204);
      for (const path of [`/api/meetings/${created.id}`, `/api/meetings/${created.id}/readiness`]) expectRefused(await t.http.get(path), 404);
      expectRefused(await t.http.delete(`/api/meetings/${created.id}`), 404);
      expectRefused(await t.http.patch(`/api/meetings/${created.id}`).send({ version: 1, title: 'x' }), 404);
      expectRefused(await t.http.post(`/api/meetings/${created.id}/spoke-for`).send({ stakeholderIds: [person.id] }), 404);
      expect((await t.db.query('SELECT count(*)::int AS n FROM meeting_attendees WHERE meeting_id = $1', [created.id])).rows[0].n).toBe(0);
    });

    it('drops a deleted stakeholder from the meetings they were to attend', async () => {
      const [stays, goes] = [await createStakeholder(t.http), await createStakeholder(t.http)];
      const created = await createMeeting(t.http, { attendeeIds: [stays.id, goes.id] });
      await t.http.delete(`/api/stakeholders/${goes.id}`).expect(204);
      expect((await t.http.get(`/api/meetings/${created.id}`).expect(200)).body.attendees.map((a: { id: string }) => a.id)).toEqual([stays.id]);
    });

    it('lets a viewer read meetings and readiness but not write', async () => {
      const viewer = await t.as('viewer');
      const person = await createStakeholder(t.http);
      const created = await createMeeting(t.http, { attendeeIds: [person.id], scheduledFor: at(-1) });
      await viewer.http.get('/api/meetings').expect(200);
      await viewer.http.get(`/api/meetings/${created.id}`).expect(200);
      await viewer.http.get(`/api/meetings/${created.id}/readiness`).expect(200);
      const before = await fingerprint();
      await viewer.http.post('/api/meetings').send({ title: 'x', scheduledFor: at(3) }).expect(403);
      await viewer.http.patch(`/api/meetings/${created.id}`).send({ version: 1, title: 'x' }).expect(403);
      await viewer.http.delete(`/api/meetings/${created.id}`).expect(403);
      await viewer.http.post(`/api/meetings/${created.id}/spoke-for`).send({ stakeholderIds: [person.id] }).expect(403);
      expect(await fingerprint()).toBe(before);
    });

    it('audits every write without copying the title or the purpose', async () => {
      const admin = await t.as('admin');
      const [a, b] = [await createStakeholder(t.http), await createStakeholder(t.http)];
      const created = await createMeeting(t.http, { title: 'Secret reorganisation talk', purpose: 'Quiet words', attendeeIds: [a.id], scheduledFor: at(-2) });
      await t.http.patch(`/api/meetings/${created.id}`).send({ version: 1, attendeeIds: [a.id, b.id], purpose: 'Other quiet words' }).expect(200);
      await t.http.post(`/api/meetings/${created.id}/spoke-for`).send({ stakeholderIds: [b.id] }).expect(200);
      await t.http.delete(`/api/meetings/${created.id}`).expect(204);
      const trail = (await admin.http.get('/api/audit').query({ entityId: created.id }).expect(200)).body.items;
      expect(trail.map((entry: { action: string }) => entry.action).sort()).toEqual(['meeting.create', 'meeting.delete', 'meeting.spoke_for', 'meeting.update']);
      expect(trail.find((entry: { action: string }) => entry.action === 'meeting.update')).toMatchObject({
        before: { attendeeCount: 1 },
        after: { attendeeCount: 2, attendeesAdded: [b.id], changedFields: ['purpose'] },
      });
      expect(trail.find((entry: { action: string }) => entry.action === 'meeting.spoke_for')).toMatchObject({ stakeholderId: b.id, after: { level: 'public_champion' } });
      const everything = await t.db.query(`SELECT string_agg(coalesce(before::text,'') || coalesce(after::text,''), ' ') AS text FROM audit_log`);
      for (const words of ['Secret reorganisation talk', 'Quiet words', 'Other quiet words']) expect(everything.rows[0].text).not.toContain(words);
    });
  });

  describe('readiness', () => {
    it('summarises the room and flags each warning for the attendees it concerns, and only them', async () => {
      const boss = await createStakeholder(t.http, { name: 'Boss In Room', role: 'top_team' });
      await logSounding(t.http, boss.id, { heldOn: daysAgo(20), commitmentAfter: 'committed' });
      const ready = await createStakeholder(t.http, { name: 'Ready Rae', reportsToId: boss.id });
      await logSounding(t.http, ready.id, { heldOn: daysAgo(10), commitmentAfter: 'supportive' });
      const never = await createStakeholder(t.http, { name: 'Never Nell' });
      const late = await createStakeholder(t.http, { name: 'Late Lou' });
      await logSounding(t.http, late.id, { heldOn: daysAgo(1), commitmentAfter: 'open' });
      const against = await createStakeholder(t.http, { name: 'Against Al' });
      await logSounding(t.http, against.id, { heldOn: daysAgo(12), commitmentAfter: 'resistant' });
      const worried = await createStakeholder(t.http, { name: 'Worried Wyn' });
      await logSounding(t.http, worried.id, {
        heldOn: daysAgo(9),
        commitmentAfter: 'open',
        fears: [
          { statement: 'It will eat my Fridays', category: 'time_and_workload' },
          { statement: 'My people will think I am soft', category: 'personal_exposure' },
        ],
      });
      const settled = await createStakeholder(t.http, { name: 'Settled Sam' });
      const settledSounding = await logSounding(t.http, settled.id, {
        heldOn: daysAgo(9),
        commitmentAfter: 'supportive',
        fears: [{ statement: 'Budget', category: 'cost_and_budget' }],
      });
      await t.http.patch(`/api/fears/${settledSounding.fears[0].id}`).send({ version: 1, status: 'resolved', resolvedOn: daysAgo(2) }).expect(200);
      const cold = await createStakeholder(t.http, { name: 'Cold Cas' });
      await logSounding(t.http, cold.id, { heldOn: daysAgo(60), commitmentAfter: 'supportive' });
      // Attending the meeting three days ago is contact of its own: Cas is no longer cooling after it.
      const outsideBoss = await createStakeholder(t.http, { name: 'Outside Boss' });
      await logSounding(t.http, outsideBoss.id, { heldOn: daysAgo(5), commitmentAfter: 'open' });
      const follower = await createStakeholder(t.http, { name: 'Follower Fi', reportsToId: outsideBoss.id });
      await logSounding(t.http, follower.id, { heldOn: daysAgo(5), commitmentAfter: 'open' });

      const everyone = [boss, ready, never, late, against, worried, settled, cold, follower];
      // Held three days ago: Late Lou was sounded only afterwards.
      const meeting = await createMeeting(t.http, { scheduledFor: at(-3), attendeeIds: everyone.map((person) => person.id) });
      const result = await readiness(meeting.id);

      expect(result.summary).toMatchObject({ attendees: 9, onBoard: 4, notSounded: 2, resistant: 1, openFears: 2, verdict: 'not_ready' });
      expect(result.meeting).toMatchObject({ id: meeting.id, attendeeCount: 9 });
      expect(result.attendees.map((entry) => entry.stakeholder.name)).toEqual([
        'Against Al',
        'Boss In Room',
        'Cold Cas',
        'Follower Fi',
        'Late Lou',
        'Never Nell',
        'Ready Rae',
        'Settled Sam',
        'Worried Wyn',
      ]);
      const warnings = Object.fromEntries(result.attendees.map((entry) => [entry.stakeholder.name, entry.warnings]));
      expect(warnings).toEqual({
        'Against Al': ['resistant'],
        'Boss In Room': [],
        'Cold Cas': [],
        'Follower Fi': [],
        'Late Lou': ['not_sounded_individually'],
        'Never Nell': ['not_sounded_individually'],
        'Ready Rae': [],
        'Settled Sam': [],
        'Worried Wyn': ['open_fears'],
      });
      expect(row(result, worried.id).openFears.map((fear) => fear.statement)).toEqual(['It will eat my Fridays', 'My people will think I am soft']);
      expect(row(result, ready.id)).toMatchObject({
        commitment: 'supportive',
        onBoard: true,
        soundedIndividually: true,
        lastContactAt: daysAgo(3),
        looksTo: { id: boss.id, name: 'Boss In Room', commitment: 'committed', onBoard: true, attending: true },
      });
      expect(row(result, follower.id).looksTo).toBeNull();
      expect(row(result, never.id)).toMatchObject({ commitment: 'not_sounded', soundedIndividually: false, lastContactAt: daysAgo(3), looksTo: null });

      // The same people before a meeting still to come: Late Lou now counts as sounded first.
      const upcoming = await createMeeting(t.http, { scheduledFor: at(5), attendeeIds: [late.id, ready.id] });
      expect(row(await readiness(upcoming.id), late.id).warnings).toEqual([]);
    });

    it('flags as cooling someone who will be past their ideal contact interval (45 days for a senior leader) by the meeting', async () => {
      const person = await createStakeholder(t.http);
      await logSounding(t.http, person.id, { heldOn: daysAgo(40), commitmentAfter: 'supportive' });
      const soon = await createMeeting(t.http, { scheduledFor: at(2), attendeeIds: [person.id] });
      const later = await createMeeting(t.http, { scheduledFor: at(20), attendeeIds: [person.id] });
      expect(row(await readiness(soon.id), person.id).warnings).toEqual([]);
      expect(row(await readiness(later.id), person.id).warnings).toEqual(['cooling']);
    });

    it('names who an attendee looks to when that person is on board, even outside the room', async () => {
      const manager = await createStakeholder(t.http, { name: 'Manager Away' });
      await logSounding(t.http, manager.id, { heldOn: daysAgo(3), commitmentAfter: 'public_champion' });
      const person = await createStakeholder(t.http, { reportsToId: manager.id });
      const meeting = await createMeeting(t.http, { attendeeIds: [person.id] });
      expect(row(await readiness(meeting.id), person.id).looksTo).toEqual({
        id: manager.id,
        name: 'Manager Away',
        commitment: 'public_champion',
        onBoard: true,
        attending: false,
      });
    });

    it('names the strongest person an attendee looks to through influence links too, preferring one in the room', async () => {
      const manager = await createStakeholder(t.http, { name: 'Manager On Board' });
      await logSounding(t.http, manager.id, { heldOn: daysAgo(3), commitmentAfter: 'committed' });
      const peer = await createStakeholder(t.http, { name: 'Peer In Room' });
      const mentor = await createStakeholder(t.http, { name: 'Mentor On Board' });
      await logSounding(t.http, mentor.id, { heldOn: daysAgo(3), commitmentAfter: 'supportive' });
      const person = await createStakeholder(t.http, { reportsToId: manager.id });
      await t.http.post('/api/influences').send({ fromId: person.id, toId: mentor.id, kind: 'mentor', strength: 3 }).expect(201);
      const peerLink = (await t.http.post('/api/influences').send({ fromId: person.id, toId: peer.id, kind: 'looks_to', strength: 1 }).expect(201)).body;

      // Nobody they look to is in the room: the decisive mentor (3) beats the manager (2).
      const apart = await createMeeting(t.http, { attendeeIds: [person.id] });
      expect(row(await readiness(apart.id), person.id).looksTo).toEqual({ id: mentor.id, name: 'Mentor On Board', commitment: 'supportive', onBoard: true, attending: false });
      // The peer, though undecided and a weaker tie, is in the room: the room is where they will look.
      const together = await createMeeting(t.http, { attendeeIds: [person.id, peer.id] });
      expect(row(await readiness(together.id), person.id).looksTo).toEqual({ id: peer.id, name: 'Peer In Room', commitment: 'not_sounded', onBoard: false, attending: true });
      // An ally is not someone they look to.
      await t.http.delete(`/api/influences/${peerLink.id}`).expect(204);
      await t.http.post('/api/influences').send({ fromId: person.id, toId: peer.id, kind: 'ally', strength: 3 }).expect(201);
      expect(row(await readiness(together.id), person.id).looksTo).toMatchObject({ id: mentor.id, attending: false });
    });

    it('withholds the words of fears from confidential soundings from another practitioner, and not from the author or an admin', async () => {
      const author = await t.as('practitioner');
      const colleague = await t.as('practitioner');
      const admin = await t.as('admin');
      const viewer = await t.as('viewer');
      const person = await createStakeholder(t.http);
      const secret = 'Afraid the board will see me as weak';
      await logSounding(author.http, person.id, {
        heldOn: daysAgo(4),
        commitmentAfter: 'open',
        confidential: true,
        fears: [{ statement: secret, category: 'personal_exposure' }],
      });
      await logSounding(t.http, person.id, { heldOn: daysAgo(3), commitmentAfter: 'open', fears: [{ statement: 'Plain worry', category: 'other' }] });
      const meeting = await createMeeting(t.http, { attendeeIds: [person.id] });

      for (const reader of [colleague, viewer]) {
        const response = await reader.http.get(`/api/meetings/${meeting.id}/readiness`).expect(200);
        expect(JSON.stringify(response.body)).not.toContain(secret);
        expect(row(response.body, person.id).openFears.map((fear) => [fear.statement, fear.redacted, fear.category])).toEqual([
          [null, true, 'personal_exposure'],
          ['Plain worry', false, 'other'],
        ]);
        expect(response.body.summary.openFears).toBe(2);
      }
      for (const reader of [author, admin]) {
        expect(row(await readiness(meeting.id, reader.http), person.id).openFears.map((fear) => fear.statement)).toEqual([secret, 'Plain worry']);
      }
    });

    it('answers for 300 attendees in one statement, the same as for 3', async () => {
      const { rows: people } = await t.db.query(
        `INSERT INTO stakeholders (name, role, business_function)
         SELECT 'Crowd ' || lpad(g::text, 3, '0'), CASE WHEN g % 10 = 0 THEN 'top_team' ELSE 'line_manager' END, 'Operations'
           FROM generate_series(1, 300) g RETURNING id`,
      );
      const ids: string[] = people.map((person: { id: string }) => person.id);
      // Every other attendee sounded, each of them with an open fear; each attendee reports to the one before.
      await t.db.query(
        `WITH sounded AS (
           INSERT INTO soundings (stakeholder_id, held_on, summary, commitment_after)
           SELECT id, current_date - (n % 70)::int, 'Talked', CASE WHEN n % 7 = 0 THEN 'resistant' ELSE 'supportive' END
             FROM unnest($1::uuid[]) WITH ORDINALITY AS p(id, n) WHERE n % 2 = 0
           RETURNING id, stakeholder_id, held_on, commitment_after)
         INSERT INTO fears (stakeholder_id, sounding_id, statement, category, voiced_on)
         SELECT stakeholder_id, id, 'Crowd worry', 'other', held_on FROM sounded`,
        [ids],
      );
      await t.db.query(
        `UPDATE stakeholders s SET commitment = latest.commitment_after, last_contact_at = latest.held_on
           FROM (SELECT DISTINCT ON (stakeholder_id) stakeholder_id, commitment_after, held_on FROM soundings ORDER BY stakeholder_id, held_on DESC) latest
          WHERE latest.stakeholder_id = s.id AND s.id = ANY($1::uuid[])`,
        [ids],
      );
      await t.db.query(
        `UPDATE stakeholders s SET reports_to_id = p.prev FROM (SELECT id, lag(id) OVER (ORDER BY n) AS prev FROM unnest($1::uuid[]) WITH ORDINALITY AS x(id, n)) p
          WHERE p.id = s.id AND p.prev IS NOT NULL`,
        [ids],
      );

      const big = await createMeeting(t.http, { scheduledFor: at(7), attendeeIds: ids });
      expect(big.attendeeCount).toBe(300);
      const small = await createMeeting(t.http, { scheduledFor: at(7), attendeeIds: ids.slice(0, 3) });

      const identify = await identifyCost();
      const statements = {
        small: (await t.queries.count(() => t.http.get(`/api/meetings/${small.id}/readiness`).expect(200))) - identify,
        big: (await t.queries.count(() => t.http.get(`/api/meetings/${big.id}/readiness`).expect(200))) - identify,
        detail: (await t.queries.count(() => t.http.get(`/api/meetings/${big.id}`).expect(200))) - identify,
      };
      // The meeting with its attendees (with stakeholders and soundings) and their open fears.
      expect(statements).toEqual({ small: 1, big: 1, detail: 2 });

      const started = Date.now();
      const result = await readiness(big.id);
      const elapsed = Date.now() - started;
      expect(result.attendees).toHaveLength(300);
      expect(result.summary).toMatchObject({ attendees: 300, onBoard: 129, notSounded: 150, resistant: 21, openFears: 150, verdict: 'not_ready' });
      expect(result.attendees.filter((entry) => entry.looksTo?.attending)).toHaveLength(result.attendees.filter((entry) => entry.looksTo).length);
      expect(elapsed).toBeLessThan(5_000);
    });
  });

  describe('who spoke for it', () => {
    it('moves each to public_champion through a dated change naming the meeting, in one go, once', async () => {
      const supportive = await createStakeholder(t.http, { name: 'Spoke Supportive' });
      await logSounding(t.http, supportive.id, { heldOn: daysAgo(10), commitmentAfter: 'supportive' });
      const committed = await createStakeholder(t.http, { name: 'Spoke Committed' });
      await logSounding(t.http, committed.id, { heldOn: daysAgo(10), commitmentAfter: 'committed' });
      const already = await createStakeholder(t.http, { name: 'Already Champion' });
      await recordCommitmentChange(t.http, already.id, { level: 'public_champion', on: daysAgo(20), reason: 'Spoke at the town hall' });
      const quiet = await createStakeholder(t.http, { name: 'Stayed Quiet' });
      const meeting = await createMeeting(t.http, {
        title: 'Executive committee, May',
        scheduledFor: at(-2),
        attendeeIds: [supportive.id, committed.id, already.id, quiet.id],
      });

      const response = await t.http.post(`/api/meetings/${meeting.id}/spoke-for`).send({ stakeholderIds: [supportive.id, committed.id, already.id] }).expect(200);
      expect(response.body.attendees.map((a: { name: string; spokeFor: boolean; commitment: string }) => [a.name, a.spokeFor, a.commitment])).toEqual([
        ['Already Champion', true, 'public_champion'],
        ['Spoke Committed', true, 'public_champion'],
        ['Spoke Supportive', true, 'public_champion'],
        ['Stayed Quiet', false, 'not_sounded'],
      ]);
      const journey = (await t.http.get(`/api/stakeholders/${supportive.id}/journey`).expect(200)).body;
      const change = journey.timeline.filter((event: { kind: string }) => event.kind === 'commitment_change').at(-1).change;
      expect(change).toMatchObject({ fromLevel: 'supportive', toLevel: 'public_champion', on: daysAgo(2), soundingId: null });
      expect(change.reason).toContain('Executive committee, May');
      expect((await t.db.query(`SELECT count(*)::int AS n FROM commitment_changes WHERE stakeholder_id = $1`, [already.id])).rows[0].n).toBe(1);

      const before = await fingerprint();
      await t.http.post(`/api/meetings/${meeting.id}/spoke-for`).send({ stakeholderIds: [supportive.id] }).expect(200);
      expect(await fingerprint()).toBe(before);
      expect(row(await readiness(meeting.id), supportive.id).spokeFor).toBe(true);

      // Changing the attendee list keeps what was recorded about those who stay.
      const current = (await t.http.get(`/api/meetings/${meeting.id}`).expect(200)).body;
      const kept = await t.http.patch(`/api/meetings/${meeting.id}`).send({ version: current.version, attendeeIds: [supportive.id, quiet.id] }).expect(200);
      expect(kept.body.attendees.map((a: { name: string; spokeFor: boolean }) => [a.name, a.spokeFor])).toEqual([
        ['Spoke Supportive', true],
        ['Stayed Quiet', false],
      ]);
    });

    it('audits each level change it records as commitment.record, with the change\'s id, as an explicit change would be', async () => {
      const supportive = await createStakeholder(t.http);
      await logSounding(t.http, supportive.id, { heldOn: daysAgo(10), commitmentAfter: 'supportive' });
      const already = await createStakeholder(t.http);
      await recordCommitmentChange(t.http, already.id, { level: 'public_champion', on: daysAgo(20), reason: 'Spoke at the town hall' });
      const meeting = await createMeeting(t.http, { title: 'Board away day', scheduledFor: at(-3), attendeeIds: [supportive.id, already.id] });
      await t.http.post(`/api/meetings/${meeting.id}/spoke-for`).send({ stakeholderIds: [supportive.id, already.id] }).expect(200);

      const { rows } = await t.db.query(
        `SELECT a.stakeholder_id, a.actor_id, a.entity_id, a.before, a.after, c.to_level
           FROM audit_log a LEFT JOIN commitment_changes c ON c.id::text = a.entity_id
          WHERE a.action = 'commitment.record' AND a.stakeholder_id = ANY($1) ORDER BY a.id`,
        [[supportive.id, already.id]],
      );
      expect(rows).toEqual([
        expect.objectContaining({ stakeholder_id: already.id, to_level: 'public_champion' }),
        {
          stakeholder_id: supportive.id,
          actor_id: t.user.id,
          entity_id: expect.any(String),
          before: { level: 'supportive' },
          after: { level: 'public_champion', on: daysAgo(3), changedFields: ['reason'] },
          to_level: 'public_champion',
        },
      ]);
    });

    it('stores nothing when one of the people did not attend', async () => {
      const [attendee, outsider] = [await createStakeholder(t.http), await createStakeholder(t.http)];
      const meeting = await createMeeting(t.http, { scheduledFor: at(-1), attendeeIds: [attendee.id] });
      const before = await fingerprint();
      expectRefused(await t.http.post(`/api/meetings/${meeting.id}/spoke-for`).send({ stakeholderIds: [attendee.id, outsider.id] }), 400, 'stakeholderIds');
      expect(await fingerprint()).toBe(before);
    });

    it('refuses before the meeting has happened, storing nothing', async () => {
      const attendee = await createStakeholder(t.http);
      const meeting = await createMeeting(t.http, { scheduledFor: at(5), attendeeIds: [attendee.id] });
      const before = await fingerprint();
      expectRefused(await t.http.post(`/api/meetings/${meeting.id}/spoke-for`).send({ stakeholderIds: [attendee.id] }), 409);
      expect(await fingerprint()).toBe(before);
    });

    it('rolls everything back when a write fails part way', async () => {
      const [first, second] = [await createStakeholder(t.http), await createStakeholder(t.http)];
      await logSounding(t.http, first.id, { heldOn: daysAgo(5), commitmentAfter: 'supportive' });
      await logSounding(t.http, second.id, { heldOn: daysAgo(5), commitmentAfter: 'supportive' });
      const meeting = await createMeeting(t.http, { scheduledFor: at(-1), attendeeIds: [first.id, second.id] });
      const before = await fingerprint();
      // A database rule that refuses the second person's change, after the first one's has been written.
      await t.db.query(`ALTER TABLE commitment_changes ADD CONSTRAINT test_refuse_second CHECK (stakeholder_id <> '${[first.id, second.id].sort()[1]}' OR sounding_id IS NOT NULL)`);
      try {
        const response = await t.http.post(`/api/meetings/${meeting.id}/spoke-for`).send({ stakeholderIds: [first.id, second.id] });
        expect(response.status).toBe(400);
      } finally {
        await t.db.query(`ALTER TABLE commitment_changes DROP CONSTRAINT test_refuse_second`);
      }
      expect(await fingerprint()).toBe(before);
    });
  });

  describe('bad input: a clear 4xx and nothing stored', () => {
    let person: Stakeholder;
    let meeting: Meeting;
    beforeAll(async () => {
      person = await createStakeholder(t.http);
      meeting = await createMeeting(t.http, { scheduledFor: at(-1), attendeeIds: [person.id] });
    });

    const valid = () => ({ title: 'Board dinner', scheduledFor: at(3), attendeeIds: [person.id] });

    it.each<[string, string, Record<string, unknown>]>([
      ['no title', 'title', { title: undefined }],
      ['a blank title', 'title', { title: '   ' }],
      ['a title too long', 'title', { title: 'x'.repeat(201) }],
      ['a number for a title', 'title', { title: 7 }],
      ['NUL in the title', 'title', { title: 'Board\u0000dinner' }],
      ['no scheduledFor', 'scheduledFor', { scheduledFor: undefined }],
      ['a date without a time', 'scheduledFor', { scheduledFor: '2031-05-04' }],
      ['a time without a zone', 'scheduledFor', { scheduledFor: '2031-05-04T19:00' }],
      ['an impossible date', 'scheduledFor', { scheduledFor: '2031-02-29T19:00:00Z' }],
      ['a purpose that is not text', 'purpose', { purpose: ['x'] }],
      ['attendees as text', 'attendeeIds', { attendeeIds: 'everyone' }],
      ['attendees null', 'attendeeIds', { attendeeIds: null }],
      ['an attendee that is not an id', 'attendeeIds', { attendeeIds: ['nope'] }],
      ['an attendee twice', 'attendeeIds', { attendeeIds: ['PERSON', 'PERSON'] }],
      ['an unknown attendee', 'attendeeIds', { attendeeIds: ['PERSON', randomUUID()] }],
      ['too many attendees', 'attendeeIds', { attendeeIds: Array.from({ length: MEETING_ATTENDEES_MAX + 1 }, () => randomUUID()) }],
      ['an unknown field', 'location', { location: 'Room 1' }],
    ])('POST /api/meetings refuses %s, naming %s', async (_label, field, change) => {
      const before = await fingerprint();
      const body: Record<string, unknown> = { ...valid(), ...change };
      if (Array.isArray(body.attendeeIds)) body.attendeeIds = body.attendeeIds.map((id) => (id === 'PERSON' ? person.id : id));
      expectRefused(await t.http.post('/api/meetings').send(body), 400, field);
      expect(await fingerprint()).toBe(before);
    });

    it.each<[string, string, Record<string, unknown>]>([
      ['a wrong-type version', 'version', { version: '1' }],
      ['a title null', 'title', { title: null }],
      ['scheduledFor null', 'scheduledFor', { scheduledFor: null }],
      ['attendees null', 'attendeeIds', { attendeeIds: null }],
      ['an unknown attendee', 'attendeeIds', { attendeeIds: [randomUUID()] }],
      ['an unknown field', 'spokeFor', { spokeFor: [] }],
    ])('PATCH /api/meetings/:id refuses %s, naming %s', async (_label, field, change) => {
      const before = await fingerprint();
      expectRefused(await t.http.patch(`/api/meetings/${meeting.id}`).send({ version: meeting.version, ...change }), 400, field);
      expect(await fingerprint()).toBe(before);
    });

    it.each<[string, unknown, string]>([
      ['no list', {}, 'stakeholderIds'],
      ['an empty list', { stakeholderIds: [] }, 'stakeholderIds'],
      ['a list of non-ids', { stakeholderIds: ['x'] }, 'stakeholderIds'],
      ['a repeated id', { stakeholderIds: ['PERSON', 'PERSON'] }, 'stakeholderIds'],
      ['text for the list', { stakeholderIds: 'PERSON' }, 'stakeholderIds'],
      ['an unknown field', { stakeholderIds: ['PERSON'], level: 'committed' }, 'level'],
      ['a JSON array body', ['PERSON'], 'body'],
    ])('POST /api/meetings/:id/spoke-for refuses %s', async (_label, raw, field) => {
      const before = await fingerprint();
      const body = JSON.parse(JSON.stringify(raw).replaceAll('"PERSON"', JSON.stringify(person.id)));
      expectRefused(await t.http.post(`/api/meetings/${meeting.id}/spoke-for`).send(body), 400, field);
      expect(await fingerprint()).toBe(before);
    });

    it.each(['not-a-uuid', '123', `${randomUUID()}0`, '%00'])('answers 400 naming id for the malformed id %s on every /:id route', async (badId) => {
      const before = await fingerprint();
      expectRefused(await t.http.get(`/api/meetings/${badId}`), 400, 'id');
      expectRefused(await t.http.get(`/api/meetings/${badId}/readiness`), 400, 'id');
      expectRefused(await t.http.patch(`/api/meetings/${badId}`).send({ version: 1, title: 'x' }), 400, 'id');
      expectRefused(await t.http.delete(`/api/meetings/${badId}`), 400, 'id');
      expectRefused(await t.http.post(`/api/meetings/${badId}/spoke-for`).send({ stakeholderIds: [person.id] }), 400, 'id');
      expect(await fingerprint()).toBe(before);
    });

    it('answers 404 for an unknown meeting on every /:id route', async () => {
      const id = randomUUID();
      expectRefused(await t.http.get(`/api/meetings/${id}`), 404);
      expectRefused(await t.http.get(`/api/meetings/${id}/readiness`), 404);
      expectRefused(await t.http.patch(`/api/meetings/${id}`).send({ version: 1, title: 'x' }), 404);
      expectRefused(await t.http.delete(`/api/meetings/${id}`), 404);
      expectRefused(await t.http.post(`/api/meetings/${id}/spoke-for`).send({ stakeholderIds: [person.id] }), 404);
    });

    it.each([
      ['page', '0'],
      ['pageSize', '101'],
      ['pageSize', 'ten'],
      ['colour', 'blue'],
    ])('GET /api/meetings?%s=%s → 400 naming it', async (field, value) => {
      expectRefused(await t.http.get(`/api/meetings?${field}=${value}`), 400, field);
    });

    it('never answers 5xx to random bodies on POST, PATCH and spoke-for', async () => {
      const textish = fc.oneof(fc.string(), fc.constantFrom('', ' ', '\u0000', '2031-02-30T09:00:00Z', '9999-12-31T23:59:59-23:59', at(3), at(-3)));
      const anyValue = fc.oneof(textish, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.uuid(), fc.jsonValue({ maxDepth: 2 }));
      const field = (plausible: fc.Arbitrary<unknown>) => fc.oneof(plausible, anyValue);
      const ids = fc.oneof(fc.array(fc.oneof(fc.constant(person.id), fc.uuid(), textish), { maxLength: 4 }), anyValue);
      const body = fc.record(
        {
          title: field(textish),
          scheduledFor: field(fc.integer({ min: -30, max: 30 }).map((days) => at(days))),
          purpose: field(textish),
          attendeeIds: ids,
          stakeholderIds: ids,
          version: field(fc.integer({ min: 0, max: 3 })),
        },
        { requiredKeys: [] },
      );
      const scratch = await createMeeting(t.http, { scheduledFor: at(-1), attendeeIds: [person.id] });
      await fc.assert(
        fc.asyncProperty(body, async (value) => {
          const { stakeholderIds, ...meetingFields } = value;
          for (const response of [
            await t.http.post('/api/meetings').send(meetingFields),
            await t.http.patch(`/api/meetings/${scratch.id}`).send(meetingFields),
            await t.http.post(`/api/meetings/${scratch.id}/spoke-for`).send(stakeholderIds === undefined ? {} : { stakeholderIds }),
          ]) {
            if (response.status >= 500) throw new Error(`${response.status} ${JSON.stringify(response.body)}`);
          }
        }),
        { numRuns: 100 },
      );
    });

    it.each(['[]', 'null', '"x"', '{', ''])('refuses the body %j on POST, PATCH and spoke-for', async (raw) => {
      const before = await fingerprint();
      for (const request of [t.http.post('/api/meetings'), t.http.patch(`/api/meetings/${meeting.id}`), t.http.post(`/api/meetings/${meeting.id}/spoke-for`)]) {
        const response = await request.set('content-type', 'application/json').send(raw);
        expect(response.status).toBe(400);
      }
      expect(await fingerprint()).toBe(before);
    });
  });
});
