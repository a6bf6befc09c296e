import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ApiErrorBody, ERROR_CODES, ErrorCode } from '@soundings/shared';
import type { FastifyReply, FastifyRequest } from 'fastify';
import fs from 'node:fs';
import path from 'node:path';
import { describeErrorForLog, redactSecrets, requestSecrets } from './log-redaction';

interface PgLikeError {
  code?: string;
  driverError?: { code?: string };
  message?: string;
}

const CONNECTION_ERROR_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', '57P01', '57P02', '57P03']);

function pgCode(error: PgLikeError): string | undefined {
  return error.driverError?.code ?? error.code;
}

function isConnectionError(error: PgLikeError): boolean {
  const code = pgCode(error);
  if (code && (CONNECTION_ERROR_CODES.has(code) || code.startsWith('08'))) return true;
  const message = error.message ?? '';
  return /Connection terminated|timeout exceeded when trying to connect|connect ECONNREFUSED|Client has encountered a connection error/i.test(
    message,
  );
}

function body(statusCode: number, error: string, code: ErrorCode, message: string, requestId: string): ApiErrorBody {
  return { statusCode, error, code, message, requestId };
}

/**
 * The one place errors become HTTP answers. Nest exceptions keep their status and body; database
 * failures map to what the caller can act on (409 for races, 503 while the database is away);
 * anything else is logged with the request id and answered as a bare 500 with no internals.
 * Unknown non-API GET paths fall back to the web app's index.html so client-side routes load.
 */
@Catch()
export class GlobalExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(private readonly webIndexHtml: string | null) {}

  static forWebDist(webDistDir: string): GlobalExceptionFilter {
    const indexPath = path.join(webDistDir, 'index.html');
    return new GlobalExceptionFilter(fs.existsSync(indexPath) ? fs.readFileSync(indexPath, 'utf8') : null);
  }

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const requestId = String(request.id);

    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === HttpStatus.NOT_FOUND && this.shouldServeWebApp(request)) {
        void reply.status(200).header('content-type', 'text/html; charset=utf-8').header('cache-control', 'no-cache').send(this.webIndexHtml);
        return;
      }
      const response = exception.getResponse() as { retryAfterSeconds?: number };
      if (typeof response === 'object' && response?.retryAfterSeconds) void reply.header('retry-after', String(response.retryAfterSeconds));
      void reply.status(status).send(this.httpExceptionBody(exception, requestId));
      return;
    }

    const error = (exception ?? {}) as PgLikeError & { statusCode?: number; name?: string };
    // Errors raised by Fastify itself before routing (bad JSON, body too large) carry their status.
    if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      void reply.status(error.statusCode).send(clientErrorBody(error, requestId));
      return;
    }
    if (isConnectionError(error)) {
      this.logger.warn(`request ${requestId}: database unavailable (${redactSecrets(error.message ?? '', requestSecrets(request))})`);
      void reply
        .status(HttpStatus.SERVICE_UNAVAILABLE)
        .header('retry-after', '5')
        .send(body(503, 'Service Unavailable', ERROR_CODES.databaseUnavailable, 'The database is not reachable right now. Try again in a moment.', requestId));
      return;
    }
    const code = pgCode(error);
    if (code === '40001' || code === '40P01' || code === '55P03') {
      void reply
        .status(HttpStatus.CONFLICT)
        .send(body(409, 'Conflict', ERROR_CODES.conflict, 'Another change to the same records happened at the same time. Try again.', requestId));
      return;
    }
    if (code === '23505') {
      void reply.status(HttpStatus.CONFLICT).send(body(409, 'Conflict', ERROR_CODES.conflict, 'That record already exists.', requestId));
      return;
    }
    if (code === '23503') {
      // A referenced record went away between our check and the write (e.g. deleted meanwhile).
      void reply
        .status(HttpStatus.CONFLICT)
        .send(body(409, 'Conflict', ERROR_CODES.conflict, 'A record this change refers to no longer exists. Reload and try again.', requestId));
      return;
    }
    if (code === '23514') {
      // The database's own rules are the last line behind validation; say which request slipped through.
      this.logger.warn(`request ${requestId}: a check constraint refused the write (${redactSecrets(error.message ?? '', requestSecrets(request))})`);
      void reply
        .status(HttpStatus.BAD_REQUEST)
        .send(body(400, 'Bad Request', ERROR_CODES.validation, 'A value was refused by a data rule. Check the fields and try again.', requestId));
      return;
    }

    // The route's pattern, never its URL (ids and search words); nothing the request carried.
    this.logger.error(
      `request ${requestId} ${request.method} ${request.routeOptions?.url ?? ''} failed`,
      describeErrorForLog(exception, requestSecrets(request)),
    );
    void reply
      .status(HttpStatus.INTERNAL_SERVER_ERROR)
      .send(body(500, 'Internal Server Error', ERROR_CODES.internal, 'Something went wrong on our side. The error has been logged.', requestId));
  }

  private shouldServeWebApp(request: FastifyRequest): boolean {
    if (!this.webIndexHtml || (request.method !== 'GET' && request.method !== 'HEAD')) return false;
    const pathname = request.url.split('?')[0];
    return !pathname.startsWith('/api/') && pathname !== '/api' && !path.extname(pathname);
  }

  private httpExceptionBody(exception: HttpException, requestId: string): ApiErrorBody {
    const response = exception.getResponse();
    const status = exception.getStatus();
    if (typeof response === 'object' && response !== null && 'code' in response) {
      return { ...(response as ApiErrorBody), requestId };
    }
    // Nest hands on Fastify's own client errors (bad JSON, body too large) as HttpException(message, status).
    if (typeof response === 'string') return clientErrorBody({ statusCode: status, message: response }, requestId);
    const message = Array.isArray((response as { message?: unknown }).message)
      ? ((response as { message: string[] }).message).join('; ')
      : String((response as { message?: unknown }).message ?? exception.message);
    const code = status === 404 ? ERROR_CODES.notFound : status === 413 ? ERROR_CODES.payloadTooLarge : status === 409 ? ERROR_CODES.conflict : ERROR_CODES.validation;
    return body(status, httpStatusText(status), code, message, requestId);
  }
}

/**
 * The body for a refusal Fastify raised itself (bad JSON, body too large, unsupported media type, an
 * unreadable or over-long URL): the app's codes and wording, never Fastify's, which can quote the URL.
 */
export function clientErrorBody(error: { statusCode?: number; code?: string; message?: string }, requestId: string): ApiErrorBody {
  const status = error.statusCode ?? 400;
  switch (status) {
    case 413:
      return body(413, 'Payload Too Large', ERROR_CODES.payloadTooLarge, 'The request body is larger than the 1 MB limit.', requestId);
    case 414:
      return body(414, 'URI Too Long', ERROR_CODES.uriTooLong, 'A part of the URL path is too long to be an id or a name.', requestId);
    case 415:
      return body(415, 'Unsupported Media Type', ERROR_CODES.unsupportedMediaType, 'Send the request body as JSON (Content-Type: application/json).', requestId);
  }
  if (status === 400 && error.code === 'FST_ERR_BAD_URL') {
    return body(400, 'Bad Request', ERROR_CODES.validation, 'The URL path contains characters that cannot be decoded.', requestId);
  }
  if (status === 400 && (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || /JSON/i.test(error.message ?? ''))) {
    return body(400, 'Bad Request', ERROR_CODES.invalidJson, 'The request body is not valid JSON.', requestId);
  }
  if (status >= 500) {
    return body(500, 'Internal Server Error', ERROR_CODES.internal, 'Something went wrong on our side. The error has been logged.', requestId);
  }
  return body(status, httpStatusText(status), ERROR_CODES.validation, error.message ?? 'Bad request', requestId);
}

function httpStatusText(status: number): string {
  const texts: Record<number, string> = {
    400: 'Bad Request',
    401: 'Unauthorized',
    403: 'Forbidden',
    404: 'Not Found',
    405: 'Method Not Allowed',
    409: 'Conflict',
    413: 'Payload Too Large',
    414: 'URI Too Long',
    415: 'Unsupported Media Type',
    429: 'Too Many Requests',
    503: 'Service Unavailable',
  };
  return texts[status] ?? 'Error';
}
