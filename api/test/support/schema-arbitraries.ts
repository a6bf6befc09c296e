import fc from 'fast-check';

export type Schema = Record<string, unknown>;
export type Resolve = (schema: Schema) => Schema;

const ODD_STRINGS = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '%',
  '%00',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  "'; DROP TABLE stakeholders; --",
  'Zoë 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 👩🏽‍💼',
  '\u202eRTL',
  '\ud800',
  'null',
  'true',
  '0',
  '-1',
  '1e309',
  '2026-02-30',
  '2026-05-04T09:30:00+23:59',
  '9999-12-31',
  '0000-01-01',
  '00000000-0000-0000-0000-000000000000',
  'A0EEBC99-9C0B-4EF8-BB6D-6BB9BD380A11',
];
const BOUNDARY_NUMBERS = [0, -1, 1, 2 ** 31 - 1, 2 ** 31, -(2 ** 31) - 1, 2 ** 53 + 1, 1.5, -0.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER];

/** Nested `depth` levels deep: `{"a":{"a":...}}`. */
export function deepObject(depth: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

function typesOf(schema: Schema): string[] {
  if (Array.isArray(schema.type)) return schema.type as string[];
  if (typeof schema.type === 'string') return [schema.type];
  if (Array.isArray(schema.enum)) return [...new Set((schema.enum as unknown[]).map((value) => (value === null ? 'null' : typeof value)))];
  return ['string'];
}

function isoDate(): fc.Arbitrary<string> {
  return fc.date({ min: new Date('2000-01-01'), max: new Date(), noInvalidDate: true }).map((date) => date.toISOString().slice(0, 10));
}

/** Values the schema accepts (within its type, format, enum, lengths, ranges and item counts). */
export function validValue(schema: Schema, resolve: Resolve, depth = 0): fc.Arbitrary<unknown> {
  schema = resolve(schema);
  if (Array.isArray(schema.anyOf)) return fc.oneof(...(schema.anyOf as Schema[]).map((option) => validValue(option, resolve, depth)));
  if (Array.isArray(schema.enum)) return fc.constantFrom(...(schema.enum as unknown[]));
  const options = typesOf(schema).map((type): fc.Arbitrary<unknown> => {
    switch (type) {
      case 'null':
        return fc.constant(null);
      case 'boolean':
        return fc.boolean();
      case 'integer':
        return fc.integer({ min: (schema.minimum as number) ?? -1000, max: (schema.maximum as number) ?? 1000 });
      case 'number':
        return fc.double({ min: (schema.minimum as number) ?? -1000, max: (schema.maximum as number) ?? 1000, noNaN: true });
      case 'array': {
        const items = schema.items ? validValue(schema.items as Schema, resolve, depth + 1) : fc.string();
        return fc.array(items, { minLength: (schema.minItems as number) ?? 0, maxLength: Math.min((schema.maxItems as number) ?? 3, 3) });
      }
      case 'object':
        return validObject(schema, resolve, depth);
      default:
        if (schema.format === 'date') return isoDate();
        if (schema.format === 'date-time') return fc.date({ min: new Date('2000-01-01'), max: new Date(), noInvalidDate: true }).map((date) => date.toISOString());
        if (schema.format === 'uuid') return fc.uuid();
        if (schema.format === 'email') return fc.emailAddress().filter((email) => email.length <= ((schema.maxLength as number) ?? 320));
        return fc
          .string({ unit: 'grapheme', minLength: (schema.minLength as number) ?? 0, maxLength: Math.min((schema.maxLength as number) ?? 40, 40) })
          .filter((text) => text.trim().length >= ((schema.minLength as number) ?? 0) && !text.includes('\u0000'));
    }
  });
  return options.length === 1 ? options[0] : fc.oneof(...options);
}

function validObject(schema: Schema, resolve: Resolve, depth: number): fc.Arbitrary<Record<string, unknown>> {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  if (depth > 4) return fc.constant({});
  const required = (schema.required ?? []) as string[];
  return fc.record(
    Object.fromEntries(Object.entries(properties).map(([name, property]) => [name, validValue(property, resolve, depth + 1)])),
    { requiredKeys: required.filter((name) => name in properties) },
  ) as fc.Arbitrary<Record<string, unknown>>;
}

/** A value the schema should refuse, or that sits on its edges: wrong type, null, huge, deep, odd, out of range. */
export function hostileValue(schema: Schema, resolve: Resolve): fc.Arbitrary<unknown> {
  schema = resolve(schema);
  const edges: unknown[] = [];
  if (typeof schema.maxLength === 'number') edges.push('x'.repeat(schema.maxLength + 1));
  if (typeof schema.minLength === 'number' && schema.minLength > 0) edges.push('x'.repeat(schema.minLength - 1), ' '.repeat(schema.minLength));
  if (typeof schema.minimum === 'number') edges.push(schema.minimum - 1, schema.minimum);
  if (typeof schema.maximum === 'number') edges.push(schema.maximum + 1, schema.maximum);
  if (typeof schema.maxItems === 'number') edges.push(Array.from({ length: schema.maxItems + 1 }, () => ({})));
  return fc.oneof(
    fc.constant(null),
    fc.constantFrom(true, false, 0, -1, 1.5, '', [], {}, [null], [[{}]], { $gt: '' }, { __proto__: { admin: true } }, ...edges),
    fc.constantFrom(...ODD_STRINGS),
    fc.constantFrom(...BOUNDARY_NUMBERS),
    fc.constantFrom('x'.repeat(100_000), Array.from({ length: 5_000 }, (_, i) => i), deepObject(20)),
    fc.jsonValue({ maxDepth: 3 }),
    fc.string({ unit: 'binary', maxLength: 30 }),
  );
}

/**
 * For each field of a body, the same few mutations a client bug or an attacker would send: null, the
 * wrong type, a nested list, an object, a huge or a deep value, an integer past int4, a NUL, an odd zone.
 */
export function fieldMutations(schema: Schema, resolve: Resolve): Array<{ field: string; value: unknown }> {
  const properties = Object.keys((resolve(schema).properties ?? {}) as Record<string, Schema>);
  const values: unknown[] = [null, 12345, 'text', true, [[{}]], {}, 'x'.repeat(100_000), deepObject(40), 2 ** 31, -1, '\u0000', '2026-05-04T09:30:00+23:59'];
  return properties.flatMap((field) => values.map((value) => ({ field, value })));
}

/** A request body: valid, valid with one field made hostile, with an extra field, or not an object at all. */
export function bodyValue(schema: Schema, resolve: Resolve): fc.Arbitrary<unknown> {
  const resolved = resolve(schema);
  const properties = Object.keys((resolved.properties ?? {}) as Record<string, Schema>);
  const valid = validValue(resolved, resolve);
  const withHostileField =
    properties.length === 0
      ? valid
      : fc
          .tuple(valid, fc.constantFrom(...properties))
          .chain(([body, name]) =>
            hostileValue((resolved.properties as Record<string, Schema>)[name], resolve).map((value) => ({ ...(body as object), [name]: value })),
          );
  return fc.oneof(
    { arbitrary: valid, weight: 3 },
    { arbitrary: withHostileField, weight: 6 },
    { arbitrary: fc.tuple(valid, fc.string({ minLength: 1, maxLength: 12 }), fc.jsonValue({ maxDepth: 1 })).map(([body, key, value]) => ({ ...(body as object), [key]: value })), weight: 1 },
    { arbitrary: hostileValue({}, resolve), weight: 1 },
  );
}
