import {
  CHAMPION_MIN_LOOKED_TO_BY,
  CHAMPION_TESTS,
  CHAMPION_VERDICTS,
  ChampionAssessment,
  ChampionEvidenceItem,
  ChampionTest,
  ChampionVerdict,
  CoalitionMember,
} from '@soundings/shared';

export type TestsMet = Record<ChampionTest, boolean>;

/**
 * All three tests: qualified. Influence and one other: close. Influence alone: developing. Without
 * influence a person is a useful coach, whatever else they do: they cannot carry the case to others.
 */
export function championVerdict(met: TestsMet): ChampionVerdict {
  if (!met.influence) return 'coach';
  const others = Number(met.advocacy) + Number(met.stake);
  return others === 2 ? 'qualified' : others === 1 ? 'close' : 'developing';
}

const people = (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`;

/** What an unmet test still needs, in words. */
export function missingText(test: ChampionTest, lookedToBy: number): string {
  switch (test) {
    case 'influence':
      return lookedToBy === 0
        ? `Nobody looks to them yet: ${CHAMPION_MIN_LOOKED_TO_BY} people should, or record evidence of their influence`
        : `Only ${people(lookedToBy)} ${lookedToBy === 1 ? 'looks' : 'look'} to them: ${CHAMPION_MIN_LOOKED_TO_BY} should, or record evidence of their influence`;
    case 'advocacy':
      return 'No briefing given or meeting spoken in yet';
    case 'stake':
      return 'No benefit named in a sounding, priority owned or personal stake recorded yet';
  }
}

// A benefit is quoted, not copied whole: the list shows a line per piece of evidence.
const QUOTE_MAX = 160;

function clip(words: string): string {
  const oneLine = words.replace(/\s+/g, ' ').trim();
  return oneLine.length > QUOTE_MAX ? `${oneLine.slice(0, QUOTE_MAX - 1).trimEnd()}…` : oneLine;
}

/**
 * The evidence read from what Soundings already holds, in words. The day is not in them: each item carries it
 * as `on`, and the browser prints it as it prints every other date, in the reader's own locale.
 */
export const evidenceText = {
  /** Someone whose view theirs sways: a link to them, or a direct report. */
  swayed(name: string, via: 'looks_to' | 'mentor' | 'reporting_line'): string {
    if (via === 'mentor') return `They mentor ${name}`;
    return via === 'reporting_line' ? `${name} reports to them` : `${name} looks to them`;
  },
  /** A briefing they gave (status done); `audienceName` null for the whole top team. */
  briefingGiven(audienceName: string | null): string {
    return `Briefed ${audienceName ?? 'the top team'}`;
  },
  spokeInMeeting(title: string): string {
    return `Spoke for it in “${clip(title)}”`;
  },
  /** `words` null when the sounding is confidential and the reader may not see it. */
  benefitNamed(words: string | null): string {
    return words === null ? 'Named a benefit in a confidential sounding' : `Named a benefit: “${clip(words)}”`;
  },
  priorityOwned(businessFunction: string, title: string): string {
    return `Owns the ${businessFunction} priority “${clip(title)}”`;
  },
};

export interface ChampionCandidate {
  person: CoalitionMember;
  influenceScore: number;
  /** Distinct people who look to them (swaying links and direct reports). */
  lookedToBy: number;
}

export interface TestEvidence {
  test: ChampionTest;
  item: ChampionEvidenceItem;
}

// Dated evidence newest first; undated (links, reporting lines) keep the order they came in, first.
function byDate(a: ChampionEvidenceItem, b: ChampionEvidenceItem): number {
  if (a.on === b.on) return 0;
  if (a.on === null) return -1;
  if (b.on === null) return 1;
  return a.on < b.on ? 1 : -1;
}

/** One potential champion's three tests, verdict and what is missing. */
export function assessChampion(candidate: ChampionCandidate, evidence: TestEvidence[]): ChampionAssessment {
  const tests = CHAMPION_TESTS.map((test) => {
    const items = evidence.filter((entry) => entry.test === test).map((entry) => entry.item).sort(byDate);
    // Influence is met by enough people looking to them, or by evidence recorded by hand; a single follower is evidence, not yet proof.
    const met =
      test === 'influence'
        ? candidate.lookedToBy >= CHAMPION_MIN_LOOKED_TO_BY || items.some((item) => item.source === 'recorded')
        : items.length > 0;
    return { test, met, evidence: items };
  });
  const met = Object.fromEntries(tests.map((result) => [result.test, result.met])) as TestsMet;
  return {
    person: candidate.person,
    verdict: championVerdict(met),
    influenceScore: candidate.influenceScore,
    lookedToBy: candidate.lookedToBy,
    tests,
    missing: tests.filter((result) => !result.met).map((result) => missingText(result.test, candidate.lookedToBy)),
  };
}

/** Qualified first, then close, developing and coaches; the order within each is kept (by name). */
export function orderByVerdict(assessments: ChampionAssessment[]): ChampionAssessment[] {
  const rank = (verdict: ChampionVerdict) => CHAMPION_VERDICTS.indexOf(verdict);
  return [...assessments].sort((a, b) => rank(a.verdict) - rank(b.verdict));
}
