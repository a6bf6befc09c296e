import { CHAMPION_MIN_LOOKED_TO_BY, ChampionEvidenceItem, CoalitionMember } from '@soundings/shared';
import { assessChampion, championVerdict, evidenceText, missingText, orderByVerdict, TestEvidence } from './champion-qualification';

const person = (name: string): CoalitionMember => ({
  id: name.toLowerCase(),
  name,
  title: null,
  role: 'line_manager',
  businessFunction: 'Finance',
  potentialChampion: true,
  commitment: 'supportive',
  requiredCommitment: null,
  onBoard: true,
});

const item = (source: ChampionEvidenceItem['source'], text: string, on: string | null = null): ChampionEvidenceItem => ({
  source,
  text,
  on,
  refId: null,
  personId: null,
});

const follower = (name: string): TestEvidence => ({ test: 'influence', item: item('influence_link', `${name} looks to them`) });
const briefing: TestEvidence = { test: 'advocacy', item: item('briefing_given', 'Briefed Dana Okafor', '2026-11-12') };
const benefit: TestEvidence = { test: 'stake', item: item('benefit_named', 'Named a benefit: “Fewer escalations”', '2026-11-03') };

describe('championVerdict', () => {
  it('qualifies all three tests, calls influence and one other close, influence alone developing', () => {
    expect(championVerdict({ influence: true, advocacy: true, stake: true })).toBe('qualified');
    expect(championVerdict({ influence: true, advocacy: true, stake: false })).toBe('close');
    expect(championVerdict({ influence: true, advocacy: false, stake: true })).toBe('close');
    expect(championVerdict({ influence: true, advocacy: false, stake: false })).toBe('developing');
  });

  it('makes anyone without influence a coach, whatever else they have done', () => {
    expect(championVerdict({ influence: false, advocacy: true, stake: true })).toBe('coach');
    expect(championVerdict({ influence: false, advocacy: false, stake: false })).toBe('coach');
  });
});

describe('assessChampion', () => {
  it(`meets influence with ${CHAMPION_MIN_LOOKED_TO_BY} people looking to them, and qualifies with a briefing and a benefit`, () => {
    const assessed = assessChampion({ person: person('Ana'), influenceScore: 4, lookedToBy: 2 }, [follower('Sam Reed'), follower('Priya Shah'), briefing, benefit]);
    expect(assessed.verdict).toBe('qualified');
    expect(assessed.tests.map((test) => [test.test, test.met, test.evidence.length])).toEqual([
      ['influence', true, 2],
      ['advocacy', true, 1],
      ['stake', true, 1],
    ]);
    expect(assessed.missing).toEqual([]);
  });

  it('lists a single follower as evidence but does not count it as influence, and says what is missing', () => {
    const assessed = assessChampion({ person: person('Ben'), influenceScore: 2, lookedToBy: 1 }, [follower('Sam Reed'), briefing, benefit]);
    expect(assessed.verdict).toBe('coach');
    expect(assessed.tests[0]).toMatchObject({ test: 'influence', met: false, evidence: [expect.objectContaining({ text: 'Sam Reed looks to them' })] });
    expect(assessed.missing).toEqual([`Only 1 person looks to them: ${CHAMPION_MIN_LOOKED_TO_BY} should, or record evidence of their influence`]);
  });

  it('takes recorded influence evidence in place of people looking to them', () => {
    const recorded: TestEvidence = { test: 'influence', item: item('recorded', 'The Finance managers follow her lead', '2026-10-01') };
    const assessed = assessChampion({ person: person('Cleo'), influenceScore: 0, lookedToBy: 0 }, [recorded, briefing]);
    expect(assessed.verdict).toBe('close');
    expect(assessed.missing).toEqual(['No benefit named in a sounding, priority owned or personal stake recorded yet']);
  });

  it('lists every unmet test, in test order, for someone with nothing yet', () => {
    const assessed = assessChampion({ person: person('Dev'), influenceScore: 0, lookedToBy: 0 }, []);
    expect(assessed.verdict).toBe('coach');
    expect(assessed.missing).toEqual([missingText('influence', 0), missingText('advocacy', 0), missingText('stake', 0)]);
  });

  it('shows undated ties first, then dated evidence newest first', () => {
    const older: TestEvidence = { test: 'advocacy', item: item('spoke_in_meeting', 'older', '2026-01-05') };
    const newer: TestEvidence = { test: 'advocacy', item: item('recorded', 'newer', '2026-06-01') };
    const assessed = assessChampion({ person: person('Eve'), influenceScore: 6, lookedToBy: 3 }, [older, newer, briefing]);
    expect(assessed.tests[1].evidence.map((entry) => entry.on)).toEqual(['2026-11-12', '2026-06-01', '2026-01-05']);
  });
});

describe('orderByVerdict', () => {
  it('puts qualified first, then close, developing and coaches, keeping the order within each', () => {
    const make = (name: string, verdict: 'qualified' | 'close' | 'developing' | 'coach') => ({
      ...assessChampion({ person: person(name), influenceScore: 0, lookedToBy: 0 }, []),
      verdict,
    });
    const ordered = orderByVerdict([make('Abe', 'coach'), make('Bea', 'close'), make('Cal', 'qualified'), make('Dee', 'close'), make('Eli', 'developing')]);
    expect(ordered.map((entry) => entry.person.name)).toEqual(['Cal', 'Bea', 'Dee', 'Eli', 'Abe']);
  });
});

describe('evidence in words', () => {
  it('names who looks to them, reports to them, or is mentored by them', () => {
    expect(evidenceText.swayed('Sam Reed', 'looks_to')).toBe('Sam Reed looks to them');
    expect(evidenceText.swayed('Priya Shah', 'reporting_line')).toBe('Priya Shah reports to them');
    expect(evidenceText.swayed('Ola Berg', 'mentor')).toBe('They mentor Ola Berg');
  });

  it('names whom they briefed and the meeting they spoke in, leaving the day to the item', () => {
    expect(evidenceText.briefingGiven('Dana Okafor')).toBe('Briefed Dana Okafor');
    expect(evidenceText.briefingGiven(null)).toBe('Briefed the top team');
    expect(evidenceText.spokeInMeeting('Leadership offsite')).toBe('Spoke for it in “Leadership offsite”');
  });

  it('quotes a benefit on one line, clipped, and withholds a confidential one entirely', () => {
    expect(evidenceText.benefitNamed('Fewer\n escalations')).toBe('Named a benefit: “Fewer escalations”');
    const long = evidenceText.benefitNamed('word '.repeat(100));
    expect(long.length).toBeLessThan(220);
    expect(long.endsWith('…”')).toBe(true);
    expect(evidenceText.benefitNamed(null)).toBe('Named a benefit in a confidential sounding');
  });
});
