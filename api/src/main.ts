import 'reflect-metadata';
import { createApp } from './app.factory';
import { readAppConfig } from './config/app-config';
import { resolveAuditKey } from './audit/audit-key';
import { prepareDatabase } from './database/prepare-database';

async function main(): Promise<void> {
  const logger = { log: (line: string) => console.log(line), error: (line: string) => console.error(line) };
  const config = readAppConfig();
  const audit = resolveAuditKey({ dataDir: config.dataDir, log: (line) => logger.log(line) });
  if (audit.file && config.databaseUrl) {
    logger.log(`AUDIT_HMAC_KEY is not set: the audit trail is keyed with ${audit.file}. Several instances must share one key: set AUDIT_HMAC_KEY on each.`);
  }
  const database = await prepareDatabase(config, (line) => logger.log(line));
  const { embedded } = database;

  const stopEmbedded = async () => {
    if (embedded) await embedded.stop().catch((error) => logger.error(`Stopping PostgreSQL failed: ${error}`));
  };

  try {
    if (database.applied.length) logger.log(`Applied migrations: ${database.applied.join(', ')}`);
    const app = await createApp({ databaseUrl: database.appUrl, auditKey: audit.key, webDistDir: config.webDistDir, corsOrigins: config.corsOrigins });
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
