import type { CommitmentLevel } from '@soundings/shared';
import { buildStakeholderInfluence, influenceSummaryText } from './stakeholder-influence';
import type { MemberColumns, TieRow } from './influences.repository';
import { mapMember } from './influence.mapper';

function member(id: string, commitment: CommitmentLevel = 'open'): MemberColumns {
  return { id, name: id, title: null, role: 'line_manager', business_function: 'Finance', potential_champion: false, commitment, required_commitment: null };
}

function tie(person: MemberColumns, overrides: Partial<TieRow> = {}): TieRow {
  return { influence_id: `link-${person.id}`, kind: 'looks_to', strength: 2, note: null, outgoing: true, via: 'link', person, ...overrides };
}

describe('influenceSummaryText', () => {
  const text = (looksTo: number, onBoard: number, resistant: number, lookedToBy = 0) =>
    influenceSummaryText('Dana Okafor', { looksTo, onBoard, resistant, lookedToBy });

  it('says how many of the people they look to are on board and how many resistant, with the right plurals', () => {
    expect(text(4, 3, 1)).toBe('3 of the 4 people Dana Okafor looks to are on board; 1 is resistant.');
    expect(text(5, 1, 2)).toBe('1 of the 5 people Dana Okafor looks to is on board; 2 are resistant.');
    expect(text(3, 2, 0)).toBe('2 of the 3 people Dana Okafor looks to are on board.');
  });

  it('speaks of both, all or none when the count allows', () => {
    expect(text(2, 2, 0)).toBe('Both people Dana Okafor looks to are on board.');
    expect(text(3, 3, 0)).toBe('All 3 people Dana Okafor looks to are on board.');
    expect(text(3, 0, 3)).toBe('None of the 3 people Dana Okafor looks to are on board yet; 3 are resistant.');
  });

  it('speaks of one person as one person', () => {
    expect(text(1, 1, 0)).toBe('Dana Okafor looks to 1 person, who is on board.');
    expect(text(1, 0, 1)).toBe('Dana Okafor looks to 1 person, who is resistant.');
    expect(text(1, 0, 0)).toBe('Dana Okafor looks to 1 person, who is not on board yet.');
  });

  it('says so when they look to no one, and adds who looks to them', () => {
    expect(text(0, 0, 0)).toBe('Dana Okafor looks to no one on record yet.');
    expect(text(0, 0, 0, 1)).toBe('Dana Okafor looks to no one on record yet. 1 person looks to Dana Okafor.');
    expect(text(2, 1, 0, 3)).toBe('1 of the 2 people Dana Okafor looks to is on board. 3 people look to Dana Okafor.');
  });
});

describe('buildStakeholderInfluence', () => {
  const dana = mapMember(member('Dana'));

  it('sorts ties into looks to, looked to by, allies and conflicts, strongest first then by name', () => {
    const result = buildStakeholderInfluence(dana, [
      tie(member('Zoe', 'committed'), { strength: 3 }),
      tie(member('Ann', 'resistant'), { strength: 1 }),
      tie(member('Boss', 'supportive'), { influence_id: null, via: 'reporting_line' }),
      tie(member('Mentor', 'open'), { kind: 'mentor' }),
      tie(member('Report'), { influence_id: null, via: 'reporting_line', outgoing: false }),
      tie(member('Follower'), { outgoing: false, strength: 3 }),
      tie(member('Pal'), { kind: 'ally', outgoing: false }),
      tie(member('Foe'), { kind: 'conflict' }),
    ]);
    expect(result.looksTo.map((t) => [t.person.id, t.kind, t.strength, t.via])).toEqual([
      ['Zoe', 'looks_to', 3, 'link'],
      ['Boss', 'looks_to', 2, 'reporting_line'],
      ['Mentor', 'mentor', 2, 'link'],
      ['Ann', 'looks_to', 1, 'link'],
    ]);
    expect(result.lookedToBy.map((t) => t.person.id)).toEqual(['Follower', 'Report']);
    expect(result.allies.map((t) => t.person.id)).toEqual(['Pal']);
    expect(result.conflicts.map((t) => t.person.id)).toEqual(['Foe']);
    expect(result.summary).toEqual({
      looksTo: 4,
      onBoard: 2,
      resistant: 1,
      lookedToBy: 2,
      text: '2 of the 4 people Dana looks to are on board; 1 is resistant. 2 people look to Dana.',
    });
  });

  it('counts a person tied twice (their manager, also named as a mentor) once', () => {
    const boss = member('Boss', 'committed');
    const result = buildStakeholderInfluence(dana, [tie(boss, { influence_id: null, via: 'reporting_line' }), tie(boss, { kind: 'mentor' })]);
    expect(result.looksTo.map((t) => [t.kind, t.via])).toEqual([
      ['mentor', 'link'],
      ['looks_to', 'reporting_line'],
    ]);
    expect(result.summary).toMatchObject({ looksTo: 1, onBoard: 1, text: 'Dana looks to 1 person, who is on board.' });
  });
});
