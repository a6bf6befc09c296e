import type { CommitmentLevel } from '../constants/commitment-ladder';
import type { Cadence, StakeholderContactFilter } from '../constants/campaign';
import type { ContactCadence, Initiative, Pilot, PriorityRef, SoundingLinksInput, SoundingNarrative } from './campaign';
import type { Briefing } from './briefings';
import type {
  ErrorCode,
  FearCategory,
  FearStatus,
  SoundingChannel,
  StakeholderRole,
  StakeholderSort,
} from '../constants/enums';

/** A calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;
/** A moment, ISO 8601 with time zone. */
export type IsoDateTime = string;

export interface Page<T> {
  items: T[];
  /** Exact up to LIST_EXACT_TOTAL_MAX; above it (when `totalIsEstimate`) an estimate, never below that limit. */
  total: number;
  /** True when counting every match exactly would cost more than the page itself: show it as "about N". */
  totalIsEstimate: boolean;
  page: number;
  pageSize: number;
}

export interface FieldError {
  /** Dotted path of the offending field, e.g. `fears.1.category`. */
  field: string;
  message: string;
}

export interface ApiErrorBody {
  statusCode: number;
  error: string;
  code: ErrorCode;
  message: string;
  fields?: FieldError[];
  requestId?: string;
  /** On a version conflict: the record as it is now. */
  current?: unknown;
  /** On 429: seconds until another attempt is allowed (also sent as `Retry-After`). */
  retryAfterSeconds?: number;
  /** On the health check's 503. */
  status?: 'unavailable';
}

// ---- Stakeholders -------------------------------------------------------

export interface StakeholderInput {
  name: string;
  title?: string | null;
  email?: string | null;
  businessFunction?: string | null;
  role?: StakeholderRole;
  potentialChampion?: boolean;
  influence?: number | null;
  reportsToId?: string | null;
  requiredCommitment?: CommitmentLevel | null;
  /** When and how this person is best approached ("after the budget round", "Friday mornings"). */
  timingNotes?: string | null;
}

export type CreateStakeholderRequest = StakeholderInput;
export type UpdateStakeholderRequest = Partial<StakeholderInput> & {
  version?: number;
  /** The person's own contact cadence; null returns them to their role's. */
  cadence?: Cadence | null;
};

export interface StakeholderRef {
  id: string;
  name: string;
}

export interface Stakeholder {
  id: string;
  name: string;
  title: string | null;
  email: string | null;
  businessFunction: string | null;
  role: StakeholderRole;
  potentialChampion: boolean;
  influence: number | null;
  reportsTo: StakeholderRef | null;
  requiredCommitment: CommitmentLevel | null;
  timingNotes: string | null;
  commitment: CommitmentLevel;
  /** Steps still to climb to `requiredCommitment` (0 when met or none set). */
  commitmentGap: number;
  commitmentSince: IsoDate | null;
  lastContactAt: IsoDate | null;
  /** Follow-up date set at their latest sounding, if any. */
  nextFollowUpOn: IsoDate | null;
  /** Days since their last contact of any kind against their cadence, in the organisation's time zone. */
  contact: ContactCadence;
  openFears: number;
  /** When their personal data was erased; from then on nothing more is written about them. */
  erasedAt: IsoDateTime | null;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  version: number;
}

/** A query parameter that may be repeated. */
export type OneOrMany<T> = T | T[];

/**
 * The stakeholder list's filters. A filter that takes several values matches anyone with any of them
 * (`?role=top_team&role=hr`); one value may be sent on its own (`?role=hr`).
 */
export interface StakeholderListQuery {
  page?: number;
  pageSize?: number;
  q?: string;
  commitment?: OneOrMany<CommitmentLevel>;
  role?: OneOrMany<StakeholderRole>;
  /** Function names, matched ignoring case. */
  businessFunction?: OneOrMany<string>;
  potentialChampion?: boolean;
  sort?: StakeholderSort;
  /** Only people once contacted whose contact is past their ideal interval (never-contacted people are not "cooling"). */
  cooling?: boolean;
  /** Only people in one of these states against their cadence. */
  contact?: OneOrMany<StakeholderContactFilter>;
  /** Only people with a follow-up date in the past and no contact since. */
  overdue?: boolean;
}

// ---- Soundings ----------------------------------------------------------

export interface FearInput {
  statement: string;
  category: FearCategory;
}

export interface SoundingInput {
  heldOn: IsoDate;
  channel?: SoundingChannel;
  /** Who held the conversation, in words (an HR account's name); shown when no person on record is chosen. */
  conductedBy?: string | null;
  /** The champion on record who held the conversation, so their soundings can be counted; not the person sounded. */
  conductedById?: string | null;
  summary: string;
  developmentalExperience?: string | null;
  benefitsSeen?: string | null;
  personalCost?: string | null;
  /** Which of their priorities or narratives it serves, in their words. */
  prioritiesServed?: string | null;
  commitmentAfter: Exclude<CommitmentLevel, 'not_sounded'>;
  nextStep?: string | null;
  followUpOn?: IsoDate | null;
  /** Only its author and admins then see its text and its fears' words; others see that it happened. */
  confidential?: boolean;
}

export interface CreateSoundingRequest extends SoundingInput, SoundingLinksInput {
  fears?: FearInput[];
}

export type UpdateSoundingRequest = Partial<SoundingInput> & SoundingLinksInput & { version?: number };

export interface Sounding extends Required<Omit<SoundingInput, 'channel' | 'confidential'>> {
  id: string;
  stakeholderId: string;
  channel: SoundingChannel;
  confidential: boolean;
  /** Who logged it (null for imported or erased accounts). */
  authorId: string | null;
  /** The champion on record behind `conductedById`; null when none, or when the notes are withheld. */
  conductedByPerson: StakeholderRef | null;
  /** True when the text is withheld from this reader (confidential and not theirs); text fields are then null. */
  redacted: boolean;
  fears: Fear[];
  /** Listed priorities that came up, by function then title; empty when redacted. */
  priorities: PriorityRef[];
  /** How narratives landed, by title; empty when redacted (they are part of the notes). */
  narratives: SoundingNarrative[];
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  version: number;
}

/** A sounding a champion held with someone else, as their own work (the words stay with the person sounded). */
export interface ConductedSounding {
  id: string;
  stakeholder: StakeholderRef;
  heldOn: IsoDate;
  channel: SoundingChannel;
}

/** The soundings one person on record held with others. */
export interface ConductedSoundings {
  total: number;
  /** Newest first, at most `CONDUCTED_SOUNDINGS_SHOWN`. */
  recent: ConductedSounding[];
}

// ---- Fears --------------------------------------------------------------

export interface Fear {
  id: string;
  stakeholder: StakeholderRef;
  soundingId: string | null;
  /** Null when withheld: voiced in a confidential sounding this reader may not see. */
  statement: string | null;
  redacted: boolean;
  category: FearCategory;
  status: FearStatus;
  response: string | null;
  owner: string | null;
  voicedOn: IsoDate;
  resolvedOn: IsoDate | null;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  version: number;
}

export interface FearListQuery {
  status?: FearStatus;
  category?: FearCategory;
  stakeholderId?: string;
  page?: number;
  pageSize?: number;
}

export interface UpdateFearRequest {
  statement?: string;
  category?: FearCategory;
  status?: FearStatus;
  response?: string | null;
  owner?: string | null;
  /** Defaults to today when the status becomes `resolved`. */
  resolvedOn?: IsoDate | null;
  version?: number;
}

// ---- Commitment changes and the journey ---------------------------------

export interface CommitmentChangeRequest {
  level: CommitmentLevel;
  on: IsoDate;
  reason: string;
}

export interface CommitmentChange {
  id: string;
  stakeholderId: string;
  fromLevel: CommitmentLevel | null;
  toLevel: CommitmentLevel;
  on: IsoDate;
  reason: string | null;
  soundingId: string | null;
  createdAt: IsoDateTime;
}

export interface JourneyStage {
  level: CommitmentLevel;
  /** First date this level was recorded, or null if never. */
  reachedOn: IsoDate | null;
}

export type TimelineEvent =
  | { kind: 'sounding'; on: IsoDate; sounding: Sounding }
  | { kind: 'fear_voiced'; on: IsoDate; fear: Fear }
  | { kind: 'fear_resolved'; on: IsoDate; fear: Fear }
  | { kind: 'commitment_change'; on: IsoDate; change: CommitmentChange }
  /** A briefing given or received, once done with an outcome. */
  | { kind: 'briefing'; on: IsoDate; briefing: Briefing }
  /** A pilot they sponsor, on its start date (or the day it was proposed). */
  | { kind: 'pilot'; on: IsoDate; pilot: Pilot }
  /** An initiative of the rolling programme they owned or were involved in, once its day has come. */
  | { kind: 'initiative'; on: IsoDate; initiative: Initiative };

export interface Journey {
  stakeholder: Stakeholder;
  stages: JourneyStage[];
  /** Oldest first. */
  timeline: TimelineEvent[];
}

// ---- Dashboard ----------------------------------------------------------

export interface DashboardFollowUp {
  stakeholder: StakeholderRef;
  followUpOn: IsoDate;
  /** Null when none was agreed, or when withheld (then `redacted` is true). */
  nextStep: string | null;
  /** True when the sounding is confidential and not this reader's to read: its next step is withheld. */
  redacted: boolean;
  soundingId: string;
}

export interface DashboardCoolingContact {
  stakeholder: StakeholderRef;
  commitment: CommitmentLevel;
  lastContactAt: IsoDate | null;
  contact: ContactCadence;
}

export interface Dashboard {
  totalStakeholders: number;
  byCommitment: Record<CommitmentLevel, number>;
  topTeam: { total: number; sounded: number; onBoard: number };
  openFearsByCategory: Record<FearCategory, number>;
  /** The most overdue first, at most 20; `overdueFollowUpsTotal` counts them all. */
  overdueFollowUps: DashboardFollowUp[];
  overdueFollowUpsTotal: number;
  /** Past their ideal contact interval: overdue first, then longest without contact, at most 20; `coolingContactsTotal` counts them all. */
  coolingContacts: DashboardCoolingContact[];
  coolingContactsTotal: number;
}

export interface BusinessFunctionOption {
  name: string;
  stakeholders: number;
}

// ---- Accounts and audit -----------------------------------------------------

import type { UserRole } from '../constants/enums';

export interface User {
  id: string;
  email: string;
  displayName: string | null;
  role: UserRole;
  active: boolean;
  createdAt: IsoDateTime;
  version: number;
}

export interface LoginRequest {
  email: string;
  password: string;
}

/** The signed-in user, and the token cookie-authenticated writes must echo in `X-CSRF-Token`. */
export interface Session {
  user: User;
  csrfToken: string;
}

export interface SetupStatus {
  /** True only while no account has ever been created; until then only the setup page works. */
  needsFirstAdmin: boolean;
}

/** Ways to sign in besides email and password. */
export interface SignInMethods {
  /** Single sign-on (OpenID Connect) is configured: the sign-in page links to /api/auth/oidc/login. */
  sso: boolean;
}

/** Why single sign-on sent the browser back to `/?sso=…`: no active account for that email, or the sign-in itself failed. */
export type SingleSignOnRefusal = 'denied' | 'failed';

export interface CreateFirstAdminRequest {
  email: string;
  password: string;
  displayName?: string | null;
}

export interface CreateUserRequest {
  email: string;
  password?: string;
  displayName?: string | null;
  role: UserRole;
}

export interface UpdateUserRequest {
  displayName?: string | null;
  role?: UserRole;
  active?: boolean;
  version?: number;
}

/** Change your own password: the current one proves it is you. */
export interface ChangePasswordRequest {
  currentPassword: string;
  newPassword: string;
}

/** An admin-issued reset: shown once to the admin, who hands the link to the person. */
export interface IssuedPasswordReset {
  userId: string;
  /** The secret; only its hash is stored. */
  token: string;
  /** Where the person sets a new password: `/reset-password?token=…` on this site. */
  path: string;
  expiresAt: IsoDateTime;
}

/** Sets a new password with a reset link's token (single use). */
export interface ResetPasswordRequest {
  token: string;
  newPassword: string;
}

export interface ApiToken {
  id: string;
  name: string;
  createdAt: IsoDateTime;
  lastUsedAt: IsoDateTime | null;
}

/** The token's secret is shown once, here, and stored only as a hash. */
export interface CreatedApiToken extends ApiToken {
  token: string;
}

export interface AuditEntry {
  id: string;
  at: IsoDateTime;
  /** `name` is the account's display name, when it has one. */
  actor: { id: string; email: string; name: string | null } | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  stakeholderId: string | null;
  /** The name of the stakeholder the entry is about, as it is now (erased people read as erased). */
  stakeholderName: string | null;
  /**
   * Names for the ids the entry holds (its record and the values before and after: a manager, a sponsor,
   * an account), resolved as they are now; an id that is gone is left out.
   */
  names: Record<string, string>;
  /** Field values before and after; notes' text and personal details are named, never copied. */
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  requestId: string | null;
  clientAddress: string | null;
}

export interface AuditListQuery {
  action?: string;
  actorId?: string;
  entityId?: string;
  stakeholderId?: string;
  page?: number;
  pageSize?: number;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  /** The first entry whose hash does not match its content or its predecessor, or the first one missing. */
  brokenAt: string | null;
  /**
   * Where the chain should end, as the database records it. Someone who can rewrite the database can
   * also move this back; keep a copy elsewhere (e.g. a monitor that records it daily) to catch that.
   */
  head: AuditChainHead;
  /** Entries recorded but not sealed into the chain yet (they are sealed within a moment of their commit). */
  pending: number;
}

export interface AuditChainHead {
  /** The newest entry; null while the trail is empty. */
  id: string | null;
  hash: string | null;
  entries: number;
}
