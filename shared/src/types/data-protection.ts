import type { AuditEntry, CommitmentChange, ConductedSounding, Fear, IsoDate, IsoDateTime, Sounding, Stakeholder } from './api';
import type { Briefing } from './briefings';
import type { HeldForRestore } from './deleted-items';
import type { ChampionEvidence, Influence, Relationship } from './coalition';
import type { Pilot } from './campaign';
import type { MeetingSummary } from './meetings';
import type { TimingWindow } from './campaign';
import type { Cadence } from '../constants/campaign';
import type { StakeholderRole } from '../constants/enums';
import type { Expectation } from './campaign';
import type { Priority } from './campaign';
import type { Initiative } from './campaign';

// ---- Settings -------------------------------------------------------------

export interface AppSettings {
  /**
   * Soundings held longer ago than this many months lose their words (and their fears' words) in a
   * daily job; dates, levels and counts stay. Null keeps the words (the default).
   */
  redactSoundingsAfterMonths: number | null;
  /** When the retention job last ran on any instance, or null if never. */
  retentionLastRunAt: IsoDateTime | null;
  /** IANA time zone (e.g. "Europe/London"): what "today" means for every cadence, due date and day count. */
  timeZone: string;
  /** How often each role should hear from the campaign, unless a person has their own cadence. */
  cadence: Record<StakeholderRole, Cadence>;
  updatedAt: IsoDateTime;
  version: number;
}

export interface UpdateSettingsRequest {
  redactSoundingsAfterMonths: number | null;
  /** Left out: unchanged. Must be a zone both the database and the browser know. */
  timeZone?: string;
  /** Left out: unchanged. When sent, every role's cadence. */
  cadence?: Record<StakeholderRole, Cadence>;
  version?: number;
}

// ---- Subject-access export -------------------------------------------------

/** An audit entry as it appears in a person's export: staff addresses and request ids are left out. */
export type SubjectAuditEntry = Omit<AuditEntry, 'clientAddress' | 'requestId'>;

/** A meeting the person is invited to, and whether they spoke for the strategy in it. */
export interface SubjectMeeting extends MeetingSummary {
  spokeFor: boolean;
}

/** Everything Soundings holds about one person, for a subject-access request. */
export interface StakeholderExport {
  format: 'soundings-subject-export/1';
  exportedAt: IsoDateTime;
  exportedBy: { id: string; email: string };
  stakeholder: Stakeholder;
  /** Newest first. Confidential ones the exporter may not read are included with `redacted: true` and no words. */
  soundings: Sounding[];
  /** How many of `soundings` are withheld that way: an admin's export includes their words. */
  withheldSoundings: number;
  /** Soundings they held with others as a champion (who and when; the words are the other person's), newest first. */
  soundingsConducted: ConductedSounding[];
  /** Every fear they voiced, oldest first (inside and outside soundings). */
  fears: Fear[];
  /** Their level history, oldest first. */
  levelHistory: CommitmentChange[];
  /** Briefings they give or receive, in plan order. */
  briefings: Briefing[];
  /** Meetings they are invited to, newest first. */
  meetings: SubjectMeeting[];
  /** Influence links with them at either end (who they look to, who looks to them, allies, conflicts). */
  influences: Influence[];
  /** Evidence recorded for the champion tests about them, newest first. */
  championEvidence: ChampionEvidence[];
  /** Relationships with them, and those they hold as a champion, oldest first. */
  relationships: Relationship[];
  /** Their best and not-now windows, by start (their receptiveness notes are on `stakeholder`). */
  timingWindows: TimingWindow[];
  /** What they were told to expect, newest first by the day they were told. */
  expectations: Expectation[];
  /** Business priorities they own, by function and title. */
  priorities: Priority[];
  /** Pilots they sponsor or asked for proof of (with whether they heard the latest result), by name. */
  pilots: Pilot[];
  /** Initiatives of the rolling programme they own or are involved in, newest first. */
  initiatives: Initiative[];
  /** Deleted records naming them, still held for restore (gone for good 30 days after their deletion), newest first. */
  heldForRestore: HeldForRestore[];
  /** Every audit entry about them, oldest first. */
  auditEntries: SubjectAuditEntry[];
}

// ---- Erasure ----------------------------------------------------------------

/** What an erasure changed, in counts only. */
export interface ErasureResult {
  stakeholderId: string;
  erasedAt: IsoDateTime;
  /** The name the record now carries. */
  name: string;
  soundings: number;
  fears: number;
  levelChangeReasons: number;
  /** Briefings they give or receive, now without brief or outcome. */
  briefings: number;
  /** Other people who reported to them, now without a manager. */
  reportingLinksRemoved: number;
  /** Influence links with them at either end, deleted. */
  influencesRemoved: number;
  /** Relationships with them or held by them as a champion, deleted. */
  relationshipsRemoved: number;
  /** Their name or email found and replaced in other people's records. */
  mentionsRemoved: number;
  /** Evidence recorded for the champion tests about them, deleted. */
  championEvidence: number;
  /** Their best and not-now windows, deleted. */
  timingWindowsRemoved: number;
  /** What they were told to expect, deleted. */
  expectationsRemoved: number;
  /** Other people's expectations they told as a champion, now without a teller. */
  expectationTellersCleared: number;
  /** Soundings they held with others as a champion, kept without naming them as the one who held it. */
  soundingsConductedCleared: number;
  /** Business priorities they owned, kept without an owner (a priority is the function's). */
  prioritiesUnowned: number;
  /** Pilots they sponsored, kept without a sponsor. */
  pilotsSponsored: number;
  /** Pilots they asked for proof of: the request (and what they were told) deleted. */
  pilotProofAsks: number;
  /** Initiatives they owned: kept, now without an owner. */
  initiativesOwnerCleared: number;
  /** Initiatives they were involved in: their involvement deleted, the initiative kept. */
  initiativeInvolvementRemoved: number;
  /** Deleted records held for restore that named them or mentioned them, gone for good at once. */
  heldForRestoreRemoved: number;
}

// ---- Retention ----------------------------------------------------------------

export interface RetentionRun {
  /** False when the rule is off or another instance was already running it. */
  ran: boolean;
  /** Soundings held before this day lost their words; null when the rule is off. */
  cutoff: IsoDate | null;
  soundings: number;
  fears: number;
  /** Champion evidence recorded before the cutoff whose words were removed. */
  championEvidence: number;
  /** Relationship notes not changed since the cutoff, removed (the relationship and its quality stay). */
  relationshipNotes: number;
  /** Notes of timing windows that ended before the cutoff, removed (the window's kind and dates stay). */
  timingWindowNotes: number;
  /** Expectations told before the cutoff and not changed since, whose words (and note) were removed. */
  expectations: number;
}
