export const STAKEHOLDER_ROLES = ['top_team', 'senior_leader', 'line_manager', 'hr', 'other'] as const;
export type StakeholderRole = (typeof STAKEHOLDER_ROLES)[number];
export const STAKEHOLDER_ROLE_LABELS: Record<StakeholderRole, string> = {
  top_team: 'Top team',
  senior_leader: 'Senior leader',
  line_manager: 'Line manager',
  hr: 'HR',
  other: 'Other',
};

export const SOUNDING_CHANNELS = ['in_person', 'video', 'phone'] as const;
export type SoundingChannel = (typeof SOUNDING_CHANNELS)[number];
export const SOUNDING_CHANNEL_LABELS: Record<SoundingChannel, string> = {
  in_person: 'In person',
  video: 'Video',
  phone: 'Phone',
};

export const FEAR_CATEGORIES = [
  'time_and_workload',
  'personal_exposure',
  'loss_of_control',
  'doubt_about_value',
  'cost_and_budget',
  'culture_fit',
  'other',
] as const;
export type FearCategory = (typeof FEAR_CATEGORIES)[number];
export const FEAR_CATEGORY_LABELS: Record<FearCategory, string> = {
  time_and_workload: 'Time and workload',
  personal_exposure: 'Personal exposure',
  loss_of_control: 'Loss of control',
  doubt_about_value: 'Doubt about value',
  cost_and_budget: 'Cost and budget',
  culture_fit: 'Culture fit',
  other: 'Other',
};

export const FEAR_STATUSES = ['open', 'addressing', 'resolved'] as const;
export type FearStatus = (typeof FEAR_STATUSES)[number];
export const FEAR_STATUS_LABELS: Record<FearStatus, string> = {
  open: 'Open',
  addressing: 'Being addressed',
  resolved: 'Resolved',
};

/** `-gap`: furthest from their required level first; `-influence`: most influential first (both then by name). */
export const STAKEHOLDER_SORTS = ['name', '-name', 'commitment', '-commitment', 'lastContact', '-lastContact', '-gap', '-influence'] as const;
export type StakeholderSort = (typeof STAKEHOLDER_SORTS)[number];

export const PAGE_SIZE_DEFAULT = 50;
export const PAGE_SIZE_MAX = 100;

/** Field lengths, enforced by the API and mirrored by the forms. */
export const LIMITS = {
  name: 200,
  shortText: 200,
  email: 320,
  longText: 20_000,
  fearsPerSounding: 50,
} as const;

/** Stable error codes the web app may branch on. */
export const ERROR_CODES = {
  validation: 'validation_failed',
  notFound: 'not_found',
  versionConflict: 'version_conflict',
  conflict: 'conflict',
  databaseUnavailable: 'database_unavailable',
  payloadTooLarge: 'payload_too_large',
  invalidJson: 'invalid_json',
  nestingTooDeep: 'nesting_too_deep',
  unsupportedMediaType: 'unsupported_media_type',
  methodNotAllowed: 'method_not_allowed',
  uriTooLong: 'uri_too_long',
  requestTooLarge: 'request_too_large',
  internal: 'internal_error',
  unauthenticated: 'unauthenticated',
  forbidden: 'forbidden',
  csrfFailed: 'csrf_failed',
  tooManyRequests: 'too_many_requests',
  /** The change would leave Soundings without an active admin. */
  lastAdmin: 'last_admin',
  /** The person was erased: nothing more may be written about them. */
  stakeholderErased: 'stakeholder_erased',
  /** A password reset link that is unknown, already used or expired. */
  resetTokenInvalid: 'reset_token_invalid',
  /** A deleted record cannot come back: something it needs is gone, or its name is taken now. */
  restoreConflict: 'restore_conflict',
} as const;
export type ErrorCode = (typeof ERROR_CODES)[keyof typeof ERROR_CODES];

export const USER_ROLES = ['admin', 'practitioner', 'viewer'] as const;
export type UserRole = (typeof USER_ROLES)[number];
export const USER_ROLE_LABELS: Record<UserRole, string> = {
  admin: 'Admin',
  practitioner: 'Practitioner',
  viewer: 'Viewer',
};

/** NIST SP 800-63B rev. 4 for a password that is the only factor: length, not composition. */
export const PASSWORD_RULES = { minLength: 15, maxLength: 128 } as const;

/** How long an admin-issued password reset link works, once. */
export const PASSWORD_RESET_HOURS = 24;
/** The web page a reset link opens; the token follows as `?token=`. */
export const PASSWORD_RESET_PATH = '/reset-password';

export const CSRF_HEADER = 'x-csrf-token';

/** How many views one account may save, how long a name may be, and how many values one filter may hold. */
export const SAVED_VIEWS_MAX = 50;
export const SAVED_VIEW_NAME_MAX = 80;
export const FILTER_VALUES_MAX = 50;
