import type { CommitmentLevel } from '../constants/commitment-ladder';
import type {
  Cadence,
  CadenceState,
  ContactKind,
  ExpectationStatus,
  InitiativeKind,
  NarrativeResponse,
  PilotStatus,
  TimingWindowKind,
} from '../constants/campaign';
import type { StakeholderRole } from '../constants/enums';
import type { IsoDate, IsoDateTime, Page } from './api';
import type { CoalitionMember } from './coalition';

// ---- Business priorities ----------------------------------------------------

export interface PriorityInput {
  businessFunction: string;
  /** The priority in the function's own words. */
  title: string;
  /** The stakeholder who owns it, or null while no one is named. */
  ownerId: string | null;
  /** How a coaching culture serves it. */
  coachingLink?: string | null;
}
export type CreatePriorityRequest = PriorityInput;
export type UpdatePriorityRequest = Partial<PriorityInput> & { version?: number };

export interface Priority {
  id: string;
  businessFunction: string;
  title: string;
  owner: CoalitionMember | null;
  coachingLink: string | null;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  version: number;
}

export interface PriorityListQuery {
  /** Priorities of this function (any case). */
  businessFunction?: string;
  /** Priorities this person owns. */
  ownerId?: string;
  page?: number;
  pageSize?: number;
}

/** By function, then title. */
export type PriorityPage = Page<Priority>;

/** A priority as other records cite it. */
export interface PriorityRef {
  id: string;
  businessFunction: string;
  title: string;
}

// ---- Narratives and values --------------------------------------------------

export interface NarrativeInput {
  title: string;
  description?: string | null;
  /** Retired narratives stay on the soundings that cite them but are no longer offered. */
  archived?: boolean;
}
export type CreateNarrativeRequest = NarrativeInput;
export type UpdateNarrativeRequest = Partial<NarrativeInput> & { version?: number };

export interface Narrative {
  id: string;
  title: string;
  description: string | null;
  archived: boolean;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  version: number;
}

/** How a narrative landed in one sounding (request and response). */
export interface NarrativeReaction {
  narrativeId: string;
  response: NarrativeResponse;
}

/** What came up in a sounding, on its create and PATCH (a PATCH replaces each list it sends). */
export interface SoundingLinksInput {
  /** Listed priorities that came up; the free-text `prioritiesServed` keeps what fits none. */
  priorityIds?: string[];
  /** Narratives that resonated or jarred, each once; an archived one may be kept but not newly added. */
  narratives?: NarrativeReaction[];
}

/** A narrative as a sounding shows it. */
export interface SoundingNarrative {
  narrative: { id: string; title: string };
  response: NarrativeResponse;
}

/** One top-team member's latest reaction to one narrative, or none. */
export interface NarrativeResonanceCell {
  stakeholderId: string;
  response: NarrativeResponse | null;
  /** The day of the sounding it was recorded in. */
  on: IsoDate | null;
  soundingId: string | null;
}

export interface NarrativeResonanceRow {
  narrative: Narrative;
  /** One per member, in the order of `members`. */
  cells: NarrativeResonanceCell[];
  totals: { resonated: number; jarred: number; none: number };
}

/**
 * Which narratives resonate with whom across the top team. Reactions recorded in a confidential sounding
 * count only for readers who may read that sounding; the others see the latest reaction they may read.
 */
export interface NarrativeResonance {
  /** The top team, by name. */
  members: CoalitionMember[];
  /** Offered narratives by title, then archived ones that a member reacted to. */
  narratives: NarrativeResonanceRow[];
}

// ---- Pilots and proof points -----------------------------------------------

export interface PilotInput {
  name: string;
  /** The leader who sponsors it; null while HR runs it alone. */
  sponsorId: string | null;
  businessFunction?: string | null;
  scope?: string | null;
  startOn?: IsoDate | null;
  endOn?: IsoDate | null;
  status?: PilotStatus;
  /** Leaders who wanted proof before committing. */
  askedBy?: string[];
}
export type CreatePilotRequest = PilotInput;
export type UpdatePilotRequest = Partial<PilotInput> & { version?: number };

/** A measured quantity: any decimal, not only a count (the OpenAPI document says `number`, not `integer`). */
export type Quantity = number;

export interface ProofPointInput {
  observedOn: IsoDate;
  /** The result in words. */
  result: string;
  value?: Quantity | null;
  unit?: string | null;
}
export type CreateProofPointRequest = ProofPointInput;
export type UpdateProofPointRequest = Partial<ProofPointInput> & { version?: number };

export interface ProofPoint {
  id: string;
  pilotId: string;
  observedOn: IsoDate;
  result: string;
  value: Quantity | null;
  unit: string | null;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  version: number;
}

/** A leader who asked for proof, and whether they have heard the latest result. */
export interface PilotAsker {
  stakeholder: CoalitionMember;
  /** When they were last told a result, or null if never. */
  toldOn: IsoDate | null;
  /** The proof point they were last told, or null. */
  toldProofPointId: string | null;
  /** True when the latest proof point is the one they were told (or there is no proof yet). */
  toldLatest: boolean;
}

export interface Pilot {
  id: string;
  name: string;
  sponsor: CoalitionMember | null;
  businessFunction: string | null;
  scope: string | null;
  startOn: IsoDate | null;
  endOn: IsoDate | null;
  status: PilotStatus;
  askedBy: PilotAsker[];
  latestProof: ProofPoint | null;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  version: number;
}

export interface PilotDetail extends Pilot {
  /** Newest first. */
  proofPoints: ProofPoint[];
}

export interface PilotListQuery {
  status?: PilotStatus;
  sponsorId?: string;
  /** Pilots this leader asked for proof of. */
  askedById?: string;
  businessFunction?: string;
  page?: number;
  pageSize?: number;
}

/** That a leader who asked for proof heard a result. */
export interface TellPilotResultRequest {
  stakeholderId: string;
  /** The result they heard; the pilot's latest when left out. */
  proofPointId?: string;
  /** The day they heard it; today (in the organisation's time zone) when left out. */
  toldOn?: IsoDate;
}

/** A leader who asked for proof of a pilot and has not heard its latest result: HR's to act on. */
export interface PilotResultOwed {
  pilot: { id: string; name: string; status: PilotStatus };
  stakeholder: CoalitionMember;
  latestProof: ProofPoint;
  /** When they last heard a result, or null if never. */
  toldOn: IsoDate | null;
}

/** The dashboard's pilots panel: running pilots with their latest proof, and who is owed the latest result. */
export interface PilotsDashboard {
  running: Pilot[];
  /** Longest waiting first: never told, then told longest ago; then by name. */
  resultsOwed: PilotResultOwed[];
}

// ---- The rolling programme --------------------------------------------------

export interface InitiativeInput {
  title: string;
  kind: InitiativeKind;
  heldOn: IsoDate;
  /** The leader who owns it; null when HR does. */
  ownerId: string | null;
  description?: string | null;
  /** People involved; involvement counts as contact once its day has come. */
  involvedIds?: string[];
}
export type CreateInitiativeRequest = InitiativeInput;
export type UpdateInitiativeRequest = Partial<InitiativeInput> & { version?: number };

export interface Initiative {
  id: string;
  title: string;
  kind: InitiativeKind;
  heldOn: IsoDate;
  owner: CoalitionMember | null;
  description: string | null;
  involved: CoalitionMember[];
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  version: number;
}

export type InitiativePage = Page<Initiative>;

export interface InitiativeListQuery {
  /** Held on or after this day. */
  from?: IsoDate;
  /** Held on or before this day. */
  to?: IsoDate;
  ownerId?: string;
  /** Initiatives this person is involved in. */
  stakeholderId?: string;
  kind?: InitiativeKind;
  page?: number;
  pageSize?: number;
}

export interface ResponsibilityQuery {
  /** How many months, the current one included (RESPONSIBILITY_MONTHS_DEFAULT when left out). */
  months?: number;
}

/** Whose responsibility: who led the campaign's visible work in one period. */
export interface ResponsibilityPeriod {
  /** First day of the period (a month). */
  from: IsoDate;
  to: IsoDate;
  briefings: { byLeaders: number; byHr: number };
  initiatives: { byLeaders: number; byHr: number };
  pilots: { byLeaders: number; byHr: number };
  /**
   * Share led by leaders across all three, 0–1, or null when nothing happened.
   * @fractional
   */
  leaderShare: number | null;
  /** HR led more than HR_LED_SHARE_WARNING of it. */
  hrLeads: boolean;
}

export interface ResponsibilityReport {
  periods: ResponsibilityPeriod[];
  /** The whole span; the campaign is flagged when HR leads most of it. */
  overall: ResponsibilityPeriod;
  summary: string;
}

// ---- Cadence ----------------------------------------------------------------

/** Where a person stands against their contact cadence, counted in the organisation's time zone. */
export interface ContactCadence {
  lastContactOn: IsoDate | null;
  /** What that contact was (a one-to-one sounding first when several fell on the same day). */
  lastContactKind: ContactKind | null;
  daysSinceContact: number | null;
  /** The person's own cadence if set, else their role's. */
  cadence: Cadence;
  /** True when the cadence is the person's own rather than their role's. */
  personal: boolean;
  state: CadenceState;
}

export interface CadenceSettings {
  /** IANA zone, e.g. "Europe/London": what "today" means for the whole organisation. */
  timeZone: string;
  byRole: Record<StakeholderRole, Cadence>;
}

/** Someone who matters and is slipping: no contact within their cadence and nothing planned. */
export interface SlippingPerson {
  stakeholder: CoalitionMember;
  contact: ContactCadence;
  /** Why they matter: a committed or public champion, or a top-team member. */
  reason: 'champion' | 'top_team';
  /** The next thing planned with them, or null (the ones with nothing planned come first). */
  nextPlannedOn: IsoDate | null;
}

// ---- Timing -----------------------------------------------------------------

export interface TimingWindowInput {
  stakeholderId: string;
  kind: TimingWindowKind;
  startsOn: IsoDate;
  endsOn: IsoDate;
  note?: string | null;
}
export type CreateTimingWindowRequest = TimingWindowInput;
export type UpdateTimingWindowRequest = Partial<Omit<TimingWindowInput, 'stakeholderId'>> & { version?: number };

export interface TimingWindow {
  id: string;
  stakeholderId: string;
  kind: TimingWindowKind;
  startsOn: IsoDate;
  endsOn: IsoDate;
  note: string | null;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  version: number;
}

/** A person's timing: when they are most receptive, in words, and their dated windows by start. */
export interface StakeholderTiming {
  stakeholderId: string;
  /** When and how they are best approached, in words (the stakeholder's own field). */
  timingNotes: string | null;
  windows: TimingWindow[];
}

export interface TimingWindowListQuery {
  stakeholderId?: string;
  page?: number;
  pageSize?: number;
  /** Windows that end on or after this day. */
  from?: IsoDate;
  /** Windows that start on or before this day. */
  to?: IsoDate;
}

/** A day falling badly for a person (a meeting, a briefing): which window, and why, in words. */
export interface TimingConcern {
  code: 'timing_not_now' | 'timing_outside_best';
  /** The not-now window the day falls in, or the nearest best window it misses. */
  window: { id: string; kind: TimingWindowKind; startsOn: IsoDate; endsOn: IsoDate };
  message: string;
}

// ---- Expectations register -------------------------------------------------

export interface ExpectationInput {
  stakeholderId: string;
  /** What they were told to expect, in words. */
  expectation: string;
  toldOn: IsoDate;
  /** Who told them: an account, or a champion (a stakeholder); one of the two. */
  toldByUserId?: string | null;
  toldByStakeholderId?: string | null;
  realistic: boolean;
  status?: ExpectationStatus;
  note?: string | null;
}
export type CreateExpectationRequest = ExpectationInput;
export type UpdateExpectationRequest = Partial<Omit<ExpectationInput, 'stakeholderId'>> & { version?: number };

export interface Expectation {
  id: string;
  stakeholder: CoalitionMember;
  expectation: string;
  toldOn: IsoDate;
  toldBy: { type: 'account'; id: string; name: string } | { type: 'champion'; id: string; name: string } | null;
  realistic: boolean;
  status: ExpectationStatus;
  note: string | null;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  version: number;
}

export interface ExpectationListQuery {
  stakeholderId?: string;
  status?: ExpectationStatus;
  realistic?: boolean;
  page?: number;
  pageSize?: number;
}

/** An expectation as meeting readiness shows it in an attendee's card. */
export interface ReadinessExpectation {
  id: string;
  expectation: string;
  toldOn: IsoDate;
  /** Who told them (an account's or a champion's name), or null when not recorded. */
  toldByName: string | null;
  realistic: boolean;
  status: ExpectationStatus;
}

/** Per-function coverage: its priorities, whether a committed champion covers it, where its leaders stand. */
export interface FunctionCoverage {
  businessFunction: string;
  priorities: PriorityRef[];
  /** Committed or public champions in the function. */
  champions: CoalitionMember[];
  covered: boolean;
  leaders: { stakeholder: CoalitionMember; commitment: CommitmentLevel }[];
}
