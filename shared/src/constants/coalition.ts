
// ---- Influence links -------------------------------------------------------

/**
 * How one person bears on another. Every directed kind reads "from … to": `looks_to` means from's view
 * is swayed by to's; `mentor` means to mentors from. `ally` and `conflict` go both ways, so the pair is
 * the same whichever end is written first.
 */
export const INFLUENCE_KINDS = ['looks_to', 'mentor', 'ally', 'conflict'] as const;
export type InfluenceKind = (typeof INFLUENCE_KINDS)[number];
export const INFLUENCE_KIND_LABELS: Record<InfluenceKind, string> = {
  looks_to: 'Looks to',
  mentor: 'Is mentored by',
  ally: 'Ally of',
  conflict: 'In conflict with',
};
/** The same kinds seen from the other end ("Dana looks to Sam": Sam is looked to by Dana). */
export const INFLUENCE_KIND_REVERSE_LABELS: Record<InfluenceKind, string> = {
  looks_to: 'Looked to by',
  mentor: 'Mentors',
  ally: 'Ally of',
  conflict: 'In conflict with',
};

/** Kinds through which `to` sways `from`'s view: they make up "who they look to". */
export const SWAYING_INFLUENCE_KINDS = ['looks_to', 'mentor'] as const satisfies readonly InfluenceKind[];
/** Kinds that read the same from either end. */
export const SYMMETRIC_INFLUENCE_KINDS = ['ally', 'conflict'] as const satisfies readonly InfluenceKind[];

export function isSwayingKind(kind: InfluenceKind): boolean {
  return (SWAYING_INFLUENCE_KINDS as readonly string[]).includes(kind);
}
export function isSymmetricKind(kind: InfluenceKind): boolean {
  return (SYMMETRIC_INFLUENCE_KINDS as readonly string[]).includes(kind);
}

export const INFLUENCE_STRENGTHS = [1, 2, 3] as const;
export type InfluenceStrength = (typeof INFLUENCE_STRENGTHS)[number];
export const INFLUENCE_STRENGTH_LABELS: Record<InfluenceStrength, string> = { 1: 'Some', 2: 'Strong', 3: 'Decisive' };
export const INFLUENCE_STRENGTH_DEFAULT: InfluenceStrength = 2;

/**
 * A reporting line counts as influence without being stored as a link: the person looks to their
 * manager, with this strength.
 */
export const REPORTING_LINE_STRENGTH: InfluenceStrength = 2;

/**
 * One measure of how much a person sways others, used by the network, the power grid, champion
 * qualification and the recommendations alike:
 *
 *   score = 2 × rated influence (1–5, 0 when not rated)
 *         + the strengths of the swaying links that point at them (who looks to them, whom they mentor)
 *         + REPORTING_LINE_STRENGTH × their direct reports
 */
export function influenceScore(input: { rated: number | null; incomingStrength: number; directReports: number }): number {
  return 2 * (input.rated ?? 0) + input.incomingStrength + REPORTING_LINE_STRENGTH * input.directReports;
}

/** At this score and above a person is "high influence" on the power grid and in the recommendations. */
export const HIGH_INFLUENCE_SCORE = 8;

// ---- Relationship owners ---------------------------------------------------

/** How well someone on our side holds the relationship with a person. `avoid`: must not carry the message to them. */
export const RELATIONSHIP_QUALITIES = ['strong', 'building', 'avoid'] as const;
export type RelationshipQuality = (typeof RELATIONSHIP_QUALITIES)[number];
export const RELATIONSHIP_QUALITY_LABELS: Record<RelationshipQuality, string> = {
  strong: 'Strong',
  building: 'Building',
  avoid: 'Avoid',
};
export const RELATIONSHIP_QUALITY_MEANINGS: Record<RelationshipQuality, string> = {
  strong: 'Trusted: can carry the message',
  building: 'Getting there',
  avoid: 'Must not carry the message to this person',
};

/** Who on our side holds a relationship: an account (HR) or a champion (a stakeholder). */
export const RELATIONSHIP_HOLDER_TYPES = ['account', 'champion'] as const;
export type RelationshipHolderType = (typeof RELATIONSHIP_HOLDER_TYPES)[number];

// ---- Champion qualification ------------------------------------------------

/**
 * The three tests of a champion: real influence (people look to them), advocacy (they make the case
 * without HR in the room) and a personal stake (something in it for them).
 */
export const CHAMPION_TESTS = ['influence', 'advocacy', 'stake'] as const;
export type ChampionTest = (typeof CHAMPION_TESTS)[number];
export const CHAMPION_TEST_LABELS: Record<ChampionTest, string> = {
  influence: 'Real influence',
  advocacy: 'Makes the case without HR',
  stake: 'Personal stake',
};
export const CHAMPION_TEST_QUESTIONS: Record<ChampionTest, string> = {
  influence: 'Do people look to them?',
  advocacy: 'Have they made the case without HR in the room?',
  stake: 'Is there something in it for them?',
};

/** The influence test is met by this many people looking to them (links and direct reports), or by recorded evidence. */
export const CHAMPION_MIN_LOOKED_TO_BY = 2;

/**
 * `qualified`: all three tests met. `close`: influence and one other. `developing`: influence only.
 * `coach`: no real influence, whatever else: useful to learn from and to test the message on, not to carry it.
 */
export const CHAMPION_VERDICTS = ['qualified', 'close', 'developing', 'coach'] as const;
export type ChampionVerdict = (typeof CHAMPION_VERDICTS)[number];
export const CHAMPION_VERDICT_LABELS: Record<ChampionVerdict, string> = {
  qualified: 'Qualifies as champion',
  close: 'Close',
  developing: 'Developing',
  coach: 'Useful coach',
};

/** Where a piece of evidence came from: recorded by hand, or read from what Soundings already holds. */
export const CHAMPION_EVIDENCE_SOURCES = [
  'recorded',
  'influence_link',
  'reporting_line',
  'briefing_given',
  'spoke_in_meeting',
  'benefit_named',
  'priority_owned',
] as const;
export type ChampionEvidenceSource = (typeof CHAMPION_EVIDENCE_SOURCES)[number];

// ---- Next best soundings -----------------------------------------------------

export const RECOMMENDATION_REASON_CODES = [
  'never_sounded',
  'stale',
  'recently_sounded',
  'influence',
  'social_proof',
  'resistant_influences',
  'open_fears',
  'upcoming_meeting',
  'upcoming_briefing',
  'required_gap',
  'timing_not_now',
  'timing_best_now',
] as const;
export type RecommendationReasonCode = (typeof RECOMMENDATION_REASON_CODES)[number];

/**
 * The score of a person in "whom to sound next" is the sum of the weights of their reasons; each weight is
 * the product of a count in the data and one of these factors, so the web can say exactly why.
 */
export const RECOMMENDATION_WEIGHTS = {
  /** Never sounded one to one. */
  neverSounded: 30,
  /** Last contact past their ideal contact interval (cadenceState: due or overdue). */
  stale: 20,
  /** Contacted within RECENT_CONTACT_DAYS: give them room (negative). */
  recentlySounded: -25,
  /** Per point of influence score, capped at INFLUENCE_CAP. */
  perInfluencePoint: 2,
  influenceCap: 24,
  /** Per person they look to who is on board (social proof). */
  perOnBoardInfluence: 10,
  /** Per person they look to who is resistant (negative: the room is against it for them). */
  perResistantInfluence: -8,
  /** Per open fear awaiting an answer, capped at OPEN_FEARS_CAP fears. */
  perOpenFear: 6,
  openFearsCap: 3,
  /** Attends a meeting within UPCOMING_DAYS. */
  upcomingMeeting: 15,
  /** Gives or receives a planned briefing within UPCOMING_DAYS. */
  upcomingBriefing: 15,
  /** Per step still to climb to their required level. */
  perRequiredStep: 5,
  /** Today falls in a window they asked not to be approached in (negative: wait until it ends). */
  timingNotNow: -60,
  /** Today falls in a window when they are most receptive. */
  timingBestNow: 10,
} as const;
export const RECOMMENDATION_RECENT_CONTACT_DAYS = 7;
export const RECOMMENDATION_UPCOMING_DAYS = 14;
export const RECOMMENDATIONS_DEFAULT_LIMIT = 20;
export const RECOMMENDATIONS_MAX_LIMIT = 100;

// ---- Trend -------------------------------------------------------------------

export const TREND_WEEKS_DEFAULT = 26;
export const TREND_WEEKS_MAX = 156;

/** Movement shown in the top-team cockpit: the level now against the level this many days ago. */
export const COCKPIT_MOVEMENT_DAYS = 30;
