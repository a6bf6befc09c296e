import { ConflictException, ForbiddenException, HttpStatus, NotFoundException } from '@nestjs/common';
import { ApiErrorBody, ERROR_CODES, FieldError } from '@soundings/shared';
import { BadRequestException } from '@nestjs/common';

export function notFound(what: string): NotFoundException {
  return new NotFoundException({
    statusCode: HttpStatus.NOT_FOUND,
    error: 'Not Found',
    code: ERROR_CODES.notFound,
    message: `${what} not found`,
  } satisfies ApiErrorBody);
}

/** A write sent with an old `version`: answer with the record as it is now, never overwrite it. */
export function versionConflict(current: unknown): ConflictException {
  return new ConflictException({
    statusCode: HttpStatus.CONFLICT,
    error: 'Conflict',
    code: ERROR_CODES.versionConflict,
    message: 'This record was changed by someone else since you loaded it. Reload it and apply your change again.',
    current,
  } satisfies ApiErrorBody);
}

export function invalidFields(fields: FieldError[], message = 'Some fields are not valid'): BadRequestException {
  return new BadRequestException({
    statusCode: HttpStatus.BAD_REQUEST,
    error: 'Bad Request',
    code: ERROR_CODES.validation,
    message: `${message}: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}`,
    fields,
  } satisfies ApiErrorBody);
}

export function invalidField(field: string, message: string): BadRequestException {
  return invalidFields([{ field, message }]);
}

export function forbidden(message: string): ForbiddenException {
  return new ForbiddenException({ statusCode: HttpStatus.FORBIDDEN, error: 'Forbidden', code: ERROR_CODES.forbidden, message } satisfies ApiErrorBody);
}

/** A write about someone who was erased: what is left of them is anonymous and stays as it is. */
export function stakeholderErased(ids: string[]): ConflictException {
  return new ConflictException({
    statusCode: HttpStatus.CONFLICT,
    error: 'Conflict',
    code: ERROR_CODES.stakeholderErased,
    message: `${ids.length === 1 ? 'This person was' : `${ids.length} of these people were`} erased: nothing more can be recorded about them (${ids.join(', ')}).`,
  } satisfies ApiErrorBody);
}

/** Refuses a change that would leave nobody able to manage users and settings. */
export function lastAdmin(field: 'role' | 'active'): ConflictException {
  return new ConflictException({
    statusCode: HttpStatus.CONFLICT,
    error: 'Conflict',
    code: ERROR_CODES.lastAdmin,
    message: 'This would leave Soundings without an active admin. Make someone else an admin first.',
    fields: [{ field, message: 'would leave Soundings without an active admin' }],
  } satisfies ApiErrorBody);
}

/** A write refused because of a record already on file (`current`), with the field at fault. */
export function conflictWith(message: string, field: FieldError, current: unknown): ConflictException {
  return new ConflictException({
    statusCode: HttpStatus.CONFLICT,
    error: 'Conflict',
    code: ERROR_CODES.conflict,
    message,
    fields: [field],
    current,
  } satisfies ApiErrorBody);
}
