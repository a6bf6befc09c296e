import type { ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import helmet, { HelmetOptions } from 'helmet';

/** The headers every answer carries: worked out once by helmet, then set on every answer as they are. */
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

/**
 * What helmet's middleware does to a response, recorded once: the options are fixed, so the headers
 * are too, and building the middleware again for every request (as @fastify/helmet does) buys nothing.
 */
function recordHelmet(options: HelmetOptions): { set: [string, string][]; removed: string[] } {
  const set: [string, string][] = [];
  const removed: string[] = [];
  const recorder = {
    setHeader: (name: string, value: string | number | readonly string[]) => set.push([name, String(value)]),
    removeHeader: (name: string) => removed.push(name),
  };
  helmet(options)(
    {} as Parameters<ReturnType<typeof helmet>>[0],
    recorder as unknown as Parameters<ReturnType<typeof helmet>>[1],
    (error?: unknown) => {
      if (error) throw error;
    },
  );
  return { set, removed };
}

const FIXED = recordHelmet(SECURITY_HEADERS);

function applySecurityHeaders(response: ServerResponse): void {
  for (const [name, value] of FIXED.set) response.setHeader(name, value);
  for (const name of FIXED.removed) response.removeHeader(name);
}

/** Every answer carries the security headers, static files and errors included. */
export function registerSecurityHeaders(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (_request, reply, done) => {
    applySecurityHeaders(reply.raw);
    done();
  });
}

/** Security headers for an answer Fastify gives before any hook runs (a URL the router cannot read). */
export function setSecurityHeadersByHand(_request: FastifyRequest, reply: FastifyReply): void {
  applySecurityHeaders(reply.raw);
}

/** What every API answer says besides its body: which request it was, and that nobody may keep a copy. */
export function setApiResponseHeaders(request: FastifyRequest, reply: FastifyReply): void {
  void reply.header('x-request-id', request.id);
  // Answers carry confidential notes: never let a browser or proxy keep a copy.
  if (request.url.startsWith('/api')) void reply.header('cache-control', 'no-store');
}
