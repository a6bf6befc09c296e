import { HttpException, HttpStatus } from '@nestjs/common';
import { ApiErrorBody, ERROR_CODES } from '@soundings/shared';
import type { FastifyInstance } from 'fastify';

function patternOf(url: string): RegExp {
  const escaped = url.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped.replace(/:\w+/g, '[^/]+')}/?$`);
}

/** Which methods each registered path answers, so a wrong method gets 405 and Allow rather than 404. */
export class RouteMethods {
  private readonly routes = new Map<string, { pattern: RegExp; methods: Set<string> }>();

  record(url: string, methods: string | string[]): void {
    // Catch-alls (CORS preflight, static fallbacks) match every path and would allow everything.
    if (url.includes('*')) return;
    const route = this.routes.get(url) ?? { pattern: patternOf(url), methods: new Set<string>() };
    for (const method of ([] as string[]).concat(methods)) route.methods.add(method.toUpperCase());
    this.routes.set(url, route);
  }

  allowedFor(pathname: string): string[] {
    const allowed = new Set<string>();
    for (const { pattern, methods } of this.routes.values()) {
      if (pattern.test(pathname)) for (const method of methods) allowed.add(method);
    }
    if (allowed.has('GET')) allowed.add('HEAD');
    return [...allowed].sort();
  }
}

function methodNotAllowed(method: string, allowed: string[]): HttpException {
  return new HttpException(
    {
      statusCode: HttpStatus.METHOD_NOT_ALLOWED,
      error: 'Method Not Allowed',
      code: ERROR_CODES.methodNotAllowed,
      message: `${method} is not allowed here; this path answers ${allowed.join(', ')}.`,
    } satisfies ApiErrorBody,
    HttpStatus.METHOD_NOT_ALLOWED,
  );
}

/**
 * Records every route as it is registered, and turns the router's "no route" into 405 when the
 * path exists under other methods. Registered after the security headers' hook, so the refusal
 * carries them like any other answer.
 */
export function registerMethodNotAllowed(fastify: FastifyInstance): void {
  const routes = new RouteMethods();
  fastify.addHook('onRoute', (route) => routes.record(route.url, route.method));
  fastify.addHook('onRequest', async (request, reply) => {
    if (!request.is404) return;
    const allowed = routes.allowedFor(request.url.split('?')[0]);
    if (allowed.length === 0) return;
    void reply.header('allow', allowed.join(', '));
    throw methodNotAllowed(request.method, allowed);
  });
}
