import { addYears, canonicalText, fearIdentity, latestPlannableDay, textProblem } from './input-rules';

describe('textProblem', () => {
  it.each([
    'Søren Ødegård',
    'Łukasz Żuławski',
    'Ægir',
    '李雷',
    "Siobhán O'Brien",
    'Mary-Kate O’Neill',
    'ليلى عبد الله',
    'अनन्या शर्मा',
    canonicalText('Jose\u0301 A\u0301lvarez'),
    'مهر\u200Cداد',
    'Ana 🙂',
    'Nguyễn Văn An',
  ])('accepts the real name %s', (name) => {
    expect(textProblem(name, 'name')).toBeNull();
  });

  it.each([
    ['\u200B', 'must contain at least one letter'],
    ['-', 'must contain at least one letter'],
    ['.', 'must contain at least one letter'],
    ['???', 'must contain at least one letter'],
    ['🙂', 'must contain at least one letter'],
    ['3', 'must contain at least one letter'],
    ['\u0301', 'must contain at least one letter'],
    ['null', 'not the word "null"'],
    ['Undefined', 'not the word "Undefined"'],
    ['Ana\u0007', 'control characters'],
    ['Ana\nBell', 'control characters'],
    ['\u202Egnp.exe', 'bidirectional'],
    ['Ana \u2066Bell\u2069', 'bidirectional'],
    ['Ana\uD800', 'unpaired surrogates'],
    ['\uDC00Ana', 'unpaired surrogates'],
  ])('refuses %j as a name (%s)', (name, why) => {
    expect(textProblem(name, 'name')).toContain(why);
  });

  it('lets paragraphs through in long text, and digits count as content', () => {
    expect(textProblem('First line\n\tsecond line\r\n', 'text')).toBeNull();
    expect(textProblem('3', 'text')).toBeNull();
    expect(textProblem('3', 'line')).toBeNull();
    expect(textProblem('a\u000Bb', 'text')).toContain('control characters');
    expect(textProblem('???', 'text')).toContain('letter or digit');
  });

  it('lets a unit be a symbol alone, but not punctuation alone or a placeholder word', () => {
    for (const unit of ['%', '£', '€k', 'days', 'm²', '‰']) expect(textProblem(unit, 'unit')).toBeNull();
    expect(textProblem('-', 'unit')).toBe('must contain a letter, digit or symbol such as %');
    expect(textProblem('null', 'unit')).toBe('must be a real value, not the word "null"');
    expect(textProblem('per\ncent', 'unit')).toBe('must be one line without control characters');
  });

  it('leaves empty text to the caller (optional fields may be empty)', () => {
    expect(textProblem('', 'line')).toBeNull();
  });
});

describe('canonicalText and fearIdentity', () => {
  it('trims and composes, so one name typed two ways is stored one way', () => {
    expect(canonicalText('  Jose\u0301 ')).toBe('José');
  });

  it('treats statements that differ only in case, spacing or width as the same fear', () => {
    expect(fearIdentity('No  time ')).toBe(fearIdentity('no TIME'));
    expect(fearIdentity('ＮＯ time')).toBe(fearIdentity('no time'));
    expect(fearIdentity('No time')).not.toBe(fearIdentity('No budget'));
  });
});

describe('campaign dates', () => {
  it('moves a day by whole years, 29 February to 28 February in a common year', () => {
    expect(addYears('2024-02-29', 5)).toBe('2029-02-28');
    expect(addYears('2026-12-01', 5)).toBe('2031-12-01');
  });

  it('plans at most five years ahead of the latest possible today', () => {
    expect(latestPlannableDay(new Date('2026-06-30T12:00:00Z'))).toBe('2031-07-01');
    expect(latestPlannableDay(new Date('2026-06-30T09:00:00Z'))).toBe('2031-06-30');
  });
});
