import type { Priority } from '@soundings/shared';
import { groupByFunction } from './priority-groups';

function priority(id: string, businessFunction: string, title: string): Priority {
  return { id, businessFunction, title, owner: null, coachingLink: null, createdAt: '', updatedAt: '', version: 1 };
}

describe('groupByFunction', () => {
  it('groups by function whatever its case or spacing, functions by name and priorities by title', () => {
    const groups = groupByFunction([
      priority('1', 'Sales', 'Win back lapsed accounts'),
      priority('2', 'finance ', 'Close in five days'),
      priority('3', 'Finance', 'Allocate capital faster'),
      priority('4', 'IT', 'Keep the platform up'),
    ]);
    expect(groups.map((group) => [group.businessFunction, group.priorities.map((p) => p.id)])).toEqual([
      ['finance', ['3', '2']],
      ['IT', ['4']],
      ['Sales', ['1']],
    ]);
  });

  it('is empty without priorities', () => {
    expect(groupByFunction([])).toEqual([]);
  });
});
