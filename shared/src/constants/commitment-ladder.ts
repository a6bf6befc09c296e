/**
 * The commitment ladder: a person's path from no conversation to public support.
 * `resistant` sits off the path; a resistant person can return to it.
 */
export const COMMITMENT_PATH = [
  'not_sounded',
  'sounded',
  'open',
  'supportive',
  'committed',
  'public_champion',
] as const;

export const COMMITMENT_LEVELS = [...COMMITMENT_PATH, 'resistant'] as const;

export type CommitmentLevel = (typeof COMMITMENT_LEVELS)[number];

/** Levels a sounding can record: once someone has been sounded they are never `not_sounded` again. */
export const SOUNDING_LEVELS = COMMITMENT_LEVELS.filter(
  (level): level is Exclude<CommitmentLevel, 'not_sounded'> => level !== 'not_sounded',
);

export interface CommitmentLevelInfo {
  slug: CommitmentLevel;
  label: string;
  meaning: string;
  /** A colour name the web app maps to its palette; kept here so every view agrees. */
  color: string;
}

export const COMMITMENT_LADDER: Record<CommitmentLevel, CommitmentLevelInfo> = {
  not_sounded: { slug: 'not_sounded', label: 'Not sounded', meaning: 'No one-to-one conversation yet', color: 'gray' },
  sounded: { slug: 'sounded', label: 'Sounded', meaning: 'First one-to-one held; position not yet clear', color: 'indigo' },
  open: { slug: 'open', label: 'Open', meaning: 'Interested, listening, has questions', color: 'cyan' },
  supportive: { slug: 'supportive', label: 'Supportive', meaning: 'Privately supportive', color: 'teal' },
  committed: {
    slug: 'committed',
    label: 'Committed',
    meaning: 'Has agreed to act: sponsor a pilot, brief the top team, coach their own people',
    color: 'green',
  },
  public_champion: {
    slug: 'public_champion',
    label: 'Public champion',
    meaning: 'Speaks for it in group settings and to the top team',
    color: 'lime',
  },
  resistant: { slug: 'resistant', label: 'Resistant', meaning: 'Has voiced opposition (off the path; can return to it)', color: 'red' },
};

export function isCommitmentLevel(value: unknown): value is CommitmentLevel {
  return typeof value === 'string' && (COMMITMENT_LEVELS as readonly string[]).includes(value);
}

/** Position on the path; `resistant` has none (-1). */
export function ladderRank(level: CommitmentLevel): number {
  return (COMMITMENT_PATH as readonly string[]).indexOf(level);
}

/** "On board" means supportive or higher. */
export function isOnBoard(level: CommitmentLevel): boolean {
  return ladderRank(level) >= ladderRank('supportive');
}

export function isAtLeast(level: CommitmentLevel, required: CommitmentLevel): boolean {
  if (required === 'resistant') return level === 'resistant';
  return ladderRank(level) >= ladderRank(required);
}

/**
 * Steps still to climb from `current` to `required` (0 when met or exceeded).
 * A resistant person is treated as standing at `sounded`: they have been spoken to, and
 * everything above that is still to win.
 */
export function commitmentGap(current: CommitmentLevel, required: CommitmentLevel | null): number {
  if (!required || required === 'resistant') return 0;
  const from = current === 'resistant' ? ladderRank('sounded') : ladderRank(current);
  return Math.max(0, ladderRank(required) - from);
}
