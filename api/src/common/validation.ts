import { ArgumentMetadata, Injectable, Param, ParseUUIDPipe, PipeTransform, ValidationError, ValidationPipe } from '@nestjs/common';
import { FieldError, LIMITS } from '@soundings/shared';
import { Transform } from 'class-transformer';
import {
  IsDateString,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  registerDecorator,
  ValidateIf,
  ValidationArguments,
} from 'class-validator';
import { applyDecorators } from '@nestjs/common';
import { invalidField, invalidFields } from '../errors/api-exceptions';

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    // class-validator's default messages start with the property name ("name must be..."); drop it.
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      field,
      message: message.startsWith(`${error.property} `) ? message.slice(error.property.length + 1) : message,
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

export function createValidationPipe(): ValidationPipe {
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

// ---- Reusable field decorators ---------------------------------------------

/** Optional but, when present, not null: for PATCH fields whose column is NOT NULL. */
export function IsPresentOrAbsent(): PropertyDecorator {
  return ValidateIf((_object, value) => value !== undefined);
}

/** Required text, trimmed, 1..max characters. */
export function RequiredText(max: number = LIMITS.longText): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? value.trim() : value)),
    IsString(),
    Length(1, max, { message: `must be between 1 and ${max} characters` }),
  );
}

/** Optional text; blank becomes null so "cleared" and "never set" read the same. */
export function OptionalText(max: number = LIMITS.longText): PropertyDecorator {
  return applyDecorators(
    Transform(({ value }) => (typeof value === 'string' ? (value.trim() === '' ? null : value.trim()) : value)),
    IsOptional(),
    IsString(),
    MaxLength(max, { message: `must be at most ${max} characters` }),
  );
}

function isRealCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value && date.getUTCFullYear() >= 1900;
}

/** A `YYYY-MM-DD` calendar date that exists (no 2026-02-30). */
export function IsCalendarDate(): PropertyDecorator {
  return (target, propertyName) => {
    IsDateString({ strict: true }, { message: 'must be a date as YYYY-MM-DD' })(target, propertyName);
    registerDecorator({
      name: 'isCalendarDate',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown) => typeof value === 'string' && isRealCalendarDate(value),
        defaultMessage: () => 'must be a real date as YYYY-MM-DD',
      },
    });
  };
}

/**
 * The latest date anyone could call "today": users ahead of the server's clock (up to UTC+14)
 * must be able to log a conversation they had this morning.
 */
export function latestPossibleToday(now = new Date()): string {
  return new Date(now.getTime() + 14 * 3_600_000).toISOString().slice(0, 10);
}

export function IsNotInFuture(): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'isNotInFuture',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || value <= latestPossibleToday(),
        defaultMessage: (args?: ValidationArguments) => `must not be in the future (got ${String(args?.value)})`,
      },
    });
  };
}

const VERSION_MESSAGE = { message: 'must be the record version you loaded (a whole number)' };

/** The version a write is based on; bounded like the integer column it is compared with. */
export function RecordVersion(): PropertyDecorator {
  return applyDecorators(IsOptional(), IsInt(VERSION_MESSAGE), Min(1, VERSION_MESSAGE), Max(2_147_483_647, VERSION_MESSAGE));
}

/** Optional query-string text; a repeated parameter (an array) is "must be text", not a length error. */
export function QueryText(max: number): PropertyDecorator {
  return applyDecorators(
    IsOptional(),
    IsString({ message: 'must be a single text value' }),
    MaxLength(max, { message: `must be at most ${max} characters` }),
  );
}

/** Query-string booleans: only the words true/false, so `?x=no` is an error, not `true`. */
export function QueryBoolean(): PropertyDecorator {
  return Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value));
}

/** Query-string integers: digits only, so `?page=1e3` or `?page=abc` are errors. */
export function QueryInteger(): PropertyDecorator {
  return Transform(({ value }) => (typeof value === 'string' && /^-?\d{1,9}$/.test(value) ? Number(value) : value));
}

/** A route id that must be a UUID; a malformed one is a 400 naming the parameter. */
export function IdParam(name = 'id'): ParameterDecorator {
  return Param(name, new ParseUUIDPipe({ exceptionFactory: () => invalidField(name, 'must be a UUID') }));
}

const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d{1,6})?)?(Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/**
 * A moment as ISO 8601 with its time zone (`2026-05-04T09:30:00Z`, `2026-05-04T10:30+01:00`).
 * A time without a zone is refused: it would mean a different moment to every reader.
 */
export function IsDateTime(): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: 'isDateTime',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown) => {
          if (typeof value !== 'string') return false;
          const match = DATE_TIME.exec(value);
          const moment = Date.parse(value);
          // Within the years a calendar date may have here, once moved to UTC by its offset.
          return match !== null && isRealCalendarDate(match[1]) && moment >= Date.UTC(1900, 0, 1) && moment < Date.UTC(10000, 0, 1);
        },
        defaultMessage: () => 'must be a date and time with a time zone, e.g. 2026-05-04T09:30:00Z',
      },
    });
  };
}
