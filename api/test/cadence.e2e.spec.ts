import type { AppSettings, Cadence, CadenceState, SlippingPerson, Stakeholder, StakeholderExport } from '@soundings/shared';
import { cadenceState, CONTACT_KINDS, daysBetween, DEFAULT_CADENCE, todayIn } from '@soundings/shared';
import type TestAgent from 'supertest/lib/agent';
import { cadenceSql, lastContactKindSql } from '../src/cadence/cadence-sql';
import { LastContactCatchUp } from '../src/cadence/last-contact.catch-up';
import { OrganisationCalendar } from '../src/cadence/organisation-calendar';
import { expectRefused } from './expectations';
import { createStakeholder, daysAgo, daysAhead, logSounding, recordCommitmentChange } from './factories';
import { startTestApp, TestApp } from './test-app';

/** A moment `days` from now at 09:00 UTC, as the API takes a meeting's or a briefing's time. */
function at(days: number): string {
  return `${daysAgo(-days)}T09:00:00.000Z`;
}

describe('contact cadence, cooling and one "today"', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<TestApp['as']>>;

  const stakeholder = async (id: string): Promise<Stakeholder> => (await t.http.get(`/api/stakeholders/${id}`).expect(200)).body;
  const settings = async (): Promise<AppSettings> => (await admin.http.get('/api/settings').expect(200)).body;
  const putSettings = async (body: Record<string, unknown>) => admin.http.put('/api/settings').send({ redactSoundingsAfterMonths: null, version: (await settings()).version, ...body });
  const savedSettings = async (body: Record<string, unknown>): Promise<AppSettings> => {
    const response = await putSettings(body);
    expect(response.status).toBe(200);
    return response.body;
  };
  const setCadence = (http: TestAgent, person: Stakeholder, cadence: Cadence | null) => http.patch(`/api/stakeholders/${person.id}`).send({ version: person.version, cadence });
  /** Sets last contact directly, `days` before the organisation's today (null: never). */
  const contactedDaysAgo = (id: string, days: number | null) =>
    t.db.query(`UPDATE stakeholders SET last_contact_at = CASE WHEN $2::int IS NULL THEN NULL ELSE org_today() - $2::int END WHERE id = $1`, [id, days]);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as('admin');
  });
  afterAll(() => t.close());

  describe('one rule: the SQL builder and shared cadenceState agree', () => {
    it.each([
      ['a top-team member by their role', 'top_team', null, DEFAULT_CADENCE.top_team],
      ['a senior leader by their role', 'senior_leader', null, DEFAULT_CADENCE.senior_leader],
      ['anyone with their own cadence', 'top_team', { idealDays: 7, maxDays: 14 }, { idealDays: 7, maxDays: 14 }],
    ] as const)('at the boundary days for %s (ideal, ideal+1, max, max+1, today, never)', async (_name, role, own, cadence) => {
      const days = [0, cadence.idealDays, cadence.idealDays + 1, cadence.maxDays, cadence.maxDays + 1, null];
      const people: { id: string; days: number | null }[] = [];
      for (const d of days) {
        const person = await createStakeholder(t.http, { role });
        if (own) await setCadence(t.http, person, own).expect(200);
        await contactedDaysAgo(person.id, d);
        people.push({ id: person.id, days: d });
      }
      const sql = cadenceSql('s');
      const { rows } = await t.db.query(`SELECT s.id, ${sql.state} AS state, ${sql.cooling} AS cooling FROM stakeholders s WHERE s.id = ANY($1)`, [
        people.map((p) => p.id),
      ]);
      const bySql = new Map(rows.map((row) => [row.id, row.state as CadenceState]));
      const byShared = people.map((p) => [p.days, cadenceState(p.days, cadence)]);
      expect(people.map((p) => [p.days, bySql.get(p.id)])).toEqual(byShared);
      expect(byShared.map(([, state]) => state)).toEqual(['on_track', 'on_track', 'due', 'due', 'overdue', 'never']);
      // What the API shows is the same state, from the same days.
      for (const p of people) expect((await stakeholder(p.id)).contact).toMatchObject({ daysSinceContact: p.days, cadence, personal: own !== null, state: cadenceState(p.days, cadence) });
    });

    it('shows a sounding exactly the ideal interval ago as on track, and one day more as due', async () => {
      const onTrack = await createStakeholder(t.http, { role: 'top_team' });
      await logSounding(t.http, onTrack.id, { heldOn: daysAgo(21) });
      const due = await createStakeholder(t.http, { role: 'top_team' });
      await logSounding(t.http, due.id, { heldOn: daysAgo(22) });
      expect((await stakeholder(onTrack.id)).contact).toEqual({
        lastContactOn: daysAgo(21),
        lastContactKind: 'sounding',
        daysSinceContact: 21,
        cadence: { idealDays: 21, maxDays: 45 },
        personal: false,
        state: 'on_track',
      });
      expect((await stakeholder(due.id)).contact).toMatchObject({ daysSinceContact: 22, state: 'due' });
    });
  });

  describe('one "today": the organisation time zone', () => {
    it('makes org_today() the date in the settings time zone, Pacific/Auckland against UTC', async () => {
      const client = await t.db.connect();
      try {
        await client.query('BEGIN');
        await client.query(`UPDATE settings SET time_zone = 'Pacific/Auckland'`);
        const { rows } = await client.query(
          `SELECT org_today()::text AS org, (now() AT TIME ZONE 'Pacific/Auckland')::date::text AS auckland, (now() AT TIME ZONE 'UTC')::date::text AS utc`,
        );
        expect(rows[0].org).toBe(rows[0].auckland);
        expect(rows[0].org).toBe(todayIn('Pacific/Auckland'));
        // Auckland is 12 or 13 hours ahead: the same day as UTC or the next one, never behind.
        expect([0, 1]).toContain(daysBetween(rows[0].utc, rows[0].org));
      } finally {
        await client.query('ROLLBACK');
        client.release();
      }
    });

    it('counts days since contact from the organisation today once an admin sets the zone, and the JS helper gives the same day', async () => {
      const person = await createStakeholder(t.http);
      await logSounding(t.http, person.id, { heldOn: daysAgo(3) });
      await savedSettings({ timeZone: 'Pacific/Auckland' });
      try {
        const aucklandToday = todayIn('Pacific/Auckland');
        expect(await t.app.get(OrganisationCalendar).today()).toBe(aucklandToday);
        expect((await stakeholder(person.id)).contact.daysSinceContact).toBe(daysBetween(daysAgo(3), aucklandToday));
      } finally {
        await savedSettings({ timeZone: 'UTC' });
      }
      expect((await stakeholder(person.id)).contact.daysSinceContact).toBe(3);
    });
  });

  describe('settings: time zone and cadence by role', () => {
    it('starts at UTC with the default cadence, stores both in one audited change, and applies the role cadence', async () => {
      expect(await settings()).toMatchObject({ timeZone: 'UTC', cadence: DEFAULT_CADENCE });
      const other = await createStakeholder(t.http, { role: 'other' });
      await logSounding(t.http, other.id, { heldOn: daysAgo(11) });
      const cadence = { ...DEFAULT_CADENCE, other: { idealDays: 10, maxDays: 30 } };
      const saved = await savedSettings({ timeZone: 'Africa/Abidjan', cadence });
      try {
        expect(saved).toMatchObject({ timeZone: 'Africa/Abidjan', cadence });
        expect(await settings()).toMatchObject({ timeZone: 'Africa/Abidjan', cadence });
        expect((await stakeholder(other.id)).contact).toMatchObject({ cadence: { idealDays: 10, maxDays: 30 }, personal: false, state: 'due' });
        const { rows } = await t.db.query(`SELECT before, after FROM audit_log WHERE action = 'settings.update' ORDER BY id DESC LIMIT 1`);
        expect(rows[0].before).toMatchObject({ timeZone: 'UTC', cadence: DEFAULT_CADENCE });
        expect(rows[0].after).toMatchObject({ timeZone: 'Africa/Abidjan', cadence });
      } finally {
        await savedSettings({ timeZone: 'UTC', cadence: DEFAULT_CADENCE });
      }
      expect((await stakeholder(other.id)).contact).toMatchObject({ cadence: DEFAULT_CADENCE.other, state: 'on_track' });
    });

    it.each([
      ['a zone nobody knows', 'Mars/Olympus_Mons'],
      ['a POSIX offset rather than a zone', 'UTC+3'],
      ['an abbreviation', 'NZDT'],
      ['an empty name', ''],
      ['a NUL character', 'Europe/London\u0000'],
      ['a number', 12],
    ])('refuses %s as the time zone', async (_name, timeZone) => {
      const before = await settings();
      expectRefused(await putSettings({ timeZone }), 400, 'timeZone');
      expect(await settings()).toEqual(before);
    });

    it.each([
      ['a maximum before the ideal', { top_team: { idealDays: 30, maxDays: 20 } }, 'cadence.top_team.maxDays'],
      ['zero days', { hr: { idealDays: 0, maxDays: 20 } }, 'cadence.hr.idealDays'],
      ['more than a year', { other: { idealDays: 10, maxDays: 366 } }, 'cadence.other.maxDays'],
      ['a fraction', { line_manager: { idealDays: 10.5, maxDays: 20 } }, 'cadence.line_manager.idealDays'],
      ['a role left out', { senior_leader: undefined }, 'cadence.senior_leader'],
      ['a role that does not exist', { board: { idealDays: 10, maxDays: 20 } }, 'cadence.board'],
      ['a cadence that is not an object', { top_team: 'weekly' }, 'cadence.top_team'],
    ])('refuses a role cadence with %s', async (_name, change, field) => {
      const before = await settings();
      expectRefused(await putSettings({ cadence: { ...DEFAULT_CADENCE, ...change } }), 400, field);
      expect(await settings()).toEqual(before);
    });

    it('is for admins only', async () => {
      const viewer = await t.as('viewer');
      await viewer.http.put('/api/settings').send({ redactSoundingsAfterMonths: null, timeZone: 'Europe/London', version: 1 }).expect(403);
      await t.http.put('/api/settings').send({ redactSoundingsAfterMonths: null, timeZone: 'Europe/London', version: 1 }).expect(403);
    });
  });

  describe("a person's own cadence", () => {
    it('is set, audited, shown with the state it gives, and cleared back to the role cadence', async () => {
      const person = await createStakeholder(t.http, { role: 'senior_leader' });
      await logSounding(t.http, person.id, { heldOn: daysAgo(8) });
      const own = (await setCadence(t.http, await stakeholder(person.id), { idealDays: 7, maxDays: 14 }).expect(200)).body as Stakeholder;
      expect(own.contact).toEqual({ lastContactOn: daysAgo(8), lastContactKind: 'sounding', daysSinceContact: 8, cadence: { idealDays: 7, maxDays: 14 }, personal: true, state: 'due' });
      const { rows } = await t.db.query(`SELECT before, after FROM audit_log WHERE action = 'stakeholder.update' AND entity_id = $1`, [person.id]);
      expect(rows).toEqual([{ before: expect.objectContaining({ cadence: null }), after: expect.objectContaining({ cadence: { idealDays: 7, maxDays: 14 } }) }]);

      const cleared = (await setCadence(t.http, own, null).expect(200)).body as Stakeholder;
      expect(cleared.contact).toMatchObject({ cadence: DEFAULT_CADENCE.senior_leader, personal: false, state: 'on_track' });
    });

    it.each([
      ['a maximum before the ideal', { idealDays: 10, maxDays: 9 }, 'cadence.maxDays'],
      ['zero days', { idealDays: 0, maxDays: 9 }, 'cadence.idealDays'],
      ['more than a year', { idealDays: 10, maxDays: 366 }, 'cadence.maxDays'],
      ['the maximum left out', { idealDays: 10 }, 'cadence.maxDays'],
      ['an unknown field', { idealDays: 10, maxDays: 20, minDays: 1 }, 'cadence.minDays'],
      ['a word instead of an object', 'weekly', 'cadence'],
      ['a list', [7, 14], 'cadence'],
    ])('refuses %s', async (_name, cadence, field) => {
      const person = await createStakeholder(t.http);
      expectRefused(await t.http.patch(`/api/stakeholders/${person.id}`).send({ version: person.version, cadence }), 400, field);
      expect(await stakeholder(person.id)).toEqual(person);
    });

    it('is refused to a viewer, and to anyone once the person is erased', async () => {
      const person = await createStakeholder(t.http);
      const viewer = await t.as('viewer');
      await setCadence(viewer.http, person, { idealDays: 7, maxDays: 14 }).expect(403);
      await admin.http.post(`/api/stakeholders/${person.id}/erase`).expect(200);
      const erased = await stakeholder(person.id);
      expect((await setCadence(t.http, erased, { idealDays: 7, maxDays: 14 })).body.code).toBe('stakeholder_erased');
    });
  });

  describe('the list: cadence state and filters', () => {
    it('filters by contact=due|overdue|never, and cooling means due or overdue', async () => {
      const unit = `Cadence unit ${Date.now()}`;
      const make = async (days: number | null) => {
        const person = await createStakeholder(t.http, { role: 'top_team', businessFunction: unit });
        await contactedDaysAgo(person.id, days);
        return person.id;
      };
      const onTrack = await make(21);
      const due = await make(22);
      const overdue = await make(46);
      const never = await make(null);
      const list = async (query: Record<string, string>) =>
        ((await t.http.get('/api/stakeholders').query({ businessFunction: unit, ...query }).expect(200)).body.items as Stakeholder[]).map((s) => s.id).sort();
      expect(await list({ contact: 'due' })).toEqual([due]);
      expect(await list({ contact: 'overdue' })).toEqual([overdue]);
      expect(await list({ contact: 'never' })).toEqual([never]);
      expect(await list({ cooling: 'true' })).toEqual([due, overdue].sort());
      expect(await list({ cooling: 'false' })).toEqual([onTrack, never].sort());
      const items = (await t.http.get('/api/stakeholders').query({ businessFunction: unit }).expect(200)).body.items as Stakeholder[];
      expect(Object.fromEntries(items.map((s) => [s.id, s.contact.state]))).toEqual({ [onTrack]: 'on_track', [due]: 'due', [overdue]: 'overdue', [never]: 'never' });
      expect(await list({ contact: 'on_track' })).toEqual([onTrack]);
      expectRefused(await t.http.get('/api/stakeholders').query({ contact: 'DUE' }), 400, 'contact');
    });
  });

  describe('last contact of any kind', () => {
    it('counts a done briefing for the briefer and the member briefed, and stops counting it when it goes back to planned', async () => {
      const champion = await createStakeholder(t.http, { role: 'line_manager' });
      const member = await createStakeholder(t.http, { role: 'top_team' });
      const created = await t.http
        .post('/api/briefings')
        .send({ brieferId: champion.id, audienceId: member.id, plannedFor: at(-4), status: 'done', outcome: 'Listened well' })
        .expect(201);
      expect((await stakeholder(champion.id)).contact).toMatchObject({ lastContactOn: daysAgo(4), lastContactKind: 'briefing_given', daysSinceContact: 4 });
      expect((await stakeholder(member.id)).contact).toMatchObject({ lastContactOn: daysAgo(4), lastContactKind: 'briefing_received' });

      const moved = await t.http.patch(`/api/briefings/${created.body.id}`).send({ version: created.body.version, plannedFor: at(-2) }).expect(200);
      expect((await stakeholder(member.id)).lastContactAt).toBe(daysAgo(2));
      await t.http.patch(`/api/briefings/${created.body.id}`).send({ version: moved.body.version, status: 'planned', outcome: null, plannedFor: at(5) }).expect(200);
      expect((await stakeholder(champion.id)).lastContactAt).toBeNull();
      expect((await stakeholder(member.id)).lastContactAt).toBeNull();
    });

    it('counts a done top-team-wide briefing for every top-team member, and its deletion takes it back', async () => {
      const members = [await createStakeholder(t.http, { role: 'top_team' }), await createStakeholder(t.http, { role: 'top_team' })];
      const outsider = await createStakeholder(t.http, { role: 'senior_leader' });
      const briefing = await t.http.post('/api/briefings').send({ hr: true, topTeam: true, plannedFor: at(-6), status: 'done' }).expect(201);
      for (const member of members) expect((await stakeholder(member.id)).lastContactAt).toBe(daysAgo(6));
      expect((await stakeholder(outsider.id)).lastContactAt).toBeNull();
      await t.http.delete(`/api/briefings/${briefing.body.id}`).expect(204);
      for (const member of members) expect((await stakeholder(member.id)).lastContactAt).toBeNull();
    });

    it('counts a meeting attended by its date; leaving the meeting takes it back', async () => {
      const stays = await createStakeholder(t.http);
      const leaves = await createStakeholder(t.http);
      await logSounding(t.http, leaves.id, { heldOn: daysAgo(30) });
      const meeting = await t.http.post('/api/meetings').send({ title: 'Quarterly review', scheduledFor: at(-3), attendeeIds: [stays.id, leaves.id] }).expect(201);
      expect((await stakeholder(stays.id)).contact).toMatchObject({ lastContactOn: daysAgo(3), lastContactKind: 'meeting' });
      expect((await stakeholder(leaves.id)).lastContactAt).toBe(daysAgo(3));
      await t.http.patch(`/api/meetings/${meeting.body.id}`).send({ version: meeting.body.version, attendeeIds: [stays.id] }).expect(200);
      expect((await stakeholder(leaves.id)).contact).toMatchObject({ lastContactOn: daysAgo(30), lastContactKind: 'sounding', daysSinceContact: 30 });
      expect((await stakeholder(stays.id)).lastContactAt).toBe(daysAgo(3));
    });

    it('counts a meeting ahead only once its day has come: the catch-up moves last contact forward, and is idempotent', async () => {
      const person = await createStakeholder(t.http);
      await logSounding(t.http, person.id, { heldOn: daysAgo(40) });
      const meeting = await t.http.post('/api/meetings').send({ title: 'Leadership forum', scheduledFor: at(5), attendeeIds: [person.id] }).expect(201);
      expect((await stakeholder(person.id)).lastContactAt).toBe(daysAgo(40));

      // Time passes: the meeting's day is now behind us, and nothing was written on that day.
      await t.db.query(`UPDATE meetings SET scheduled_for = $2 WHERE id = $1`, [meeting.body.id, at(-1)]);
      expect((await stakeholder(person.id)).lastContactAt).toBe(daysAgo(40));
      const catchUp = t.app.get(LastContactCatchUp);
      expect(await catchUp.run()).toBeGreaterThanOrEqual(1);
      expect((await stakeholder(person.id)).contact).toMatchObject({ lastContactOn: daysAgo(1), daysSinceContact: 1, state: 'on_track' });
      expect(await catchUp.run()).toBe(0);
    });

    it('counts involvement in an initiative once its day has come, through the catch-up', async () => {
      const person = await createStakeholder(t.http);
      const { rows } = await t.db.query(`INSERT INTO initiatives (title, kind, held_on) VALUES ('Coaching showcase', 'showcase', $1) RETURNING id`, [daysAgo(2)]);
      await t.db.query(`INSERT INTO initiative_people (initiative_id, stakeholder_id) VALUES ($1, $2)`, [rows[0].id, person.id]);
      expect((await stakeholder(person.id)).lastContactAt).toBeNull();
      await t.app.get(LastContactCatchUp).run();
      expect((await stakeholder(person.id)).contact).toMatchObject({ lastContactOn: daysAgo(2), lastContactKind: 'initiative' });
    });

    it('keeps the latest of every kind: an older sounding logged later does not move last contact back', async () => {
      const person = await createStakeholder(t.http);
      await t.http.post('/api/meetings').send({ title: 'Town hall', scheduledFor: at(-2), attendeeIds: [person.id] }).expect(201);
      await logSounding(t.http, person.id, { heldOn: daysAgo(9) });
      expect((await stakeholder(person.id)).lastContactAt).toBe(daysAgo(2));
    });

    it('names the highest-ranked kind when several contacts fall on the last day, as the contact_events view ranks them, for everyone', async () => {
      const member = await createStakeholder(t.http, { role: 'top_team' });
      await t.http.post('/api/meetings').send({ title: 'Steering group', scheduledFor: at(-1), attendeeIds: [member.id] }).expect(201);
      await t.http.post('/api/briefings').send({ hr: true, topTeam: true, plannedFor: at(-1), status: 'done' }).expect(201);
      expect((await stakeholder(member.id)).contact).toMatchObject({ lastContactOn: daysAgo(1), lastContactKind: 'briefing_received' });
      await logSounding(t.http, member.id, { heldOn: daysAgo(1) });
      expect((await stakeholder(member.id)).contact).toMatchObject({ lastContactOn: daysAgo(1), lastContactKind: 'sounding' });
      const champion = await createStakeholder(t.http, { role: 'line_manager' });
      await t.http.post('/api/meetings').send({ title: 'Managers forum', scheduledFor: at(-1), attendeeIds: [champion.id] }).expect(201);
      await t.http.post('/api/briefings').send({ brieferId: champion.id, audienceId: member.id, plannedFor: at(-1), status: 'done' }).expect(201);
      expect((await stakeholder(champion.id)).contact).toMatchObject({ lastContactOn: daysAgo(1), lastContactKind: 'briefing_given' });

      // Everyone the scenarios above made: the index probes and the view agree person by person.
      const { rows } = await t.db.query(
        `SELECT s.id, ${lastContactKindSql('s')} AS probed,
                (SELECT e.kind FROM contact_events e WHERE e.stakeholder_id = s.id AND e.contacted_on = s.last_contact_at
                  ORDER BY array_position($1::text[], e.kind) LIMIT 1) AS viewed
           FROM stakeholders s`,
        [CONTACT_KINDS],
      );
      expect(rows.filter((row: { probed: string | null; viewed: string | null }) => row.probed !== row.viewed)).toEqual([]);
      expect(new Set(rows.map((row: { probed: string | null }) => row.probed))).toEqual(new Set([null, ...CONTACT_KINDS]));
    });
  });

  describe('GET /api/dashboard/slipping', () => {
    it('lists champions and top-team members past their ideal interval or never contacted, those with nothing planned first, then overdue before never before due', async () => {
      // Everyone from the other tests is in touch as of today, so only these people can slip.
      await t.db.query(`UPDATE stakeholders SET last_contact_at = org_today()`);
      const make = async (name: string, role: 'top_team' | 'senior_leader', days: number | null) => {
        const person = await createStakeholder(t.http, { name, role });
        await contactedDaysAgo(person.id, days);
        return person;
      };
      const overdue = await make('Olu Overdue', 'top_team', 50);
      const never = await make('Nell Never', 'top_team', null);
      const champion = await make('Cam Champion', 'senior_leader', 0);
      await recordCommitmentChange(t.http, champion.id, { level: 'committed', on: daysAgo(60) });
      await contactedDaysAgo(champion.id, 50); // past 45, not past 90: due
      const planned = await make('Pat Planned', 'top_team', null);
      await t.http.post('/api/meetings').send({ title: 'Offsite', scheduledFor: at(6), attendeeIds: [planned.id] }).expect(201);
      await contactedDaysAgo(planned.id, 60);
      const followedUp = await make('Fay Followup', 'top_team', 30);
      await t.db.query(`UPDATE stakeholders SET next_follow_up_on = $2 WHERE id = $1`, [followedUp.id, daysAhead(3)]);
      const onTrack = await make('Tia Ontrack', 'top_team', 3);
      const notAChampion = await make('Sal Supportive', 'senior_leader', 80);

      const response = await t.http.get('/api/dashboard/slipping').expect(200);
      const slipping = response.body as SlippingPerson[];
      const mine = [overdue, never, champion, planned, followedUp, onTrack, notAChampion].map((p) => p.id);
      const order = slipping.filter((entry) => mine.includes(entry.stakeholder.id)).map((entry) => entry.stakeholder.name);
      expect(order).toEqual(['Olu Overdue', 'Nell Never', 'Cam Champion', 'Pat Planned', 'Fay Followup']);
      const entry = (id: string) => slipping.find((e) => e.stakeholder.id === id)!;
      expect(entry(champion.id)).toMatchObject({ reason: 'champion', nextPlannedOn: null, contact: { state: 'due', daysSinceContact: 50 } });
      expect(entry(overdue.id)).toMatchObject({ reason: 'top_team', contact: { state: 'overdue', cadence: DEFAULT_CADENCE.top_team } });
      expect(entry(never.id)).toMatchObject({ contact: { state: 'never', lastContactOn: null, daysSinceContact: null } });
      expect(entry(planned.id).nextPlannedOn).toBe(daysAhead(6));
      expect(entry(followedUp.id).nextPlannedOn).toBe(daysAhead(3));
    });

    it('runs one statement however many people slip', async () => {
      const count = () => t.queries.count(() => t.http.get('/api/dashboard/slipping').expect(200));
      const before = await count();
      for (let i = 0; i < 5; i++) await createStakeholder(t.http, { role: 'top_team' });
      expect(await count()).toBe(before);
    });
  });

  describe('data protection', () => {
    it("exports a person's own cadence, and erasure resets it", async () => {
      const person = await createStakeholder(t.http);
      await setCadence(t.http, person, { idealDays: 10, maxDays: 20 }).expect(200);
      const exported = (await admin.http.get(`/api/stakeholders/${person.id}/export`).expect(200)).body as StakeholderExport;
      expect(exported.stakeholder.contact).toMatchObject({ cadence: { idealDays: 10, maxDays: 20 }, personal: true });
      await admin.http.post(`/api/stakeholders/${person.id}/erase`).expect(200);
      const { rows } = await t.db.query(`SELECT cadence_ideal_days, cadence_max_days FROM stakeholders WHERE id = $1`, [person.id]);
      expect(rows).toEqual([{ cadence_ideal_days: null, cadence_max_days: null }]);
      expect((await stakeholder(person.id)).contact).toMatchObject({ cadence: DEFAULT_CADENCE.senior_leader, personal: false });
    });
  });
});
