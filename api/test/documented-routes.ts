import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';

/** Every `METHOD /path` the OpenAPI document lists, so a test over routes covers a new one the day it is added. */
export async function documentedRoutes(http: TestAgent): Promise<string[]> {
  const response = await http.get('/api/docs-json').expect(200);
  const { paths } = response.body as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(paths).flatMap(([path, operations]) => Object.keys(operations).map((method) => `${method.toUpperCase()} ${path}`));
}

/** Calls a documented route with every path parameter set to `id`; writes send an empty body. */
export function callRoute(client: TestAgent, route: string, id: string, query = ''): request.Test {
  const [method, path] = route.split(' ');
  const url = path.replace(/\{[^}]+\}/g, id) + query;
  const call = (client as unknown as Record<string, (url: string) => request.Test>)[method.toLowerCase()](url);
  return ['POST', 'PUT', 'PATCH'].includes(method) ? call.send({}) : call;
}
