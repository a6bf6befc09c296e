import type { AccountExport, DeletedItem, DeletedItemPage, Meeting, SavedView, StakeholderExport } from '@soundings/shared';
import { RESTORE_WINDOW_DAYS, SAVED_VIEWS_MAX } from '@soundings/shared';
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

  it('champion evidence, a priority, a pilot, a proof point, a narrative and an influence link come back with what went with them', async () => {
    const sponsor = await createStakeholder(t.http, { name: 'Held Hoffmann', role: 'top_team', businessFunction: 'Finance' });
    const champion = await createStakeholder(t.http, { name: 'Held Haddad', potentialChampion: true });
    const audit = async (id: string) => (await t.db.query(`SELECT action FROM audit_log WHERE entity_id = $1 ORDER BY id`, [id])).rows.map((row) => row.action);
    /** Deletes it, finds it listed, restores it, and checks every read of it (`reads`) is as it was. */
    async function roundTrip(kind: string, id: string, remove: string, reads: string[], label: string, audited = kind) {
      const before = await Promise.all(reads.map(async (path) => (await t.http.get(path).expect(200)).body));
      await t.http.delete(remove).expect(204);
      const item = (await held()).find((entry) => entry.id === id);
      expect(item).toMatchObject({ kind, label, deletedBy: { id: t.user.id } });
      const restored = (await t.http.post(`/api/deleted-items/${id}/restore`).expect(200)).body;
      expect(restored).toMatchObject({ id, kind, label });
      expect(await Promise.all(reads.map(async (path) => (await t.http.get(path).expect(200)).body))).toEqual(before);
      expect((await held()).some((entry) => entry.id === id)).toBe(false);
      expect(await audit(id)).toEqual(expect.arrayContaining([`${audited}.delete`, `${audited}.restore`]));
      return { item, restored };
    }

    const evidence = (await t.http.post('/api/champion-evidence').send({ stakeholderId: champion.id, test: 'advocacy', evidence: 'Took the case to Finance alone', on: daysAgo(3) }).expect(201)).body;
    const gone = await roundTrip('champion_evidence', evidence.id, `/api/champion-evidence/${evidence.id}`, [`/api/champion-evidence/${evidence.id}`, `/api/champion-evidence?stakeholderId=${champion.id}`], 'advocacy evidence · Held Haddad');
    expect(gone.item?.contents).toEqual([]);

    // A priority cited by a briefing: the citation goes with it, and comes back with it.
    const priority = (await t.http.post('/api/priorities').send({ businessFunction: 'Finance', title: 'Close the books in three days', ownerId: sponsor.id }).expect(201)).body;
    const briefing = (await t.http.post('/api/briefings').send({ brieferId: champion.id, audienceId: sponsor.id, brief: 'What a faster close needs', plannedFor: at(10), priorityIds: [priority.id] }).expect(201)).body;
    const cited = await roundTrip('priority', priority.id, `/api/priorities/${priority.id}`, [`/api/priorities/${priority.id}`, `/api/briefings/${briefing.id}`], 'Close the books in three days');
    expect(cited.item?.contents).toEqual([{ records: 'briefing priorities', count: 1 }]);
    expect((await t.http.get(`/api/briefings/${briefing.id}`).expect(200)).body.priorities.map((p: { id: string }) => p.id)).toEqual([priority.id]);

    // A pilot with its results and the people who asked for it; then one result alone.
    const pilot = (await t.http.post('/api/pilots').send({ name: 'Finance coaching pilot', sponsorId: sponsor.id, askedBy: [champion.id] }).expect(201)).body;
    const proof = (await t.http.post(`/api/pilots/${pilot.id}/proof-points`).send({ observedOn: daysAgo(2), result: 'Close took four days, not six' }).expect(201)).body;
    const withResults = await roundTrip('pilot', pilot.id, `/api/pilots/${pilot.id}`, [`/api/pilots/${pilot.id}`, '/api/pilots'], 'Finance coaching pilot');
    expect(withResults.item?.contents).toEqual(expect.arrayContaining([{ records: 'pilot proof points', count: 1 }, { records: 'pilot askers', count: 1 }]));
    expect(withResults.restored.records).toBeGreaterThanOrEqual(3);
    await roundTrip('proof_point', proof.id, `/api/proof-points/${proof.id}`, [`/api/pilots/${pilot.id}`], 'Close took four days, not six', 'pilot_proof_point');

    const narrative = (await t.http.post('/api/narratives').send({ title: 'Managers who coach keep their people' }).expect(201)).body;
    await roundTrip('narrative', narrative.id, `/api/narratives/${narrative.id}`, [`/api/narratives/${narrative.id}`, '/api/narratives'], 'Managers who coach keep their people');

    const link = (await t.http.post('/api/influences').send({ fromId: sponsor.id, toId: champion.id, kind: 'mentor' }).expect(201)).body;
    await roundTrip('influence', link.id, `/api/influences/${link.id}`, [`/api/influences/${link.id}`, `/api/influences?stakeholderId=${sponsor.id}`], 'Held Hoffmann to Held Haddad');
  });

  it("a saved view is held for its own account alone: it restores it, nobody else sees it, its export shows it, erasure and the cap apply", async () => {
    const owner = await t.as('viewer');
    const other = await t.as('practitioner');
    const filters = { role: ['top_team'], q: 'Saskia Viewfinder', sort: '-influence' };
    const view = (await owner.http.post('/api/saved-views').send({ name: 'Saskia and her peers', filters }).expect(201)).body as SavedView;

    await owner.http.delete(`/api/saved-views/${view.id}`).expect(204);
    expect((await owner.http.get('/api/saved-views').expect(200)).body).toEqual([]);
    // Another account neither sees it nor may restore or purge it; the owner's export lists it, as stored.
    expect((await held(other.http)).some((entry) => entry.id === view.id)).toBe(false);
    expect((await held()).some((entry) => entry.id === view.id)).toBe(false);
    expectRefused(await other.http.post(`/api/deleted-items/${view.id}/restore`), 404);
    expectRefused(await other.http.delete(`/api/deleted-items/${view.id}`), 404);
    const exported = (await owner.http.get('/api/account/export').expect(200)).body as AccountExport;
    expect(exported.heldForRestore.map((item) => [item.id, item.kind, item.label])).toEqual([[view.id, 'saved_view', 'Saskia and her peers']]);
    expect(exported.heldForRestore[0].records.saved_views[0]).toMatchObject({ id: view.id, name: 'Saskia and her peers', search: 'Saskia Viewfinder' });
    // A viewer restores their own view (though not the organisation's records), as it was.
    const restored = (await owner.http.post(`/api/deleted-items/${view.id}/restore`).expect(200)).body;
    expect(restored).toMatchObject({ id: view.id, kind: 'saved_view', label: 'Saskia and her peers', records: 1 });
    expect((await owner.http.get('/api/saved-views').expect(200)).body).toEqual([view]);
    const { rows } = await t.db.query(`SELECT action, after FROM audit_log WHERE entity_id = $1 ORDER BY id`, [view.id]);
    expect(rows.map((row) => row.action)).toEqual(['saved_view.create', 'saved_view.delete', 'saved_view.restore']);
    expect(JSON.stringify(rows)).not.toContain('Saskia');

    // A viewer may not restore what the organisation deleted.
    const person = await createStakeholder(t.http, { name: 'Shared Sato' });
    await t.http.delete(`/api/stakeholders/${person.id}`).expect(204);
    expectRefused(await owner.http.post(`/api/deleted-items/${person.id}/restore`), 403);
    expectRefused(await owner.http.delete(`/api/deleted-items/${person.id}`), 403);
    await t.http.post(`/api/deleted-items/${person.id}/restore`).expect(200);

    // The cap on views holds for a restored one; so does the one name per account.
    await owner.http.delete(`/api/saved-views/${view.id}`).expect(204);
    for (let i = 0; i < SAVED_VIEWS_MAX; i++) await owner.http.post('/api/saved-views').send({ name: `View ${i}`, filters: {} }).expect(201);
    const full = await owner.http.post(`/api/deleted-items/${view.id}/restore`);
    expectRefused(full, 409);
    expect(full.body).toMatchObject({ code: 'restore_conflict', message: expect.stringContaining(`${SAVED_VIEWS_MAX} saved views`) });
    const views = (await owner.http.get('/api/saved-views').expect(200)).body as SavedView[];
    for (const extra of views.slice(0, 2)) await owner.http.delete(`/api/saved-views/${extra.id}`).expect(204);
    await owner.http.post('/api/saved-views').send({ name: 'SASKIA and her peers', filters: {} }).expect(201);
    const taken = await owner.http.post(`/api/deleted-items/${view.id}/restore`);
    expectRefused(taken, 409);
    expect(taken.body.message).toContain('another record now holds its place');

    // Erasing the person it searched for removes it from what is held, at once.
    const named = await createStakeholder(t.http, { name: 'Saskia Viewfinder' });
    const admin = await t.as('admin');
    expect((await admin.http.post(`/api/stakeholders/${named.id}/erase`).expect(200)).body.heldForRestoreRemoved).toBeGreaterThanOrEqual(1);
    expect((await t.db.query(`SELECT id FROM deleted_items WHERE id = $1`, [view.id])).rows).toEqual([]);
    expectRefused(await owner.http.post(`/api/deleted-items/${view.id}/restore`), 404);
  }, 60_000);

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
