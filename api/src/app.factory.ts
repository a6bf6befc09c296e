import fastifyStatic from '@fastify/static';
import { Logger, LogLevel } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { AppModule } from './app.module';
import { RejectNulCharactersPipe, RequireObjectBodyPipe, createValidationPipe } from './common/validation';
import { readTrustProxy } from './config/trust-proxy';
import { GlobalExceptionFilter } from './errors/global-exception.filter';
import { answerUnparsableRequest } from './http/client-error';
import { registerSecurityHeaders } from './http/security-headers';
import { answerFrameworkError, registerTransport } from './http/transport';
import { buildOpenApiDocument } from './openapi/openapi-document';

export const BODY_LIMIT_BYTES = 1024 * 1024;

export interface CreateAppOptions {
  databaseUrl: string;
  /** Built web app to serve at `/`; skipped when absent (API-only tests). */
  webDistDir?: string;
  corsOrigins?: string[];
  logLevels?: LogLevel[] | false;
  queryLogger?: TypeOrmLogger;
  /** The audit chain's HMAC key; AUDIT_HMAC_KEY when absent. */
  auditKey?: Buffer;
}

export async function createApp(options: CreateAppOptions): Promise<NestFastifyApplication> {
  const { trustProxy, warning } = readTrustProxy(process.env.TRUST_PROXY);
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w-]{8,64}$/.test(incoming) ? incoming : randomUUID();
    },
    trustProxy,
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerUnparsableRequest,
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forDatabase(options.databaseUrl, options.queryLogger, options.auditKey), adapter, {
    logger: options.logLevels ?? ['warn', 'error'],
    // registerTransport installs the one body parser (JSON, bounded in size and depth).
    bodyParser: false,
  });
  if (warning) new Logger('Config').warn(warning);

  app.setGlobalPrefix('api');
  app.useGlobalPipes(new RequireObjectBodyPipe(), new RejectNulCharactersPipe(), createValidationPipe());
  const webDistDir = options.webDistDir && fs.existsSync(options.webDistDir) ? options.webDistDir : undefined;
  app.useGlobalFilters(webDistDir ? GlobalExceptionFilter.forWebDist(webDistDir) : new GlobalExceptionFilter(null));
  app.enableCors(options.corsOrigins?.length ? { origin: options.corsOrigins, credentials: true } : { origin: false });

  registerSecurityHeaders(app.getHttpAdapter().getInstance());
  registerTransport(app, BODY_LIMIT_BYTES);

  SwaggerModule.setup('api/docs', app, buildOpenApiDocument(app), { jsonDocumentUrl: 'api/docs-json' });

  if (webDistDir) {
    await app.register(fastifyStatic, {
      root: webDistDir,
      prefix: '/',
      wildcard: false,
      // The build writes .br and .gz beside each text asset: sent as Accept-Encoding asks (with Vary), never
      // compressed per request. They are not routes of their own.
      preCompressed: true,
      globIgnore: ['**/*.br', '**/*.gz'],
      setHeaders: (reply, filePath) => {
        // Vite fingerprints asset names, so they can be cached for good; index.html must not be.
        reply.header('cache-control', filePath.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache');
      },
    });
  }

  return app;
}
