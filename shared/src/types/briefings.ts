import type { BriefingStatus, BriefingWarningCode } from '../constants/briefings';
import type { CommitmentLevel } from '../constants/commitment-ladder';
import type { StakeholderRole } from '../constants/enums';
import type { IsoDate, IsoDateTime } from './api';
import type { PriorityRef } from './campaign';

/**
 * Who briefs whom: a stakeholder (`brieferId`) or HR itself (`hr: true`), to one top-team member
 * (`audienceId`) or the whole top team (`topTeam: true`). Exactly one of each pair.
 */
export interface BriefingInput {
  brieferId?: string | null;
  hr?: boolean;
  audienceId?: string | null;
  topTeam?: boolean;
  plannedFor: IsoDateTime;
  /** The case they will make, for their own area. */
  brief?: string | null;
  status?: BriefingStatus;
  /** What happened; only once the briefing is done or cancelled. */
  outcome?: string | null;
  /** The business priorities the brief ties the case to (replaces the list on PATCH). */
  priorityIds?: string[];
}

export type CreateBriefingRequest = BriefingInput;
export type UpdateBriefingRequest = Partial<BriefingInput> & { version?: number };

/** The briefings of one day, in the order they should happen. */
export interface ReorderBriefingsRequest {
  day: IsoDate;
  /** Every briefing planned that day, each once, first first. */
  briefingIds: string[];
}

export interface BriefingParty {
  id: string;
  name: string;
  role: StakeholderRole;
  businessFunction: string | null;
  commitment: CommitmentLevel;
}

export interface Briefing {
  id: string;
  /** Null when HR presents. */
  briefer: BriefingParty | null;
  hr: boolean;
  /** Null when the whole top team is the audience. */
  audience: BriefingParty | null;
  topTeam: boolean;
  plannedFor: IsoDateTime;
  /** The plan's day for this briefing (the UTC date of `plannedFor`); the manual order applies within it. */
  day: IsoDate;
  /** Position within the day once someone has put the day in order; 0 while it follows the clock. */
  order: number;
  brief: string | null;
  status: BriefingStatus;
  outcome: string | null;
  /** The business priorities the brief ties the case to, by function and title. */
  priorities: PriorityRef[];
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  version: number;
}

export interface BriefingListQuery {
  status?: BriefingStatus;
  /** Briefings this person gives or receives. */
  stakeholderId?: string;
  page?: number;
  pageSize?: number;
}

export interface BriefingWarning {
  code: BriefingWarningCode;
  /** The briefing to fix; null for a gap in the plan (`no_champion_for_member`). */
  briefingId: string | null;
  /** The person it is about, when it is about one person. */
  stakeholderId?: string;
  message: string;
}

export interface BriefingReadiness {
  /** True when no warning concerns this briefing. */
  ready: boolean;
  /** Null when HR presents. */
  brieferSounded: boolean | null;
  /** Whether the brief names the briefer's business function (HR: whether there is any brief). */
  briefNamesArea: boolean;
  /** Top-team members in the audience who have never been sounded one to one. */
  audienceNotSounded: { id: string; name: string }[];
  warnings: BriefingWarningCode[];
}

export interface BriefingPlanItem {
  briefing: Briefing;
  readiness: BriefingReadiness;
}

export interface BriefingPlan {
  /** Every briefing in plan order: by day, then the day's manual order, then time. */
  items: BriefingPlanItem[];
  warnings: BriefingWarning[];
}
