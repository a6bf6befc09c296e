import { createStakeholder, logSounding } from './factories';
import { startTestApp, TestApp, withEnvironment } from './test-app';

describe('totals past the exact limit, and the dashboard\'s ETag', () => {
  let t: TestApp;
  let personId: string;

  beforeAll(async () => {
    // Counting exactly stops at three matches here, so a handful of rows shows what a long list does.
    t = await withEnvironment({ LIST_EXACT_TOTAL_MAX: '3' }, () => startTestApp());
    for (let i = 0; i < 5; i++) personId = (await createStakeholder(t.http, { name: `Counted ${i}`, role: i < 2 ? 'top_team' : 'line_manager' })).id;
    await logSounding(t.http, personId, { fears: [{ statement: 'One', category: 'time_and_workload' }, { statement: 'Two', category: 'time_and_workload' }] });
  }, 60_000);
  afterAll(() => t.close());

  it('counts exactly up to the limit and says so', async () => {
    const { body } = await t.http.get('/api/stakeholders?role=top_team').expect(200);
    expect(body).toMatchObject({ total: 2, totalIsEstimate: false });
    expect(body.items).toHaveLength(2);
  });

  it('past the limit gives an estimate, never below the limit, flagged as one, with the page itself exact', async () => {
    const { body } = await t.http.get('/api/stakeholders?pageSize=2').expect(200);
    expect(body.totalIsEstimate).toBe(true);
    expect(body.total).toBeGreaterThan(3);
    expect(body.items).toHaveLength(2);
    const filtered = (await t.http.get('/api/stakeholders?role=line_manager&sort=commitment').expect(200)).body;
    expect(filtered).toMatchObject({ totalIsEstimate: false, total: 3 });
  });

  it('counts a search by name exactly past the limit, since every match is read to sort them', async () => {
    const statements = await t.queries.count(async () => {
      const { body } = await t.http.get('/api/stakeholders?q=counted&pageSize=2&page=2').expect(200);
      expect(body).toMatchObject({ total: 5, totalIsEstimate: false, page: 2 });
      expect(body.items.map((item: { name: string }) => item.name)).toEqual(['Counted 2', 'Counted 3']);
    });
    expect(statements).toBe(2);
    const { body: reversed } = await t.http.get('/api/stakeholders?q=counted&sort=-name&pageSize=2').expect(200);
    expect(reversed.items.map((item: { name: string }) => item.name)).toEqual(['Counted 4', 'Counted 3']);
    const { body: none } = await t.http.get('/api/stakeholders?q=nobody&page=3').expect(200);
    expect(none).toMatchObject({ items: [], total: 0, totalIsEstimate: false });
  });

  it('still knows the total on a page past the end, in the same statement', async () => {
    const statements = await t.queries.count(async () => {
      const { body } = await t.http.get('/api/stakeholders?role=top_team&page=9').expect(200);
      expect(body).toMatchObject({ items: [], total: 2, totalIsEstimate: false });
    });
    expect(statements).toBe(2);
  });

  it('flags the fears total the same way', async () => {
    const { body } = await t.http.get('/api/fears?status=open').expect(200);
    expect(body).toMatchObject({ total: 2, totalIsEstimate: false });
  });

  it('answers an unchanged dashboard with 304 and no body, and a changed one with a new tag', async () => {
    const first = await t.http.get('/api/dashboard').expect(200);
    const etag = first.headers.etag;
    expect(etag).toMatch(/^W\/".+"$/);
    const again = await t.http.get('/api/dashboard').set('If-None-Match', etag).expect(304);
    expect(again.text ?? '').toBe('');
    await logSounding(t.http, personId, { fears: [{ statement: 'Three', category: 'time_and_workload' }] });
    const changed = await t.http.get('/api/dashboard').set('If-None-Match', etag).expect(200);
    expect(changed.headers.etag).not.toBe(etag);
    expect(changed.body.openFearsByCategory.time_and_workload).toBe(3);
  });
});
