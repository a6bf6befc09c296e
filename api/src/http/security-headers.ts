import type { FastifyReply, FastifyRequest } from 'fastify';
import helmet, { HelmetOptions } from 'helmet';

/** The headers every answer carries, registered through @fastify/helmet and applied by hand where its hook never runs. */
export const SECURITY_HEADERS: HelmetOptions = {
  contentSecurityPolicy: {
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // Mantine and Swagger UI set inline style attributes; scripts stay strictly same-origin.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:'],
      fontSrc: ["'self'", 'data:'],
      connectSrc: ["'self'"],
      frameAncestors: ["'none'"],
      formAction: ["'self'"],
      baseUri: ["'self'"],
      objectSrc: ["'none'"],
      // Would rewrite http://localhost asset requests to https during local use.
      upgradeInsecureRequests: null,
    },
  },
  referrerPolicy: { policy: 'same-origin' },
  crossOriginEmbedderPolicy: false,
};

const applySecurityHeaders = helmet(SECURITY_HEADERS);

/** Security headers for an answer Fastify gives before any hook runs (a URL the router cannot read). */
export function setSecurityHeadersByHand(request: FastifyRequest, reply: FastifyReply): void {
  applySecurityHeaders(request.raw, reply.raw, () => undefined);
}

/** What every API answer says besides its body: which request it was, and that nobody may keep a copy. */
export function setApiResponseHeaders(request: FastifyRequest, reply: FastifyReply): void {
  void reply.header('x-request-id', request.id);
  // Answers carry confidential notes: never let a browser or proxy keep a copy.
  if (request.url.startsWith('/api')) void reply.header('cache-control', 'no-store');
}
