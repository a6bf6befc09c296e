/**
 * A stand-in for the server at the fetch boundary: tests declare the answers, and read back what the
 * screen sent. Unknown requests fail loudly so a test never passes on a call it did not expect.
 */
export interface MockRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  headers: Headers;
}

export interface MockReply {
  status?: number;
  body?: unknown;
  /** Hold the answer until the test calls `release()`. */
  deferred?: boolean;
}

type Handler = (request: MockRequest) => MockReply | Promise<MockReply>;

interface Route {
  method: string;
  pattern: RegExp;
  handler: Handler;
}

function toPattern(path: string): RegExp {
  const escaped = path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[a-zA-Z]+/g, '[^/]+');
  return new RegExp(`^${escaped}$`);
}

function fakeResponse(status: number, body: unknown) {
  const text = body === undefined ? '' : JSON.stringify(body);
  return {
    ok: status >= 200 && status < 300,
    status,
    statusText: '',
    headers: new Headers({ 'Content-Type': 'application/json' }),
    text: async () => text,
    json: async () => JSON.parse(text),
  } as unknown as Response;
}

export function mockApi() {
  const routes: Route[] = [];
  const requests: MockRequest[] = [];
  const pending: (() => void)[] = [];

  const fetchMock = jest.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init?.method ?? 'GET').toUpperCase();
    const path = url.pathname.replace(/^\/api/, '');
    const request: MockRequest = {
      method,
      path,
      query: url.searchParams,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      headers: new Headers(init?.headers),
    };
    requests.push(request);
    const route = [...routes].reverse().find((r) => r.method === method && r.pattern.test(path));
    if (!route) {
      return fakeResponse(500, {
        statusCode: 500,
        error: 'Not mocked',
        code: 'internal_error',
        message: `No mock for ${method} ${path}`,
      });
    }
    const reply = await route.handler(request);
    if (reply.deferred) await new Promise<void>((resolve) => pending.push(resolve));
    return fakeResponse(reply.status ?? 200, reply.body);
  });

  global.fetch = fetchMock as unknown as typeof fetch;

  const on = (method: string, path: string, handler: Handler | MockReply) => {
    routes.push({ method, pattern: toPattern(path), handler: typeof handler === 'function' ? handler : () => handler });
  };

  return {
    get: (path: string, handler: Handler | MockReply) => on('GET', path, handler),
    post: (path: string, handler: Handler | MockReply) => on('POST', path, handler),
    patch: (path: string, handler: Handler | MockReply) => on('PATCH', path, handler),
    put: (path: string, handler: Handler | MockReply) => on('PUT', path, handler),
    delete: (path: string, handler: Handler | MockReply) => on('DELETE', path, handler),
    requests,
    requestsTo: (method: string, path: string) => requests.filter((r) => r.method === method && toPattern(path).test(r.path)),
    /** Lets every held answer through. */
    release: () => pending.splice(0).forEach((resolve) => resolve()),
    fetchMock,
  };
}
