import { INestApplication } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { ModulesContainer } from '@nestjs/core';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { CSRF_HEADER, UserRole } from '@soundings/shared';
import fs from 'node:fs';
import { ALLOWED_ROLES, IS_PUBLIC } from '../auth/actor';
import { SESSION_COOKIE } from '../auth/cookies';
import { RATE_LIMIT_POLICY } from '../rate-limits/rate-limit.config';
import { ERROR_DESCRIPTIONS, schemaRef } from './api-responses';
import { DtoClass, JsonSchema, validatedProperties } from './validation-schema';

// Written by the shared package's build from its TypeScript types (shared/scripts/build-schemas.js).
const SHARED_SCHEMAS: Record<string, JsonSchema> = JSON.parse(fs.readFileSync(require.resolve('@soundings/shared/dist/schemas.json'), 'utf8'));
const READ_METHODS = new Set(['get', 'head', 'options']);
const TAGS: Record<string, string> = {
  stakeholders: 'People whose commitment matters, and the business functions they belong to',
  soundings: 'One-to-one conversations and the fears voiced in them',
  fears: 'Concerns people voiced, in their words, and how each is being addressed',
  commitment: 'Level changes seen outside a sounding',
  journey: "A person's path up the commitment ladder",
  briefings: 'Who briefs whom, in what order, and the plan warnings',
  meetings: 'Group meetings and who in the room is ready',
  dashboard: 'The campaign at a glance',
  'data protection': 'Subject-access export, erasure and a person’s audit trail',
  audit: 'The hash-chained audit trail (admins)',
  users: 'Accounts and roles (admins)',
  auth: 'Signing in, sessions and API tokens',
  settings: 'Retention and other installation settings (admins)',
  health: 'Liveness for load balancers',
};

/** What the code declares about one route, read from its controller's metadata. */
interface RouteFacts {
  isPublic: boolean;
  roles: UserRole[] | undefined;
  rateLimited: boolean;
  body?: DtoClass;
  query?: DtoClass;
}

function routeFacts(app: INestApplication): Map<string, RouteFacts> {
  const facts = new Map<string, RouteFacts>();
  for (const module of app.get(ModulesContainer).values()) {
    for (const { metatype: controller } of module.controllers.values()) {
      if (!controller) continue;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = controller.prototype[name];
        if (name === 'constructor' || typeof handler !== 'function' || Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
        const paramTypes: DtoClass[] = Reflect.getMetadata('design:paramtypes', controller.prototype, name) ?? [];
        const args: Record<string, { index: number }> = Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, name) ?? {};
        const argOf = (kind: RouteParamtypes) => {
          const entry = Object.entries(args).find(([key]) => key.split(':')[0] === String(kind));
          return entry ? paramTypes[entry[1].index] : undefined;
        };
        const metadata = <T>(key: string): T | undefined => Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller);
        facts.set(`${controller.name}_${name}`, {
          isPublic: metadata<boolean>(IS_PUBLIC) === true,
          roles: metadata<UserRole[]>(ALLOWED_ROLES),
          rateLimited: metadata<string>(RATE_LIMIT_POLICY) !== 'none',
          body: argOf(RouteParamtypes.BODY),
          query: argOf(RouteParamtypes.QUERY),
        });
      }
    }
  }
  return facts;
}

/** Every DTO class the routes take, with the nested ones their fields validate. */
function dtoClasses(facts: Iterable<RouteFacts>): Set<DtoClass> {
  const found = new Set<DtoClass>();
  const visit = (dto: DtoClass | undefined) => {
    if (!dto || found.has(dto) || (dto as unknown) === Object) return;
    found.add(dto);
    for (const { nested } of validatedProperties(dto).values()) visit(nested);
  };
  for (const route of facts) {
    visit(route.body);
    visit(route.query);
  }
  return found;
}

/** OpenAPI 3.1 writes "or null" as a type list; the swagger plugin still writes 3.0's `nullable`. */
function toJsonSchemaNullable(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(toJsonSchemaNullable);
  if (!schema || typeof schema !== 'object') return schema;
  const { nullable, ...rest } = schema as JsonSchema;
  const out: JsonSchema = Object.fromEntries(Object.entries(rest).map(([key, value]) => [key, toJsonSchemaNullable(value)]));
  if (nullable !== true) return out;
  if (typeof out.type === 'string') return { ...out, type: [out.type, 'null'], ...(Array.isArray(out.enum) ? { enum: [...out.enum, null] } : {}) };
  return { anyOf: [out, { type: 'null' }] };
}

/** Shared schemas the document refers to, and the ones those refer to. */
function referencedSharedSchemas(document: unknown): Record<string, JsonSchema> {
  const wanted: Record<string, JsonSchema> = {};
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string') {
        const name = decodeURIComponent(value.replace('#/components/schemas/', ''));
        if (SHARED_SCHEMAS[name] && !wanted[name]) {
          wanted[name] = SHARED_SCHEMAS[name];
          visit(SHARED_SCHEMAS[name]);
        }
      } else visit(value);
    }
  };
  visit(document);
  return wanted;
}

/** Describes a DTO's fields as its validation rules do; unknown fields are refused (forbidNonWhitelisted). */
function describeDto(schema: JsonSchema, dto: DtoClass): JsonSchema {
  const properties = { ...((schema.properties as Record<string, JsonSchema>) ?? {}) };
  for (const [name, { schema: rules }] of validatedProperties(dto)) {
    const { $ref: _pluginGuess, items: _pluginItems, ...documented } = properties[name] ?? {};
    const merged: JsonSchema = rules.$ref ? { ...documented, ...rules, type: undefined } : { ...documented, ...rules };
    if (merged.type === undefined) delete merged.type;
    // Where a service adds a limit of its own (documented with @ApiProperty), the tighter one applies.
    for (const key of ['minLength', 'minimum'] as const) {
      if (typeof documented[key] === 'number' && typeof rules[key] === 'number') merged[key] = Math.max(documented[key], rules[key]);
    }
    for (const key of ['maxLength', 'maximum'] as const) {
      if (typeof documented[key] === 'number' && typeof rules[key] === 'number') merged[key] = Math.min(documented[key], rules[key]);
    }
    properties[name] = merged;
  }
  return { ...schema, type: 'object', properties, additionalProperties: false };
}

/** The error answers every route can give, from what the global guard, pipes and filter do to any request. */
function standardErrors(method: string, path: string, operation: Record<string, unknown>, route: RouteFacts | undefined): number[] {
  const statuses = [400, 503];
  if (!route?.isPublic) statuses.push(401, 403);
  if (path.includes('{')) statuses.push(404, 414);
  if (!READ_METHODS.has(method)) statuses.push(409);
  if (operation.requestBody) statuses.push(413, 415);
  if (method === 'patch' || method === 'put') statuses.push(428);
  if (route?.rateLimited !== false) statuses.push(429);
  return statuses;
}

function describeOperation(method: string, path: string, operation: Record<string, unknown>, route: RouteFacts | undefined): void {
  const responses = operation.responses as Record<string, JsonSchema>;
  // Nest adds an empty 200/201 to every route; a route documented as 204 or a redirect never sends it.
  const declaredSuccess = Object.keys(responses).filter((status) => /^[23]/.test(status) && responses[status].description !== '');
  for (const status of ['200', '201']) if (declaredSuccess.length && responses[status]?.description === '') delete responses[status];
  for (const status of standardErrors(method, path, operation, route)) {
    responses[status] ??= { description: ERROR_DESCRIPTIONS[status], content: { 'application/json': { schema: schemaRef('ApiErrorBody') } } };
  }
  for (const [status, response] of Object.entries(responses)) {
    if (Number(status) >= 400 && !response.content) response.content = { 'application/json': { schema: schemaRef('ApiErrorBody') } };
  }

  // `@Headers('if-match')` reads as a required header; a body `version` does as well.
  const parameters = (operation.parameters as JsonSchema[] | undefined) ?? [];
  const ifMatch = parameters.find((parameter) => parameter.in === 'header' && String(parameter.name).toLowerCase() === 'if-match');
  if (ifMatch) {
    Object.assign(ifMatch, {
      name: 'If-Match',
      required: false,
      description: 'The version you loaded ("3" or W/"3"), instead of the body `version`; one of them is required',
      schema: { type: 'string', pattern: '^(W/)?"?\\d{1,9}"?$' },
    });
  }
  if (route?.query) {
    const rules = validatedProperties(route.query);
    for (const parameter of parameters) {
      const rule = parameter.in === 'query' ? rules.get(String(parameter.name)) : undefined;
      if (rule) parameter.schema = { ...(parameter.schema as JsonSchema), ...rule.schema, $ref: undefined };
      if (parameter.schema && (parameter.schema as JsonSchema).$ref === undefined) delete (parameter.schema as JsonSchema).$ref;
    }
  }
  for (const parameter of parameters) {
    if (parameter.in === 'path' && parameter.name === 'id') parameter.schema = { type: 'string', format: 'uuid' };
  }

  if (route?.isPublic) operation.security = [];
  else operation.security = READ_METHODS.has(method) ? [{ session: [] }, { bearer: [] }] : [{ session: [], csrf: [] }, { bearer: [] }];
  if (route?.roles) operation.description = [operation.description, `Roles: ${route.roles.join(', ')}.`].filter(Boolean).join('\n\n');
}

/**
 * The OpenAPI 3.1 document of the API: routes, request schemas from the DTOs' validation rules, response
 * schemas from the shared types the handlers return, and the errors, security and limits every route has.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const facts = routeFacts(app);
  const dtos = dtoClasses(facts.values());
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setOpenAPIVersion('3.1.0')
      .setTitle('Soundings API')
      .setDescription("Stakeholders, one-to-one soundings, fears and each person's path to public support.")
      .setVersion('1')
      .addCookieAuth(SESSION_COOKIE, { type: 'apiKey', in: 'cookie', description: 'The session cookie set by sign-in' }, 'session')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API token (POST /api/auth/tokens)' }, 'bearer')
      .addApiKey({ type: 'apiKey', in: 'header', name: CSRF_HEADER, description: "The session's csrfToken; cookie-authenticated writes must send it" }, 'csrf')
      .build(),
    { extraModels: [...dtos] as never[] },
  );

  const schemas = (document.components!.schemas ??= {}) as Record<string, JsonSchema>;
  for (const dto of dtos) if (schemas[dto.name]) schemas[dto.name] = describeDto(schemas[dto.name], dto);
  delete schemas.Object;

  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item as Record<string, Record<string, unknown>>)) {
      describeOperation(method, path, operation, facts.get(String(operation.operationId)));
    }
  }
  Object.assign(schemas, referencedSharedSchemas({ paths: document.paths, schemas }));
  document.tags = Object.entries(TAGS).map(([name, description]) => ({ name, description }));
  return toJsonSchemaNullable(document) as OpenAPIObject;
}
