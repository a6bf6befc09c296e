import type { AuditVerification } from '@soundings/shared';
import { Pool } from 'pg';
import type { Response } from 'supertest';
import { createStakeholder, daysAgo, daysAhead, logSounding } from './factories';
import { startTestApp, TestApp, TestUser } from './test-app';
import type TestAgent from 'supertest/lib/agent';

const PASSWORD = 'correct horse battery staple';

/** Upper case for even positions, lower for odd: a spelling the uuid column folds away. */
function mixedCase(id: string): string {
  return [...id].map((char, index) => (index % 2 ? char.toLowerCase() : char.toUpperCase())).join('');
}

function succeeded(response: Response): Response {
  if (response.status >= 300) throw new Error(`${response.status} ${JSON.stringify(response.body)}`);
  return response;
}

describe('audit trail', () => {
  let t: TestApp;
  let admin: TestUser & { http: TestAgent };
  beforeAll(async () => {
    t = await startTestApp();
    admin = await t.as('admin');
  });
  afterAll(() => t.close());

  const verify = async (): Promise<AuditVerification> => (await admin.http.get('/api/audit/verify').expect(200)).body;

  /** Ids of the newest `n` entries, oldest first. */
  async function newestIds(n: number): Promise<string[]> {
    const { rows } = await t.db.query(`SELECT id::text AS id FROM audit_log ORDER BY id DESC LIMIT $1`, [n]);
    return rows.map((row) => row.id).reverse();
  }

  describe('the chain covers what PostgreSQL stored, however the request spelled it', () => {
    it('stays verifiable after every write endpoint is called with ids in upper or mixed case', async () => {
      const boss = await createStakeholder(t.http, { role: 'top_team' });
      const BOSS = boss.id.toUpperCase();
      const person = (await t.http.post('/api/stakeholders').send({ name: 'Ingrid Upper', role: 'line_manager', reportsToId: BOSS }).expect(201)).body;
      const PERSON = person.id.toUpperCase();
      const updated = succeeded(await t.http.patch(`/api/stakeholders/${mixedCase(person.id)}`).send({ title: 'Head of Ops', version: person.version })).body;
      succeeded(await t.http.patch(`/api/stakeholders/${PERSON}`).set('If-Match', String(updated.version)).send({ reportsToId: mixedCase(boss.id) }));

      const sounding = succeeded(
        await t.http.post(`/api/stakeholders/${PERSON}/soundings`).send({
          heldOn: daysAgo(2),
          summary: 'Keen, worried about time',
          commitmentAfter: 'open',
          confidential: true,
          fears: [{ statement: 'No time for this', category: 'time_and_workload' }],
        }),
      ).body;
      succeeded(await t.http.patch(`/api/soundings/${sounding.id.toUpperCase()}`).send({ nextStep: 'Send the pilot outline', version: sounding.version }));
      const fear = sounding.fears[0];
      succeeded(await t.http.patch(`/api/fears/${mixedCase(fear.id)}`).send({ status: 'addressing', version: fear.version }));
      succeeded(await t.http.post(`/api/stakeholders/${mixedCase(person.id)}/commitment`).send({ level: 'supportive', on: daysAgo(1), reason: 'Said yes in the corridor' }));
      // Audited reads: a confidential note shown to an admin, and a subject-access export.
      succeeded(await admin.http.get(`/api/soundings/${sounding.id.toUpperCase()}`));
      succeeded(await t.http.get(`/api/stakeholders/${PERSON}/export`));

      const champion = await createStakeholder(t.http, { role: 'line_manager', potentialChampion: true });
      await logSounding(t.http, champion.id, { commitmentAfter: 'committed' });
      const plannedFor = `${daysAhead(5)}T09:00:00.000Z`;
      const briefing = succeeded(await t.http.post('/api/briefings').send({ brieferId: champion.id, audienceId: boss.id, plannedFor })).body;
      const BRIEFING = briefing.id.toUpperCase();
      const moved = succeeded(await t.http.patch(`/api/briefings/${BRIEFING}`).send({ brief: 'Why it matters for Ops', version: briefing.version })).body;
      succeeded(await t.http.post('/api/briefings/reorder').send({ day: daysAhead(5), briefingIds: [briefing.id] }));
      expect(moved.version).toBeGreaterThan(briefing.version);
      succeeded(await t.http.delete(`/api/briefings/${mixedCase(briefing.id)}`));

      const meeting = succeeded(
        await t.http.post('/api/meetings').send({ title: 'Top team offsite', scheduledFor: `${daysAgo(1)}T10:00:00.000Z`, attendeeIds: [boss.id, person.id] }),
      ).body;
      const MEETING = meeting.id.toUpperCase();
      succeeded(await t.http.patch(`/api/meetings/${MEETING}`).send({ purpose: 'Ask for sponsors', version: meeting.version }));
      succeeded(await t.http.post(`/api/meetings/${MEETING}/spoke-for`).send({ stakeholderIds: [person.id] }));
      succeeded(await t.http.delete(`/api/meetings/${mixedCase(meeting.id)}`));

      const user = succeeded(await admin.http.post('/api/users').send({ email: 'Case.Study@Example.test', password: PASSWORD, role: 'viewer' })).body;
      succeeded(await admin.http.patch(`/api/users/${user.id.toUpperCase()}`).send({ role: 'practitioner', version: user.version }));
      const token = succeeded(await t.http.post('/api/auth/tokens').send({ name: 'script' })).body;
      succeeded(await t.http.delete(`/api/auth/tokens/${token.id.toUpperCase()}`));
      const settings = succeeded(await admin.http.get('/api/settings')).body;
      succeeded(await admin.http.put('/api/settings').send({ redactSoundingsAfterMonths: 24, version: settings.version }));

      succeeded(await admin.http.post(`/api/stakeholders/${PERSON}/erase`));
      succeeded(await t.http.delete(`/api/stakeholders/${BOSS}`));

      const { rows } = await t.db.query(`SELECT count(*)::int AS n FROM audit_log WHERE stakeholder_id = $1`, [person.id]);
      expect(rows[0].n).toBeGreaterThan(5);
      expect(await verify()).toMatchObject({ ok: true, brokenAt: null });
    });
  });
});
