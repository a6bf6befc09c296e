import { toCoalitionMember } from '../coalition/coalition-member';
import type { CoalitionMemberRow } from '../coalition/coalition-member';
import { isCovered, toFunctionCoverage } from './function-coverage';

function member(id: string, commitment: string, role = 'line_manager'): CoalitionMemberRow {
  return { id, name: id.toUpperCase(), title: null, role, business_function: 'Finance', potential_champion: true, commitment, required_commitment: null };
}

describe('function coverage', () => {
  it('is covered only by a committed or public champion', () => {
    const coverage = (commitment: string) => isCovered([toCoalitionMember(member('a', commitment))]);
    expect(coverage('committed')).toBe(true);
    expect(coverage('public_champion')).toBe(true);
    expect(coverage('supportive')).toBe(false);
    expect(isCovered([])).toBe(false);
  });

  it('maps priorities as refs and names where each leader stands', () => {
    const row = {
      business_function: 'Finance',
      priorities: [{ id: 'p1', business_function: 'Finance', title: 'Close in five days' }],
      champions: [],
      leaders: [member('cfo', 'open', 'top_team'), member('fd', 'resistant', 'senior_leader')],
    };
    const coverage = toFunctionCoverage(row);
    expect(coverage).toMatchObject({
      businessFunction: 'Finance',
      priorities: [{ id: 'p1', businessFunction: 'Finance', title: 'Close in five days' }],
      champions: [],
      covered: false,
    });
    expect(coverage.leaders.map((leader) => [leader.stakeholder.id, leader.commitment, leader.stakeholder.onBoard])).toEqual([
      ['cfo', 'open', false],
      ['fd', 'resistant', false],
    ]);
  });
});
