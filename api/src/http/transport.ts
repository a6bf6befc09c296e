import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { clientErrorBody } from '../errors/global-exception.filter';
import { registerJsonBodyParser } from './json-body-parser';
import { registerOversizedBodyDiscard } from './oversized-body';
import { registerMethodNotAllowed } from './route-methods';
import { setApiResponseHeaders, setSecurityHeadersByHand } from './security-headers';

/**
 * Fastify's answer to a URL its router cannot read (bad percent-encoding, a parameter over the
 * length limit). It comes before any hook or error filter, so it sets their headers itself.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  setSecurityHeadersByHand(request, reply);
  setApiResponseHeaders(request, reply);
  const answer = clientErrorBody(error, String(request.id));
  void reply.status(answer.statusCode).send(answer);
}

/**
 * What happens to a request between the socket and the controllers: how bodies are parsed and
 * refused, and the headers every answer carries. Call after the security headers are registered
 * (their hook must run before the 405 check) and before the routes are (on init).
 */
export function registerTransport(app: NestFastifyApplication, bodyLimit: number): void {
  const fastify = app.getHttpAdapter().getInstance();
  registerJsonBodyParser(fastify, bodyLimit);
  registerOversizedBodyDiscard(fastify);
  registerMethodNotAllowed(fastify);
  fastify.addHook('onSend', async (request, reply, payload) => {
    setApiResponseHeaders(request, reply);
    return payload;
  });
}
