import { Cadence, FieldError } from '@soundings/shared';

/** A cadence whose maximum comes before its ideal cannot be kept: amber would come after red. */
export function cadenceProblems(cadence: Cadence, field: string): FieldError[] {
  return cadence.idealDays > cadence.maxDays ? [{ field: `${field}.maxDays`, message: `must be at least the ideal interval (${cadence.idealDays} days)` }] : [];
}
