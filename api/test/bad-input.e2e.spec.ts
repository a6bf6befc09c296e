import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type { Response } from 'supertest';
import { createStakeholder, daysAgo, daysAhead, logSounding } from './factories';
import { expectRefused as expectRefusedWithJson } from './expectations';
import { startTestApp, TestApp } from './test-app';

/**
 * Every class of bad input on every endpoint gets a 4xx JSON answer that names the field at fault,
 * and stores nothing. None of it may reach the 500 branch of the error filter.
 */
describe('bad input', () => {
  let t: TestApp;
  let stakeholderId: string;
  let soundingId: string;
  let fearId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const person = await createStakeholder(t.http, { name: 'Fixture Person' });
    stakeholderId = person.id;
    const sounding = await logSounding(t.http, person.id, { heldOn: daysAgo(10), fears: [{ statement: 'No time', category: 'time_and_workload' }] });
    soundingId = sounding.id;
    fearId = sounding.fears[0].id;
  });
  afterAll(() => t.close());

  /** Row counts and version sums: any insert, update or delete changes it. */
  async function fingerprint(): Promise<Record<string, number>> {
    const { rows } = await t.db.query(`
      SELECT (SELECT count(*) FROM stakeholders)::int AS stakeholders,
             (SELECT coalesce(sum(version), 0) FROM stakeholders)::int AS stakeholder_versions,
             (SELECT count(*) FROM soundings)::int AS soundings,
             (SELECT coalesce(sum(version), 0) FROM soundings)::int AS sounding_versions,
             (SELECT count(*) FROM fears)::int AS fears,
             (SELECT coalesce(sum(version), 0) FROM fears)::int AS fear_versions,
             (SELECT count(*) FROM commitment_changes)::int AS commitment_changes`);
    return rows[0];
  }

  let before: Record<string, number>;
  /** Set by the few tests that send valid requests on purpose. */
  let mayStore = false;
  beforeEach(async () => {
    before = await fingerprint();
  });
  afterEach(async () => {
    if (!mayStore) expect(await fingerprint()).toEqual(before);
    mayStore = false;
  });

  /** As everywhere, and the message names the field too, for clients that show only the message. */
  function expectRefused(response: Response, status: number, field?: string): void {
    expectRefusedWithJson(response, status, field);
    if (field !== undefined) expect(response.body.message).toContain(field);
  }

  // ---- Path parameters -----------------------------------------------------

  // Writes carry a body that would be accepted, so the id is the only thing wrong.
  const idRoutes: [string, 'get' | 'post' | 'patch' | 'delete', (id: string) => string, object?][] = [
    ['GET stakeholder', 'get', (id) => `/api/stakeholders/${id}`],
    ['PATCH stakeholder', 'patch', (id) => `/api/stakeholders/${id}`, { version: 1, title: 'x' }],
    ['DELETE stakeholder', 'delete', (id) => `/api/stakeholders/${id}`],
    ['POST sounding', 'post', (id) => `/api/stakeholders/${id}/soundings`, { heldOn: daysAgo(1), summary: 'x', commitmentAfter: 'open' }],
    ['GET stakeholder soundings', 'get', (id) => `/api/stakeholders/${id}/soundings`],
    ['GET sounding', 'get', (id) => `/api/soundings/${id}`],
    ['PATCH sounding', 'patch', (id) => `/api/soundings/${id}`, { version: 1, summary: 'x' }],
    ['GET fear', 'get', (id) => `/api/fears/${id}`],
    ['PATCH fear', 'patch', (id) => `/api/fears/${id}`, { version: 1, response: 'x' }],
    ['POST commitment', 'post', (id) => `/api/stakeholders/${id}/commitment`, { level: 'open', on: daysAgo(1), reason: 'x' }],
    ['GET journey', 'get', (id) => `/api/stakeholders/${id}/journey`],
  ];
  const badIds = [
    'not-a-uuid',
    '123',
    `${randomUUID()}0`,
    randomUUID().replace(/-/g, ''),
    encodeURIComponent("1' OR '1'='1"),
    encodeURIComponent('✓'),
    '%00',
    encodeURIComponent(`${randomUUID()}\u0000`),
  ];

  describe.each(idRoutes)('%s with a malformed id', (_name, method, path, body) => {
    it.each(badIds)('%s → 400 naming id', async (badId) => {
      const request = t.http[method](path(badId));
      const response = body ? await request.send(body) : await request;
      expectRefused(response, 400, 'id');
    });
  });

  // ---- Query strings -------------------------------------------------------

  describe.each([['/api/stakeholders'], ['/api/fears']])('GET %s query', (path) => {
    it.each([
      ['page', '0'],
      ['page', '-1'],
      ['page', 'abc'],
      ['page', '1e3'],
      ['page', '1.5'],
      ['page', ''],
      ['page', '99999999999'],
      ['page', ' 1'],
      ['pageSize', '0'],
      ['pageSize', '-1'],
      ['pageSize', '101'],
      ['pageSize', 'abc'],
      ['pageSize', '1e3'],
      ['pageSize', '0x10'],
    ])('%s=%s → 400 naming it', async (field, value) => {
      expectRefused(await t.http.get(`${path}?${field}=${encodeURIComponent(value)}`), 400, field);
    });

    it('refuses an unknown parameter, naming it', async () => {
      expectRefused(await t.http.get(`${path}?colour=blue`), 400, 'colour');
    });

    it('refuses a repeated page, naming it', async () => {
      expectRefused(await t.http.get(`${path}?page=1&page=2`), 400, 'page');
    });
  });

  it.each([
    ['commitment', 'keen'],
    ['commitment', 'SUPPORTIVE'],
    ['role', 'ceo'],
    ['sort', 'age'],
    ['sort', 'name;DROP TABLE stakeholders'],
    ['potentialChampion', 'yes'],
    ['potentialChampion', '1'],
    ['cooling', 'TRUE'],
    ['overdue', ''],
    ['q', 'x'.repeat(201)],
    ['businessFunction', 'x'.repeat(201)],
    ['q', 'a\u0000b'],
    ['businessFunction', '\u0000'],
  ])('GET /api/stakeholders?%s=%s → 400 naming it', async (field, value) => {
    expectRefused(await t.http.get(`/api/stakeholders?${field}=${encodeURIComponent(value)}`), 400, field);
  });

  it('GET /api/stakeholders with a repeated q → 400 saying it must be one text value', async () => {
    const response = await t.http.get('/api/stakeholders?q=a&q=b');
    expectRefused(response, 400, 'q');
    expect(response.body.fields[0].message).toMatch(/text/);
  });

  it('GET /api/stakeholders with NUL in a parameter name → 400', async () => {
    expectRefused(await t.http.get('/api/stakeholders?a%00b=1'), 400);
  });

  it.each([
    ['status', 'closed'],
    ['category', 'boredom'],
    ['stakeholderId', 'not-a-uuid'],
    ['stakeholderId', '%00'],
  ])('GET /api/fears?%s=%s → 400 naming it', async (field, value) => {
    expectRefused(await t.http.get(`/api/fears?${field}=${value}`), 400, field);
  });

  // ---- Bodies --------------------------------------------------------------

  interface WriteEndpoint {
    name: string;
    method: 'post' | 'patch';
    path: () => string;
    /** A body the endpoint accepts; each case below spoils one part of it. */
    valid: () => Record<string, unknown>;
    wrongTypes: [Record<string, unknown>, string][];
    badValues: [Record<string, unknown>, string][];
    nulText: [Record<string, unknown>, string][];
  }

  const writeEndpoints: WriteEndpoint[] = [
    {
      name: 'POST /api/stakeholders',
      method: 'post',
      path: () => '/api/stakeholders',
      valid: () => ({ name: 'New Person', role: 'top_team', influence: 3, potentialChampion: true }),
      wrongTypes: [
        [{ name: 123 }, 'name'],
        [{ name: ['New Person'] }, 'name'],
        [{ name: { first: 'New' } }, 'name'],
        [{ title: 5 }, 'title'],
        [{ potentialChampion: 'true' }, 'potentialChampion'],
        [{ influence: '3' }, 'influence'],
        [{ influence: 2.5 }, 'influence'],
        [{ reportsToId: 42 }, 'reportsToId'],
        [{ timingNotes: false }, 'timingNotes'],
      ],
      badValues: [
        [{ role: 'ceo' }, 'role'],
        [{ role: null }, 'role'],
        [{ potentialChampion: null }, 'potentialChampion'],
        [{ requiredCommitment: 'eager' }, 'requiredCommitment'],
        [{ influence: 0 }, 'influence'],
        [{ influence: 6 }, 'influence'],
        [{ email: 'not-an-email' }, 'email'],
        [{ reportsToId: 'not-a-uuid' }, 'reportsToId'],
        [{ title: 'x'.repeat(201) }, 'title'],
        [{ name: 'x'.repeat(201) }, 'name'],
      ],
      nulText: [
        [{ name: 'Nul\u0000Person' }, 'name'],
        [{ timingNotes: 'after\u0000lunch' }, 'timingNotes'],
      ],
    },
    {
      name: 'PATCH /api/stakeholders/:id',
      method: 'patch',
      path: () => `/api/stakeholders/${stakeholderId}`,
      valid: () => ({ version: 1, title: 'COO' }),
      wrongTypes: [
        [{ version: '1' }, 'version'],
        [{ version: 1.5 }, 'version'],
        [{ name: 7 }, 'name'],
        [{ potentialChampion: 0 }, 'potentialChampion'],
      ],
      badValues: [
        [{ version: 0 }, 'version'],
        [{ version: 99_999_999_999 }, 'version'],
        [{ name: '' }, 'name'],
        [{ name: null }, 'name'],
        [{ role: null }, 'role'],
        [{ potentialChampion: null }, 'potentialChampion'],
        [{ role: 'boss' }, 'role'],
      ],
      nulText: [[{ title: 'C\u0000O' }, 'title']],
    },
    {
      name: 'POST /api/stakeholders/:id/soundings',
      method: 'post',
      path: () => `/api/stakeholders/${stakeholderId}/soundings`,
      valid: () => ({
        heldOn: daysAgo(2),
        summary: 'Talked',
        commitmentAfter: 'open',
        fears: [{ statement: 'Budget', category: 'cost_and_budget' }],
      }),
      wrongTypes: [
        [{ heldOn: 20250101 }, 'heldOn'],
        [{ summary: ['Talked'] }, 'summary'],
        [{ commitmentAfter: 3 }, 'commitmentAfter'],
        [{ fears: 'Budget' }, 'fears'],
        [{ fears: [{ statement: 5, category: 'other' }] }, 'fears.0.statement'],
        [{ followUpOn: true }, 'followUpOn'],
      ],
      badValues: [
        [{ heldOn: daysAhead(2) }, 'heldOn'],
        [{ heldOn: '2025-13-01' }, 'heldOn'],
        [{ heldOn: 'yesterday' }, 'heldOn'],
        [{ commitmentAfter: 'not_sounded' }, 'commitmentAfter'],
        [{ channel: 'carrier_pigeon' }, 'channel'],
        [{ channel: null }, 'channel'],
        [{ fears: [{ statement: 'Budget', category: 'money' }] }, 'fears.0.category'],
        [{ fears: [{ statement: 'Budget', category: 'other', severity: 3 }] }, 'fears.0.severity'],
        [{ fears: [null] }, 'fears.0'],
        [{ followUpOn: daysAgo(5) }, 'followUpOn'],
      ],
      nulText: [
        [{ summary: 'Talk\u0000ed' }, 'summary'],
        [{ fears: [{ statement: 'ok', category: 'other' }, { statement: 'Bud\u0000get', category: 'other' }] }, 'fears.1.statement'],
      ],
    },
    {
      name: 'PATCH /api/soundings/:id',
      method: 'patch',
      path: () => `/api/soundings/${soundingId}`,
      valid: () => ({ version: 1, summary: 'Corrected' }),
      wrongTypes: [
        [{ version: [1] }, 'version'],
        [{ heldOn: 1 }, 'heldOn'],
      ],
      badValues: [
        [{ heldOn: null }, 'heldOn'],
        [{ channel: null }, 'channel'],
        [{ summary: '  ' }, 'summary'],
        [{ commitmentAfter: 'keen' }, 'commitmentAfter'],
        [{ fears: [] }, 'fears'],
        [{ version: 2 ** 31 }, 'version'],
      ],
      nulText: [[{ nextStep: '\u0000' }, 'nextStep']],
    },
    {
      name: 'PATCH /api/fears/:id',
      method: 'patch',
      path: () => `/api/fears/${fearId}`,
      valid: () => ({ version: 1, response: 'We will protect the time' }),
      wrongTypes: [
        [{ version: '1' }, 'version'],
        [{ response: 12 }, 'response'],
        [{ status: ['resolved'] }, 'status'],
      ],
      badValues: [
        [{ status: 'done' }, 'status'],
        [{ category: 'money' }, 'category'],
        [{ statement: '' }, 'statement'],
        [{ resolvedOn: '2025-02-29' }, 'resolvedOn'],
        [{ version: 1e12 }, 'version'],
        [{ stakeholderId: randomUUID() }, 'stakeholderId'],
      ],
      nulText: [[{ response: 'We\u0000will' }, 'response']],
    },
    {
      name: 'POST /api/stakeholders/:id/commitment',
      method: 'post',
      path: () => `/api/stakeholders/${stakeholderId}/commitment`,
      valid: () => ({ level: 'supportive', on: daysAgo(1), reason: 'Said yes' }),
      wrongTypes: [
        [{ reason: 1 }, 'reason'],
        [{ on: 1_700_000_000_000 }, 'on'],
        [{ level: true }, 'level'],
      ],
      badValues: [
        [{ level: 'not_sounded' }, 'level'],
        [{ level: 'ecstatic' }, 'level'],
        [{ on: daysAhead(2) }, 'on'],
        [{ on: '2025-02-30' }, 'on'],
        [{ reason: '' }, 'reason'],
        [{ soundingId: randomUUID() }, 'soundingId'],
      ],
      nulText: [[{ reason: 'Said\u0000yes' }, 'reason']],
    },
  ];

  describe.each(writeEndpoints.map((endpoint) => [endpoint.name, endpoint] as const))('%s', (_name, endpoint) => {
    const send = (body: unknown) => t.http[endpoint.method](endpoint.path()).send(body as object);
    const sendRaw = (raw: string, contentType = 'application/json') =>
      t.http[endpoint.method](endpoint.path()).set('content-type', contentType).send(raw);

    it('refuses an unknown field, naming it', async () => {
      expectRefused(await send({ ...endpoint.valid(), colour: 'blue' }), 400, 'colour');
    });

    it.each(endpoint.wrongTypes)('refuses a wrong type %j, naming %s', async (change, field) => {
      expectRefused(await send({ ...endpoint.valid(), ...change }), 400, field);
    });

    it.each(endpoint.badValues)('refuses a bad value %j, naming %s', async (change, field) => {
      expectRefused(await send({ ...endpoint.valid(), ...change }), 400, field);
    });

    it.each(endpoint.nulText)('refuses a NUL character in text %j, naming %s', async (change, field) => {
      const response = await send({ ...endpoint.valid(), ...change });
      expectRefused(response, 400, field);
      expect(response.body.fields[0].message).toMatch(/NUL/);
    });

    it('refuses a NUL character in a field name', async () => {
      expectRefused(await send({ ...endpoint.valid(), 'bad\u0000key': 1 }), 400);
    });

    it.each(['[]', '[{"name":"x"}]', '"x"', 'null', '123', 'true', '""'])('refuses the non-object JSON body %s, naming body', async (raw) => {
      expectRefused(await sendRaw(raw), 400, 'body');
    });

    it('refuses a request without a body, naming body', async () => {
      expectRefused(await t.http[endpoint.method](endpoint.path()), 400, 'body');
    });

    it('refuses a text/plain body', async () => {
      expectRefused(await sendRaw(JSON.stringify(endpoint.valid()), 'text/plain'), 400, 'body');
    });

    it.each(['{', '{"name": }', "{'name': 'x'}", '{"name":"x",}', 'undefined', 'NaN', '{"a":1}{"b":2}', ''])(
      'answers invalid_json to the malformed body %j',
      async (raw) => {
        const response = await sendRaw(raw);
        expectRefused(response, 400);
        expect(response.body.code).toBe('invalid_json');
      },
    );

    it('refuses a __proto__ key without polluting anything', async () => {
      const response = await sendRaw(`{"__proto__": {"polluted": true}, ${JSON.stringify(endpoint.valid()).slice(1)}`);
      expectRefused(response, 400);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });

    it('answers 413 to a body over 1 MB', async () => {
      const response = await send({ ...endpoint.valid(), padding: 'x'.repeat(1024 * 1024 + 1) });
      expectRefused(response, 413);
      expect(response.body.code).toBe('payload_too_large');
    });
  });

  it('refuses a version the database could not even compare (PATCH with a huge If-Match)', async () => {
    expectRefused(await t.http.patch(`/api/fears/${fearId}`).set('If-Match', '"99999999999"').send({ response: 'x' }), 400, 'If-Match');
  });

  it('answers unknown API routes with a JSON 404 and wrong methods with a JSON 405', async () => {
    expectRefused(await t.http.get('/api/no-such-thing'), 404);
    expectRefused(await t.http.put(`/api/stakeholders/${stakeholderId}`).send({ name: 'x' }), 405);
    expectRefused(await t.http.get('/api/stakeholders/%E0%A4%A'), 400);
  });

  it('the valid bodies used above are accepted as they are', async () => {
    for (const endpoint of writeEndpoints) {
      const response = await t.http[endpoint.method](endpoint.path()).send(endpoint.valid());
      expect({ endpoint: endpoint.name, status: response.status }).toEqual({ endpoint: endpoint.name, status: endpoint.method === 'post' ? 201 : 200 });
    }
    mayStore = true;
  });

  // ---- Property-based: nothing anyone can send makes the server fail -----

  describe('random input', () => {
    const NUM_RUNS = 150;
    // Whatever happens to be valid is stored; the point here is only that nothing fails.
    beforeEach(() => {
      mayStore = true;
    });

    const textish = fc.oneof(
      fc.string(),
      fc.string({ unit: 'binary' }),
      fc.constantFrom('', ' ', '\u0000', "'; DROP TABLE fears;--", '%', '_', '\\', '💥', 'null', '2025-02-30', daysAgo(3), daysAhead(30)),
      // Text that looks like a value but is not one: lone surrogates, bidi overrides, invisible or control characters.
      fc.constantFrom('\uD800', 'Ana\uDC00', '\u202Egnp', '\u200B', '\u0007', 'Ana\u2066x\u2069', '1900-01-01', '9999-12-31'),
    );
    const anyValue = fc.oneof(
      textish,
      fc.integer(),
      fc.double(),
      fc.boolean(),
      fc.constant(null),
      fc.constantFrom(2 ** 31, -1, 0, 1, 1e21, Number.MAX_SAFE_INTEGER),
      fc.uuid(),
      fc.jsonValue({ maxDepth: 3 }),
    );
    /** Objects mixing the endpoint's real field names (with plausible and wild values) and random keys. */
    const objectFor = (fields: Record<string, fc.Arbitrary<unknown>>) =>
      fc.oneof(
        fc.record(Object.fromEntries(Object.entries(fields).map(([key, plausible]) => [key, fc.oneof(plausible, anyValue)])), {
          requiredKeys: [],
        }),
        fc.dictionary(fc.oneof(fc.constantFrom(...Object.keys(fields), 'constructor', 'toString', 'valueOf', 'hasOwnProperty', 'length'), fc.string()), anyValue, {
          maxKeys: 8,
        }),
      );
    const bodyFor = (fields: Record<string, fc.Arbitrary<unknown>>) => fc.oneof(objectFor(fields), fc.jsonValue({ maxDepth: 4 }));

    const date = fc.oneof(fc.integer({ min: -3, max: 400 }).map(daysAgo), textish);
    const level = fc.constantFrom('not_sounded', 'sounded', 'open', 'supportive', 'committed', 'public_champion', 'resistant', 'x');
    const fear = fc.record({ statement: textish, category: fc.constantFrom('other', 'culture_fit', 'boredom') }, { requiredKeys: [] });

    /** Sends any JSON value as the body, primitives and null included. */
    const sendJson = (request: ReturnType<TestApp['http']['post']>, value: unknown) =>
      request.set('content-type', 'application/json').send(JSON.stringify(value));

    async function expectNever5xx(response: Response): Promise<void> {
      if (response.status >= 500) throw new Error(`${response.status} ${JSON.stringify(response.body)}`);
      if (response.status >= 400) {
        expect(response.body).toEqual(expect.objectContaining({ statusCode: response.status, code: expect.any(String), message: expect.any(String) }));
      }
    }

    it('POST /api/stakeholders never answers 5xx', async () => {
      const body = bodyFor({
        name: textish,
        title: textish,
        email: fc.oneof(fc.emailAddress(), textish),
        businessFunction: textish,
        role: fc.constantFrom('top_team', 'hr', 'x'),
        potentialChampion: fc.boolean(),
        influence: fc.integer({ min: -1, max: 7 }),
        reportsToId: fc.oneof(fc.uuid(), fc.constant(stakeholderId)),
        requiredCommitment: level,
        timingNotes: textish,
      });
      await fc.assert(fc.asyncProperty(body, async (value) => expectNever5xx(await sendJson(t.http.post('/api/stakeholders'), value))), {
        numRuns: NUM_RUNS,
      });
    });

    it('POST /api/stakeholders/:id/soundings never answers 5xx', async () => {
      const body = bodyFor({
        heldOn: date,
        summary: textish,
        commitmentAfter: level,
        channel: fc.constantFrom('video', 'phone', 'fax'),
        followUpOn: date,
        nextStep: textish,
        // Entries may themselves be lists or plain values, as a fuzzer sends them.
        fears: fc.oneof(fc.array(fear, { maxLength: 4 }), fc.array(fc.oneof(fear, fc.array(fear, { maxLength: 2 }), anyValue), { maxLength: 4 }), anyValue),
      });
      await fc.assert(
        fc.asyncProperty(body, async (value) => expectNever5xx(await sendJson(t.http.post(`/api/stakeholders/${stakeholderId}/soundings`), value))),
        { numRuns: NUM_RUNS },
      );
    });

    it('PATCH /api/fears/:id never answers 5xx', async () => {
      const body = bodyFor({
        version: fc.integer({ min: -1, max: 5 }),
        status: fc.constantFrom('open', 'addressing', 'resolved', 'done'),
        category: fc.constantFrom('other', 'money'),
        statement: textish,
        response: textish,
        owner: textish,
        resolvedOn: date,
      });
      await fc.assert(
        fc.asyncProperty(body, fc.option(fc.oneof(fc.integer({ min: 0, max: 5 }).map(String), fc.string())), async (value, ifMatch) => {
          const request = t.http.patch(`/api/fears/${fearId}`);
          if (ifMatch !== null && /^[\x20-\x7e]*$/.test(ifMatch)) request.set('If-Match', ifMatch);
          await expectNever5xx(await sendJson(request, value));
        }),
        { numRuns: NUM_RUNS },
      );
    });

    it('POST /api/stakeholders/:id/commitment never answers 5xx', async () => {
      const body = bodyFor({ level, on: date, reason: textish });
      await fc.assert(
        fc.asyncProperty(body, async (value) => expectNever5xx(await sendJson(t.http.post(`/api/stakeholders/${stakeholderId}/commitment`), value))),
        { numRuns: NUM_RUNS },
      );
    });

    it('GET /api/stakeholders with random query strings never answers 5xx', async () => {
      const key = fc.oneof(
        fc.constantFrom('q', 'page', 'pageSize', 'commitment', 'role', 'businessFunction', 'potentialChampion', 'sort', 'cooling', 'overdue', '__proto__', 'constructor'),
        fc.string({ maxLength: 10 }),
      );
      const value = fc.oneof(
        // A URL carries UTF-8, which has no unpaired surrogates: they cannot be sent here.
        textish.filter((text) => !/\p{Cs}/u.test(text)),
        fc.integer().map(String),
        fc.constantFrom('true', 'false', 'name', '-commitment', '-lastContact', 'open', 'top_team', '1e3', '0x1'),
      );
      const encodedPair = fc.tuple(key, value).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`);
      const rawFragment = fc.constantFrom('%', '%zz', '%E0%A4%A', '%FF', '&&', '=', 'q', 'q=', '=x', 'q[]=1', 'q[a]=1', 'page=1&page=2', '%00=1');
      const queryString = fc.array(fc.oneof(encodedPair, rawFragment), { maxLength: 6 }).map((parts) => parts.join('&'));
      await fc.assert(
        fc.asyncProperty(queryString, async (query) => expectNever5xx(await t.http.get(`/api/stakeholders?${query}`))),
        { numRuns: NUM_RUNS },
      );
    });
  });
});
