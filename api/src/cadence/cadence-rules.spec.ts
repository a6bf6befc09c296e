import { intlKnowsTimeZone } from '../settings/settings.service';
import { cadenceProblems } from './cadence-rules';

describe('cadenceProblems', () => {
  it('accepts a maximum equal to or after the ideal, and names the maximum when it comes first', () => {
    expect(cadenceProblems({ idealDays: 21, maxDays: 45 }, 'cadence')).toEqual([]);
    expect(cadenceProblems({ idealDays: 21, maxDays: 21 }, 'cadence')).toEqual([]);
    expect(cadenceProblems({ idealDays: 30, maxDays: 20 }, 'cadence.top_team')).toEqual([
      { field: 'cadence.top_team.maxDays', message: 'must be at least the ideal interval (30 days)' },
    ]);
  });
});

describe('intlKnowsTimeZone', () => {
  it('knows IANA zones and refuses offsets, abbreviations, blanks and control characters', () => {
    expect(['UTC', 'Europe/London', 'Pacific/Auckland', 'America/Argentina/Buenos_Aires'].filter(intlKnowsTimeZone)).toHaveLength(4);
    expect(['UTC+3', '+03:00', 'NZDT', '', 'Europe/London\u0000', 'Mars/Olympus_Mons'].filter(intlKnowsTimeZone)).toEqual([]);
  });
});
