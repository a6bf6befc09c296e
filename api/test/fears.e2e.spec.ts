import type { Fear, FearCategory } from '@soundings/shared';
import { randomUUID } from 'node:crypto';
import { createStakeholder, daysAgo, daysAhead, logSounding, today } from './factories';
import { startTestApp, TestApp } from './test-app';

describe('fears API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function voiceFears(heldOn: string, fears: [string, FearCategory][]): Promise<{ stakeholderId: string; fears: Fear[] }> {
    const person = await createStakeholder(t.http);
    const sounding = await logSounding(t.http, person.id, { heldOn, fears: fears.map(([statement, category]) => ({ statement, category })) });
    return { stakeholderId: person.id, fears: sounding.fears };
  }

  const read = async (id: string): Promise<Fear> => (await t.http.get(`/api/fears/${id}`).expect(200)).body;

  describe('list', () => {
    it('filters by stakeholder, status and category, and pages with the right total', async () => {
      const { stakeholderId, fears } = await voiceFears(daysAgo(10), [
        ['No time', 'time_and_workload'],
        ['Too busy', 'time_and_workload'],
        ['Exposure', 'personal_exposure'],
        ['Budget', 'cost_and_budget'],
      ]);
      await voiceFears(daysAgo(10), [['Someone else\'s', 'time_and_workload']]);
      await t.http.patch(`/api/fears/${fears[1].id}`).send({ version: 1, status: 'resolved' }).expect(200);
      await t.http.patch(`/api/fears/${fears[2].id}`).send({ version: 1, status: 'addressing' }).expect(200);
      const list = async (query: Record<string, string | number>) =>
        (await t.http.get('/api/fears').query({ stakeholderId, ...query }).expect(200)).body;
      const statements = (page: { items: Fear[] }) => page.items.map((fear) => fear.statement).sort();

      expect(statements(await list({}))).toEqual(['Budget', 'Exposure', 'No time', 'Too busy']);
      expect(statements(await list({ status: 'open' }))).toEqual(['Budget', 'No time']);
      expect(statements(await list({ status: 'addressing' }))).toEqual(['Exposure']);
      expect(statements(await list({ status: 'resolved' }))).toEqual(['Too busy']);
      expect(statements(await list({ category: 'time_and_workload' }))).toEqual(['No time', 'Too busy']);
      expect(statements(await list({ category: 'time_and_workload', status: 'open' }))).toEqual(['No time']);
      expect(statements(await list({ category: 'culture_fit' }))).toEqual([]);

      const firstPage = await list({ pageSize: 3 });
      expect(firstPage).toMatchObject({ total: 4, page: 1, pageSize: 3 });
      expect(firstPage.items).toHaveLength(3);
      const secondPage = await list({ pageSize: 3, page: 2 });
      expect(secondPage).toMatchObject({ total: 4, page: 2, pageSize: 3 });
      expect([...firstPage.items, ...secondPage.items].map((fear: Fear) => fear.id).sort()).toEqual(fears.map((fear) => fear.id).sort());
      expect(await list({ pageSize: 3, page: 5 })).toEqual({ items: [], total: 4, totalIsEstimate: false, page: 5, pageSize: 3 });
    });

    it('lists the most recently voiced first', async () => {
      const person = await createStakeholder(t.http);
      await logSounding(t.http, person.id, { heldOn: daysAgo(30), fears: [{ statement: 'Older', category: 'other' }] });
      await logSounding(t.http, person.id, { heldOn: daysAgo(3), fears: [{ statement: 'Newer', category: 'other' }] });
      const page = await t.http.get('/api/fears').query({ stakeholderId: person.id }).expect(200);
      expect(page.body.items.map((fear: Fear) => fear.statement)).toEqual(['Newer', 'Older']);
    });

    it('answers an empty page for a stakeholder without fears', async () => {
      const page = await t.http.get('/api/fears').query({ stakeholderId: randomUUID() }).expect(200);
      expect(page.body).toEqual({ items: [], total: 0, totalIsEstimate: false, page: 1, pageSize: 50 });
    });
  });

  describe('update', () => {
    it('stamps today when a fear is resolved, and clears the date when it is re-opened', async () => {
      const { stakeholderId, fears } = await voiceFears(daysAgo(6), [['No time', 'time_and_workload']]);
      const resolved = await t.http.patch(`/api/fears/${fears[0].id}`).send({ version: 1, status: 'resolved' }).expect(200);
      expect(resolved.body).toMatchObject({ status: 'resolved', resolvedOn: today(), version: 2 });
      expect((await t.http.get(`/api/stakeholders/${stakeholderId}`)).body.openFears).toBe(0);

      const reopened = await t.http.patch(`/api/fears/${fears[0].id}`).send({ version: 2, status: 'open' }).expect(200);
      expect(reopened.body).toMatchObject({ status: 'open', resolvedOn: null, version: 3 });
      expect(await read(fears[0].id)).toEqual(reopened.body);
      expect((await t.http.get(`/api/stakeholders/${stakeholderId}`)).body.openFears).toBe(1);
    });

    it('keeps a given resolution date, and keeps it through later edits', async () => {
      const { fears } = await voiceFears(daysAgo(6), [['No time', 'time_and_workload']]);
      await t.http.patch(`/api/fears/${fears[0].id}`).send({ version: 1, status: 'resolved', resolvedOn: daysAgo(2) }).expect(200);
      const edited = await t.http.patch(`/api/fears/${fears[0].id}`).send({ version: 2, owner: 'Hana' }).expect(200);
      expect(edited.body).toMatchObject({ status: 'resolved', resolvedOn: daysAgo(2), owner: 'Hana' });
      const redated = await t.http.patch(`/api/fears/${fears[0].id}`).send({ version: 3, resolvedOn: daysAgo(4) }).expect(200);
      expect(redated.body).toMatchObject({ status: 'resolved', resolvedOn: daysAgo(4) });
    });

    it('accepts a resolution on the day the fear was voiced', async () => {
      const { fears } = await voiceFears(daysAgo(6), [['No time', 'time_and_workload']]);
      await t.http.patch(`/api/fears/${fears[0].id}`).send({ version: 1, status: 'resolved', resolvedOn: daysAgo(6) }).expect(200);
    });

    it.each([
      ['a resolution date on an open fear', { resolvedOn: daysAgo(1) }],
      ['a resolution date with a status other than resolved', { status: 'addressing', resolvedOn: daysAgo(1) }],
      ['a resolution date before the fear was voiced', { status: 'resolved', resolvedOn: daysAgo(7) }],
      ['a resolution date in the future', { status: 'resolved', resolvedOn: daysAhead(2) }],
      ['resolving with the date cleared', { status: 'resolved', resolvedOn: null }],
    ])('refuses %s with 400 naming resolvedOn, changing nothing', async (_label, change) => {
      const { fears } = await voiceFears(daysAgo(6), [['No time', 'time_and_workload']]);
      const response = await t.http.patch(`/api/fears/${fears[0].id}`).send({ version: 1, ...change }).expect(400);
      expect(response.body).toMatchObject({ code: 'validation_failed', fields: [{ field: 'resolvedOn', message: expect.any(String) }] });
      expect(await read(fears[0].id)).toMatchObject({ status: 'open', resolvedOn: null, version: 1 });
    });

    it('saves the response, the owner and a reworded statement exactly', async () => {
      const { fears } = await voiceFears(daysAgo(6), [['No time', 'time_and_workload']]);
      const responseText = 'Pilot asks for 2 hours a month; "protected" time agreed with the COO.\nFollow-up in June.';
      const updated = await t.http
        .patch(`/api/fears/${fears[0].id}`)
        .send({ version: 1, response: responseText, owner: 'Hana (HR)', status: 'addressing', statement: 'I have no time — none', category: 'other' })
        .expect(200);
      expect(updated.body).toMatchObject({
        response: responseText,
        owner: 'Hana (HR)',
        status: 'addressing',
        statement: 'I have no time — none',
        category: 'other',
        resolvedOn: null,
      });
      expect(await read(fears[0].id)).toEqual(updated.body);
      const cleared = await t.http.patch(`/api/fears/${fears[0].id}`).send({ version: 2, response: '', owner: null }).expect(200);
      expect(cleared.body).toMatchObject({ response: null, owner: null });
    });

    it('refuses a stale version with 409 and the current fear, changing nothing', async () => {
      const { fears } = await voiceFears(daysAgo(6), [['No time', 'time_and_workload']]);
      const first = await t.http.patch(`/api/fears/${fears[0].id}`).send({ version: 1, response: 'First answer' }).expect(200);
      const stale = await t.http.patch(`/api/fears/${fears[0].id}`).send({ version: 1, response: 'Second answer', status: 'resolved' }).expect(409);
      expect(stale.body).toMatchObject({ statusCode: 409, code: 'version_conflict' });
      expect(stale.body.current).toEqual(first.body);
      expect(await read(fears[0].id)).toEqual(first.body);
    });

    it('requires a version (body or If-Match)', async () => {
      const { fears } = await voiceFears(daysAgo(6), [['No time', 'time_and_workload']]);
      await t.http.patch(`/api/fears/${fears[0].id}`).send({ response: 'x' }).expect(428);
      await t.http.patch(`/api/fears/${fears[0].id}`).set('If-Match', '"1"').send({ response: 'x' }).expect(200);
    });

    it('answers 404 for an unknown fear', async () => {
      await t.http.get(`/api/fears/${randomUUID()}`).expect(404);
      const response = await t.http.patch(`/api/fears/${randomUUID()}`).send({ version: 1, response: 'x' }).expect(404);
      expect(response.body.code).toBe('not_found');
    });
  });
});
