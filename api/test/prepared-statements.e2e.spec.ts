import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from './test-app';

/** Parameterised statements are prepared once per connection, under a name derived from their text. */
describe('prepared statements', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t?.close());

  const nameOf = (text: string) => `s_${createHash('sha1').update(text).digest('hex')}`;

  it('prepares a parameterised statement once on its connection and reuses it', async () => {
    const runner = t.app.get(DataSource).createQueryRunner();
    try {
      const text = 'SELECT $1::int + 1 AS next';
      expect(await runner.query(text, [1])).toEqual([{ next: 2 }]);
      expect(await runner.query(text, [41])).toEqual([{ next: 42 }]);
      const prepared = await runner.query(`SELECT name, statement FROM pg_prepared_statements`);
      expect(prepared).toContainEqual({ name: nameOf(text), statement: text });
      // Statements without parameters stay unnamed.
      expect(prepared.filter((row: { statement: string }) => row.statement.includes('pg_prepared_statements'))).toEqual([]);
    } finally {
      await runner.release();
    }
  });

  it('survives a failing statement inside a transaction and rolls the transaction back', async () => {
    const runner = t.app.get(DataSource).createQueryRunner();
    try {
      await runner.startTransaction();
      await runner.query(`CREATE TEMPORARY TABLE prepared_probe (n int NOT NULL) ON COMMIT DROP`);
      await runner.query(`INSERT INTO prepared_probe (n) VALUES ($1)`, [1]);
      await expect(runner.query(`INSERT INTO prepared_probe (n) VALUES ($1)`, [null])).rejects.toThrow(/null value/);
      await runner.rollbackTransaction();
      // The same statement, already prepared, works again after the rollback.
      await runner.startTransaction();
      await runner.query(`CREATE TEMPORARY TABLE prepared_probe (n int NOT NULL) ON COMMIT DROP`);
      await runner.query(`INSERT INTO prepared_probe (n) VALUES ($1)`, [2]);
      expect(await runner.query(`SELECT n FROM prepared_probe WHERE n >= $1`, [0])).toEqual([{ n: 2 }]);
      await runner.commitTransaction();
    } finally {
      await runner.release();
    }
  });

  it('answers bad input in a prepared statement with a clear 4xx, and the next request still works', async () => {
    await t.http.get('/api/stakeholders/not-a-uuid').expect((response) => expect(response.status).toBeGreaterThanOrEqual(400));
    await t.http.get('/api/stakeholders').expect(200);
    await t.http.get('/api/stakeholders').expect(200);
  });
});
