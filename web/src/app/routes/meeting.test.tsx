import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { MeetingAttendee } from '@soundings/shared';
import { mockApi } from '@/testing/api-mock';
import { aMeeting, anAttendee, aPage, aReadiness, aStakeholder } from '@/testing/fixtures';
import { renderWithApp } from '@/testing/render';
import { MeetingRoute } from './meeting';
import { groupByWhomTheyLookTo } from '@/features/meetings/components/readiness';

const helen = anAttendee({ id: 's-ceo', name: 'Helen Achterberg', commitment: 'committed' });
const room = [
  helen,
  ...['Aoife Brennan', 'Daniel Osei', 'Sofia Lindqvist', 'Carla Rossi', 'Kasia Celik'].map((name, index) => anAttendee({ id: `s-on-${index}`, name })),
  anAttendee({
    id: 's-raj',
    name: 'Rajiv Menon',
    commitment: 'open',
    onBoard: false,
    looksTo: { id: 's-ceo', name: 'Helen Achterberg', commitment: 'committed', onBoard: true, attending: true },
    openFears: [
      { id: 'f-1', statement: 'Who pays for the coaches?', redacted: false, category: 'cost_and_budget', status: 'open', voicedOn: '2026-01-10' },
      { id: 'f-2', statement: null, redacted: true, category: 'personal_exposure', status: 'open', voicedOn: '2026-01-12' },
    ],
    warnings: ['open_fears'],
  }),
  anAttendee({
    id: 's-chloe',
    name: 'Chloé Dubois',
    commitment: 'not_sounded',
    onBoard: false,
    soundedIndividually: false,
    lastContactAt: null,
    warnings: ['not_sounded_individually'],
  }),
  anAttendee({ id: 's-tom', name: 'Tomasz Wiśniewski', commitment: 'resistant', onBoard: false, warnings: ['resistant'] }),
];
const attendees: MeetingAttendee[] = room.map((attendee) => ({
  id: attendee.stakeholder.id,
  name: attendee.stakeholder.name,
  role: 'top_team',
  commitment: attendee.commitment,
  spokeFor: false,
}));

function serveMeeting(api: ReturnType<typeof mockApi>, meetingAttendees = attendees) {
  api.get('/meetings/:id', { body: aMeeting({ attendees: meetingAttendees, attendeeCount: meetingAttendees.length, version: 4 }) });
  api.get('/meetings/:id/readiness', { body: aReadiness(room) });
  api.get('/stakeholders', ({ query }) => ({
    body: aPage(
      query.get('role') === 'top_team'
        ? [aStakeholder({ id: 's-ceo', name: 'Helen Achterberg' }), aStakeholder({ id: 's-new', name: 'Ines Duarte' })]
        : [],
    ),
  }));
}

const open = (role: 'practitioner' | 'viewer' = 'practitioner') =>
  renderWithApp(<MeetingRoute />, { url: '/meetings/m-1', path: '/meetings/:meetingId', role });

describe('Meeting page', () => {
  it('leads with how many are on board and what to do before the meeting', async () => {
    const api = mockApi();
    serveMeeting(api);
    open();

    expect(await screen.findByText('6 of 9 on board')).toBeInTheDocument();
    const todo = screen.getByRole('region', { name: 'Do before the meeting' });
    const sections = within(todo)
      .getAllByText(/^(Sound out one to one|Answer open fears|Resistant|Cooling) \(\d+\)$/)
      .map((heading) => heading.textContent);
    expect(sections).toEqual(['Sound out one to one (1)', 'Answer open fears (2)', 'Resistant (1)']);
    expect(within(todo).getByRole('link', { name: 'Chloé Dubois' })).toHaveAttribute('href', '/stakeholders/s-chloe');
    expect(within(todo).getAllByRole('link', { name: 'Log a sounding' })[0]).toHaveAttribute('href', '/stakeholders/s-chloe/soundings/new');
    expect(within(todo).getByText('“Who pays for the coaches?”')).toBeInTheDocument();
    expect(within(todo).getByText('Confidential: only its author and admins can read it.')).toBeInTheDocument();

    const grid = screen.getByRole('region', { name: 'The room' });
    expect(within(within(grid).getByRole('group', { name: 'On board' })).getAllByText(/./, { selector: 'a' })).toHaveLength(6);
    expect(within(grid).getByLabelText('Tomasz Wiśniewski: Resistant')).toHaveAttribute('data-commitment', 'resistant');

    const looksTo = screen.getByRole('region', { name: 'Who the undecided look to' });
    const helen = within(looksTo).getByRole('link', { name: 'Rajiv Menon' }).closest('[data-advice]') as HTMLElement;
    expect(helen).toHaveAttribute('data-advice', 'speak_first');
    expect(helen).toHaveAttribute('data-leader', 'Helen Achterberg');
    expect(helen).toHaveTextContent(/^Ask Helen Achterberg to speak first/);
  });

  it('adds the whole top team at once, keeping who is already attending', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    serveMeeting(api, attendees.slice(0, 2));
    api.patch('/meetings/:id', ({ body }) => ({ body: aMeeting({ version: 5, attendees: [] , ...(body as object) }) }));
    open();

    await user.click(await screen.findByRole('button', { name: 'Add the whole top team (1)' }));
    await waitFor(() => expect(api.requestsTo('PATCH', '/meetings/m-1')).toHaveLength(1));
    expect(api.requestsTo('PATCH', '/meetings/m-1')[0].body).toEqual({ attendeeIds: ['s-ceo', 's-on-0', 's-new'], version: 4 });
  });

  it('shows a viewer the readiness but no way to change the attendees or record who spoke', async () => {
    const api = mockApi();
    serveMeeting(api);
    open('viewer');

    expect(await screen.findByText('6 of 9 on board')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Add the whole top team/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Remove/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'After the meeting' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Log a sounding' })).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Print brief/ })).toHaveAttribute('href', '/meetings/m-1/print');
  });
});

describe('advice on whom the undecided look to', () => {
  it('gives advice about one person once, naming everyone who looks to them', () => {
    const helen = { id: 's-helen', name: 'Helen Achterberg', commitment: 'committed' as const, onBoard: true, attending: true };
    const undecided = ['Ana', 'Ben', 'Cy', 'Dee'].map((name) =>
      anAttendee({ id: `s-${name}`, name, commitment: 'open', onBoard: false, looksTo: helen }),
    );
    const loner = anAttendee({ id: 's-eve', name: 'Eve', commitment: 'sounded', onBoard: false, looksTo: null });
    const groups = groupByWhomTheyLookTo(aReadiness([...undecided, loner, anAttendee({ id: 's-helen', name: 'Helen Achterberg' })]));
    expect(groups.map((group) => [group.advice, group.leader?.name ?? null, group.people.map((person) => person.stakeholder.name)])).toEqual([
      ['speak_first', 'Helen Achterberg', ['Ana', 'Ben', 'Cy', 'Dee']],
      ['no_one_recorded', null, ['Eve']],
    ]);
  });
});
