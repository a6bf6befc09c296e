import type { MetadataStorage } from 'class-transformer/types/MetadataStorage';
import { getMetadataStorage, ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

// Where @Type(() => Dto) is recorded; class-transformer exports it only from this file.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as { defaultMetadataStorage: MetadataStorage };

export type DtoClass = abstract new (...args: never[]) => object;
export type JsonSchema = Record<string, unknown>;

/**
 * What a class-validator rule means as JSON Schema. The swagger plugin's class-validator shim reads only
 * a few built-in decorators; this reads the rules the ValidationPipe actually runs (the ones in
 * common/validation.ts included), so every length, range, format and enum the API enforces is documented.
 */
function schemaOf(rule: ValidationMetadata): JsonSchema {
  const [first, second] = rule.constraints ?? [];
  switch (rule.name) {
    case 'isString':
      return { type: 'string' };
    case 'isLength':
      return { type: 'string', minLength: first, ...(second !== undefined ? { maxLength: second } : {}) };
    case 'maxLength':
      return { type: 'string', maxLength: first };
    case 'minLength':
      return { type: 'string', minLength: first };
    case 'isInt':
      return { type: 'integer' };
    case 'isNumber':
      return { type: 'number' };
    case 'isDecimal':
      return { type: 'number', minimum: -first, maximum: first };
    case 'min':
      return { minimum: first };
    case 'max':
      return { maximum: first };
    case 'isBoolean':
      return { type: 'boolean' };
    case 'isIn':
      return { ...(first.every((value: unknown) => typeof value === 'string') ? { type: 'string' } : {}), enum: [...first] };
    case 'isEmail':
      return { type: 'string', format: 'email' };
    case 'isUuid':
    case 'isUUID':
      return { type: 'string', format: 'uuid' };
    case 'isDateString':
    case 'isCalendarDate':
      return { type: 'string', format: 'date' };
    case 'isDateTime':
    case 'isRealDateTime':
      return { type: 'string', format: 'date-time' };
    case 'arrayMaxSize':
      return { type: 'array', maxItems: first };
    case 'arrayMinSize':
      return { type: 'array', minItems: first };
    case 'arrayUnique':
      return { type: 'array', uniqueItems: true };
    case 'isArray':
      return { type: 'array' };
    default:
      return {};
  }
}

export interface ValidatedProperty {
  schema: JsonSchema;
  /** The DTO class of a nested object (or of each element of a nested array). */
  nested?: DtoClass;
}

/** Each validated property of a DTO class, as the JSON Schema its rules amount to. */
export function validatedProperties(dto: DtoClass): Map<string, ValidatedProperty> {
  const rules = getMetadataStorage().getTargetValidationMetadatas(dto as never, '', true, false);
  const byProperty = new Map<string, ValidationMetadata[]>();
  for (const rule of rules) byProperty.set(rule.propertyName, [...(byProperty.get(rule.propertyName) ?? []), rule]);

  const properties = new Map<string, ValidatedProperty>();
  for (const [property, propertyRules] of byProperty) {
    const custom = propertyRules.filter((rule) => rule.type === ValidationTypes.CUSTOM_VALIDATION);
    const own: JsonSchema = Object.assign({}, ...custom.filter((rule) => !rule.each).map(schemaOf));
    const each: JsonSchema = Object.assign({}, ...custom.filter((rule) => rule.each).map(schemaOf));
    const isArray = own.type === 'array' || custom.some((rule) => rule.each);
    const validatesNested = propertyRules.some((rule) => rule.type === ValidationTypes.NESTED_VALIDATION);
    const nested = validatesNested ? (defaultMetadataStorage.findTypeMetadata(dto as never, property)?.typeFunction() as DtoClass | undefined) : undefined;
    const element: JsonSchema = nested ? { $ref: `#/components/schemas/${nested.name}` } : each;
    const schema: JsonSchema = isArray ? { ...own, type: 'array', items: element } : nested ? element : own;
    properties.set(property, { schema, nested });
  }
  return properties;
}
