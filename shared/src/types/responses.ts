import type { AuditEntry, Fear, Page, Stakeholder } from './api';
import type { Briefing } from './briefings';
import type { ChampionEvidence, Influence, Relationship } from './coalition';
import type { Pilot } from './campaign';
import type { MeetingListItem, MeetingSummary } from './meetings';
import type { TimingWindow } from './campaign';
import type { Expectation } from './campaign';

// Named pages of each list, so the OpenAPI document (built from these types) can name them too.
export type StakeholderPage = Page<Stakeholder>;
export type FearPage = Page<Fear>;
export type BriefingPage = Page<Briefing>;
export type MeetingSummaryPage = Page<MeetingSummary>;
export type MeetingListPage = Page<MeetingListItem>;
export type AuditEntryPage = Page<AuditEntry>;
export type InfluencePage = Page<Influence>;
export type RelationshipPage = Page<Relationship>;
export type ChampionEvidencePage = Page<ChampionEvidence>;
export type TimingWindowPage = Page<TimingWindow>;
export type ExpectationPage = Page<Expectation>;
export type PilotPage = Page<Pilot>;

export interface HealthStatus {
  status: 'ok';
}

export interface LogoutEverywhereResult {
  /** Sessions ended, this one included. */
  sessionsEnded: number;
}
