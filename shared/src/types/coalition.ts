import type { CommitmentLevel } from '../constants/commitment-ladder';
import type {
  ChampionEvidenceSource,
  ChampionTest,
  ChampionVerdict,
  InfluenceKind,
  InfluenceStrength,
  RecommendationReasonCode,
  RelationshipHolderType,
  RelationshipQuality,
} from '../constants/coalition';
import type { StakeholderRole } from '../constants/enums';
import type { IsoDate, IsoDateTime } from './api';

/** A person as the coalition views show them: who they are and where they stand now. */
export interface CoalitionMember {
  id: string;
  name: string;
  title: string | null;
  role: StakeholderRole;
  businessFunction: string | null;
  potentialChampion: boolean;
  commitment: CommitmentLevel;
  requiredCommitment: CommitmentLevel | null;
  /** Supportive or higher. */
  onBoard: boolean;
}

// ---- Influence links -------------------------------------------------------

export interface InfluenceInput {
  fromId: string;
  toId: string;
  kind: InfluenceKind;
  /** 1–3; INFLUENCE_STRENGTH_DEFAULT when left out. */
  strength?: InfluenceStrength;
  note?: string | null;
}

export type CreateInfluenceRequest = InfluenceInput;
export type UpdateInfluenceRequest = Partial<InfluenceInput> & { version?: number };

export interface Influence {
  id: string;
  from: CoalitionMember;
  to: CoalitionMember;
  kind: InfluenceKind;
  strength: InfluenceStrength;
  note: string | null;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  version: number;
}

export interface InfluenceListQuery {
  /** Links with this person at either end. */
  stakeholderId?: string;
  kind?: InfluenceKind;
  page?: number;
  pageSize?: number;
}

/** One person on the other end of a tie, and how they are tied. */
export interface InfluenceTie {
  person: CoalitionMember;
  kind: InfluenceKind;
  strength: InfluenceStrength;
  /** `reporting_line`: read from who reports to whom, not stored as a link (then `influenceId` is null). */
  via: 'link' | 'reporting_line';
  influenceId: string | null;
  note: string | null;
}

/** `GET /api/stakeholders/:id/influence`: who sways them, whom they sway, and where those people stand. */
export interface StakeholderInfluence {
  stakeholder: CoalitionMember;
  /** People whose view sways theirs (looks_to and mentor links from them, and their manager). Strongest first. */
  looksTo: InfluenceTie[];
  /** People who look to them (links to them, and their direct reports). Strongest first. */
  lookedToBy: InfluenceTie[];
  allies: InfluenceTie[];
  conflicts: InfluenceTie[];
  summary: {
    looksTo: number;
    onBoard: number;
    resistant: number;
    lookedToBy: number;
    /** In words: "3 of the 4 people Dana looks to are on board; 1 is resistant." */
    text: string;
  };
}

// ---- Relationship owners ---------------------------------------------------

/** Exactly one of `holderUserId` (an HR account) and `holderStakeholderId` (a champion). */
export interface RelationshipInput {
  stakeholderId: string;
  holderUserId?: string | null;
  holderStakeholderId?: string | null;
  quality: RelationshipQuality;
  note?: string | null;
}

export type CreateRelationshipRequest = RelationshipInput;
export type UpdateRelationshipRequest = { quality?: RelationshipQuality; note?: string | null; version?: number };

export interface RelationshipHolder {
  type: RelationshipHolderType;
  /** The account's id, or the champion's stakeholder id. */
  id: string;
  /** The account's display name (its email when it has none), or the champion's name. */
  name: string;
  /** The champion's level now; null for an account. */
  commitment: CommitmentLevel | null;
}

export interface Relationship {
  id: string;
  stakeholder: CoalitionMember;
  holder: RelationshipHolder;
  quality: RelationshipQuality;
  note: string | null;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  version: number;
}

export interface RelationshipListQuery {
  stakeholderId?: string;
  holderUserId?: string;
  holderStakeholderId?: string;
  quality?: RelationshipQuality;
  page?: number;
  pageSize?: number;
}

export interface RelationshipMatrixCell {
  relationshipId: string;
  stakeholderId: string;
  holderType: RelationshipHolderType;
  holderId: string;
  quality: RelationshipQuality;
  note: string | null;
  /** The relationship's version, to change it from the matrix. */
  version: number;
}

/** `GET /api/relationships/matrix`: top-team members against the champions and HR accounts who hold relationships. */
export interface RelationshipMatrix {
  /** Rows: every top-team member, by name. */
  members: CoalitionMember[];
  /** Columns: champions (potential champions and anyone holding a relationship) first, then HR accounts; by name. */
  holders: RelationshipHolder[];
  cells: RelationshipMatrixCell[];
}

/** `GET /api/briefings/suggested-briefers?audienceId=`: who could brief this person, best first. */
export interface SuggestedBriefer {
  person: CoalitionMember;
  /** Their relationship with the audience, if recorded. */
  relationship: RelationshipQuality | null;
  sameFunction: boolean;
  /** In words, e.g. ["Committed", "Strong relationship with Dana", "Same function: Finance"]. */
  reasons: string[];
}

export interface SuggestedBriefersQuery {
  audienceId: string;
}

export interface SuggestedBriefers {
  audience: CoalitionMember;
  items: SuggestedBriefer[];
}

// ---- Network and power grid ------------------------------------------------

export interface NetworkNode extends CoalitionMember {
  /** Rated influence, 1–5, or null. */
  influence: number | null;
  /** influenceScore() from the rating, the links pointing at them and their direct reports. */
  influenceScore: number;
  /** How many people look to them (swaying links and direct reports). */
  lookedToBy: number;
  reportsToId: string | null;
}

export interface NetworkLink {
  /** Null for a reporting line. */
  id: string | null;
  fromId: string;
  toId: string;
  kind: InfluenceKind | 'reports_to';
  strength: InfluenceStrength;
}

export interface NetworkQuery {
  businessFunction?: string;
  role?: StakeholderRole;
  commitment?: CommitmentLevel;
}

/** `GET /api/coalition/network`: every person (erased people left out) and every tie between them. */
export interface CoalitionNetwork {
  nodes: NetworkNode[];
  links: NetworkLink[];
}

// ---- Top-team cockpit and trend --------------------------------------------

export interface CockpitRow {
  member: CoalitionMember;
  /** Steps still to climb to the required level (0 when met or none set). */
  gap: number;
  holders: (RelationshipHolder & { quality: RelationshipQuality })[];
  lastContactAt: IsoDate | null;
  openFears: number;
  /** Their level COCKPIT_MOVEMENT_DAYS ago (not_sounded before any record) and the steps moved since (negative: backwards; resistant counts as `sounded`). */
  movement: { from: CommitmentLevel; to: CommitmentLevel; steps: number };
}

/** `GET /api/dashboard/top-team`: one row per top-team member, largest gap first. */
export interface TopTeamCockpit {
  items: CockpitRow[];
}

export interface TrendCounts {
  /** People on record at the end of the week. */
  total: number;
  onBoard: number;
  /** People with a required level set. */
  withRequired: number;
  /** Of those, how many stood at or above it. */
  atRequired: number;
}

export interface TrendWeek {
  /** Monday of the week. */
  weekStart: IsoDate;
  topTeam: TrendCounts;
  everyone: TrendCounts;
}

export interface CommitmentTrendQuery {
  /** How many weeks, the current one included: 1–TREND_WEEKS_MAX, TREND_WEEKS_DEFAULT when left out. */
  weeks?: number;
}

/** `GET /api/dashboard/trend?weeks=`: replayed from the level history, oldest week first, the current week last. */
export interface CommitmentTrend {
  weeks: TrendWeek[];
}

// ---- Champion qualification ------------------------------------------------

export interface ChampionEvidenceInput {
  stakeholderId: string;
  test: ChampionTest;
  evidence: string;
  on: IsoDate;
}

export type CreateChampionEvidenceRequest = ChampionEvidenceInput;
export type UpdateChampionEvidenceRequest = Partial<Omit<ChampionEvidenceInput, 'stakeholderId'>> & { version?: number };

export interface ChampionEvidenceListQuery {
  stakeholderId?: string;
  test?: ChampionTest;
  page?: number;
  pageSize?: number;
}

/** Evidence recorded by hand. */
export interface ChampionEvidence {
  id: string;
  stakeholderId: string;
  test: ChampionTest;
  evidence: string;
  on: IsoDate;
  createdAt: IsoDateTime;
  updatedAt: IsoDateTime;
  version: number;
}

export interface ChampionEvidenceItem {
  source: ChampionEvidenceSource;
  /** In words, without the day (that is `on`): "Briefed Dana Okafor", or the recorded text. */
  text: string;
  on: IsoDate | null;
  /** The recorded evidence's id (source `recorded`), else the record it was read from (briefing, meeting, sounding, link). */
  refId: string | null;
  /** The other person the evidence is about (who looks to them, whom they briefed), to link to; else null. */
  personId: string | null;
}

export interface ChampionTestResult {
  test: ChampionTest;
  met: boolean;
  evidence: ChampionEvidenceItem[];
}

export interface ChampionAssessment {
  person: CoalitionMember;
  verdict: ChampionVerdict;
  influenceScore: number;
  lookedToBy: number;
  /** In CHAMPION_TESTS order. */
  tests: ChampionTestResult[];
  /** What is missing, in words ("No briefing given or meeting spoken in yet"). Empty when qualified. */
  missing: string[];
}

/** `GET /api/champions`: every potential champion, qualified first, then close, developing, coach; by name within each. */
export interface ChampionList {
  items: ChampionAssessment[];
}

// ---- Next best soundings -----------------------------------------------------

export interface RecommendationReason {
  code: RecommendationReasonCode;
  /** In words: "Looks to 3 people who are on board". */
  text: string;
  /** Its share of the score; the score is the sum of the weights. */
  weight: number;
}

export interface SoundingRecommendation {
  stakeholder: CoalitionMember & { lastContactAt: IsoDate | null; influenceScore: number };
  score: number;
  /** Largest weight first. */
  reasons: RecommendationReason[];
}

export interface RecommendationQuery {
  limit?: number;
}

/** `GET /api/recommendations/soundings`: whom to sound next, highest score first (then by name). */
export interface SoundingRecommendations {
  items: SoundingRecommendation[];
}
