import SwaggerParser from '@apidevtools/swagger-parser';
import { ResponseContract } from './support/response-contract';
import { startTestApp, TestApp } from './test-app';

type Schema = Record<string, unknown>;
type Operation = { operationId: string; parameters?: Schema[]; requestBody?: Schema; responses: Record<string, Schema>; security?: Schema[] };

// Routes anyone may call; every other one needs a session cookie or an API token.
const PUBLIC_OPERATIONS = [
  'GET /api/auth/methods',
  'GET /api/auth/oidc/callback',
  'GET /api/auth/oidc/login',
  'GET /api/health',
  'GET /api/setup',
  'POST /api/auth/login',
  'POST /api/auth/password-reset',
  'POST /api/setup/first-admin',
];

describe('the OpenAPI document as a contract', () => {
  let t: TestApp;
  let document: { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };
  const operations = () =>
    Object.entries(document.paths).flatMap(([route, item]) => Object.entries(item).map(([method, operation]) => ({ key: `${method.toUpperCase()} ${route}`, method, operation })));
  const resolve = (schema: Schema): Schema =>
    typeof schema.$ref === 'string' ? resolve(document.components.schemas[schema.$ref.replace('#/components/schemas/', '')]) : schema;
  const bodySchema = (operation: Operation) => resolve((operation.requestBody as { content: Record<string, { schema: Schema }> }).content['application/json'].schema);

  beforeAll(async () => {
    t = await startTestApp();
    document = (await t.http.get('/api/docs-json').expect(200)).body;
  });
  afterAll(() => t.close());

  it('is a valid OpenAPI 3.1 document (swagger-parser)', async () => {
    expect(document).toMatchObject({ openapi: '3.1.0' });
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toBeDefined();
  });

  it('gives every operation a success answer: a schema with named fields, or a documented 204 or redirect', () => {
    const undocumented = operations().filter(({ operation }) => {
      // A 304 (the dashboard's answer to an unchanged ETag) comes besides the success answer, without a body.
      if (operation.responses['304']?.content !== undefined) return true;
      const success = Object.entries(operation.responses).filter(([status]) => (status.startsWith('2') || status.startsWith('3')) && status !== '304');
      if (success.length !== 1) return true;
      const [status, response] = success[0];
      if (status === '204' || status === '302') return response.content !== undefined;
      // A file download (the brief's PDF) is documented as binary of its own media type.
      const files = Object.entries((response.content as Record<string, { schema: Schema }> | undefined) ?? {}).filter(([type]) => type !== 'application/json');
      if (files.length > 0) return !files.every(([, file]) => file.schema.type === 'string' && file.schema.format === 'binary');
      const schema = resolve((response.content as Record<string, { schema: Schema }> | undefined)?.['application/json']?.schema ?? {});
      const object = schema.type === 'array' ? resolve(schema.items as Schema) : schema;
      return !object.properties || Object.keys(object.properties).length === 0;
    });
    expect(operations().length).toBeGreaterThanOrEqual(50);
    expect(undocumented.map(({ key }) => key)).toEqual([]);
  });

  it('documents the errors each operation can give, all with the shared error body', () => {
    const errorBody = document.components.schemas.ApiErrorBody;
    expect(errorBody.required).toEqual(expect.arrayContaining(['statusCode', 'code', 'message']));
    for (const { key, method, operation } of operations()) {
      const statuses = Object.keys(operation.responses);
      const expected = ['400', '503'];
      if (!PUBLIC_OPERATIONS.includes(key)) expected.push('401', '403');
      if (key.includes('{id}')) expected.push('404');
      if (method !== 'get') expected.push('409');
      if (operation.requestBody) expected.push('413', '415');
      if (method === 'patch' || method === 'put') expected.push('428');
      if (key !== 'GET /api/health') expected.push('429');
      expect({ key, statuses }).toEqual({ key, statuses: expect.arrayContaining(expected) });
      for (const [status, response] of Object.entries(operation.responses)) {
        if (Number(status) < 400) continue;
        expect({ key, status, schema: (response.content as Record<string, { schema: Schema }>)['application/json'].schema }).toEqual({
          key,
          status,
          schema: { $ref: '#/components/schemas/ApiErrorBody' },
        });
      }
    }
  });

  it('names the security of every operation: none on public routes, session (with CSRF for writes) or bearer token elsewhere', () => {
    expect(Object.keys((document.components as { securitySchemes?: object }).securitySchemes ?? {}).sort()).toEqual(['bearer', 'csrf', 'session']);
    const open = operations().filter(({ operation }) => operation.security?.length === 0).map(({ key }) => key);
    expect(open.sort()).toEqual(PUBLIC_OPERATIONS);
    for (const { key, method, operation } of operations()) {
      if (PUBLIC_OPERATIONS.includes(key)) continue;
      expect({ key, security: operation.security }).toEqual({
        key,
        security: method === 'get' ? [{ session: [] }, { bearer: [] }] : [{ session: [], csrf: [] }, { bearer: [] }],
      });
    }
  });

  it('lets a PATCH send its version in the body or an optional If-Match header', () => {
    const patches = operations().filter(({ method }) => method === 'patch');
    expect(patches.length).toBeGreaterThanOrEqual(5);
    for (const { key, operation } of patches) {
      const ifMatch = operation.parameters?.find((parameter) => parameter.in === 'header' && String(parameter.name).toLowerCase() === 'if-match');
      expect({ key, ifMatch: ifMatch?.required }).toEqual({ key, ifMatch: false });
      expect({ key, version: (bodySchema(operation).properties as Record<string, Schema>).version }).toMatchObject({
        key,
        version: { type: 'integer', minimum: 1, maximum: 2_147_483_647 },
      });
    }
  });

  it('states the limits the API enforces: lengths, formats, integers, list sizes, and no unknown fields', () => {
    const schemas = document.components.schemas;
    for (const [name, schema] of Object.entries(schemas)) {
      if (name.endsWith('Dto') && schema.type === 'object') expect({ name, additionalProperties: schema.additionalProperties }).toEqual({ name, additionalProperties: false });
    }
    const field = (schema: string, property: string) => (schemas[schema].properties as Record<string, Schema>)[property];
    expect(field('CreateUserDto', 'password')).toMatchObject({ type: 'string', minLength: 15, maxLength: 128 });
    expect(field('CreateSoundingDto', 'fears')).toMatchObject({ type: 'array', maxItems: 50, items: { $ref: '#/components/schemas/FearInputDto' } });
    expect(field('FearInputDto', 'statement')).toMatchObject({ type: 'string', minLength: 1 });
    expect(field('CreateSoundingDto', 'heldOn')).toMatchObject({ type: 'string', format: 'date' });
    expect(field('CreateStakeholderDto', 'name')).toMatchObject({ type: 'string', minLength: 1, maxLength: expect.any(Number) });
    expect(field('Stakeholder', 'createdAt')).toEqual({ $ref: '#/components/schemas/IsoDateTime' });
    expect(schemas.IsoDateTime).toMatchObject({ type: 'string', format: 'date-time' });
    expect(field('Stakeholder', 'version')).toEqual({ type: 'integer' });
    const pageSize = document.paths['/api/stakeholders'].get.parameters!.find((parameter) => parameter.name === 'pageSize');
    expect(pageSize).toMatchObject({ in: 'query', schema: { type: 'integer', minimum: 1, maximum: 100 } });
    const id = document.paths['/api/stakeholders/{id}'].get.parameters!.find((parameter) => parameter.name === 'id');
    expect(id).toMatchObject({ in: 'path', required: true, schema: { type: 'string', format: 'uuid' } });
  });

  it('the response check flags a wrong body, an undocumented field and an undocumented status', async () => {
    const contract = new ResponseContract(document as never);
    const stakeholder = (await t.http.post('/api/stakeholders').send({ name: 'Contract Check' }).expect(201)).body;
    const key = 'GET /api/stakeholders/{id}';
    contract.check(key, 200, 'application/json', JSON.stringify(stakeholder), 'as sent');
    expect(contract.violations).toEqual([]);
    const { version: _version, ...withoutVersion } = stakeholder;
    contract.check(key, 200, 'application/json', JSON.stringify(withoutVersion), 'missing version');
    contract.check(key, 200, 'application/json', JSON.stringify({ ...stakeholder, version: '2' }), 'version as text');
    contract.check(key, 200, 'application/json', JSON.stringify({ ...stakeholder, secret: 'x' }), 'extra field');
    contract.check(key, 200, 'application/json', JSON.stringify({ ...stakeholder, createdAt: 'yesterday' }), 'bad date');
    contract.check(key, 500, 'application/json', '{}', 'a 500');
    expect(contract.violations.map((violation) => violation.split(':')[0])).toEqual(['missing version', 'version as text', 'extra field', 'bad date', 'a 500']);
  });
});
