import { priorityOptionGroups } from './briefing-priorities';

const close = { id: 'p1', businessFunction: 'Finance', title: 'Close in five days' };
const capital = { id: 'p2', businessFunction: 'finance', title: 'Allocate capital faster' };
const uptime = { id: 'p3', businessFunction: 'IT', title: 'Keep the platform up' };
const accounts = { id: 'p4', businessFunction: 'Sales', title: 'Win back lapsed accounts' };

describe('priorityOptionGroups', () => {
  it("offers the audience's function's priorities first, whatever the case, then the others by function and title", () => {
    expect(priorityOptionGroups([accounts, close, uptime, capital], 'Finance')).toEqual([
      {
        group: "Finance's priorities",
        items: [
          { value: 'p2', label: 'Allocate capital faster' },
          { value: 'p1', label: 'Close in five days' },
        ],
      },
      {
        group: 'Other functions',
        items: [
          { value: 'p3', label: 'IT: Keep the platform up' },
          { value: 'p4', label: 'Sales: Win back lapsed accounts' },
        ],
      },
    ]);
  });

  it('offers one list when the audience has no function or none of its priorities are on record', () => {
    expect(priorityOptionGroups([uptime, close], null).map((group) => group.group)).toEqual(['Priorities']);
    expect(priorityOptionGroups([uptime], 'Finance').map((group) => [group.group, group.items.length])).toEqual([['Priorities', 1]]);
    expect(priorityOptionGroups([], 'Finance')).toEqual([]);
  });
});
