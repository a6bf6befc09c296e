// Writes dist/schemas.json: a JSON Schema (OpenAPI 3.1 dialect) for every type exported from src/types,
// read from the TypeScript itself, so the API's OpenAPI document describes responses with the very
// interfaces its mappers are compiled against. Run after tsc by `npm run build`.
const fs = require('node:fs');
const path = require('node:path');
const { createGenerator } = require('ts-json-schema-generator');

const root = path.join(__dirname, '..');
const typesDir = path.join(root, 'src', 'types');

// Every exported interface or type alias without type parameters (generic ones such as Page<T> are
// reached through their named instances, e.g. StakeholderPage).
const exportedNames = fs
  .readdirSync(typesDir)
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.spec.ts'))
  .flatMap((file) => [...fs.readFileSync(path.join(typesDir, file), 'utf8').matchAll(/^export (?:interface|type) (\w+)\b(?!\s*<)/gm)])
  .map((match) => match[1]);

const generator = createGenerator({
  path: path.join(root, 'src', 'index.ts'),
  tsconfig: path.join(root, 'tsconfig.json'),
  expose: 'export',
  topRef: false,
  skipTypeCheck: true,
  additionalProperties: false,
  // `@fractional` on a number that is not a count: a share, a measured value.
  extraTags: ['fractional'],
});

// Formats the aliases only name in a comment, and numbers as what nearly all are: counts, versions, pages
// (integers), unless marked `@fractional`.
const FORMAT_OF_ALIAS = { IsoDate: 'date', IsoDateTime: 'date-time' };
// The few numbers that are not whole: measured quantities.
const NUMBER_ALIASES = ['Quantity'];

function toOpenApi(schema) {
  if (Array.isArray(schema)) return schema.map(toOpenApi);
  if (!schema || typeof schema !== 'object') return schema;
  const out = {};
  const fractional = schema.fractional === true;
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'fractional') continue;
    if (key === 'type' && fractional) out.type = value;
    else if (key === '$ref') out.$ref = value.replace('#/definitions/', '#/components/schemas/');
    else if (key === 'type') out.type = Array.isArray(value) ? value.map((t) => (t === 'number' ? 'integer' : t)) : value === 'number' ? 'integer' : value;
    else if (key === 'properties' || key === 'definitions') out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toOpenApi(v)]));
    else out[key] = toOpenApi(value);
  }
  return out;
}

const schemas = {};
for (const name of exportedNames) {
  const { definitions = {}, $schema, ...own } = generator.createSchema(name);
  for (const [definitionName, definition] of Object.entries(definitions)) schemas[definitionName] = toOpenApi(definition);
  schemas[name] = toOpenApi(own);
}
// A named instance of a generic (StakeholderPage = Page<Stakeholder>) takes the instance's schema and name.
for (const [name, schema] of Object.entries(schemas)) {
  const target = schema.$ref && decodeURIComponent(schema.$ref.replace('#/components/schemas/', ''));
  if (target && target.includes('<')) {
    schemas[name] = schemas[target];
    delete schemas[target];
  }
}
for (const [alias, format] of Object.entries(FORMAT_OF_ALIAS)) {
  if (schemas[alias]) schemas[alias] = { ...schemas[alias], format };
}

for (const alias of NUMBER_ALIASES) {
  if (schemas[alias]) schemas[alias] = { ...schemas[alias], type: 'number' };
}

fs.mkdirSync(path.join(root, 'dist'), { recursive: true });
fs.writeFileSync(path.join(root, 'dist', 'schemas.json'), JSON.stringify(schemas, null, 2) + '\n');
