import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { TimelineEvent } from '@soundings/shared';
import { aBriefing, aCoalitionMember, aFear, aSounding } from '@/testing/fixtures';
import { renderWithApp } from '@/testing/render';
import { FIRST_TIMELINE_ENTRIES, initiativeParties, JourneyTimeline } from './journey-timeline';

describe('JourneyTimeline', () => {
  const fear = aFear({ id: 'f-1', soundingId: 'snd-1', statement: 'It will eat my diary' });
  const timeline: TimelineEvent[] = [
    {
      kind: 'sounding',
      on: '2025-01-10',
      sounding: aSounding({ id: 'snd-1', summary: 'Worried about time', fears: [fear], nextStep: 'Send the outline', followUpOn: '2025-02-01' }),
    },
    { kind: 'fear_voiced', on: '2025-01-10', fear },
    {
      kind: 'commitment_change',
      on: '2025-01-10',
      change: { id: 'c-1', stakeholderId: 's-1', fromLevel: 'not_sounded', toLevel: 'open', on: '2025-01-10', reason: null, soundingId: 'snd-1', createdAt: '' },
    },
    {
      kind: 'fear_resolved',
      on: '2025-03-02',
      fear: { ...fear, status: 'resolved', response: 'Pilot uses 1 hour a month', resolvedOn: '2025-03-02' },
    },
    {
      kind: 'commitment_change',
      on: '2025-03-05',
      change: { id: 'c-2', stakeholderId: 's-1', fromLevel: 'open', toLevel: 'committed', on: '2025-03-05', reason: 'Agreed to sponsor the Finance pilot', soundingId: null, createdAt: '' },
    },
  ];

  it('reads newest first and tells each conversation once, with the fears and level change it produced', () => {
    renderWithApp(<JourneyTimeline timeline={timeline} />);

    const titles = screen.getAllByText(/^(Sounding|Level change|Fear resolved|Fear voiced)$/).map((node) => node.textContent);
    expect(titles).toEqual(['Level change', 'Fear resolved', 'Sounding']);

    const sounding = screen.getByText('Worried about time').closest('.mantine-Paper-root') as HTMLElement;
    expect(within(sounding).getByText('“It will eat my diary”')).toBeInTheDocument();
    expect(within(sounding).getByLabelText('to').parentElement).toHaveTextContent('Not sounded' + 'Open');
    expect(sounding).toHaveTextContent('Next step: Send the outline · follow up by 1 Feb 2025');

    expect(screen.getByText('Agreed to sponsor the Finance pilot')).toBeInTheDocument();
    expect(screen.getByText(/Pilot uses 1 hour a month/)).toBeInTheDocument();
  });

  it('tells a briefing that happened: who briefed whom, the brief and the outcome', () => {
    const briefing = aBriefing({ status: 'done', outcome: 'Priya will sponsor the Finance pilot.' });
    renderWithApp(<JourneyTimeline timeline={[{ kind: 'briefing', on: '2026-03-03', briefing }]} />);
    expect(screen.getByText('Briefing')).toBeInTheDocument();
    expect(screen.getByText('Tom Okafor briefed Priya Raman')).toBeInTheDocument();
    expect(screen.getByText(/Priya will sponsor the Finance pilot/)).toBeInTheDocument();
  });

  it('shows the listed priorities that came up in a sounding and how each narrative landed, in words', () => {
    const sounding = aSounding({
      priorities: [{ id: 'p-1', businessFunction: 'Sales', title: 'Fill the Q3 pipeline' }],
      narratives: [
        { narrative: { id: 'n-1', title: 'Ownership at every level' }, response: 'resonated' },
        { narrative: { id: 'n-2', title: 'Trust earned in the field' }, response: 'jarred' },
      ],
    });
    renderWithApp(<JourneyTimeline timeline={[{ kind: 'sounding', on: '2025-01-10', sounding }]} />);
    expect(screen.getByText('Priorities that came up')).toBeInTheDocument();
    expect(screen.getByText('Fill the Q3 pipeline · Sales')).toBeInTheDocument();
    expect(screen.getByText('Ownership at every level:').closest('p')).toHaveTextContent('Ownership at every level: resonated');
    expect(screen.getByText('Trust earned in the field:').closest('p')).toHaveTextContent('Trust earned in the field: jarred');
  });

  it('tells an initiative they were in: its kind, title, who owned it and who else was involved', () => {
    const owner = aCoalitionMember({ id: 's-owner', name: 'Dana Okafor', role: 'top_team' });
    const people = ['Sam Reed', 'Priya Shah', 'Ana Ruiz', 'Ben Cole'].map((name, index) => aCoalitionMember({ id: `s-${index}`, name }));
    const initiative = {
      id: 'i-1', title: 'Finance leadership showcase', kind: 'showcase' as const, heldOn: '2026-03-04', owner, description: 'Three leaders on the close',
      involved: people.slice(0, 2), createdAt: '', updatedAt: '', version: 1,
    };
    renderWithApp(<JourneyTimeline timeline={[{ kind: 'initiative', on: '2026-03-04', initiative }]} />);
    expect(screen.getByText('Showcase')).toBeInTheDocument();
    expect(screen.getByText('Finance leadership showcase')).toBeInTheDocument();
    expect(screen.getByText('Owned by Dana Okafor · with Sam Reed and Priya Shah')).toBeInTheDocument();

    expect(initiativeParties({ ...initiative, owner: null, involved: people })).toBe('Led by HR · with Sam Reed, Priya Shah and 2 others');
    expect(initiativeParties({ ...initiative, owner: { ...owner, role: 'hr' }, involved: [] })).toBe('Led by HR');
  });
  describe('a long history', () => {
    const soundings = (count: number): TimelineEvent[] =>
      Array.from({ length: count }, (_, i): TimelineEvent => {
        const on = `2024-01-${String(i + 1).padStart(2, '0')}`;
        return { kind: 'sounding', on, sounding: aSounding({ id: `snd-${i + 1}`, heldOn: on, summary: `Conversation ${i + 1}` }) };
      });

    it('shows the newest entries first and the earlier ones on request', async () => {
      const user = userEvent.setup({ delay: null });
      renderWithApp(<JourneyTimeline timeline={soundings(FIRST_TIMELINE_ENTRIES + 3)} />);
      expect(screen.getByText(`Conversation ${FIRST_TIMELINE_ENTRIES + 3}`)).toBeInTheDocument();
      expect(screen.queryByText('Conversation 3')).not.toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Show 3 earlier entries' }));
      expect(screen.getByText('Conversation 1')).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: /earlier/ })).not.toBeInTheDocument();
    });

    it('always shows the sounding just saved, however old', () => {
      renderWithApp(<JourneyTimeline timeline={soundings(FIRST_TIMELINE_ENTRIES + 3)} highlightSoundingId="snd-1" />);
      expect(screen.getByText('Conversation 1')).toBeInTheDocument();
      expect(screen.queryByRole('button', { name: /earlier/ })).not.toBeInTheDocument();
    });
  });
});
