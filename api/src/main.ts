import 'reflect-metadata';
import { createApp } from './app.factory';
import { readAppConfig } from './config/app-config';
import { EmbeddedDatabase, startEmbeddedPostgres } from './database/embedded-postgres';
import { runMigrations } from './database/run-migrations';

async function main(): Promise<void> {
  const logger = { log: (line: string) => console.log(line), error: (line: string) => console.error(line) };
  const config = readAppConfig();
  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    logger.log(`No DATABASE_URL: starting the embedded PostgreSQL (data in ${config.dataDir})`);
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, database: 'soundings', log: (line) => logger.log(line) });
    databaseUrl = embedded.url;
  }

  const stopEmbedded = async () => {
    if (embedded) await embedded.stop().catch((error) => logger.error(`Stopping PostgreSQL failed: ${error}`));
  };

  try {
    const applied = await runMigrations(databaseUrl);
    if (applied.length) logger.log(`Applied migrations: ${applied.join(', ')}`);
    const app = await createApp({ databaseUrl, webDistDir: config.webDistDir, corsOrigins: config.corsOrigins });
    await app.listen({ port: config.port, host: config.host });

    const address = app.getHttpServer().address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    console.log(`Soundings is running at http://localhost:${port} (API docs: http://localhost:${port}/api/docs)`);
    if (!['127.0.0.1', '::1', 'localhost'].includes(config.host)) {
      console.log(`Listening on ${config.host} over plain HTTP: put it behind a TLS proxy before anyone else reaches it.`);
    }

    let stopping = false;
    const shutdown = async (signal: string) => {
      if (stopping) return;
      stopping = true;
      logger.log(`${signal} received: shutting down`);
      // Stop taking requests and let those in flight finish before the database pool closes
      // (Nest's own close tears the pool down first, failing whatever is still running).
      await app
        .getHttpAdapter()
        .getInstance()
        .close()
        .catch((error: unknown) => logger.error(`Closing the HTTP server failed: ${error}`));
      await app.close().catch((error) => logger.error(`Closing the server failed: ${error}`));
      await stopEmbedded();
      process.exit(0);
    };
    process.on('SIGINT', () => void shutdown('SIGINT'));
    process.on('SIGTERM', () => void shutdown('SIGTERM'));
  } catch (error) {
    await stopEmbedded();
    throw error;
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
