import type { FastifyInstance } from 'fastify';
import type { IncomingMessage } from 'node:http';

/** How much of a refused body is read and thrown away so the client hears the 413, and for how long. */
export const DISCARD_LIMIT_BYTES = 16 * 1024 * 1024;
export const DISCARD_TIMEOUT_MS = 10_000;

/**
 * Reads the rest of a request body and throws it away. Fastify refuses a body over the limit as
 * soon as it knows (from Content-Length, or mid-stream) and closes the connection after its answer;
 * closing a socket with unread data makes the kernel reset it, and a client still sending then
 * sees a broken pipe instead of the 413. Reading the rest first (within bounds) lets the answer
 * arrive; past the bounds the client is cut off as before.
 */
export function discardRestOfBody(raw: IncomingMessage, limitBytes = DISCARD_LIMIT_BYTES, timeoutMs = DISCARD_TIMEOUT_MS): Promise<void> {
  if (raw.complete || raw.readableEnded || raw.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    let discarded = 0;
    const finish = () => {
      clearTimeout(timer);
      raw.off('data', onData).off('end', finish).off('error', finish).off('close', finish);
      resolve();
    };
    const onData = (chunk: Buffer) => {
      discarded += chunk.length;
      if (discarded > limitBytes) finish();
    };
    const timer = setTimeout(finish, timeoutMs);
    raw.on('data', onData).once('end', finish).once('error', finish).once('close', finish);
    raw.resume();
  });
}

export function registerOversizedBodyDiscard(fastify: FastifyInstance): void {
  fastify.addHook('onError', async (request, _reply, error) => {
    if ((error as { statusCode?: number }).statusCode === 413) await discardRestOfBody(request.raw);
  });
}
