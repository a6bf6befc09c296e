import fc from 'fast-check';
import { daysAgo } from './factories';
import { bodyValue, fieldMutations, hostileValue, Resolve, Schema, validValue } from './support/schema-arbitraries';
import { startTestApp, TestApp } from './test-app';

type Operation = { parameters?: Schema[]; requestBody?: { content: Record<string, { schema: Schema }> } };
interface FuzzRequest {
  method: string;
  route: string;
  url: string;
  body?: unknown;
  headers: Record<string, string>;
}

// A failure prints its seed: FUZZ_SEED=<seed> npx jest test/api-fuzz.e2e.spec.ts replays the same requests.
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const REQUESTS_PER_OPERATION = Number(process.env.FUZZ_REQUESTS_PER_OPERATION ?? 100);
const TIME_BUDGET_MS = 45_000;
// Sign-in flows that leave the API (single sign-on) are not worth fuzzing here; oidc.e2e covers them.
const SKIPPED = new Set(['GET /api/auth/oidc/login', 'GET /api/auth/oidc/callback']);
const BAD_IDS = ['not-a-uuid', '1', '0', 'x'.repeat(300), '..', ' ', '%25', '00000000-0000-0000-0000-00000000000g', "1' OR '1'='1"];

describe('schema-driven fuzzing of every documented operation', () => {
  let t: TestApp;
  let admin: Awaited<ReturnType<TestApp['as']>>;
  let document: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };
  const idsOf: Record<string, string[]> = {};

  beforeAll(async () => {
    // The fuzzer sends thousands of requests a minute as one user; the limits themselves have their own tests.
    process.env.RATE_LIMIT_PER_MINUTE = '1000000';
    process.env.RATE_LIMIT_LOGINS_PER_MINUTE = '1000000';
    process.env.RATE_LIMIT_EXPORTS_PER_HOUR = '1000000';
    t = await startTestApp();
    admin = await t.as('admin');
    document = (await admin.http.get('/api/docs-json').expect(200)).body;

    // Real records for ids in paths, so requests reach the handlers and not only the 404 branch.
    const person = (await admin.http.post('/api/stakeholders').send({ name: 'Fuzz Person', role: 'top_team' }).expect(201)).body;
    const champion = (await admin.http.post('/api/stakeholders').send({ name: 'Fuzz Champion', role: 'line_manager' }).expect(201)).body;
    const sounding = (
      await admin.http
        .post(`/api/stakeholders/${person.id}/soundings`)
        .send({ heldOn: daysAgo(2), summary: 'Fuzz sounding', commitmentAfter: 'open', fears: [{ statement: 'No time', category: 'time_and_workload' }] })
        .expect(201)
    ).body;
    const briefing = (await admin.http.post('/api/briefings').send({ brieferId: champion.id, audienceId: person.id, plannedFor: daysAgo(-3) }).expect((r) => r.status < 500)).body;
    const meeting = (await admin.http.post('/api/meetings').send({ title: 'Fuzz meeting', scheduledFor: new Date(Date.now() + 86_400_000).toISOString(), attendeeIds: [person.id] }).expect((r) => r.status < 500)).body;
    const token = (await admin.http.post('/api/auth/tokens').send({ name: 'fuzz throwaway' }).expect(201)).body;
    const timingWindow = (await admin.http.post('/api/timing-windows').send({ stakeholderId: person.id, kind: 'not_now', startsOn: daysAgo(-2), endsOn: daysAgo(-9) }).expect(201)).body;
    Object.assign(idsOf, {
      stakeholders: [person.id, champion.id],
      soundings: [sounding.id],
      fears: sounding.fears.map((fear: { id: string }) => fear.id),
      briefings: briefing.id ? [briefing.id] : [],
      meetings: meeting.id ? [meeting.id] : [],
      'timing-windows': [timingWindow.id],
      // Never the admin's own account or token: the fuzzer would lock itself out.
      users: [t.user.id],
      tokens: [token.id],
    });
  });
  afterAll(() => t.close());

  const resolve: Resolve = (schema) =>
    typeof schema.$ref === 'string' ? resolve(document.components.schemas[schema.$ref.replace('#/components/schemas/', '')]) : schema;

  const realIds = (route: string) => idsOf[route.startsWith('/api/auth/tokens') ? 'tokens' : route.split('/')[2]] ?? [];
  const realId = (route: string) => (realIds(route).length ? fc.constantFrom(...realIds(route)) : fc.uuid());

  function idArbitrary(route: string): fc.Arbitrary<string> {
    const real = realIds(route);
    return fc.oneof(
      ...(real.length ? [{ arbitrary: fc.constantFrom(...real), weight: 6 }] : []),
      { arbitrary: fc.uuid(), weight: 1 },
      { arbitrary: fc.constantFrom(...BAD_IDS), weight: 2 },
      // The same record's id in capitals: a valid UUID that must name the same row everywhere (audit included).
      ...(real.length ? [{ arbitrary: fc.constantFrom(...real.map((id) => id.toUpperCase())), weight: 1 }] : []),
    );
  }

  function requestArbitrary(method: string, route: string, operation: Operation, mode: 'valid' | 'any' = 'any'): fc.Arbitrary<FuzzRequest> {
    const parameters = operation.parameters ?? [];
    const query = parameters.filter((parameter) => parameter.in === 'query');
    const queryValue = (parameter: Schema) =>
      fc.oneof(
        { arbitrary: validValue(parameter.schema as Schema, resolve).map((value) => [String(value)]), weight: 4 },
        { arbitrary: hostileValue(parameter.schema as Schema, resolve).map((value) => [typeof value === 'string' ? value : JSON.stringify(value) ?? '']), weight: 2 },
        { arbitrary: fc.constant(['1', '2']), weight: 1 },
      );
    const queryArbitrary = fc.record(Object.fromEntries(query.map((parameter) => [String(parameter.name), queryValue(parameter)])), { requiredKeys: [] });
    const schema = operation.requestBody?.content['application/json']?.schema;
    const ifMatch = parameters.some((parameter) => String(parameter.name).toLowerCase() === 'if-match')
      ? fc.option(fc.constantFrom('"1"', 'W/"1"', '1', '"999999999"', 'garbage', '"-1"', '*', '"1", "2"'), { nil: undefined })
      : fc.constant(undefined);
    return fc.record({ id: mode === 'valid' ? realId(route) : idArbitrary(route), query: queryArbitrary, body: schema ? (mode === 'valid' ? validValue(schema, resolve) : bodyValue(schema, resolve)) : fc.constant(undefined), ifMatch }).map(({ id, query: values, body, ifMatch: version }) => {
      const search = new URLSearchParams();
      for (const [name, list] of Object.entries(values)) for (const value of list as string[]) search.append(name, value);
      const path = route.replace(/\{\w+\}/g, encodeURIComponent(id));
      return {
        method,
        route,
        url: search.size ? `${path}?${search}` : path,
        body,
        headers: { ...(version !== undefined ? { 'if-match': version } : {}) },
      };
    });
  }

  it('answers every generated request without a 5xx, each 4xx with a JSON error code, and the audit chain still verifies', async () => {
    const operations = Object.entries(document.paths)
      .flatMap(([route, item]) => Object.entries(item).map(([method, operation]) => ({ method, route, operation })))
      .filter(({ method, route }) => !SKIPPED.has(`${method.toUpperCase()} ${route}`));
    // Deletions and erasure last within each round, so the other operations meet live records first.
    const order = (method: string, route: string) => (method === 'delete' || route.endsWith('/erase') ? 1 : 0);
    operations.sort((a, b) => order(a.method, a.route) - order(b.method, b.route));

    // First every field of every body with each fixed mutation (on an otherwise valid request), then
    // random requests from the schemas, round-robin over the operations until the time budget is spent.
    const systematic = operations.flatMap(({ method, route, operation }, index) => {
      const schema = operation.requestBody?.content['application/json']?.schema;
      if (!schema) return [];
      const [valid] = fc.sample(requestArbitrary(method, route, operation, 'valid'), { seed: SEED + index, numRuns: 1 });
      return fieldMutations(schema, resolve).map(({ field, value }) => ({ ...valid, body: { ...(valid.body as object), [field]: value } }));
    });
    const random = operations.map(({ method, route, operation }, index) =>
      fc.sample(requestArbitrary(method, route, operation), { seed: SEED + index, numRuns: REQUESTS_PER_OPERATION }),
    );
    const plans = [systematic, ...Array.from({ length: REQUESTS_PER_OPERATION }, (_, round) => random.map((plan) => plan[round]))];
    // One example per operation and kind of failure, so one bug does not hide the others.
    const failures = new Map<string, string>();
    const statusClasses: Record<string, number> = {};
    const started = Date.now();
    let sent = 0;
    for (const batch of plans) {
      if (Date.now() - started >= TIME_BUDGET_MS) break;
      for (const request of batch) {
        let call = admin.http[request.method as 'get'](request.url).set(request.headers);
        if (request.body !== undefined) call = call.set('content-type', 'application/json').send(JSON.stringify(request.body));
        const response = await call;
        sent += 1;
        const statusClass = `${String(response.status)[0]}xx`;
        statusClasses[statusClass] = (statusClasses[statusClass] ?? 0) + 1;
        const described = `${request.method.toUpperCase()} ${request.url.slice(0, 200)} ${JSON.stringify(request.headers)} body=${JSON.stringify(request.body)?.slice(0, 300)} → ${response.status} ${response.text?.slice(0, 200)}`;
        const kind = `${request.method.toUpperCase()} ${request.route} → ${response.status}`;
        if (response.status >= 500 && !failures.has(kind)) failures.set(kind, described);
        else if (response.status >= 400 && (!/^application\/json/.test(String(response.headers['content-type'])) || typeof response.body?.code !== 'string')) {
          if (!failures.has(`${kind} without a JSON code`)) failures.set(`${kind} without a JSON code`, described);
        }
      }
    }
    const verification = (await admin.http.get('/api/audit/verify').expect(200)).body;
    process.stdout.write(
      `API fuzz (seed ${SEED}): ${sent} requests over ${operations.length} operations in ${Math.round((Date.now() - started) / 1000)} s; ` +
        `${Object.entries(statusClasses)
          .sort()
          .map(([statusClass, count]) => `${statusClass}: ${count}`)
          .join(', ')}; audit chain ${verification.ok ? 'verifies' : `broken at ${verification.brokenAt}`}\n`,
    );
    expect({ seed: SEED, failures: Object.fromEntries(failures) }).toEqual({ seed: SEED, failures: {} });
    expect(verification).toMatchObject({ ok: true, brokenAt: null });
    expect(sent).toBeGreaterThanOrEqual(operations.length * 5);
  }, 120_000);
});
