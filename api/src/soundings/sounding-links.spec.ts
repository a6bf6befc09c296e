import { linkProblems } from './sounding-links';
import type { LinkTargets } from './sounding-links.repository';

const targets: LinkTargets = {
  priorityIds: new Set(['p-listed']),
  narratives: new Map([
    ['n-offered', false],
    ['n-archived', true],
  ]),
};

describe('linkProblems', () => {
  it('accepts listed priorities and offered narratives, and lists left out', () => {
    expect(linkProblems({ priorityIds: ['p-listed'], narratives: [{ narrativeId: 'n-offered', response: 'jarred' }] }, targets, new Set())).toEqual([]);
    expect(linkProblems({}, targets, new Set())).toEqual([]);
  });

  it('names each unknown priority and narrative by its place in the list', () => {
    expect(
      linkProblems(
        { priorityIds: ['p-listed', 'p-unknown'], narratives: [{ narrativeId: 'n-offered', response: 'resonated' }, { narrativeId: 'n-unknown', response: 'jarred' }] },
        targets,
        new Set(),
      ),
    ).toEqual([
      { field: 'priorityIds.1', message: 'is not a listed priority' },
      { field: 'narratives.1.narrativeId', message: 'is not a listed narrative' },
    ]);
  });

  it('keeps an archived narrative the sounding already records, and refuses to add one it does not', () => {
    const archived = { narratives: [{ narrativeId: 'n-archived', response: 'resonated' as const }] };
    expect(linkProblems(archived, targets, new Set(['n-archived']))).toEqual([]);
    expect(linkProblems(archived, targets, new Set())).toEqual([
      { field: 'narratives.0.narrativeId', message: 'is archived: it stays on soundings that record it, but cannot be newly added' },
    ]);
  });
});
