import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ChampionAssessment, ChampionEvidence, ChampionList, CoalitionMember } from '@soundings/shared';
import { mockApi } from '@/testing/api-mock';
import { formatDate } from '@/lib/dates';
import { renderWithApp } from '@/testing/render';
import { ChampionsRoute } from './champions';

const member = (id: string, name: string): CoalitionMember => ({
  id,
  name,
  title: 'Head of Payroll',
  role: 'line_manager',
  businessFunction: 'Finance',
  potentialChampion: true,
  commitment: 'supportive',
  requiredCommitment: null,
  onBoard: true,
});

const ada: ChampionAssessment = {
  person: member('s-ada', 'Ada Quinn'),
  verdict: 'qualified',
  influenceScore: 4,
  lookedToBy: 2,
  tests: [
    {
      test: 'influence',
      met: true,
      evidence: [
        { source: 'influence_link', text: 'Sam Reed looks to them', on: null, refId: 'i-1', personId: 's-sam' },
        { source: 'reporting_line', text: 'Priya Shah reports to them', on: null, refId: null, personId: 's-priya' },
      ],
    },
    { test: 'advocacy', met: true, evidence: [{ source: 'briefing_given', text: 'Briefed Dana Okafor', on: '2026-11-12', refId: 'b-1', personId: 's-dana' }] },
    { test: 'stake', met: true, evidence: [{ source: 'recorded', text: 'Owns the retention target', on: '2026-11-01', refId: 'e-1', personId: null }] },
  ],
  missing: [],
};

const cal: ChampionAssessment = {
  person: member('s-cal', 'Cal Coach'),
  verdict: 'coach',
  influenceScore: 0,
  lookedToBy: 0,
  tests: [
    { test: 'influence', met: false, evidence: [] },
    { test: 'advocacy', met: true, evidence: [{ source: 'spoke_in_meeting', text: 'Spoke for it in “Ops review”', on: '2026-11-03', refId: 'm-1', personId: null }] },
    { test: 'stake', met: false, evidence: [] },
  ],
  missing: ['Nobody looks to them yet: 2 people should, or record evidence of their influence', 'No benefit named in a sounding or personal stake recorded yet'],
};

const recorded: ChampionEvidence = {
  id: 'e-1',
  stakeholderId: 's-ada',
  test: 'stake',
  evidence: 'Owns the retention target',
  on: '2026-11-01',
  createdAt: '2026-11-01T10:00:00Z',
  updatedAt: '2026-11-01T10:00:00Z',
  version: 3,
};

function serve(api: ReturnType<typeof mockApi>, list: ChampionList = { items: [ada, cal] }) {
  api.get('/champions', { body: list });
  api.get('/champion-evidence/:id', { body: recorded });
}

const open = (role: 'practitioner' | 'viewer' = 'practitioner') => renderWithApp(<ChampionsRoute />, { url: '/champions', path: '/champions', role });

describe('Champions page', () => {
  it('groups potential champions by verdict, each test met or not in words, with its evidence and what is missing', async () => {
    const api = mockApi();
    serve(api);
    open();

    const qualifies = await screen.findByRole('region', { name: 'Qualifies' });
    expect(within(qualifies).getByText(/they have made the case without HR in the room/)).toBeInTheDocument();
    const adaCard = within(qualifies).getByRole('article', { name: 'Ada Quinn' });
    expect(within(adaCard).getByRole('link', { name: 'Ada Quinn' })).toHaveAttribute('href', '/stakeholders/s-ada');
    expect(within(adaCard).getByText('Supportive')).toBeInTheDocument();
    expect(within(adaCard).getAllByText('met')).toHaveLength(3);
    expect(within(adaCard).getByRole('link', { name: 'Sam Reed looks to them' })).toHaveAttribute('href', '/stakeholders/s-sam');
    expect(within(adaCard).getByRole('link', { name: 'Briefed Dana Okafor' })).toHaveAttribute('href', '/stakeholders/s-dana');
    // The day is printed by the browser, as every other date is, not written into the API's words.
    expect(within(adaCard).getByText(`on ${formatDate('2026-11-12')}`)).toBeInTheDocument();
    expect(within(adaCard).queryByText('What is missing')).not.toBeInTheDocument();

    const coaches = screen.getByRole('region', { name: 'Useful coaches' });
    const calCard = within(coaches).getByRole('article', { name: 'Cal Coach' });
    expect(within(calCard).getAllByText('not met')).toHaveLength(2);
    expect(within(calCard).getByRole('link', { name: /Spoke for it in “Ops review”/ })).toHaveAttribute('href', '/meetings/m-1');
    expect(within(calCard).getByText('What is missing')).toBeInTheDocument();
    expect(within(calCard).getByText(/Nobody looks to them yet/)).toBeInTheDocument();

    expect(within(screen.getByRole('region', { name: 'Close' })).getByText('Nobody yet.')).toBeInTheDocument();
    expect(screen.getAllByRole('heading', { level: 2 }).map((heading) => heading.textContent)).toEqual(['Qualifies', 'Close', 'Developing', 'Useful coaches']);
  });

  it('records evidence for a person and sends the test, the words and the date', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    serve(api);
    api.post('/champion-evidence', ({ body }) => ({ status: 201, body: { ...recorded, id: 'e-2', ...(body as object) } }));
    open();

    await user.click(await screen.findByRole('button', { name: 'Record evidence for Cal Coach' }));
    const dialog = await screen.findByRole('dialog', { name: 'Record evidence' });
    expect(within(dialog).getByRole('textbox', { name: 'About' })).toHaveValue('Cal Coach');
    await user.click(within(dialog).getByRole('combobox', { name: 'Test' }));
    await user.click(await screen.findByRole('option', { name: /Real influence/ }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Evidence' }), 'The IT managers copy what he does');
    const date = within(dialog).getByLabelText(/Date/);
    await user.clear(date);
    await user.type(date, '2026-10-05');
    await user.click(within(dialog).getByRole('button', { name: 'Record evidence' }));

    await waitFor(() => expect(api.requestsTo('POST', '/champion-evidence')).toHaveLength(1));
    expect(api.requestsTo('POST', '/champion-evidence')[0].body).toEqual({
      stakeholderId: 's-cal',
      test: 'influence',
      evidence: 'The IT managers copy what he does',
      on: '2026-10-05',
    });
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument());
  });

  it('says what is wrong before sending empty evidence', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    serve(api);
    open();

    await user.click(await screen.findByRole('button', { name: 'Record evidence' }));
    const dialog = await screen.findByRole('dialog', { name: 'Record evidence' });
    await user.click(within(dialog).getByRole('button', { name: 'Record evidence' }));
    expect(within(dialog).getByText('Choose whom the evidence is about.')).toBeInTheDocument();
    expect(within(dialog).getByText('Choose the test it is evidence for.')).toBeInTheDocument();
    expect(within(dialog).getByText('Say what they did or said.')).toBeInTheDocument();
    expect(api.requestsTo('POST', '/champion-evidence')).toHaveLength(0);
  });

  it('edits recorded evidence with the version it loaded, and removes it after asking', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    serve(api);
    api.patch('/champion-evidence/:id', ({ body }) => ({ body: { ...recorded, ...(body as object), version: 4 } }));
    api.delete('/champion-evidence/:id', { status: 204 });
    open();

    await user.click(await screen.findByRole('button', { name: /Edit or remove the evidence “Owns the retention target/ }));
    const dialog = await screen.findByRole('dialog', { name: 'Edit the evidence' });
    const text = await within(dialog).findByRole('textbox', { name: 'Evidence' });
    expect(text).toHaveValue('Owns the retention target');
    await user.type(text, ' for Finance');
    await user.click(within(dialog).getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(api.requestsTo('PATCH', '/champion-evidence/e-1')).toHaveLength(1));
    expect(api.requestsTo('PATCH', '/champion-evidence/e-1')[0].body).toEqual({
      test: 'stake',
      evidence: 'Owns the retention target for Finance',
      on: '2026-11-01',
      version: 3,
    });

    await user.click(await screen.findByRole('button', { name: /Edit or remove the evidence/ }));
    const again = await screen.findByRole('dialog', { name: 'Edit the evidence' });
    await user.click(await within(again).findByRole('button', { name: 'Delete…' }));
    await user.click(within(again).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(api.requestsTo('DELETE', '/champion-evidence/e-1')).toHaveLength(1));
  });

  it('shows a viewer the verdicts but no way to record, edit or remove evidence', async () => {
    const api = mockApi();
    serve(api);
    open('viewer');

    expect(await screen.findByRole('article', { name: 'Ada Quinn' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Record evidence/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Edit or remove/ })).not.toBeInTheDocument();
  });

  it('explains how to get started when nobody is a potential champion yet', async () => {
    const api = mockApi();
    serve(api, { items: [] });
    open();
    expect(await screen.findByText('No potential champions yet')).toBeInTheDocument();
  });
});
