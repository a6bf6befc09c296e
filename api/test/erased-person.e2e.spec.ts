import type { Briefing, Meeting, Sounding, Stakeholder } from '@soundings/shared';
import { ERROR_CODES } from '@soundings/shared';
import type { Response } from 'supertest';
import { createStakeholder, daysAgo, logSounding } from './factories';
import { expectRefused } from './expectations';
import { startTestApp, TestApp } from './test-app';

/** A moment `days` from today (negative: past) at 09:00 UTC. */
function at(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  date.setUTCHours(9, 0, 0, 0);
  return date.toISOString();
}

// Every table a write about a person can touch; the audit trail is left out (refusals are not writes).
const WRITTEN_TABLES = ['stakeholders', 'soundings', 'fears', 'commitment_changes', 'briefings', 'meetings', 'meeting_attendees', 'timing_windows', 'expectations'];

describe('nothing more is written about an erased person', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<TestApp['as']>>;
  let erased: Stakeholder;
  let colleague: Stakeholder;
  let sounding: Sounding;
  let briefing: Briefing;
  let attended: Meeting;
  let notAttended: Meeting;

  /** Every row of every table a write could touch, so "nothing was written" is checked exactly. */
  async function contents(): Promise<string> {
    const parts: string[] = [];
    for (const table of WRITTEN_TABLES) {
      const { rows } = await t.db.query(`SELECT coalesce(string_agg(x::text, '|' ORDER BY x::text), '') AS rows FROM ${table} x`);
      parts.push(`${table}: ${rows[0].rows}`);
    }
    return parts.join('\n');
  }

  function expectErasedRefusal(response: Response): void {
    expectRefused(response, 409);
    expect(response.body.code).toBe(ERROR_CODES.stakeholderErased);
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as('admin');
    erased = await createStakeholder(t.http, { name: 'Petra Vasquez-Lund', role: 'top_team' });
    colleague = await createStakeholder(t.http, { name: 'Colm Ferris', role: 'line_manager' });
    sounding = await logSounding(t.http, erased.id, {
      heldOn: daysAgo(5),
      commitmentAfter: 'open',
      fears: [{ statement: 'Worried about the time it takes', category: 'time_and_workload' }],
    });
    briefing = (await t.http.post('/api/briefings').send({ brieferId: colleague.id, audienceId: erased.id, plannedFor: at(7) }).expect(201)).body;
    attended = (await t.http.post('/api/meetings').send({ title: 'Ops review', scheduledFor: at(-1), attendeeIds: [erased.id, colleague.id] }).expect(201)).body;
    notAttended = (await t.http.post('/api/meetings').send({ title: 'Sales review', scheduledFor: at(3), attendeeIds: [colleague.id] }).expect(201)).body;
    await admin.http.post(`/api/stakeholders/${erased.id}/erase`).expect(200);
  });
  afterAll(() => t.close());

  it('refuses every write about them with 409 stakeholder_erased, and writes nothing', async () => {
    const current = (await t.http.get(`/api/stakeholders/${erased.id}`).expect(200)).body as Stakeholder;
    expect(current.erasedAt).toEqual(expect.any(String));
    const erasedSounding = (await t.http.get(`/api/soundings/${sounding.id}`).expect(200)).body as Sounding;
    const fear = erasedSounding.fears[0];
    const erasedBriefing = (await t.http.get(`/api/briefings/${briefing.id}`).expect(200)).body as Briefing;
    const before = await contents();

    const attempts: [string, () => Promise<Response>][] = [
      ['log a sounding', () => t.http.post(`/api/stakeholders/${erased.id}/soundings`).send({ heldOn: daysAgo(1), summary: 'Again', commitmentAfter: 'supportive' })],
      ['correct a sounding', () => t.http.patch(`/api/soundings/${sounding.id}`).send({ summary: 'New words', version: erasedSounding.version })],
      ['update a fear', () => t.http.patch(`/api/fears/${fear.id}`).send({ status: 'resolved', version: fear.version })],
      ['record a level change', () => t.http.post(`/api/stakeholders/${erased.id}/commitment`).send({ level: 'supportive', on: daysAgo(1), reason: 'Said so' })],
      ['plan a briefing for them', () => t.http.post('/api/briefings').send({ brieferId: colleague.id, audienceId: erased.id, plannedFor: at(9) })],
      ['plan a briefing by them', () => t.http.post('/api/briefings').send({ brieferId: erased.id, topTeam: true, plannedFor: at(9) })],
      ['edit a briefing about them', () => t.http.patch(`/api/briefings/${briefing.id}`).send({ plannedFor: at(8), version: erasedBriefing.version })],
      ['delete a briefing about them', () => t.http.delete(`/api/briefings/${briefing.id}`)],
      ['invite them to a new meeting', () => t.http.post('/api/meetings').send({ title: 'Offsite', scheduledFor: at(5), attendeeIds: [erased.id] })],
      ['add them to a meeting', () => t.http.patch(`/api/meetings/${notAttended.id}`).send({ attendeeIds: [colleague.id, erased.id], version: notAttended.version })],
      ['remove them from a meeting', () => t.http.patch(`/api/meetings/${attended.id}`).send({ attendeeIds: [colleague.id], version: attended.version })],
      ['record that they spoke for it', () => t.http.post(`/api/meetings/${attended.id}/spoke-for`).send({ stakeholderIds: [erased.id] })],
      ['edit their record', () => t.http.patch(`/api/stakeholders/${erased.id}`).send({ name: 'Petra again', version: current.version })],
      ['make someone report to them', () => t.http.patch(`/api/stakeholders/${colleague.id}`).send({ reportsToId: erased.id, version: colleague.version })],
      ['add someone reporting to them', () => t.http.post('/api/stakeholders').send({ name: 'New Report', reportsToId: erased.id })],
      ['delete what is left of them', () => t.http.delete(`/api/stakeholders/${erased.id}`)],
      ['erase them again', () => admin.http.post(`/api/stakeholders/${erased.id}/erase`)],
      ['record who holds the relationship with them', () => t.http.post('/api/relationships').send({ stakeholderId: erased.id, holderStakeholderId: colleague.id, quality: 'strong' })],
      ['make them hold a relationship', () => t.http.post('/api/relationships').send({ stakeholderId: colleague.id, holderStakeholderId: erased.id, quality: 'strong' })],
      ['add a timing window for them', () => t.http.post('/api/timing-windows').send({ stakeholderId: erased.id, kind: 'not_now', startsOn: daysAgo(1), endsOn: daysAgo(-9) })],
      ['record what they were told to expect', () => t.http.post('/api/expectations').send({ stakeholderId: erased.id, expectation: 'A pilot', toldOn: daysAgo(1), realistic: true })],
      [
        'name them as who told someone what to expect',
        () => t.http.post('/api/expectations').send({ stakeholderId: colleague.id, expectation: 'A pilot', toldOn: daysAgo(1), realistic: true, toldByStakeholderId: erased.id }),
      ],
    ];
    for (const [what, attempt] of attempts) {
      const response = await attempt();
      try {
        expectErasedRefusal(response);
      } catch (error) {
        throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}\n${(error as Error).message}`);
      }
    }
    expect(await contents()).toBe(before);
  });

  it('still allows writes that are not about them: a meeting they attended can be renamed, others can be sounded', async () => {
    const meeting = (await t.http.get(`/api/meetings/${attended.id}`).expect(200)).body as Meeting;
    await t.http.patch(`/api/meetings/${attended.id}`).send({ title: 'Operations review', version: meeting.version }).expect(200);
    await logSounding(t.http, colleague.id, { commitmentAfter: 'open' });
  });

  it('refuses a write that waited for the erasure: the erasure and the write take the same row lock', async () => {
    const person = await createStakeholder(t.http, { name: 'Raced Person' });
    const holder = await t.db.connect();
    try {
      // Hold the person's row as the erasure would, start a sounding (it waits), then erase and release.
      await holder.query('BEGIN');
      await holder.query('SELECT 1 FROM stakeholders WHERE id = $1 FOR UPDATE', [person.id]);
      const waiting = t.http.post(`/api/stakeholders/${person.id}/soundings`).send({ heldOn: daysAgo(1), summary: 'Late note', commitmentAfter: 'open' }).then((r) => r);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await holder.query(`UPDATE stakeholders SET erased_at = now() WHERE id = $1`, [person.id]);
      await holder.query('COMMIT');
      expectErasedRefusal(await waiting);
    } finally {
      holder.release();
    }
    expect((await t.db.query('SELECT count(*)::int AS n FROM soundings WHERE stakeholder_id = $1', [person.id])).rows[0].n).toBe(0);
  });
});
