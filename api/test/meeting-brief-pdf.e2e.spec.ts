import { WITHHELD_NOTE, type MeetingReadiness } from '@soundings/shared';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { expectRefused } from './expectations';
import { createStakeholder, daysAgo, daysAhead, logSounding } from './factories';
import { binaryBody, pdfText } from './support/pdf-text';
import { sessionCookie, startTestApp, TestApp } from './test-app';

describe('GET /api/meetings/:id/brief.pdf', () => {
  let t: TestApp;
  let meetingId: string;
  let confidentialFearId: string;
  const day = daysAhead(9);

  beforeAll(async () => {
    t = await startTestApp();
    const zoe = await createStakeholder(t.http, { name: 'Zoë Ångström', role: 'top_team', title: 'Chief Financial Officer' });
    const rajiv = await createStakeholder(t.http, { name: 'Rajiv Menon', role: 'senior_leader', businessFunction: 'Sales' });
    await logSounding(t.http, rajiv.id, {
      heldOn: daysAgo(12),
      commitmentAfter: 'open',
      fears: [{ statement: 'That coaching hours come out of the quota', category: 'time_and_workload' }],
    });
    // Logged by the practitioner `t.http` acts as: its words are theirs and the admins' to read.
    const confidential = await logSounding(t.http, zoe.id, {
      heldOn: daysAgo(6),
      commitmentAfter: 'sounded',
      confidential: true,
      fears: [{ statement: 'Being seen to need a coach pomelo', category: 'personal_exposure' }],
    });
    confidentialFearId = confidential.fears[0].id;
    const meeting = await t.http
      .post('/api/meetings')
      .send({ title: 'Q3 Operations Review', scheduledFor: `${day}T09:30:00.000Z`, purpose: 'Ask for two pilot sponsors', attendeeIds: [zoe.id, rajiv.id] })
      .expect(201);
    meetingId = meeting.body.id;
  });
  afterAll(() => t.close());

  const download = (http: TestAgent, id = meetingId) => http.get(`/api/meetings/${id}/brief.pdf`).buffer(true).parse(binaryBody);
  const readiness = async (http: TestAgent): Promise<MeetingReadiness> => (await http.get(`/api/meetings/${meetingId}/readiness`).expect(200)).body;

  it('downloads the brief as a one-page PDF attachment with the meeting, the room and what to do first', async () => {
    const response = await download(t.http).expect(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toBe(`attachment; filename="brief-q3-operations-review-${day}.pdf"`);
    expect(response.headers['cache-control']).toMatch(/no-store/);
    const pdf = response.body as Buffer;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(Number(response.headers['content-length'])).toBe(pdf.length);

    const { text, pages, title } = await pdfText(pdf);
    expect(pages).toBe(1);
    expect(title).toBe('Brief: Q3 Operations Review');
    for (const words of [
      'CONFIDENTIAL · MEETING BRIEF',
      'Q3 Operations Review',
      'Purpose: Ask for two pilot sponsors',
      '0 of 2 on board',
      'Do before the meeting',
      'The room',
      'Zoë Ångström',
      'Chief Financial Officer',
      'Rajiv Menon',
      '“That coaching hours come out of the quota”',
      'Printed',
    ]) {
      expect({ words, found: text.includes(words) }).toEqual({ words, found: true });
    }
  });

  it('withholds confidential words from exactly the readers the readiness withholds them from', async () => {
    const colleague = await t.as('practitioner');
    const viewer = await t.as('viewer');
    const admin = await t.as('admin');
    for (const [reader, http] of [
      ['author', t.http],
      ['colleague', colleague.http],
      ['viewer', viewer.http],
      ['admin', admin.http],
    ] as const) {
      const json = JSON.stringify(await readiness(http));
      const { text } = await pdfText((await download(http).expect(200)).body);
      const inJson = json.includes('pomelo');
      expect({ reader, inPdf: text.includes('pomelo') }).toEqual({ reader, inPdf: inJson });
      expect({ reader, withheld: text.includes(WITHHELD_NOTE) }).toEqual({ reader, withheld: !inJson });
      // The other fear is not confidential: everyone reads it.
      expect(text).toContain('That coaching hours come out of the quota');
    }
    // The check above had both sides to compare.
    expect(JSON.stringify(await readiness(colleague.http))).not.toContain('pomelo');
    expect(JSON.stringify(await readiness(admin.http))).toContain('pomelo');
  }, 120_000);

  it('is audited as an export naming the meeting, its people and the confidential notes it carried, never their words', async () => {
    const admin = await t.as('admin');
    const colleague = await t.as('practitioner');
    const entryFor = async (response: request.Response) => {
      const { rows } = await t.db.query(`SELECT action, actor_id, entity_type, entity_id, after FROM audit_log WHERE request_id = $1`, [response.headers['x-request-id']]);
      return rows;
    };
    const byAdmin = await entryFor(await download(admin.http).expect(200));
    expect(byAdmin).toEqual([
      {
        action: 'meeting.brief_export',
        actor_id: admin.id,
        entity_type: 'meeting',
        entity_id: meetingId,
        after: expect.objectContaining({ format: 'pdf', confidentialSoundingIds: [], confidentialFearIds: [confidentialFearId] }),
      },
    ]);
    expect(byAdmin[0].after.stakeholderIds).toHaveLength(2);
    expect(JSON.stringify(byAdmin)).not.toMatch(/pomelo|quota|Operations Review|Zoë/);

    const byColleague = await entryFor(await download(colleague.http).expect(200));
    expect(byColleague).toEqual([expect.objectContaining({ action: 'meeting.brief_export', actor_id: colleague.id, after: expect.objectContaining({ confidentialFearIds: [] }) })]);
  });

  it('refuses a malformed id with 400 and an unknown meeting with 404, as JSON, auditing no export', async () => {
    const [{ before }] = (await t.db.query(`SELECT count(*)::int AS before FROM audit_log WHERE action = 'meeting.brief_export'`)).rows;
    expectRefused(await t.http.get('/api/meetings/not-a-uuid/brief.pdf'), 400, 'id');
    expectRefused(await t.http.get('/api/meetings/7d4a9a52-8f39-4c55-9d0c-3b0d5f0b8f11/brief.pdf'), 404);
    const [{ after }] = (await t.db.query(`SELECT count(*)::int AS after FROM audit_log WHERE action = 'meeting.brief_export'`)).rows;
    expect(after).toBe(before);
    expectRefused(await request(t.app.getHttpServer()).get(`/api/meetings/${meetingId}/brief.pdf`), 401);
  });

  it('needs the session\'s CSRF token from a browser, so a link from another site cannot set off an export', async () => {
    const admin = await t.as('admin');
    const password = 'correct horse battery staple';
    await admin.http.post('/api/users').send({ email: 'brief-reader@example.test', password, role: 'practitioner' }).expect(201);
    const login = await request(t.app.getHttpServer()).post('/api/auth/login').send({ email: 'brief-reader@example.test', password }).expect(200);
    const browser = request.agent(t.app.getHttpServer()).set('Cookie', sessionCookie(login));
    expectRefused(await browser.get(`/api/meetings/${meetingId}/brief.pdf`), 403);
    const response = await browser.get(`/api/meetings/${meetingId}/brief.pdf`).set('X-CSRF-Token', login.body.csrfToken).buffer(true).parse(binaryBody).expect(200);
    expect((response.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
  });
});
