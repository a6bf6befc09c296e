import { HttpException, HttpStatus } from '@nestjs/common';
import { ApiErrorBody, ERROR_CODES } from '@soundings/shared';
import type { FastifyInstance } from 'fastify';

/** No request of ours nests deeper than a few levels; the body object itself is the first. */
export const MAX_JSON_NESTING = 32;

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Whether a JSON text opens more than `limit` objects or arrays inside one another, read in one pass
 * before parsing: a body thousands of levels deep parses fine but overflows the stack of every
 * recursive walk after it (class-transformer's first), so it is refused before anything walks it.
 */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const char = text.charCodeAt(i);
    if (inString) {
      if (char === BACKSLASH) i++;
      else if (char === QUOTE) inString = false;
    } else if (char === QUOTE) {
      inString = true;
    } else if (char === OPEN_BRACE || char === OPEN_BRACKET) {
      if (++depth > limit) return true;
    } else if (char === CLOSE_BRACE || char === CLOSE_BRACKET) {
      depth--;
    }
  }
  return false;
}

function nestingTooDeep(): HttpException {
  return new HttpException(
    {
      statusCode: HttpStatus.BAD_REQUEST,
      error: 'Bad Request',
      code: ERROR_CODES.nestingTooDeep,
      message: `The request body nests objects or arrays more than ${MAX_JSON_NESTING} levels deep.`,
      fields: [{ field: 'body', message: `must not nest more than ${MAX_JSON_NESTING} levels deep` }],
    } satisfies ApiErrorBody,
    HttpStatus.BAD_REQUEST,
  );
}

/**
 * The one body parser of the API: JSON only (plus Fastify's text/plain, which the body pipe refuses
 * by name), with Fastify's own prototype-poisoning checks and a bound on nesting. Any other media
 * type is a 415.
 */
export function registerJsonBodyParser(fastify: FastifyInstance, bodyLimit: number): void {
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  fastify.addContentTypeParser('application/json', { parseAs: 'string', bodyLimit }, (request, body, done) => {
    if (nestsDeeperThan(body as string, MAX_JSON_NESTING)) {
      done(nestingTooDeep(), undefined);
      return;
    }
    parseJson(request, body as string, done);
  });
}
