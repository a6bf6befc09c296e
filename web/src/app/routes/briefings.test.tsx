import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { BriefingPlan } from '@soundings/shared';
import { mockApi } from '@/testing/api-mock';
import { aBriefing, aBriefingParty, aPage, aPlanItem } from '@/testing/fixtures';
import { renderWithApp } from '@/testing/render';
import { BriefingsRoute } from './briefings';

const hr = aBriefing({ id: 'b-hr', briefer: null, hr: true, audience: null, topTeam: true, plannedFor: '2026-03-03T08:00:00.000Z', brief: 'What the programme offers.' });
const ada = aBriefing({
  id: 'b-ada',
  briefer: aBriefingParty({ id: 's-ada', name: 'Ada Lind', businessFunction: 'Sales', commitment: 'supportive' }),
  plannedFor: '2026-03-03T09:00:00.000Z',
  brief: null,
});
const tom = aBriefing({ id: 'b-tom', plannedFor: '2026-03-04T09:00:00.000Z', day: '2026-03-04' });

const plan: BriefingPlan = {
  items: [aPlanItem(hr, ['hr_before_champions']), aPlanItem(ada, ['briefer_not_committed', 'missing_brief']), aPlanItem(tom)],
  warnings: [
    { code: 'hr_before_champions', briefingId: 'b-hr', message: 'HR presents to the top team before Ada Lind has briefed them.' },
    { code: 'briefer_not_committed', briefingId: 'b-ada', stakeholderId: 's-ada', message: 'Ada Lind is supportive; a champion should be committed before briefing Priya Raman.' },
    { code: 'missing_brief', briefingId: 'b-ada', stakeholderId: 's-ada', message: 'Ada Lind has no brief yet. Write the case they will make.' },
    { code: 'no_champion_for_member', briefingId: null, stakeholderId: 's-9', message: 'No champion is planned to brief Ines Duarte.' },
  ],
};

const card = (name: string) => screen.getByRole('article', { name: `Briefing: ${name}` });

function servePlan(api: ReturnType<typeof mockApi>, body: BriefingPlan = plan) {
  api.get('/briefings/plan', { body });
  api.get('/stakeholders', { body: aPage([]) });
  api.get('/stakeholders/:id/timing', { body: { stakeholderId: 's-1', timingNotes: null, windows: [] } });
  api.get('/priorities', { body: aPage([]) });
}

describe('Briefing plan page', () => {
  it('puts each warning on the card it concerns, with the link that fixes it, and sums them up at the top', async () => {
    const api = mockApi();
    servePlan(api);
    renderWithApp(<BriefingsRoute />);

    const summary = await screen.findByRole('region', { name: 'Plan warnings' });
    expect(within(summary).getByText(/4 warnings: 2 briefings need attention; 1 top-team member has no champion briefing/)).toBeInTheDocument();
    expect(within(summary).getByRole('button', { name: 'Ines Duarte' })).toBeInTheDocument();

    const hrCard = card('HR to the top team');
    expect(within(hrCard).getByText(/HR presents to the top team before Ada Lind/)).toBeInTheDocument();
    expect(within(hrCard).getByRole('button', { name: /Move HR's briefing later/ })).toBeInTheDocument();
    expect(within(hrCard).queryByText(/Ada Lind is supportive/)).not.toBeInTheDocument();

    const adaCard = card('Ada Lind to Priya Raman');
    expect(within(adaCard).getByText('Supportive')).toBeInTheDocument();
    expect(within(adaCard).getByRole('link', { name: /log a sounding/i })).toHaveAttribute('href', '/stakeholders/s-ada/soundings/new');
    expect(within(adaCard).getByRole('button', { name: /Write the brief/ })).toBeInTheDocument();

    const tomCard = card('Tom Okafor to Priya Raman');
    expect(within(tomCard).queryByRole('group', { name: 'Warnings on this briefing' })).not.toBeInTheDocument();
    expect(within(tomCard).getByText('Ready')).toBeInTheDocument();
    expect(within(tomCard).getByText('Committed')).toBeInTheDocument();
  });

  it('"Write the brief" opens that briefing with the brief to write', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    servePlan(api);
    api.patch('/briefings/:id', ({ body }) => ({ body: { ...ada, ...(body as object), version: 2 } }));
    renderWithApp(<BriefingsRoute />);

    await user.click(within(await waitFor(() => card('Ada Lind to Priya Raman'))).getByRole('button', { name: /Write the brief/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit the briefing' });
    const brief = within(dialog).getByRole('textbox', { name: 'Brief' });
    expect(within(dialog).getByText(/The plan checks that the brief names Sales/)).toBeInTheDocument();
    await user.type(brief, 'Sales keeps its best people when managers coach.');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(api.requestsTo('PATCH', '/briefings/b-ada')).toHaveLength(1));
    expect(api.requestsTo('PATCH', '/briefings/b-ada')[0].body).toMatchObject({
      brieferId: 's-ada',
      brief: 'Sales keeps its best people when managers coach.',
      status: 'planned',
      version: 1,
    });
  });

  it("a briefing naming none of its audience's priorities is fixed by naming one, the audience's function's offered first", async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    const gap = 'The briefing to Priya Raman names none of Finance\'s priorities (“Close in five days”). Name the one the case serves.';
    servePlan(api, {
      items: [aPlanItem(tom, ['missing_brief'])],
      warnings: [{ code: 'missing_brief', briefingId: 'b-tom', stakeholderId: 's-2', message: gap }],
    });
    const priority = (id: string, businessFunction: string, title: string) => ({ id, businessFunction, title, owner: null, coachingLink: null, createdAt: '', updatedAt: '', version: 1 });
    api.get('/priorities', { body: aPage([priority('p-it', 'IT', 'Keep the platform up'), priority('p-close', 'Finance', 'Close in five days')]) });
    api.patch('/briefings/:id', ({ body }) => ({ body: { ...tom, version: 2, priorities: [{ id: 'p-close', businessFunction: 'Finance', title: 'Close in five days' }], ...(body as object) } }));
    renderWithApp(<BriefingsRoute />);

    await user.click(within(await waitFor(() => card('Tom Okafor to Priya Raman'))).getByRole('button', { name: /Name one of their priorities/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit the briefing' });
    expect(within(dialog).getByText(/The plan checks that a briefing to Priya Raman names at least one of Finance's priorities/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('combobox', { name: 'Priorities it serves' }));
    const options = await screen.findAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual(['Close in five days', 'IT: Keep the platform up']);
    await user.click(options[0]);
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(api.requestsTo('PATCH', '/briefings/b-tom')).toHaveLength(1));
    expect(api.requestsTo('PATCH', '/briefings/b-tom')[0].body).toMatchObject({ priorityIds: ['p-close'], version: 1 });
  });

  it('moves a briefing later within its day at once and sends the day\'s new order', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    servePlan(api);
    api.post('/briefings/reorder', { body: [ada, hr], deferred: true });
    renderWithApp(<BriefingsRoute />);

    const day = await screen.findByRole('list', { name: 'Briefings on Tuesday 3 March 2026' });
    expect(within(card('Tom Okafor to Priya Raman')).getByRole('button', { name: /Move later/ })).toBeDisabled();
    await user.click(within(card('HR to the top team')).getByRole('button', { name: 'Move later: HR to the top team' }));

    expect(api.requestsTo('POST', '/briefings/reorder')[0].body).toEqual({ day: '2026-03-03', briefingIds: ['b-ada', 'b-hr'] });
    const order = within(day)
      .getAllByRole('article')
      .map((article) => article.getAttribute('aria-label'));
    expect(order).toEqual(['Briefing: Ada Lind to Priya Raman', 'Briefing: HR to the top team']);
    api.release();
  });

  it('reorders a day by dragging one card onto another; a card cannot be dropped on another day', async () => {
    const api = mockApi();
    servePlan(api);
    api.post('/briefings/reorder', { body: [ada, hr] });
    renderWithApp(<BriefingsRoute />);

    const from = await waitFor(() => card('Ada Lind to Priya Raman'));
    const dataTransfer = { setData: jest.fn(), effectAllowed: 'none' };
    fireEvent.dragStart(from, { dataTransfer });
    fireEvent.dragOver(card('Tom Okafor to Priya Raman'), { dataTransfer });
    fireEvent.drop(card('Tom Okafor to Priya Raman'), { dataTransfer });
    expect(api.requestsTo('POST', '/briefings/reorder')).toHaveLength(0);

    fireEvent.dragStart(from, { dataTransfer });
    fireEvent.dragOver(card('HR to the top team'), { dataTransfer });
    fireEvent.drop(card('HR to the top team'), { dataTransfer });
    await waitFor(() => expect(api.requestsTo('POST', '/briefings/reorder')).toHaveLength(1));
    expect(api.requestsTo('POST', '/briefings/reorder')[0].body).toEqual({ day: '2026-03-03', briefingIds: ['b-ada', 'b-hr'] });
  });

  it('plans a champion briefing for a top-team member nobody briefs, from the summary', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    servePlan(api);
    renderWithApp(<BriefingsRoute />);

    await user.click(await screen.findByRole('button', { name: 'Ines Duarte' }));
    const dialog = await screen.findByRole('dialog', { name: 'Plan a briefing' });
    expect(within(dialog).getByRole('combobox', { name: 'Top-team member' })).toHaveValue('Ines Duarte');
  });

  it('suggests briefers for the member being briefed, with why, and "Use" fills the briefer', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    servePlan(api);
    const person = (id: string, name: string, commitment: 'committed' | 'supportive', businessFunction: string) => ({
      id,
      name,
      title: null,
      role: 'line_manager' as const,
      businessFunction,
      potentialChampion: false,
      commitment,
      requiredCommitment: null,
      onBoard: true,
    });
    api.get('/briefings/suggested-briefers', ({ query }) => ({
      body: {
        audience: { ...person(query.get('audienceId')!, 'Ines Duarte', 'supportive', 'Sales'), role: 'top_team' },
        items: [
          { person: person('s-ben', 'Ben Strong', 'supportive', 'IT'), relationship: 'strong', sameFunction: false, reasons: ['On board: supportive', 'Strong relationship with Ines Duarte'] },
          { person: person('s-ana', 'Ana Sales', 'committed', 'Sales'), relationship: null, sameFunction: true, reasons: ['On board: committed', 'Same function: Sales'] },
        ],
      },
    }));
    api.post('/briefings', ({ body }) => ({ status: 201, body: { ...ada, ...(body as object) } }));
    renderWithApp(<BriefingsRoute />);

    await user.click(await screen.findByRole('button', { name: 'Ines Duarte' }));
    const dialog = await screen.findByRole('dialog', { name: 'Plan a briefing' });
    const suggestions = await within(dialog).findByRole('region', { name: 'Suggested briefers for Ines Duarte' });
    expect(api.requestsTo('GET', '/briefings/suggested-briefers')[0].query.get('audienceId')).toBe('s-9');
    const names = within(suggestions).getAllByRole('listitem').map((item) => item.textContent);
    expect(names[0]).toContain('Ben Strong');
    expect(names[0]).toContain('On board: supportive · Strong relationship with Ines Duarte');
    expect(names[1]).toContain('Same function: Sales');

    await user.click(within(suggestions).getByRole('button', { name: 'Use Ben Strong as the briefer' }));
    expect(within(dialog).getByRole('combobox', { name: 'Champion' })).toHaveValue('Ben Strong');
    const chosen = within(suggestions).getByText('Chosen').closest('button');
    expect(chosen).toHaveTextContent('Chosen: Ben Strong briefs');
    expect(chosen).toBeDisabled();
    expect(within(dialog).getByText(/The plan checks that the brief names IT/)).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Add to the plan' }));
    await waitFor(() => expect(api.requestsTo('POST', '/briefings')).toHaveLength(1));
    expect(api.requestsTo('POST', '/briefings')[0].body).toMatchObject({ brieferId: 's-ben', hr: false, audienceId: 's-9', topTeam: false });
  });

  it('shows a viewer the plan and its warnings but nothing to change or fix', async () => {
    const api = mockApi();
    servePlan(api);
    renderWithApp(<BriefingsRoute />, { role: 'viewer' });

    const adaCard = await waitFor(() => card('Ada Lind to Priya Raman'));
    expect(within(adaCard).getByText(/Ada Lind is supportive/)).toBeInTheDocument();
    expect(within(adaCard).queryByRole('link', { name: /log a sounding/i })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Move later/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Plan a briefing' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Ines Duarte' })).not.toBeInTheDocument();
  });

  it('says so when the plan is in order', async () => {
    const api = mockApi();
    servePlan(api, { items: [aPlanItem(tom)], warnings: [] });
    renderWithApp(<BriefingsRoute />);
    expect(await screen.findByText('The plan is in order')).toBeInTheDocument();
  });
});
