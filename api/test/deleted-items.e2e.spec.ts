import type { DeletedItem, DeletedItemPage, Meeting, StakeholderExport } from '@soundings/shared';
import { RESTORE_WINDOW_DAYS } from '@soundings/shared';
import type TestAgent from 'supertest/lib/agent';
import { RetentionService } from '../src/retention/retention.service';
import { expectRefused } from './expectations';
import { createStakeholder, daysAgo, logSounding } from './factories';
import { startTestApp, TestApp } from './test-app';

function at(days: number): string {
  const date = new Date(Date.now() + days * 86_400_000);
  date.setUTCHours(9, 0, 0, 0);
  return date.toISOString();
}

async function createMeeting(http: TestAgent, attendeeIds: string[], title = 'Quarterly review'): Promise<Meeting> {
  return (await http.post('/api/meetings').send({ title, scheduledFor: at(-2), attendeeIds }).expect(201)).body;
}

describe('deleted items: undo for every delete, for 30 days', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const held = async (http: TestAgent = t.http): Promise<DeletedItem[]> => ((await http.get('/api/deleted-items?pageSize=100').expect(200)).body as DeletedItemPage).items;

  /** Everything a reader sees of a person: their record, soundings, level history and links. */
  async function personAsSeen(id: string) {
    const [stakeholder, soundings, journey, influences] = await Promise.all([
      t.http.get(`/api/stakeholders/${id}`).expect(200),
      t.http.get(`/api/stakeholders/${id}/soundings`).expect(200),
      t.http.get(`/api/stakeholders/${id}/journey`).expect(200),
      t.http.get(`/api/influences?stakeholderId=${id}`).expect(200),
    ]);
    return { stakeholder: stakeholder.body, soundings: soundings.body, journey: journey.body, influences: influences.body };
  }

  it('a deleted person disappears from every read at once, is listed with who deleted them, and comes back with their history', async () => {
    const person = await createStakeholder(t.http, { name: 'Rosa Delgado', role: 'top_team', requiredCommitment: 'committed' });
    const mentor = await createStakeholder(t.http, { name: 'Mentor Maddox' });
    const report = await createStakeholder(t.http, { name: 'Report Reyes', reportsToId: person.id });
    await logSounding(t.http, person.id, { heldOn: daysAgo(20), commitmentAfter: 'open', fears: [{ statement: 'Loses a day a month', category: 'time_and_workload' }] });
    await logSounding(t.http, person.id, { heldOn: daysAgo(5), commitmentAfter: 'supportive' });
    await t.http.post('/api/influences').send({ fromId: person.id, toId: mentor.id, kind: 'mentor' }).expect(201);
    const meeting = await createMeeting(t.http, [person.id, mentor.id]);
    const before = await personAsSeen(person.id);

    await t.http.delete(`/api/stakeholders/${person.id}`).expect(204);

    await t.http.get(`/api/stakeholders/${person.id}`).expect(404);
    expect((await t.http.get(`/api/stakeholders?q=Rosa Delgado`).expect(200)).body.items).toEqual([]);
    expect((await t.http.get(`/api/stakeholders/${report.id}`).expect(200)).body.reportsTo).toBeNull();
    expect((await t.http.get(`/api/meetings/${meeting.id}`).expect(200)).body.attendees.map((a: { id: string }) => a.id)).toEqual([mentor.id]);

    const [item] = (await held()).filter((entry) => entry.id === person.id);
    expect(item).toMatchObject({ kind: 'stakeholder', label: 'Rosa Delgado', deletedBy: { id: t.user.id } });
    expect(item.contents).toEqual(expect.arrayContaining([{ records: 'soundings', count: 2 }, { records: 'fears', count: 1 }, { records: 'influences', count: 1 }]));
    const window = new Date(item.purgeAfter).getTime() - new Date(item.deletedAt).getTime();
    expect(Math.round(window / 86_400_000)).toBe(RESTORE_WINDOW_DAYS);

    const restored = (await t.http.post(`/api/deleted-items/${person.id}/restore`).expect(200)).body;
    expect(restored).toMatchObject({ id: person.id, kind: 'stakeholder', label: 'Rosa Delgado' });
    expect(restored.records).toBeGreaterThanOrEqual(7);

    expect(await personAsSeen(person.id)).toEqual(before);
    expect((await t.http.get(`/api/stakeholders/${report.id}`).expect(200)).body.reportsTo).toMatchObject({ id: person.id });
    expect((await t.http.get(`/api/meetings/${meeting.id}`).expect(200)).body.attendees.map((a: { id: string }) => a.id).sort()).toEqual([person.id, mentor.id].sort());
    expect((await held()).some((entry) => entry.id === person.id)).toBe(false);
    await t.http.post(`/api/deleted-items/${person.id}/restore`).expect(404);

    const { rows } = await t.db.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [person.id]);
    expect(rows.map((row) => row.action)).toEqual(expect.arrayContaining(['stakeholder.delete', 'stakeholder.restore']));
  });

  it('an undone meeting puts its attendees\' last contact back where it was', async () => {
    const attendee = await createStakeholder(t.http, { name: 'Contact Cole' });
    const meeting = await createMeeting(t.http, [attendee.id], 'Budget walk-through');
    const contacted = (await t.http.get(`/api/stakeholders/${attendee.id}`).expect(200)).body.lastContactAt;
    expect(contacted).toBe(at(-2).slice(0, 10));

    await t.http.delete(`/api/meetings/${meeting.id}`).expect(204);
    expect((await t.http.get(`/api/stakeholders/${attendee.id}`).expect(200)).body.lastContactAt).toBeNull();
    expect((await held()).find((entry) => entry.id === meeting.id)).toMatchObject({ kind: 'meeting', label: 'Budget walk-through', contents: [{ records: 'meeting attendees', count: 1 }] });

    await t.http.post(`/api/deleted-items/${meeting.id}/restore`).expect(200);
    expect((await t.http.get(`/api/meetings/${meeting.id}`).expect(200)).body).toMatchObject({ title: 'Budget walk-through', version: meeting.version });
    expect((await t.http.get(`/api/stakeholders/${attendee.id}`).expect(200)).body.lastContactAt).toBe(contacted);
  });

  it('refuses with 409 and a reason when what it needs is gone, or its name is taken now', async () => {
    const attendee = await createStakeholder(t.http, { name: 'Gone Garcia' });
    const meeting = await createMeeting(t.http, [attendee.id], 'Orphaned meeting');
    await t.http.delete(`/api/meetings/${meeting.id}`).expect(204);
    await t.http.delete(`/api/stakeholders/${attendee.id}`).expect(204);
    const orphaned = await t.http.post(`/api/deleted-items/${meeting.id}/restore`);
    expectRefused(orphaned, 409);
    expect(orphaned.body).toMatchObject({ code: 'restore_conflict', message: expect.stringContaining('a person it names has been deleted since') });
    // Nothing half-restored: the meeting is still held and still absent.
    await t.http.get(`/api/meetings/${meeting.id}`).expect(404);
    expect((await held()).some((entry) => entry.id === meeting.id)).toBe(true);
    // Once the person is back, so can the meeting be.
    await t.http.post(`/api/deleted-items/${attendee.id}/restore`).expect(200);
    await t.http.post(`/api/deleted-items/${meeting.id}/restore`).expect(200);

    const priority = (await t.http.post('/api/priorities').send({ businessFunction: 'Finance', title: 'Faster close' }).expect(201)).body;
    await t.http.delete(`/api/priorities/${priority.id}`).expect(204);
    await t.http.post('/api/priorities').send({ businessFunction: 'Finance', title: 'Faster close' }).expect(201);
    const taken = await t.http.post(`/api/deleted-items/${priority.id}/restore`);
    expectRefused(taken, 409);
    expect(taken.body.message).toContain('another record now holds its place');
  });

  it('deletes for good on request, and after 30 days when retention runs; both audited', async () => {
    const one = await createStakeholder(t.http, { name: 'Purged Price' });
    const two = await createStakeholder(t.http, { name: 'Expired Evans' });
    await t.http.delete(`/api/stakeholders/${one.id}`).expect(204);
    await t.http.delete(`/api/stakeholders/${two.id}`).expect(204);

    await t.http.delete(`/api/deleted-items/${one.id}`).expect(204);
    await t.http.post(`/api/deleted-items/${one.id}/restore`).expect(404);

    await t.db.query(`UPDATE deleted_items SET purge_after = now() - interval '1 second' WHERE id = $1`, [two.id]);
    expect((await held()).some((entry) => entry.id === two.id)).toBe(false);
    await t.http.post(`/api/deleted-items/${two.id}/restore`).expect(404);
    expect(await t.app.get(RetentionService).pruneExpired()).toMatchObject({ ran: true, deletedItems: 1 });
    const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM deleted_items WHERE id = ANY($1)`, [[one.id, two.id]]);
    expect(rows[0].n).toBe(0);

    const audit = await t.db.query(`SELECT entity_id, actor_id, after FROM audit_log WHERE action = 'deleted_item.purge' AND entity_id = ANY($1) ORDER BY id`, [[one.id, two.id]]);
    expect(audit.rows).toEqual([
      { entity_id: one.id, actor_id: t.user.id, after: { reason: 'asked' } },
      { entity_id: two.id, actor_id: null, after: { reason: 'expired' } },
    ]);
  });

  it('holds every kind of delete: each comes back from the list', async () => {
    const a = await createStakeholder(t.http, { name: 'Kind Kaur', role: 'top_team' });
    const b = await createStakeholder(t.http, { name: 'Kind Kowalski', potentialChampion: true });
    const made: Record<string, string> = {
      influence: `/api/influences/${(await t.http.post('/api/influences').send({ fromId: a.id, toId: b.id, kind: 'looks_to' }).expect(201)).body.id}`,
      relationship: `/api/relationships/${(await t.http.post('/api/relationships').send({ stakeholderId: a.id, holderUserId: t.user.id, quality: 'strong' }).expect(201)).body.id}`,
      narrative: `/api/narratives/${(await t.http.post('/api/narratives').send({ title: 'Leaders grow leaders' }).expect(201)).body.id}`,
      pilot: `/api/pilots/${(await t.http.post('/api/pilots').send({ name: 'Finance mentoring pilot', sponsorId: a.id, askedBy: [b.id] }).expect(201)).body.id}`,
      timing_window: `/api/timing-windows/${(await t.http.post('/api/timing-windows').send({ stakeholderId: a.id, kind: 'best', startsOn: daysAgo(1), endsOn: daysAgo(0) }).expect(201)).body.id}`,
    };
    for (const [kind, path] of Object.entries(made)) {
      const before = (await t.http.get(path).expect(200)).body;
      await t.http.delete(path).expect(204);
      await t.http.get(path).expect(404);
      const id = path.split('/').pop()!;
      expect((await held()).find((entry) => entry.id === id)).toMatchObject({ kind });
      await t.http.post(`/api/deleted-items/${id}/restore`).expect(200);
      expect((await t.http.get(path).expect(200)).body).toEqual(before);
    }
  });

  it('erasure removes the person from everything held for restore; the export shows what is held about them', async () => {
    const admin = await t.as('admin');
    const person = await createStakeholder(t.http, { name: 'Erin Erasmus' });
    const other = await createStakeholder(t.http, { name: 'Other Olsen' });
    const shared = await createMeeting(t.http, [person.id, other.id], 'Talent review');
    const mentioning = await createMeeting(t.http, [other.id], 'Prep for Erin Erasmus');
    const unrelated = await createMeeting(t.http, [other.id], 'Budget');
    for (const meeting of [shared, mentioning, unrelated]) await t.http.delete(`/api/meetings/${meeting.id}`).expect(204);

    const exported = (await admin.http.get(`/api/stakeholders/${person.id}/export`).expect(200)).body as StakeholderExport;
    expect(exported.heldForRestore.map((item) => [item.id, item.kind, item.label])).toEqual([[shared.id, 'meeting', 'Talent review']]);
    expect(exported.heldForRestore[0].records.meeting_attendees.map((row) => row.stakeholder_id)).toContain(person.id);

    const erased = (await admin.http.post(`/api/stakeholders/${person.id}/erase`).expect(200)).body;
    expect(erased.heldForRestoreRemoved).toBe(2);
    const { rows } = await t.db.query(`SELECT id FROM deleted_items WHERE snapshot::text ILIKE '%Erasmus%' OR $1 = ANY(stakeholder_ids)`, [person.id]);
    expect(rows).toEqual([]);
    expect((await held()).some((entry) => entry.id === unrelated.id)).toBe(true);
  });

  it('is for those who may delete; bad ids are 400, unknown ones 404', async () => {
    const viewer = await t.as('viewer');
    expectRefused(await viewer.http.get('/api/deleted-items'), 403);
    expectRefused(await t.http.post('/api/deleted-items/not-a-uuid/restore'), 400);
    expectRefused(await t.http.delete('/api/deleted-items/12345'), 400);
    expectRefused(await t.http.post('/api/deleted-items/5b3f8a4e-2c1d-4e6f-9a7b-0c8d9e1f2a3b/restore'), 404);
    expectRefused(await t.http.get('/api/deleted-items?pageSize=1000'), 400, 'pageSize');
  });
  it('deletes a person, and restores them, in the same statements whatever they hold: the undo snapshot is one read and one write', async () => {
    const measure = async (soundings: number) => {
      const person = await createStakeholder(t.http, { role: 'top_team' });
      for (let j = 0; j < soundings; j++) await logSounding(t.http, person.id, { heldOn: daysAgo(30 - j), commitmentAfter: j % 2 === 0 ? 'open' : 'supportive' });
      const remove = await t.queries.count(() => t.http.delete(`/api/stakeholders/${person.id}`).expect(204));
      const restore = await t.queries.count(() => t.http.post(`/api/deleted-items/${person.id}/restore`).expect(200));
      return { remove, restore };
    };
    const few = await measure(1);
    expect(await measure(12)).toEqual(few);
    // The delete: caller, person's lock, the snapshot, its row in deleted_items, the delete, the audit entry.
    // The restore: caller, the held row's lock, one insert per table held (here the person, soundings, level
    // changes), the held row's delete, last contact, the audit entry. The rate limit is counted in memory.
    expect(few).toEqual({ remove: 6, restore: 8 });
  });
});
