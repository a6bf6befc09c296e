import { HttpException, HttpStatus } from '@nestjs/common';
import { ApiErrorBody, ERROR_CODES } from '@soundings/shared';
import { invalidField } from '../errors/api-exceptions';

/**
 * The version a PATCH is based on, from the body's `version` or an `If-Match` header ("3" or W/"3").
 * Writes without one are refused (428): a blind overwrite is exactly what versions are there to stop.
 */
export function expectedVersion(bodyVersion: number | undefined, ifMatch: string | undefined): number {
  if (ifMatch !== undefined) {
    const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(ifMatch.trim());
    if (!match) throw invalidField('If-Match', 'must be the record version you loaded, e.g. "3"');
    const headerVersion = Number(match[1]);
    if (bodyVersion !== undefined && bodyVersion !== headerVersion) {
      throw invalidField('version', 'differs from the If-Match header; send one of them');
    }
    return headerVersion;
  }
  if (bodyVersion === undefined) {
    throw new HttpException(
      {
        statusCode: HttpStatus.PRECONDITION_REQUIRED,
        error: 'Precondition Required',
        code: ERROR_CODES.validation,
        message: 'Send the version you loaded (body "version" or an If-Match header) so a newer change is never overwritten.',
        fields: [{ field: 'version', message: 'is required' }],
      } satisfies ApiErrorBody,
      HttpStatus.PRECONDITION_REQUIRED,
    );
  }
  return bodyVersion;
}
