import { nestsDeeperThan } from './json-body-parser';

describe('nestsDeeperThan', () => {
  it('counts objects and arrays alike, the outermost as the first level', () => {
    expect(nestsDeeperThan('{"a":[{"b":1}]}', 3)).toBe(false);
    expect(nestsDeeperThan('{"a":[{"b":1}]}', 2)).toBe(true);
    expect(nestsDeeperThan('[[[]]]', 3)).toBe(false);
    expect(nestsDeeperThan('[[[[]]]]', 3)).toBe(true);
  });

  it('measures the deepest branch, not the total count of brackets', () => {
    expect(nestsDeeperThan(`[${'{},'.repeat(10_000)}{}]`, 2)).toBe(false);
  });

  it('ignores brackets inside strings, escaped quotes included', () => {
    expect(nestsDeeperThan(JSON.stringify({ name: '[[[[{{{{' }), 1)).toBe(false);
    expect(nestsDeeperThan(JSON.stringify({ name: 'say \\"[[[[\\" and "{{{{"' }), 1)).toBe(false);
    expect(nestsDeeperThan('{"a\\"[[":{"b":1}}', 2)).toBe(false);
  });

  it('gives up as soon as the limit is passed', () => {
    expect(nestsDeeperThan('['.repeat(100_000), 32)).toBe(true);
  });
});
