import {
  applyDecorators,
  ArgumentMetadata,
  Injectable,
  Param,
  PipeTransform,
  Type as ClassType,
  ValidationError,
  ValidationPipe,
} from '@nestjs/common';
import { ApiProperty, PartialType } from '@nestjs/swagger';
import {
  canonicalText,
  CAMPAIGN_START,
  FieldError,
  FILTER_VALUES_MAX,
  latestPlannableDay,
  latestPossibleToday,
  LIMITS,
  PLANNING_YEARS_AHEAD,
  textProblem,
  TextKind,
} from '@soundings/shared';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsEmail,
  IsInt,
  IsObject,
  isObject,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  registerDecorator,
  ValidateBy,
  ValidateIf,
  ValidateNested,
  ValidationArguments,
} from 'class-validator';
import { invalidField, invalidFields } from '../errors/api-exceptions';
import { rememberValidationRules } from './validation-rules-memo';

export { latestPossibleToday };

const NOT_NULL = 'must not be null';

/**
 * A rule checked on each entry of a list names the entry (`fears.1`), not the list: it carries
 * `context: { entryIs }`, the test each entry must pass.
 */
interface EntryContext {
  entryIs?: (entry: unknown) => boolean;
  /** A query parameter sent once (`?role=ceo`) is named as sent, not as the first entry of a list. */
  singleNamedAsField?: boolean;
}

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).flatMap(([key, constraint]) => {
      // Whatever rule a null broke ("must be a string", "must be one of…"), the reason is that it is null.
      // class-validator's default messages start with the property name ("name must be..."); drop it.
      const message =
        error.value === null ? NOT_NULL : constraint.startsWith(`${error.property} `) ? constraint.slice(error.property.length + 1) : constraint;
      const context = error.contexts?.[key] as EntryContext | undefined;
      const entryIs = context?.entryIs;
      if (entryIs && Array.isArray(error.value) && !(context?.singleNamedAsField && error.value.length === 1)) {
        const entries = error.value as unknown[];
        return entries.flatMap((entry, index) => (entryIs(entry) ? [] : [{ field: `${field}.${index}`, message }]));
      }
      return [{ field, message }];
    });
    // One message per field: a null breaks every rule of its field at once.
    const unique = own.filter((item, index) => own.findIndex((other) => other.field === item.field && other.message === item.message) === index);
    return [...unique, ...flatten(error.children ?? [], field)];
  });
}

export function createValidationPipe(): ValidationPipe {
  rememberValidationRules();
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    stopAtFirstError: true,
    exceptionFactory: (errors) => invalidFields(flatten(errors)),
  });
}

/**
 * A request body must be a JSON object. Left alone, Nest reads `null` as `{}` and checks arrays and
 * primitives against the DTO's fields, so `PATCH` with `null` would pass as "no changes".
 */
@Injectable()
export class RequireObjectBodyPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body') return value;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) throw invalidField('body', 'must be a JSON object');
    return value;
  }
}

/**
 * PostgreSQL cannot store U+0000 in text and class-validator lets it through; reject it at the
 * edge, naming the field, rather than failing deep in the database.
 */
@Injectable()
export class RejectNulCharactersPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    const offending = findNul(value, metadata.type === 'body' ? '' : (metadata.data ?? ''));
    if (offending !== null) throw invalidField(offending || metadata.type, 'must not contain NUL (\\u0000) characters');
    return value;
  }
}

function findNul(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const hit = findNul(value[i], path ? `${path}.${i}` : String(i));
      if (hit !== null) return hit;
    }
    return null;
  }
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key.includes('\u0000')) return path ? `${path}.${key}` : key;
      const hit = findNul(child, path ? `${path}.${key}` : key);
      if (hit !== null) return hit;
    }
  }
  return null;
}

function rule(name: string, validate: (value: unknown) => boolean, message: (args: ValidationArguments) => string): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: propertyName as string,
      validator: { validate, defaultMessage: (args?: ValidationArguments) => message(args as ValidationArguments) },
    });
}

// ---- Absent, null and present ------------------------------------------------
//
// Every field that may be left out is one of two kinds, and nothing else (no bare @IsOptional; see
// validation.spec.ts): `Optional` — null is refused, because the field has no "none" (a NOT NULL column, a
// list, a flag); `Nullable` — null means "none", and on PATCH clears the field. The shared request types say
// which: a field typed `| null` is Nullable. Required fields refuse null like any other wrong type.

/** May be left out; when sent, not null. */
export function Optional(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ required: false }),
    ValidateIf((_object, value) => value !== undefined),
    IsDefined({ message: NOT_NULL }),
  );
}

/** May be left out or null ("none"); when sent otherwise, validated. */
export function Nullable(): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ required: false, nullable: true }),
    ValidateIf((_object, value) => value !== undefined && value !== null),
  );
}

/** @deprecated the same as Optional(). */
export const IsPresentOrAbsent = Optional;

/**
 * The body of a PATCH: every field of `base` may be left out, and null stays refused wherever `base`
 * refuses it (Nest's PartialType alone would make null pass everywhere, reaching NOT NULL columns).
 */
export function PatchOf<T>(base: ClassType<T>): ClassType<Partial<T>> {
  return PartialType(base, { skipNullProperties: false });
}

// ---- Text ---------------------------------------------------------------------

const canonical = Transform(({ value }) => (typeof value === 'string' ? canonicalText(value) : value));

function textRules(kind: TextKind): PropertyDecorator {
  return rule(
    `text:${kind}`,
    (value) => typeof value !== 'string' || textProblem(value, kind) === null,
    (args) => textProblem(args.value as string, kind) ?? '',
  );
}

// Short fields (titles, names of things) are one line; long ones may hold paragraphs.
const kindFor = (max: number): TextKind => (max > LIMITS.shortText ? 'text' : 'line');

// The OpenAPI document shows limits that custom decorators carry: the swagger plugin reads only standard ones.
function requiredText(kind: TextKind, max: number): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ minLength: 1, maxLength: max }),
    canonical,
    IsString(),
    Length(1, max, { message: `must be between 1 and ${max} characters` }),
    textRules(kind),
  );
}

/** Blank becomes null, so "cleared" and "never set" read the same. */
function optionalText(kind: TextKind, max: number): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ maxLength: max }),
    Transform(({ value }) => (typeof value === 'string' ? canonicalText(value) || null : value)),
    Nullable(),
    IsString(),
    MaxLength(max, { message: `must be at most ${max} characters` }),
    textRules(kind),
  );
}

/** Required text, trimmed: at least one letter or digit, no control or bidi-override characters. */
export function RequiredText(max: number = LIMITS.longText): PropertyDecorator {
  return requiredText(kindFor(max), max);
}

/** Optional text under the same character rules as RequiredText; blank or null is "none". */
export function OptionalText(max: number = LIMITS.longText): PropertyDecorator {
  return optionalText(kindFor(max), max);
}

/** What a measured number counts ("days", "%", "£k"): one line, a symbol alone will do; blank or null is "none". */
export function OptionalUnitText(max: number): PropertyDecorator {
  return optionalText('unit', max);
}

/** A person's name, any script: at least one letter, one line. */
export function PersonName(max: number = LIMITS.name): PropertyDecorator {
  return requiredText('name', max);
}

export function OptionalPersonName(max: number = LIMITS.name): PropertyDecorator {
  return optionalText('name', max);
}

// Checked before any rule from the validator package, some of which throw on unpaired surrogates (isEmail).
const wellFormed = rule('wellFormed', (value) => typeof value !== 'string' || !/\p{Cs}/u.test(value), () => 'must not contain unpaired surrogates (broken UTF-16)');

/** A secret typed by a person (a password): any characters, but whole ones, so it hashes as typed. */
export function SecretText(max: number): PropertyDecorator {
  return applyDecorators(ApiProperty({ maxLength: max }), IsString(), wellFormed, MaxLength(max, { message: `must be at most ${max} characters` }));
}

/** An email address, trimmed (and lower-cased for accounts, whose addresses are compared). */
export function Email(options: { lowerCase?: boolean } = {}): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ format: 'email', maxLength: LIMITS.email }),
    Transform(({ value }) => (typeof value !== 'string' ? value : options.lowerCase ? value.trim().toLowerCase() : value.trim())),
    wellFormed,
    IsEmail({}, { message: 'must be an email address' }),
    MaxLength(LIMITS.email, { message: `must be at most ${LIMITS.email} characters` }),
  );
}

// ---- Numbers ------------------------------------------------------------------

/**
 * The one rule for integers (versions, pages, page sizes, counts, scores): a whole number between bounds
 * that fit the integer column it meets, so 2^31 or 1e308 is a 400, never "out of range" from PostgreSQL.
 */
export function WholeNumber(min: number, max: number, message = `must be a whole number from ${min} to ${max}`): PropertyDecorator {
  const options = { message };
  return applyDecorators(ApiProperty({ type: 'integer', minimum: min, maximum: max }), IsInt(options), Min(min, options), Max(max, options));
}

/**
 * A decimal number with at most `places` decimal places within ±limit. Checked by rounding rather than by
 * reading the number's text, which has no decimal point in exponent form (5e-323).
 */
export function DecimalNumber(limit: number, places: number): PropertyDecorator {
  const message = `must be a number from -${limit} to ${limit} with at most ${places} decimal places`;
  return applyDecorators(
    ApiProperty({ type: 'number', minimum: -limit, maximum: limit }),
    ValidateBy(
      {
        name: 'isDecimal',
        constraints: [limit, places],
        validator: {
          validate: (value: unknown) =>
            typeof value === 'number' && Number.isFinite(value) && Math.abs(value) <= limit && Number(value.toFixed(places)) === value,
        },
      },
      { message },
    ),
  );
}

export const INT4_MAX = 2_147_483_647;

/** The version a write is based on; bounded like the integer column it is compared with. */
export function RecordVersion(): PropertyDecorator {
  return applyDecorators(Optional(), WholeNumber(1, INT4_MAX, 'must be the record version you loaded (a whole number)'));
}

/** Query-string integers: digits only, so `?page=1e3` or `?page=abc` are errors. */
export function QueryInteger(): PropertyDecorator {
  return Transform(({ value }) => (typeof value === 'string' && /^-?\d{1,9}$/.test(value) ? Number(value) : value));
}

// ---- Query strings ------------------------------------------------------------

/** Optional query-string text; a repeated parameter (an array) is "must be text", not a length error. */
export function QueryText(max: number): PropertyDecorator {
  return applyDecorators(Optional(), IsString({ message: 'must be a single text value' }), MaxLength(max, { message: `must be at most ${max} characters` }));
}

/** Query-string booleans: only the words true/false, so `?x=no` is an error, not `true`. */
export function QueryBoolean(): PropertyDecorator {
  return Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));
}

/**
 * A list of filter values, each one of `allowed` (or, without it, one line of text up to `maxLength`), at most
 * FILTER_VALUES_MAX, repeats dropped. A bad entry is named by its place (`role.1`).
 */
export function ValueList(options: { allowed?: readonly string[]; maxLength?: number; singleNamedAsField?: boolean }): PropertyDecorator {
  const { allowed, maxLength = LIMITS.shortText, singleNamedAsField = false } = options;
  const entryIs = allowed
    ? (entry: unknown) => typeof entry === 'string' && allowed.includes(entry)
    : (entry: unknown) => typeof entry === 'string' && entry.trim().length > 0 && entry.length <= maxLength && textProblem(entry, 'line') === null;
  const message = allowed ? `must be one of ${allowed.join(', ')}` : `must be one line of text of at most ${maxLength} characters`;
  return applyDecorators(
    Optional(),
    Transform(({ value }) => (Array.isArray(value) && value.every((entry) => typeof entry === 'string') ? [...new Set(value.map((entry: string) => entry.trim()))] : value)),
    IsArray({ message: 'must be a list' }),
    ArrayMaxSize(FILTER_VALUES_MAX, { message: `must hold at most ${FILTER_VALUES_MAX} values` }),
    (target: object, propertyName: string | symbol) =>
      registerDecorator({
        name: 'valueList',
        target: target.constructor,
        propertyName: propertyName as string,
        options: { context: { entryIs, singleNamedAsField } satisfies EntryContext },
        validator: { validate: (value: unknown) => !Array.isArray(value) || value.every(entryIs), defaultMessage: () => message },
      }),
  );
}

/** A query parameter that may be repeated (`?role=hr&role=top_team`) or sent once (`?role=hr`): a list either way. */
export function QueryList(options: { allowed?: readonly string[]; maxLength?: number }): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? [value] : value)),
    ValueList({ ...options, singleNamedAsField: true }),
  );
}

// ---- Ids ----------------------------------------------------------------------

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const lowerCase = (value: unknown) => (typeof value === 'string' ? value.toLowerCase() : value);

/** Ids are compared as text downstream (authors, attendees, plans): one spelling, lower case, from the edge on. */
@Injectable()
export class ParseIdPipe implements PipeTransform<unknown, string> {
  constructor(private readonly name: string) {}

  transform(value: unknown): string {
    if (typeof value !== 'string' || !UUID.test(value)) throw invalidField(this.name, 'must be a UUID');
    return value.toLowerCase();
  }
}

/** A route id that must be a UUID; a malformed one is a 400 naming the parameter. */
export function IdParam(name = 'id'): ParameterDecorator {
  return Param(name, new ParseIdPipe(name));
}

/** A body or query id (a UUID, any case), lower-cased. */
export function Id(message = 'must be an id (UUID)'): PropertyDecorator {
  return applyDecorators(ApiProperty({ format: 'uuid' }), Transform(({ value }) => lowerCase(value)), IsUUID('all', { message }));
}

/** A list of ids (UUIDs, any case), lower-cased, so the same id in two spellings counts as a repeat. */
export function IdList(message = 'must list ids (UUIDs)'): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) => (Array.isArray(value) ? value.map(lowerCase) : value)),
    IsUUID('all', { each: true, message }),
  );
}

// ---- Lists of objects ---------------------------------------------------------

/**
 * A list of `item` objects. Each entry must be an object: class-validator would walk a nested list as if it
 * were the list itself, so `[[{…}]]` would pass. `sameWhen` names what makes two entries the same one.
 */
export function ListOf<T extends object>(item: () => ClassType<T>, options: { max: number; sameWhen?: (entry: T) => unknown; what: string }): PropertyDecorator {
  const { max, sameWhen, what } = options;
  const repeat = (list: unknown): [number, number] | null => {
    if (!sameWhen || !Array.isArray(list)) return null;
    const seen = new Map<unknown, number>();
    for (const [index, entry] of list.entries()) {
      if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) continue;
      const key = sameWhen(entry as T);
      if (key === undefined) continue;
      const first = seen.get(key);
      if (first !== undefined) return [first, index];
      seen.set(key, index);
    }
    return null;
  };
  return applyDecorators(
    ApiProperty({ type: () => item(), isArray: true, maxItems: max }),
    IsArray({ message: `must be a list of ${what}` }),
    ArrayMaxSize(max, { message: `must list at most ${max} ${what}` }),
    IsObject({ each: true, message: 'must be an object (not null, a list or a plain value)', context: { entryIs: isObject } satisfies EntryContext }),
    rule(
      'noRepeats',
      (value) => repeat(value) === null,
      (args) => {
        const [first, second] = repeat(args.value) ?? [0, 0];
        return `must list each of its ${what} once (${args.property}.${first} and ${args.property}.${second} are the same)`;
      },
    ),
    ValidateNested({ each: true }),
    Type(item),
  );
}

/** One nested `item` object (not a list, null or a plain value); its own rules name `field.property`. */
export function NestedObject<T extends object>(item: () => ClassType<T>, what: string): PropertyDecorator {
  return applyDecorators(IsObject({ message: `must be ${what} (an object)` }), ValidateNested(), Type(item));
}

// ---- Dates and moments --------------------------------------------------------

/** The days a date field may take: from the campaign's start to a latest day computed at each request. */
export interface DateWindow {
  latest: () => string;
  /** Why a later day is refused, e.g. "must not be in the future". */
  tooLate: string;
}

/** Days something happened: a sounding, a level change, a resolution. */
export const PAST_DAYS: DateWindow = { latest: () => latestPossibleToday(), tooLate: 'must not be in the future' };

/** Days something is planned for: a follow-up, a briefing, a meeting. */
export const PLANNING_DAYS: DateWindow = {
  latest: () => latestPlannableDay(),
  tooLate: `must be at most ${PLANNING_YEARS_AHEAD} years ahead`,
};

function isRealCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function windowRule(name: string, window: DateWindow, dayOf: (value: string) => string | null): PropertyDecorator {
  const problem = (value: unknown): string | null => {
    const day = typeof value === 'string' ? dayOf(value) : null;
    if (day === null) return null;
    if (day < CAMPAIGN_START) return `must not be before ${CAMPAIGN_START}`;
    const latest = window.latest();
    if (day > latest) return `${window.tooLate} (after ${latest})`;
    return null;
  };
  return rule(name, (value) => problem(value) === null, (args) => problem(args.value) ?? '');
}

/** A `YYYY-MM-DD` calendar date that exists (no 2026-02-30), within `window`. */
export function CalendarDate(window: DateWindow): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ type: 'string', format: 'date' }),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date as YYYY-MM-DD' }),
    rule('isCalendarDate', (value) => typeof value === 'string' && isRealCalendarDate(value), () => 'must be a real date as YYYY-MM-DD'),
    windowRule('calendarDateWindow', window, (value) => value),
  );
}

// PostgreSQL takes offsets up to ±15:59 (real zones span −12:00…+14:00); a larger one would be a 500 there.
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,6})?)?(Z|[+-](?:0\d|1[0-5]):[0-5]\d)$/;

/**
 * A moment as ISO 8601 with its time zone (`2026-05-04T09:30:00Z`, `2026-05-04T10:30+01:00`), whose UTC day
 * lies within `window`. A time without a zone is refused: it would mean a different moment to every reader.
 */
export function DateTime(window: DateWindow): PropertyDecorator {
  const utcDay = (value: string) => new Date(value).toISOString().slice(0, 10);
  return applyDecorators(
    ApiProperty({ type: 'string', format: 'date-time' }),
    Matches(DATE_TIME, { message: 'must be a date and time with a time zone from -15:59 to +15:59, e.g. 2026-05-04T09:30:00Z' }),
    rule('isRealDateTime', (value) => typeof value === 'string' && isRealCalendarDate(value.slice(0, 10)), () => 'must be on a real date'),
    windowRule('dateTimeWindow', window, (value) => (DATE_TIME.test(value) && isRealCalendarDate(value.slice(0, 10)) ? utcDay(value) : null)),
  );
}
