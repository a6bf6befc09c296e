import { types } from 'pg';
import { DataSourceOptions } from 'typeorm';
import { migrations } from '../../../migrations';
import { PreparingClient } from './prepared-client';

// Calendar dates stay `YYYY-MM-DD` strings: turning them into JS Dates shifts them across time zones.
types.setTypeParser(types.builtins.DATE, (value) => value);
// count(*) and other bigints used here are far below 2^53.
types.setTypeParser(types.builtins.INT8, (value) => Number(value));

export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    migrations,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    migrationsRun: false,
    logging: false,
    extra: {
      Client: PreparingClient,
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      // Fail fast while the database is away so callers get a 503 instead of hanging.
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      statement_timeout: 15_000,
      application_name: 'soundings',
    },
  };
}
