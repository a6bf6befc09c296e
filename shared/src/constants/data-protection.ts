/** What an erased person is called from then on, everywhere their name was shown. */
export const ERASED_PERSON_NAME = 'Erased person';

/** Stands in for an erased person's notes, fears' words and level-change reasons (some fields must not be empty). */
export const ERASED_TEXT = '[erased]';

/** Stands in for a sounding's summary or a fear's words removed by the retention rule. */
export const RETENTION_REMOVED_TEXT = '[removed under the retention rule]';

/** Longest retention period an admin may set, in months (50 years). */
export const RETENTION_MONTHS_MAX = 600;
