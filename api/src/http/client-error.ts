import { ApiErrorBody, ERROR_CODES } from '@soundings/shared';
import type { Socket } from 'node:net';

/**
 * What Node's HTTP parser refuses before Fastify sees a request (a head over 16 KB, a malformed request
 * line) is answered on the socket, with no hook or filter run. Fastify's default writes a body without a
 * `code`; this writes the app's error body, so clients branch on it as on any other refusal.
 */
export function answerUnparsableRequest(error: NodeJS.ErrnoException, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [statusCode, reason, code, message]: [number, string, ApiErrorBody['code'], string] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'Request Header Fields Too Large', ERROR_CODES.requestTooLarge, 'The request line and headers together exceed 16 KB; send long values in a body.']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'Request Timeout', ERROR_CODES.validation, 'The request took too long to arrive.']
        : [400, 'Bad Request', ERROR_CODES.validation, 'The request is not readable HTTP.'];
  const body = JSON.stringify({ statusCode, error: reason, code, message } satisfies ApiErrorBody);
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${statusCode} ${reason}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
        `Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
