import type { CommitmentLevel } from '../constants/commitment-ladder';
import type { FearCategory, FearStatus, StakeholderRole } from '../constants/enums';
import type { MeetingReadinessCounts, MeetingVerdict, ReadinessWarningCode } from '../constants/meetings';
import type { IsoDate, IsoDateTime } from './api';
import type { TimingConcern } from './campaign';
import type { ReadinessExpectation } from './campaign';

export interface MeetingInput {
  title: string;
  scheduledFor: IsoDateTime;
  purpose?: string | null;
  /** Stakeholder ids, each once; any number up to MEETING_ATTENDEES_MAX. */
  attendeeIds?: string[];
}

export type CreateMeetingRequest = MeetingInput;
export type UpdateMeetingRequest = Partial<MeetingInput> & { version?: number };

/** After the meeting: who spoke for the strategy in the room. */
export interface RecordSpokeForRequest {
  stakeholderIds: string[];
}

export interface MeetingAttendee {
  id: string;
  name: string;
  role: StakeholderRole;
  commitment: CommitmentLevel;
  spokeFor: boolean;
}

export interface MeetingSummary {
  id: string;
  title: string;
  scheduledFor: IsoDateTime;
  purpose: string | null;
  attendeeCount: number;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  version: number;
}

export interface Meeting extends MeetingSummary {
  /** By name. */
  attendees: MeetingAttendee[];
}

/** A meeting in the list, with how ready its room is. */
export interface MeetingListItem extends MeetingSummary {
  readiness: MeetingReadinessCounts & { verdict: MeetingVerdict };
}

export interface MeetingListQuery {
  page?: number;
  pageSize?: number;
}

export interface ReadinessFear {
  id: string;
  /** Null when withheld: voiced in a confidential sounding this reader may not see. */
  statement: string | null;
  redacted: boolean;
  category: FearCategory;
  status: FearStatus;
  voicedOn: IsoDate;
}

export interface AttendeeReadiness {
  stakeholder: {
    id: string;
    name: string;
    title: string | null;
    role: StakeholderRole;
    businessFunction: string | null;
    influence: number | null;
  };
  /** As of now. */
  commitment: CommitmentLevel;
  /** The level the campaign needs from them, if one is set. */
  requiredCommitment: CommitmentLevel | null;
  /** Steps still to climb to `requiredCommitment` (0 when met or none set). */
  commitmentGap: number;
  onBoard: boolean;
  /** Sounded one to one on or before the meeting's day. */
  soundedIndividually: boolean;
  lastContactAt: IsoDate | null;
  /** Oldest first. */
  openFears: ReadinessFear[];
  warnings: ReadinessWarningCode[];
  /** Who they look to (an influence link or their manager), when that person is in the room or on board: one in the room first, then the strongest. */
  looksTo: { id: string; name: string; commitment: CommitmentLevel; onBoard: boolean; attending: boolean } | null;
  spokeFor: boolean;
  /** How the meeting's day falls for them: inside a not-now window, or outside a best window near it; null when it falls well. */
  timing: TimingConcern | null;
  /** What they were told to expect that is at risk, or open and unrealistic (expectationNeedsAttention); oldest first. */
  expectations: ReadinessExpectation[];
}

export interface MeetingReadiness {
  meeting: MeetingSummary;
  summary: MeetingReadinessCounts & {
    /** Open fears across the attendees. */
    openFears: number;
    verdict: MeetingVerdict;
  };
  /** By name. */
  attendees: AttendeeReadiness[];
}
