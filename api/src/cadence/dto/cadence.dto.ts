import { Cadence, CADENCE_DAYS_MAX, CADENCE_DAYS_MIN } from '@soundings/shared';
import { WholeNumber } from '../../common/validation';

const DAYS_MESSAGE = `must be a whole number of days from ${CADENCE_DAYS_MIN} to ${CADENCE_DAYS_MAX}`;

/** How often someone should hear from the campaign. Ideal ≤ max is checked by `cadenceProblems`. */
export class CadenceDto implements Cadence {
  /** Amber once this many days have passed without contact. */
  @WholeNumber(CADENCE_DAYS_MIN, CADENCE_DAYS_MAX, DAYS_MESSAGE)
  idealDays!: number;

  /** Red once this many days have passed without contact. */
  @WholeNumber(CADENCE_DAYS_MIN, CADENCE_DAYS_MAX, DAYS_MESSAGE)
  maxDays!: number;
}
