import type { AuditEntry, CommitmentChange, Fear, IsoDate, IsoDateTime, Sounding, Stakeholder } from './api';
import type { Briefing } from './briefings';
import type { ChampionEvidence, Influence, Relationship } from './coalition';
import type { MeetingSummary } from './meetings';
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
  updatedAt: IsoDateTime;
  version: number;
}

export interface UpdateSettingsRequest {
  redactSoundingsAfterMonths: number | null;
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
  /** Initiatives of the rolling programme they own or are involved in, newest first. */
  initiatives: Initiative[];
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
  /** Initiatives they owned: kept, now without an owner. */
  initiativesOwnerCleared: number;
  /** Initiatives they were involved in: their involvement deleted, the initiative kept. */
  initiativeInvolvementRemoved: number;
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
}
