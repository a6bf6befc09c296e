import { createStakeholder, logSounding } from './factories';
import { startTestApp, TestApp } from './test-app';

describe('stakeholders API', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('creates a stakeholder who starts not sounded, and reads it back exactly as typed', async () => {
    const name = `Zoë O'Brien-Łukasz "Zee" <script>alert(1)</script>; DROP TABLE stakeholders;--`;
    const created = await createStakeholder(t.http, { name, role: 'top_team', requiredCommitment: 'committed' });
    expect(created).toMatchObject({ name, role: 'top_team', commitment: 'not_sounded', commitmentGap: 4, openFears: 0, version: 1 });
    const read = await t.http.get(`/api/stakeholders/${created.id}`).expect(200);
    expect(read.body.name).toBe(name);
  });

  it('finds people by name ignoring case and accents', async () => {
    const zoe = await createStakeholder(t.http, { name: 'Zoë Ärnberg' });
    const page = await t.http.get('/api/stakeholders').query({ q: 'ZOE arn' }).expect(200);
    expect(page.body.items.map((s: { id: string }) => s.id)).toContain(zoe.id);
  });
});

describe('query counts', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('lists stakeholders in one statement however many there are', async () => {
    const first = await createStakeholder(t.http);
    await logSounding(t.http, first.id, { fears: [{ statement: 'No time', category: 'time_and_workload' }] });
    const small = await t.queries.count(() => t.http.get('/api/stakeholders').expect(200));
    for (let i = 0; i < 10; i++) await logSounding(t.http, (await createStakeholder(t.http)).id);
    const large = await t.queries.count(() => t.http.get('/api/stakeholders').expect(200));
    expect(small).toBe(1);
    expect(large).toBe(1);
  });
});
