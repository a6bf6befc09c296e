import type { BriefingPlan, MeetingReadiness, SoundingRecommendations, StakeholderExport, StakeholderTiming, TimingWindow } from '@soundings/shared';
import { ERROR_CODES } from '@soundings/shared';
import type TestAgent from 'supertest/lib/agent';
import { RetentionService } from '../src/retention/retention.service';
import { expectRefused } from './expectations';
import { createStakeholder, daysAgo, daysAhead, logSounding } from './factories';
import { startTestApp, TestApp } from './test-app';

async function addWindow(http: TestAgent, body: Record<string, unknown>): Promise<TimingWindow> {
  const response = await http.post('/api/timing-windows').send({ kind: 'not_now', startsOn: daysAhead(10), endsOn: daysAhead(20), ...body });
  if (response.status !== 201) throw new Error(`addWindow: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** "14 Jan" as a reader sees it. */
function dayAndMonth(isoDate: string): string {
  return new Date(`${isoDate}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

describe('timing windows: when each person is best approached', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<TestApp['as']>>;
  let viewer: Awaited<ReturnType<TestApp['as']>>;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as('admin');
    viewer = await t.as('viewer');
  });
  afterAll(() => t.close());

  describe('the API', () => {
    it('adds, lists, changes and removes a window, and shows the person\'s timing with their notes', async () => {
      const person = await createStakeholder(t.http, { name: 'Rajiv Menon', timingNotes: 'Not during the budget round. Wants numbers first.' });
      const budget = await addWindow(t.http, { stakeholderId: person.id, startsOn: daysAhead(30), endsOn: daysAhead(60), note: 'Budget round' });
      const afterClose = await addWindow(t.http, { stakeholderId: person.id, kind: 'best', startsOn: daysAhead(5), endsOn: daysAhead(12) });
      expect(budget).toMatchObject({ stakeholderId: person.id, kind: 'not_now', startsOn: daysAhead(30), endsOn: daysAhead(60), note: 'Budget round', version: 1 });

      const timing = (await viewer.http.get(`/api/stakeholders/${person.id}/timing`).expect(200)).body as StakeholderTiming;
      expect(timing.timingNotes).toBe('Not during the budget round. Wants numbers first.');
      // By start: the best window (in 5 days) before the budget round (in 30).
      expect(timing.windows.map((w) => w.id)).toEqual([afterClose.id, budget.id]);

      const listed = (await viewer.http.get(`/api/timing-windows?stakeholderId=${person.id}`).expect(200)).body;
      expect(listed).toMatchObject({ total: 2, page: 1 });
      // from/to keep the windows overlapping those days: day 13 to 29 touches neither; day 12 touches the best one.
      expect((await t.http.get(`/api/timing-windows?stakeholderId=${person.id}&from=${daysAhead(13)}&to=${daysAhead(29)}`).expect(200)).body.items).toEqual([]);
      const overlapping = (await t.http.get(`/api/timing-windows?stakeholderId=${person.id}&from=${daysAhead(12)}&to=${daysAhead(30)}`).expect(200)).body;
      expect(overlapping.items.map((w: TimingWindow) => w.id)).toEqual([afterClose.id, budget.id]);

      const moved = (
        await t.http.patch(`/api/timing-windows/${budget.id}`).send({ endsOn: daysAhead(45), note: 'Budget round, first pass', version: budget.version }).expect(200)
      ).body as TimingWindow;
      expect(moved).toMatchObject({ startsOn: daysAhead(30), endsOn: daysAhead(45), note: 'Budget round, first pass', version: 2 });
      expect((await t.http.get(`/api/timing-windows/${budget.id}`).expect(200)).body).toEqual(moved);

      await t.http.delete(`/api/timing-windows/${afterClose.id}`).expect(204);
      await t.http.get(`/api/timing-windows/${afterClose.id}`).expect(404);
      expect((await t.http.get(`/api/stakeholders/${person.id}/timing`).expect(200)).body.windows.map((w: TimingWindow) => w.id)).toEqual([budget.id]);
    });

    it('records each change in the person\'s history, keeping kind and dates and naming the note only', async () => {
      const person = await createStakeholder(t.http);
      const window = await addWindow(t.http, { stakeholderId: person.id, note: 'Her father is unwell' });
      await t.http.patch(`/api/timing-windows/${window.id}`).send({ note: 'Family matters', version: 1 }).expect(200);
      await t.http.delete(`/api/timing-windows/${window.id}`).expect(204);
      const { rows } = await t.db.query(`SELECT action, before, after FROM audit_log WHERE stakeholder_id = $1 AND entity_type = 'timing_window' ORDER BY id`, [person.id]);
      const dates = { kind: 'not_now', startsOn: daysAhead(10), endsOn: daysAhead(20) };
      expect(rows).toEqual([
        { action: 'timing_window.create', before: null, after: { ...dates, changedFields: ['note'] } },
        { action: 'timing_window.update', before: dates, after: { ...dates, changedFields: ['note'] } },
        { action: 'timing_window.delete', before: { ...dates, changedFields: ['note'] }, after: null },
      ]);
      expect(JSON.stringify(rows)).not.toMatch(/father|Family/);
      const history = (await admin.http.get(`/api/stakeholders/${person.id}/history`).expect(200)).body;
      expect(history.items.map((entry: { action: string }) => entry.action)).toEqual(['timing_window.delete', 'timing_window.update', 'timing_window.create', 'stakeholder.create']);
    });

    it('refuses a window that ends before it starts, in the form\'s words, on create and on change', async () => {
      const person = await createStakeholder(t.http);
      expectRefused(await t.http.post('/api/timing-windows').send({ stakeholderId: person.id, kind: 'best', startsOn: daysAhead(5), endsOn: daysAhead(4) }), 400, 'endsOn');
      const window = await addWindow(t.http, { stakeholderId: person.id });
      // Only the start is sent, and moved past the end: the start is at fault.
      expectRefused(await t.http.patch(`/api/timing-windows/${window.id}`).send({ startsOn: daysAhead(21), version: 1 }), 400, 'startsOn');
      expectRefused(await t.http.patch(`/api/timing-windows/${window.id}`).send({ endsOn: daysAhead(9), version: 1 }), 400, 'endsOn');
      // One day is a window: first and last day the same.
      await t.http.patch(`/api/timing-windows/${window.id}`).send({ endsOn: daysAhead(10), version: 1 }).expect(200);
    });

    it.each([
      ['an unknown kind', { kind: 'never' }, 'kind'],
      ['a date that does not exist', { startsOn: '2027-02-30' }, 'startsOn'],
      ['a date without dashes', { endsOn: '20270301' }, 'endsOn'],
      ['a missing start', { startsOn: undefined }, 'startsOn'],
      ['a stakeholder id that is not a UUID', { stakeholderId: 'rajiv' }, 'stakeholderId'],
      ['an unknown field', { priority: 'high' }, 'priority'],
      ['a note with a NUL character', { note: 'a\u0000b' }, 'note'],
    ])('refuses %s with 400 naming the field', async (_label, change, field) => {
      const person = await createStakeholder(t.http);
      const body = { stakeholderId: person.id, kind: 'not_now', startsOn: daysAhead(1), endsOn: daysAhead(2), ...change };
      expectRefused(await t.http.post('/api/timing-windows').send(body), 400, field);
    });

    it('refuses a window for someone not on record, and list days in the wrong order', async () => {
      expectRefused(await t.http.post('/api/timing-windows').send({ stakeholderId: '00000000-0000-4000-8000-000000000000', kind: 'best', startsOn: daysAhead(1), endsOn: daysAhead(2) }), 400, 'stakeholderId');
      expectRefused(await t.http.get(`/api/timing-windows?from=${daysAhead(5)}&to=${daysAhead(4)}`), 400, 'to');
      expectRefused(await t.http.get('/api/timing-windows?stakeholderId=nobody'), 400, 'stakeholderId');
      await t.http.get('/api/stakeholders/00000000-0000-4000-8000-000000000000/timing').expect(404);
      await t.http.get('/api/timing-windows/00000000-0000-4000-8000-000000000000').expect(404);
    });

    it('needs the version loaded to change a window and answers a stale one with 409 and the current window', async () => {
      const person = await createStakeholder(t.http);
      const window = await addWindow(t.http, { stakeholderId: person.id });
      expectRefused(await t.http.patch(`/api/timing-windows/${window.id}`).send({ note: 'No version' }), 428, 'version');
      const first = (await t.http.patch(`/api/timing-windows/${window.id}`).set('If-Match', '"1"').send({ note: 'First' }).expect(200)).body;
      const stale = await t.http.patch(`/api/timing-windows/${window.id}`).send({ note: 'Second', version: 1 });
      expectRefused(stale, 409);
      expect(stale.body.code).toBe(ERROR_CODES.versionConflict);
      expect(stale.body.current).toEqual(first);
    });

    it('lets viewers read and only practitioners and admins write', async () => {
      const person = await createStakeholder(t.http);
      const window = await addWindow(t.http, { stakeholderId: person.id });
      await viewer.http.get(`/api/timing-windows/${window.id}`).expect(200);
      await viewer.http.post('/api/timing-windows').send({ stakeholderId: person.id, kind: 'best', startsOn: daysAhead(1), endsOn: daysAhead(2) }).expect(403);
      await viewer.http.patch(`/api/timing-windows/${window.id}`).send({ note: 'x', version: 1 }).expect(403);
      await viewer.http.delete(`/api/timing-windows/${window.id}`).expect(403);
      await admin.http.patch(`/api/timing-windows/${window.id}`).send({ note: 'By an admin', version: 1 }).expect(200);
      await admin.http.delete(`/api/timing-windows/${window.id}`).expect(204);
    });
  });

  describe('the briefing plan', () => {
    async function planWarnings(briefingId: string): Promise<{ code: string; stakeholderId?: string; message: string }[]> {
      const plan = (await t.http.get('/api/briefings/plan').expect(200)).body as BriefingPlan;
      return plan.warnings.filter((warning) => warning.briefingId === briefingId && warning.code.startsWith('timing_'));
    }

    it('warns when a briefing to one person falls inside their not-now window, on its first and last day, and not the day after', async () => {
      const audience = await createStakeholder(t.http, { name: 'Nadia Okoro', role: 'top_team' });
      await addWindow(t.http, { stakeholderId: audience.id, startsOn: daysAhead(10), endsOn: daysAhead(20) });
      const briefing = (await t.http.post('/api/briefings').send({ hr: true, audienceId: audience.id, plannedFor: `${daysAhead(10)}T09:00:00Z` }).expect(201)).body;
      const [onFirstDay] = await planWarnings(briefing.id);
      expect(onFirstDay).toMatchObject({ code: 'timing_not_now', stakeholderId: audience.id });
      expect(onFirstDay.message).toContain(`Nadia Okoro asked not to be approached until ${dayAndMonth(daysAhead(20))}`);
      const plan = (await t.http.get('/api/briefings/plan').expect(200)).body as BriefingPlan;
      expect(plan.items.find((item) => item.briefing.id === briefing.id)!.readiness.warnings).toContain('timing_not_now');

      const onLastDay = (await t.http.patch(`/api/briefings/${briefing.id}`).send({ plannedFor: `${daysAhead(20)}T17:00:00Z`, version: briefing.version }).expect(200)).body;
      expect((await planWarnings(briefing.id)).map((w) => w.code)).toEqual(['timing_not_now']);
      await t.http.patch(`/api/briefings/${briefing.id}`).send({ plannedFor: `${daysAhead(21)}T09:00:00Z`, version: onLastDay.version }).expect(200);
      expect(await planWarnings(briefing.id)).toEqual([]);
    });

    it('warns per member for a whole-top-team briefing, naming only those it falls badly for', async () => {
      const busy = await createStakeholder(t.http, { name: 'Busy Member', role: 'top_team' });
      const free = await createStakeholder(t.http, { name: 'Free Member', role: 'top_team' });
      const briefer = await createStakeholder(t.http, { name: 'Brief Champion', role: 'line_manager' });
      await logSounding(t.http, free.id, { commitmentAfter: 'open' });
      await addWindow(t.http, { stakeholderId: busy.id, startsOn: daysAhead(30), endsOn: daysAhead(31) });
      // The briefer's own window does not count: they are not their own audience.
      await addWindow(t.http, { stakeholderId: briefer.id, startsOn: daysAhead(30), endsOn: daysAhead(31) });
      const briefing = (await t.http.post('/api/briefings').send({ brieferId: briefer.id, topTeam: true, plannedFor: `${daysAhead(31)}T09:00:00Z` }).expect(201)).body;
      expect((await planWarnings(briefing.id)).map((w) => [w.code, w.stakeholderId])).toEqual([['timing_not_now', busy.id]]);
    });

    it('warns when a briefing misses a best window starting soon, and not inside it', async () => {
      const audience = await createStakeholder(t.http, { name: 'Marcus Doyle', role: 'top_team' });
      await addWindow(t.http, { stakeholderId: audience.id, kind: 'best', startsOn: daysAhead(40), endsOn: daysAhead(50) });
      const briefing = (await t.http.post('/api/briefings').send({ hr: true, audienceId: audience.id, plannedFor: `${daysAhead(39)}T09:00:00Z` }).expect(201)).body;
      const [warning] = await planWarnings(briefing.id);
      expect(warning).toMatchObject({ code: 'timing_outside_best', stakeholderId: audience.id });
      expect(warning.message).toContain(`Marcus Doyle is best approached ${dayAndMonth(daysAhead(40))}`);
      await t.http.patch(`/api/briefings/${briefing.id}`).send({ plannedFor: `${daysAhead(40)}T09:00:00Z`, version: briefing.version }).expect(200);
      expect(await planWarnings(briefing.id)).toEqual([]);
    });
  });

  describe('meeting readiness', () => {
    it('flags each attendee whose window the meeting day falls in, with the window, on its edges', async () => {
      const busy = await createStakeholder(t.http, { name: 'Edge Attendee' });
      const calm = await createStakeholder(t.http, { name: 'Calm Attendee' });
      const window = await addWindow(t.http, { stakeholderId: busy.id, startsOn: daysAhead(7), endsOn: daysAhead(9) });
      const meeting = (await t.http.post('/api/meetings').send({ title: 'Ops review', scheduledFor: `${daysAhead(9)}T15:00:00Z`, attendeeIds: [busy.id, calm.id] }).expect(201)).body;
      const readiness = async () => {
        const body = (await t.http.get(`/api/meetings/${meeting.id}/readiness`).expect(200)).body as MeetingReadiness;
        return new Map(body.attendees.map((attendee) => [attendee.stakeholder.id, attendee]));
      };
      const onLastDay = await readiness();
      expect(onLastDay.get(busy.id)!.warnings).toContain('timing_not_now');
      expect(onLastDay.get(busy.id)!.timing).toEqual({
        code: 'timing_not_now',
        window: { id: window.id, kind: 'not_now', startsOn: daysAhead(7), endsOn: daysAhead(9) },
        message: expect.stringContaining(`Edge Attendee asked not to be approached until ${dayAndMonth(daysAhead(9))}`),
      });
      expect(onLastDay.get(calm.id)!.timing).toBeNull();
      expect(onLastDay.get(calm.id)!.warnings).not.toContain('timing_not_now');

      const moved = (await t.http.patch(`/api/meetings/${meeting.id}`).send({ scheduledFor: `${daysAhead(7)}T08:00:00Z`, version: meeting.version }).expect(200)).body;
      expect((await readiness()).get(busy.id)!.timing?.code).toBe('timing_not_now');
      await t.http.patch(`/api/meetings/${meeting.id}`).send({ scheduledFor: `${daysAhead(6)}T08:00:00Z`, version: moved.version }).expect(200);
      const dayBefore = await readiness();
      expect(dayBefore.get(busy.id)!.timing).toBeNull();
      expect(dayBefore.get(busy.id)!.warnings).not.toContain('timing_not_now');
    });

    it('flags an attendee when the meeting misses their best window that ended days before', async () => {
      const person = await createStakeholder(t.http, { name: 'Best Attendee' });
      await addWindow(t.http, { stakeholderId: person.id, kind: 'best', startsOn: daysAhead(2), endsOn: daysAhead(4) });
      const meeting = (await t.http.post('/api/meetings').send({ title: 'Late review', scheduledFor: `${daysAhead(5)}T10:00:00Z`, attendeeIds: [person.id] }).expect(201)).body;
      const [attendee] = ((await t.http.get(`/api/meetings/${meeting.id}/readiness`).expect(200)).body as MeetingReadiness).attendees;
      expect(attendee.warnings).toContain('timing_outside_best');
      expect(attendee.timing?.window).toMatchObject({ kind: 'best', startsOn: daysAhead(2), endsOn: daysAhead(4) });
    });
  });

  describe('recommendations', () => {
    it('pushes down someone asked not to be approached now, saying until when, and weighs up a best window open now', async () => {
      const waiting = await createStakeholder(t.http, { name: 'Zz Waiting Until Later' });
      const plain = await createStakeholder(t.http, { name: 'Zz Plain Person' });
      const receptive = await createStakeholder(t.http, { name: 'Zz Receptive Now' });
      await addWindow(t.http, { stakeholderId: waiting.id, startsOn: daysAgo(3), endsOn: daysAhead(14) });
      await addWindow(t.http, { stakeholderId: receptive.id, kind: 'best', startsOn: daysAgo(0), endsOn: daysAhead(6) });
      // A not-now window that has ended, and one still to come, say nothing about today.
      await addWindow(t.http, { stakeholderId: plain.id, startsOn: daysAgo(20), endsOn: daysAgo(1) });
      await addWindow(t.http, { stakeholderId: plain.id, startsOn: daysAhead(1), endsOn: daysAhead(3) });

      const { items } = (await t.http.get('/api/recommendations/soundings?limit=100').expect(200)).body as SoundingRecommendations;
      const rank = (id: string) => items.findIndex((item) => item.stakeholder.id === id);
      const of = (id: string) => items[rank(id)];
      expect(rank(receptive.id)).toBeLessThan(rank(plain.id));
      expect(rank(plain.id)).toBeLessThan(rank(waiting.id));
      expect(of(waiting.id).reasons).toContainEqual({ code: 'timing_not_now', weight: -60, text: `Asked not to be approached until ${dayAndMonth(daysAhead(14))}` });
      expect(of(receptive.id).reasons).toContainEqual({ code: 'timing_best_now', weight: 10, text: `In their best time to be approached, until ${dayAndMonth(daysAhead(6))}` });
      expect(of(plain.id).reasons.map((reason) => reason.code)).not.toContain('timing_not_now');
      expect(of(plain.id).score - of(waiting.id).score).toBe(60);
      expect(of(receptive.id).score - of(plain.id).score).toBe(10);
    });
  });

  describe('data protection', () => {
    it('exports the person\'s windows, and the export\'s audit entry counts them', async () => {
      const person = await createStakeholder(t.http, { timingNotes: 'Fridays' });
      const window = await addWindow(t.http, { stakeholderId: person.id, note: 'Board week' });
      const exported = (await t.http.get(`/api/stakeholders/${person.id}/export`).expect(200)).body as StakeholderExport;
      expect(exported.timingWindows).toEqual([window]);
      expect(exported.stakeholder.timingNotes).toBe('Fridays');
      const { rows } = await t.db.query(`SELECT after FROM audit_log WHERE action = 'stakeholder.export' AND stakeholder_id = $1`, [person.id]);
      expect(rows[0].after).toMatchObject({ timingWindows: 1 });
    });

    it('deletes the person\'s windows on erasure, and takes their name out of other people\'s window notes', async () => {
      const person = await createStakeholder(t.http, { name: 'Ottoline Brackenbury' });
      const other = await createStakeholder(t.http);
      await addWindow(t.http, { stakeholderId: person.id, note: 'Budget round' });
      await addWindow(t.http, { stakeholderId: person.id, kind: 'best' });
      const othersWindow = await addWindow(t.http, { stakeholderId: other.id, note: 'After Ottoline Brackenbury\'s offsite' });
      const erased = (await admin.http.post(`/api/stakeholders/${person.id}/erase`).expect(200)).body;
      expect(erased.timingWindowsRemoved).toBe(2);
      const { rows } = await t.db.query(`SELECT count(*)::int AS left FROM timing_windows WHERE stakeholder_id = $1`, [person.id]);
      expect(rows[0].left).toBe(0);
      const after = (await t.http.get(`/api/timing-windows/${othersWindow.id}`).expect(200)).body as TimingWindow;
      expect(after.note).not.toContain('Ottoline');
      expect(after.version).toBe(othersWindow.version + 1);
    });

    it('removes the note of a window that ended before the retention cutoff, keeping its kind and dates; newer notes stay', async () => {
      const person = await createStakeholder(t.http);
      const old = await addWindow(t.http, { stakeholderId: person.id, startsOn: daysAgo(420), endsOn: daysAgo(400), note: 'Restructuring, last year' });
      const recent = await addWindow(t.http, { stakeholderId: person.id, startsOn: daysAgo(30), endsOn: daysAgo(20), note: 'Quarter close' });
      const settings = (await admin.http.get('/api/settings').expect(200)).body;
      await admin.http.put('/api/settings').send({ redactSoundingsAfterMonths: 12, version: settings.version }).expect(200);
      const result = await t.app.get(RetentionService).removeExpiredText();
      expect(result).toMatchObject({ ran: true, timingWindowNotes: 1 });
      expect((await t.http.get(`/api/timing-windows/${old.id}`).expect(200)).body).toMatchObject({
        note: null,
        kind: 'not_now',
        startsOn: daysAgo(420),
        endsOn: daysAgo(400),
        version: old.version + 1,
      });
      expect((await t.http.get(`/api/timing-windows/${recent.id}`).expect(200)).body).toMatchObject({ note: 'Quarter close', version: 1 });
      const { rows } = await t.db.query(`SELECT after FROM audit_log WHERE action = 'retention.remove_text' AND stakeholder_id = $1`, [person.id]);
      expect(rows).toEqual([{ after: expect.objectContaining({ months: 12, timingWindowNotes: 1 }) }]);
    });
  });
});
