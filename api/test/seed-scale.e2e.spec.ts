import type { Journey, MeetingReadiness, Page, Stakeholder } from '@soundings/shared';
import { DataSource } from 'typeorm';
import { SCALE_MEETING_TITLES, ScaleRefused, seedScale } from '../src/cli/seed-scale';
import { CommitmentRepository } from '../src/commitment/commitment.repository';
import { startTestApp, TestApp } from './test-app';

const SIZES = { people: 300, soundings: 3000, fears: 900, briefings: 20, meetings: 5, maxAttendees: 40 };

describe('the scale data set (npm run seed:scale), read through the API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await seedScale(t.ownerUrl, SIZES);
  });
  afterAll(() => t.close());

  it('holds the sizes asked for, with fears of every status', async () => {
    const { rows } = await t.db.query(
      `SELECT (SELECT count(*) FROM stakeholders)::int AS people, (SELECT count(*) FROM soundings)::int AS soundings,
              (SELECT count(*) FROM fears)::int AS fears, (SELECT count(*) FROM briefings)::int AS briefings,
              (SELECT count(*) FROM meetings)::int AS meetings, (SELECT count(*) FROM influences)::int AS influences,
              (SELECT count(*) FROM stakeholders WHERE reports_to_id IS NOT NULL)::int AS reporting,
              (SELECT array_agg(DISTINCT status ORDER BY status) FROM fears) AS fear_statuses,
              (SELECT array_agg(DISTINCT role ORDER BY role) FROM stakeholders) AS roles,
              (SELECT count(*) FROM fears WHERE sounding_id IS NULL)::int AS fears_without_sounding`,
    );
    expect(rows[0]).toEqual({
      people: 300,
      soundings: 3000,
      fears: 900,
      briefings: 20,
      meetings: 5,
      influences: expect.any(Number),
      reporting: expect.any(Number),
      fear_statuses: ['addressing', 'open', 'resolved'],
      roles: ['line_manager', 'other', 'senior_leader', 'top_team'],
      fears_without_sounding: 0,
    });
    expect(rows[0].influences).toBeGreaterThan(0);
    expect(rows[0].reporting).toBeGreaterThan(250);
  });

  it('lists everyone and finds the Zoës by "zoe"', async () => {
    const all: Page<Stakeholder> = (await t.http.get('/api/stakeholders?pageSize=1').expect(200)).body;
    expect(all.total).toBe(300);
    const { rows } = await t.db.query(`SELECT count(*)::int AS zoes FROM stakeholders WHERE name LIKE 'Zoë %'`);
    expect(rows[0].zoes).toBeGreaterThanOrEqual(7);
    const found: Page<Stakeholder> = (await t.http.get('/api/stakeholders?q=zoe&pageSize=100').expect(200)).body;
    expect(found.total).toBe(rows[0].zoes);
    expect(found.items.every((person) => person.name.startsWith('Zoë '))).toBe(true);
  });

  it("shows each person's level as their last sounding left it", async () => {
    const { rows } = await t.db.query<{ id: string }>(
      `SELECT id FROM stakeholders WHERE id IN (SELECT stakeholder_id FROM soundings) ORDER BY lower(name), id LIMIT 5`,
    );
    for (const { id } of rows) {
      const journey: Journey = (await t.http.get(`/api/stakeholders/${id}/journey`).expect(200)).body;
      const soundings = journey.timeline.flatMap((event) => (event.kind === 'sounding' ? [event.sounding] : []));
      expect(soundings.length).toBeGreaterThan(0);
      expect(journey.stakeholder.commitment).toBe(soundings[soundings.length - 1].commitmentAfter);
    }
  });

  it('stores what the app itself derives when it rebuilds a person from their evidence', async () => {
    const { rows: people } = await t.db.query<{ id: string }>(
      `SELECT id FROM stakeholders ORDER BY (SELECT count(*) FROM meeting_attendees a WHERE a.stakeholder_id = stakeholders.id) DESC, id LIMIT 30`,
    );
    const ids = people.map((person) => person.id);
    const snapshot = async () =>
      (
        await t.db.query(
          `SELECT s.id, s.commitment, s.commitment_since::text, s.next_follow_up_on::text, s.last_contact_at::text,
                  (SELECT json_agg(json_build_array(c.to_level, c.changed_on, c.sounding_id, c.created_at) ORDER BY c.changed_on, c.created_at)
                     FROM commitment_changes c WHERE c.stakeholder_id = s.id) AS history
             FROM stakeholders s WHERE s.id = ANY($1) ORDER BY s.id`,
          [ids],
        )
      ).rows;
    const seeded = await snapshot();
    const commitment = t.app.get(CommitmentRepository);
    await t.app.get(DataSource).transaction(async (manager) => {
      for (const id of ids) await commitment.rebuildFromEvidence(manager, id);
    });
    expect(await snapshot()).toEqual(seeded);
  });

  it('has a meeting of exactly 30 and one of the largest size, ready to read', async () => {
    const { rows } = await t.db.query<{ id: string; title: string }>(`SELECT id, title FROM meetings WHERE title = ANY($1)`, [
      [SCALE_MEETING_TITLES.thirty, SCALE_MEETING_TITLES.largest],
    ]);
    const idOf = (title: string) => rows.find((row) => row.title === title)!.id;
    const thirty: MeetingReadiness = (await t.http.get(`/api/meetings/${idOf(SCALE_MEETING_TITLES.thirty)}/readiness`).expect(200)).body;
    expect(thirty.attendees).toHaveLength(30);
    const largest: MeetingReadiness = (await t.http.get(`/api/meetings/${idOf(SCALE_MEETING_TITLES.largest)}/readiness`).expect(200)).body;
    expect(largest.attendees).toHaveLength(SIZES.maxAttendees);
  });

  it('answers the dashboard and still verifies the audit trail', async () => {
    await t.http.get('/api/dashboard').expect(200);
    const admin = await t.as('admin');
    expect((await admin.http.get('/api/audit/verify').expect(200)).body).toMatchObject({ ok: true });
  });

  it('refuses to load over people already there unless forced', async () => {
    await expect(seedScale(t.ownerUrl, SIZES)).rejects.toThrow(ScaleRefused);
    await seedScale(t.ownerUrl, { ...SIZES, people: 200, soundings: 1000, fears: 100 }, undefined, { force: true });
    expect((await t.http.get('/api/stakeholders?pageSize=1').expect(200)).body.total).toBe(200);
  });
});
