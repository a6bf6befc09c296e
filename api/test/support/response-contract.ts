import Ajv2020, { ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import fs from 'node:fs';
import path from 'node:path';

type Schema = Record<string, unknown>;
interface OpenApiDocument {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: Schema }> }> }>>;
  components: { schemas: Record<string, Schema> };
}

/** `METHOD /api/path/{param}`, as the document keys an operation. */
export type OperationKey = string;

/**
 * Holds every answer the API gives in a test to what the OpenAPI document says: the status must be one
 * the operation lists, and a JSON body must match that status's schema (required fields, types,
 * formats, no undocumented fields).
 */
export class ResponseContract {
  private readonly ajv = new Ajv2020({ strict: false, allErrors: true });
  private readonly validators = new Map<string, ValidateFunction>();
  readonly violations: string[] = [];
  readonly checked = new Set<string>();
  /** Statuses a test provokes on purpose (a database fault it injects), by test name. */
  private readonly allowed = new Set<string>();

  allow(context: string, status: number): void {
    this.allowed.add(`${context} ${status}`);
  }

  constructor(private readonly document: OpenApiDocument) {
    addFormats(this.ajv);
    this.ajv.addSchema(relink({ components: document.components }) as Schema, 'openapi');
  }

  get operations(): OperationKey[] {
    return Object.entries(this.document.paths).flatMap(([route, item]) => Object.keys(item).map((method) => ResponseContract.operationKey(method, route)));
  }

  static operationKey(method: string, routePattern: string): OperationKey {
    return `${method.toUpperCase()} ${routePattern.replace(/:(\w+)/g, '{$1}')}`;
  }

  check(operation: OperationKey, status: number, contentType: string | undefined, body: string | undefined, context: string): void {
    const [method, route] = operation.split(' ');
    const responses = this.document.paths[route]?.[method.toLowerCase()]?.responses;
    if (!responses) return; // not an API operation (the docs themselves, static files)
    const documented = responses[String(status)];
    if (!documented && this.allowed.has(`${context} ${status}`)) return;
    if (!documented) {
      this.violations.push(`${context}: ${operation} answered ${status}, which the document does not list (it lists ${Object.keys(responses).join(', ')}) — ${truncate(body)}`);
      return;
    }
    this.checked.add(`${operation} ${status}`);
    const schema = documented.content?.['application/json']?.schema;
    if (!schema) {
      // A 304 never carries a body on the wire (Fastify drops whatever the handler returned).
      if (body && status !== 304) this.violations.push(`${context}: ${operation} ${status} is documented without a body but sent ${truncate(body)}`);
      return;
    }
    if (!contentType?.startsWith('application/json')) {
      this.violations.push(`${context}: ${operation} ${status} should be JSON but is ${contentType}`);
      return;
    }
    const validate = this.validator(`${operation} ${status}`, schema);
    if (!validate(JSON.parse(body ?? 'null'))) {
      const errors = (validate.errors ?? []).slice(0, 5).map((error) => `${error.instancePath || '/'} ${error.message} ${JSON.stringify(error.params)}`);
      this.violations.push(`${context}: ${operation} ${status} does not match its schema: ${errors.join('; ')} — ${truncate(body)}`);
    }
  }

  private validator(key: string, schema: Schema): ValidateFunction {
    let validate = this.validators.get(key);
    if (!validate) {
      validate = this.ajv.compile(relink(schema) as Schema);
      this.validators.set(key, validate);
    }
    return validate;
  }
}

/** Points the document's local `#/components/...` references at the components registered as `openapi`. */
function relink(schema: unknown): unknown {
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/components/', '"openapi#/components/'));
}

function truncate(body: string | undefined): string {
  return !body ? '(no body)' : body.length > 300 ? `${body.slice(0, 300)}…` : body;
}

/** Reads what the test files left (see recordCheckedOperations) into one line for the end of the run. */
export function checkedOperationsSummary(dir: string): string | null {
  const files = fs.readdirSync(dir).filter((file) => file.endsWith('.json'));
  if (!files.length) return null;
  const checked = new Set<string>();
  const operations = new Set<string>();
  for (const file of files) {
    const entry = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as { checked: string[]; operations: string[] };
    entry.checked.forEach((key) => checked.add(key));
    entry.operations.forEach((key) => operations.add(key));
  }
  const checkedOperations = new Set([...checked].map((key) => key.split(' ').slice(0, 2).join(' ')));
  const unchecked = [...operations].filter((key) => !checkedOperations.has(key));
  return (
    `OpenAPI response contract: real answers of ${checkedOperations.size} of ${operations.size} operations checked against the document ` +
    `(${checked.size} operation/status pairs)${unchecked.length ? `; not exercised here: ${unchecked.sort().join(', ')}` : ''}`
  );
}

/** Where each test file leaves the operations it checked, for the summary printed after the run. */
export function recordCheckedOperations(checked: Iterable<string>, operations: OperationKey[]): void {
  const dir = process.env.SOUNDINGS_CONTRACT_DIR;
  if (!dir) return;
  fs.writeFileSync(path.join(dir, `${process.pid}-${Date.now()}-${Math.random().toString(36).slice(2)}.json`), JSON.stringify({ checked: [...checked], operations }));
}
