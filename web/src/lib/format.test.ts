import { quoted } from './format';

describe('quoted', () => {
  it('wraps a statement in curly quotes once, whatever quotes were typed', () => {
    expect(quoted('No time to coach')).toBe('“No time to coach”');
    expect(quoted('"No time to coach"')).toBe('“No time to coach”');
    expect(quoted(' “No time to coach” ')).toBe('“No time to coach”');
    expect(quoted("It's HR's thing")).toBe('“It\'s HR\'s thing”');
  });
});
