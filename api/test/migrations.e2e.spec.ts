import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/database.options';
import { RefoldSearchText1764210000000 } from '../../migrations/1764210000000-RefoldSearchText';
import { startTestApp, TestApp } from './test-app';

describe('migrations', () => {
  let t: TestApp;
  let dataSource: DataSource;
  beforeAll(async () => {
    t = await startTestApp();
    dataSource = await new DataSource(dataSourceOptions(t.databaseUrl)).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await t.close();
  });

  it('refolds search text stored before ø, ł and æ were spelled out, so old records are found too', async () => {
    // As the earlier folding stored it: marks stripped, ø and ł left as they were.
    const { rows } = await t.db.query(`INSERT INTO stakeholders (name, search_text) VALUES ('Søren Łukasiewicz', 'søren łukasiewicz') RETURNING id`);
    await t.http.get('/api/stakeholders').query({ q: 'soren' }).expect(200, { items: [], total: 0, totalIsEstimate: false, page: 1, pageSize: 50 });

    const runner = dataSource.createQueryRunner();
    try {
      await new RefoldSearchText1764210000000().up(runner);
    } finally {
      await runner.release();
    }
    const found = await t.http.get('/api/stakeholders').query({ q: 'soren lukasiewicz' }).expect(200);
    expect(found.body.items.map((s: { id: string }) => s.id)).toEqual([rows[0].id]);
  });

  it("keeps a fifth of each stakeholders page free, so a sounding's update of the person can stay on its page", async () => {
    const { rows } = await t.db.query(`SELECT reloptions FROM pg_class WHERE oid = 'stakeholders'::regclass`);
    expect(rows[0].reloptions).toContain('fillfactor=80');
  });
});
