import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ComponentProps } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProvider } from '@/app/provider';
import { RoleProvider } from '@/lib/authorization';
import { createQueryClient } from '@/lib/query-client';
import { todayIso } from '@/lib/dates';
import '@/testing/data-router';
import { mockApi } from '@/testing/api-mock';
import { aSounding } from '@/testing/fixtures';
import { SoundingForm } from './sounding-form';

const AUTHOR = { id: 'u-1', email: 'hana@example.test', displayName: 'Hana Ito' };

type FormProps = ComponentProps<typeof SoundingForm>;

/** The form blocks in-app navigation, which needs a data router. */
function renderSoundingForm(overrides: Partial<FormProps> = {}) {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  const props: FormProps = {
    stakeholderId: 's-1',
    stakeholderName: 'Priya Raman',
    currentCommitment: 'sounded',
    author: AUTHOR,
    onSaved: jest.fn(),
    onCancel: jest.fn(),
    renderConductorPicker: ({ label, onChange }) => (
      <button type="button" onClick={() => onChange({ id: 's-9', name: 'Cara Champion' })}>
        {label}: pick Cara
      </button>
    ),
    renderSignInAgain: ({ opened, onSignedIn }) =>
      opened ? (
        <button type="button" onClick={onSignedIn}>
          Signed in again
        </button>
      ) : null,
    ...overrides,
  };
  const router = createMemoryRouter(
    [
      { path: '/form', element: <SoundingForm {...props} /> },
      { path: '/elsewhere', element: <div>Somewhere else</div> },
    ],
    { initialEntries: ['/form'] },
  );
  const result = render(
    <AppProvider queryClient={queryClient} env="test">
      <RoleProvider role="practitioner">
        <RouterProvider router={router} />
      </RoleProvider>
    </AppProvider>,
  );
  return { ...result, router, props };
}

function renderForm(onSaved = jest.fn()) {
  renderSoundingForm({ onSaved });
  return { onSaved };
}

async function chooseNoChange(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('radio', { name: /no change — still sounded/i }));
}

/** Types the text as one paste: the form's behaviour does not depend on keystroke timing. */
async function fill(user: ReturnType<typeof userEvent.setup>, element: HTMLElement, text: string) {
  await user.click(element);
  await user.paste(text);
}

async function fillFear(user: ReturnType<typeof userEvent.setup>, index: number, statement: string, category: string) {
  await user.click(screen.getByRole('button', { name: 'Add a fear' }));
  await fill(user, screen.getByRole('textbox', { name: `Fear ${index} in their words` }), statement);
  await user.click(screen.getByRole('combobox', { name: `Fear ${index} category` }));
  await user.click(await screen.findByRole('option', { name: category }));
}

describe('SoundingForm', () => {
  beforeEach(() => window.localStorage.clear());

  it('shows the server field messages next to the right inputs, including a fear row', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    api.post('/stakeholders/:id/soundings', {
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        code: 'validation_failed',
        message: 'Validation failed',
        fields: [
          { field: 'fears.1.statement', message: 'Statement must be 20000 characters or fewer' },
          { field: 'nextStep', message: 'Next step must be text' },
        ],
      },
    });
    renderForm();

    await fill(user, screen.getByRole('textbox', { name: /what did they say/i }), 'Keen, but wary of the time it takes.');
    await fillFear(user, 1, 'No one will take it seriously', 'Doubt about value');
    await fillFear(user, 2, 'It exposes me in front of my team', 'Personal exposure');
    await chooseNoChange(user);
    await user.click(screen.getByRole('button', { name: 'Save sounding' }));

    const secondFear = screen.getByRole('group', { name: 'Fear 2' });
    expect(await within(secondFear).findByText('Statement must be 20000 characters or fewer')).toBeInTheDocument();
    expect(within(screen.getByRole('group', { name: 'Fear 1' })).queryByText(/characters or fewer/)).not.toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: /what happens next/i })).toHaveAccessibleDescription(/Next step must be text/);
    expect(screen.getByRole('textbox', { name: 'Fear 2 in their words' })).toHaveAttribute('aria-invalid', 'true');
  });

  it('keeps a fear message on its row when an earlier row is removed', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    api.post('/stakeholders/:id/soundings', {
      status: 400,
      body: {
        statusCode: 400,
        error: 'Bad Request',
        code: 'validation_failed',
        message: 'Validation failed',
        fields: [{ field: 'fears.1.category', message: 'Category is not one we know' }],
      },
    });
    renderForm();
    await fill(user, screen.getByRole('textbox', { name: /what did they say/i }), 'Summary');
    await fillFear(user, 1, 'First worry', 'Other');
    await fillFear(user, 2, 'Second worry', 'Culture fit');
    await chooseNoChange(user);
    await user.click(screen.getByRole('button', { name: 'Save sounding' }));
    await screen.findByText('Category is not one we know');

    await user.click(screen.getByRole('button', { name: 'Remove fear 1' }));

    const remaining = screen.getByRole('group', { name: 'Fear 1' });
    expect(within(remaining).getByRole('textbox', { name: 'Fear 1 in their words' })).toHaveValue('Second worry');
    expect(within(remaining).getByText('Category is not one we know')).toBeInTheDocument();
  });

  it('asks for the required answers before sending anything', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    renderForm();

    await user.click(screen.getByRole('button', { name: 'Add a fear' }));
    await user.click(screen.getByRole('button', { name: 'Save sounding' }));

    expect(await screen.findByText('Write down what they said, even in a line.')).toBeInTheDocument();
    expect(screen.getByText('Write the fear in their words, or remove the row.')).toBeInTheDocument();
    expect(screen.getByText('Pick a category.')).toBeInTheDocument();
    expect(screen.getByText(/Choose where they stand now, or "No change"/)).toBeInTheDocument();
    expect(api.requestsTo('POST', '/stakeholders/:id/soundings')).toHaveLength(0);
    await waitFor(() => expect(screen.getByRole('textbox', { name: /what did they say/i })).toHaveFocus());
  });

  it('applies the API text rules before sending: a summary without words, the same fear twice', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    renderForm();

    await fill(user, screen.getByRole('textbox', { name: /what did they say/i }), '???');
    await fillFear(user, 1, 'No time', 'Time and workload');
    await fillFear(user, 2, '  no TIME ', 'Other');
    await user.click(screen.getByRole('button', { name: 'Save sounding' }));

    expect(await screen.findByText('Must contain at least one letter or digit.')).toBeInTheDocument();
    expect(screen.getByText('This fear is already listed above.')).toBeInTheDocument();
    expect(api.requestsTo('POST', '/stakeholders/:id/soundings')).toHaveLength(0);
  });

  it('sends today, in person, the chosen level and the fears, then reports the saved sounding', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    const saved = aSounding({ id: 'snd-new', commitmentAfter: 'open' });
    api.post('/stakeholders/:id/soundings', { status: 201, body: saved });
    const { onSaved } = renderForm();

    await fill(user, screen.getByRole('textbox', { name: /what did they say/i }), 'Open to a pilot in Finance.');
    await fillFear(user, 1, 'It will eat my diary', 'Time and workload');
    await user.click(screen.getByRole('radio', { name: /step 2.*open/i }));
    await fill(user, screen.getByRole('textbox', { name: /what happens next/i }), 'Share the pilot outline');
    await user.click(screen.getByRole('radio', { name: 'Someone else' }));
    await fill(user, screen.getByRole('textbox', { name: 'Their name' }), 'Sam');
    await user.keyboard('{Control>}{Enter}{/Control}');

    await waitFor(() => expect(onSaved).toHaveBeenCalledWith(saved));
    const [request] = api.requestsTo('POST', '/stakeholders/s-1/soundings');
    expect(request.body).toMatchObject({
      heldOn: todayIso(),
      channel: 'in_person',
      summary: 'Open to a pilot in Finance.',
      commitmentAfter: 'open',
      nextStep: 'Share the pilot outline',
      conductedBy: 'Sam',
      conductedById: null,
      fears: [{ statement: 'It will eat my diary', category: 'time_and_workload' }],
    });
    // Saved, so no draft is left on the device.
    expect(Object.keys(window.localStorage).filter((key) => key.startsWith('soundings:draft:'))).toEqual([]);
  });

  it('offers the ladder steps in order with their meanings, and resistant apart', () => {
    mockApi();
    renderForm();
    const picker = screen.getByRole('radiogroup', { name: /where do they stand now/i });
    const options = within(picker).getAllByRole('radio').map((radio) => radio.getAttribute('value'));
    expect(options).toEqual(['unchanged', 'sounded', 'open', 'supportive', 'committed', 'public_champion', 'resistant']);
    expect(within(picker).getByRole('radio', { name: /committed/i })).toHaveAccessibleDescription(/agreed to act/i);
    // Nothing is chosen for them: "no change" is a choice of its own.
    expect(within(picker).getAllByRole('radio').filter((radio) => (radio as HTMLInputElement).checked)).toEqual([]);
  });

  it('sends "no change" as the current level, and the signed-in account or a chosen champion as who held it', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    api.post('/stakeholders/:id/soundings', { status: 201, body: aSounding() });
    renderForm();
    await fill(user, screen.getByRole('textbox', { name: /what did they say/i }), 'Still listening.');
    await chooseNoChange(user);
    await user.click(screen.getByRole('button', { name: 'Save sounding' }));
    await waitFor(() => expect(api.requestsTo('POST', '/stakeholders/s-1/soundings')).toHaveLength(1));
    expect(api.requestsTo('POST', '/stakeholders/s-1/soundings')[0].body).toMatchObject({ commitmentAfter: 'sounded', conductedBy: 'Hana Ito', conductedById: null });

    await user.click(screen.getByRole('radio', { name: 'A champion' }));
    await user.click(screen.getByRole('button', { name: 'Champion who held it: pick Cara' }));
    await user.click(screen.getByRole('button', { name: 'Save sounding' }));
    await waitFor(() => expect(api.requestsTo('POST', '/stakeholders/s-1/soundings')).toHaveLength(2));
    expect(api.requestsTo('POST', '/stakeholders/s-1/soundings')[1].body).toMatchObject({ conductedBy: null, conductedById: 's-9' });
  });

  it('keeps a draft on the device for this account and person, and offers it again when the form reopens', async () => {
    const user = userEvent.setup({ delay: null });
    mockApi();
    const first = renderSoundingForm();
    await fill(user, screen.getByRole('textbox', { name: /what did they say/i }), 'Half a thought about pilots');
    await waitFor(() => expect(window.localStorage.getItem('soundings:draft:u-1:person:s-1')).toContain('Half a thought about pilots'));
    first.unmount();

    renderSoundingForm();
    expect(screen.getByRole('textbox', { name: /what did they say/i })).toHaveValue('');
    await user.click(screen.getByRole('button', { name: 'Restore the draft' }));
    expect(screen.getByRole('textbox', { name: /what did they say/i })).toHaveValue('Half a thought about pilots');
  });

  it('forgets the draft when they discard it', async () => {
    const user = userEvent.setup({ delay: null });
    mockApi();
    window.localStorage.setItem('soundings:draft:u-1:person:s-1', JSON.stringify({ savedAt: new Date().toISOString(), values: { summary: 'Old words' } }));
    renderSoundingForm();
    await user.click(screen.getByRole('button', { name: 'Discard it' }));
    expect(window.localStorage.getItem('soundings:draft:u-1:person:s-1')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Restore the draft' })).not.toBeInTheDocument();
  });

  it('asks before an in-app link leaves unsaved words, and stays when asked to', async () => {
    const user = userEvent.setup({ delay: null });
    mockApi();
    const { router } = renderSoundingForm();
    await fill(user, screen.getByRole('textbox', { name: /what did they say/i }), 'Unsaved words');
    void router.navigate('/elsewhere');
    const dialog = await screen.findByRole('dialog', { name: 'Leave this sounding unsaved?' });
    await user.click(within(dialog).getByRole('button', { name: 'Stay and finish' }));
    expect(router.state.location.pathname).toBe('/form');
    expect(screen.getByRole('textbox', { name: /what did they say/i })).toHaveValue('Unsaved words');
  });

  it('signs in again over the form when a save finds the session ended, then saves what was written', async () => {
    const user = userEvent.setup({ delay: null });
    const api = mockApi();
    let calls = 0;
    api.post('/stakeholders/:id/soundings', () => {
      calls += 1;
      return calls === 1
        ? { status: 401, body: { statusCode: 401, error: 'Unauthorized', code: 'unauthenticated', message: 'Sign in to continue.' } }
        : { status: 201, body: aSounding({ id: 'snd-after' }) };
    });
    const { props } = renderSoundingForm();
    await fill(user, screen.getByRole('textbox', { name: /what did they say/i }), 'Written before the session ended');
    await chooseNoChange(user);
    await user.click(screen.getByRole('button', { name: 'Save sounding' }));
    await user.click(await screen.findByRole('button', { name: 'Signed in again' }));
    await waitFor(() => expect(props.onSaved).toHaveBeenCalledWith(expect.objectContaining({ id: 'snd-after' })));
    expect(api.requestsTo('POST', '/stakeholders/s-1/soundings')[1].body).toMatchObject({ summary: 'Written before the session ended' });
  });

  describe('what came up', () => {
    const priority = (id: string, businessFunction: string, title: string) => ({
      id,
      businessFunction,
      title,
      owner: null,
      coachingLink: null,
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
      version: 1,
    });
    const narrative = (id: string, title: string, archived = false) => ({
      id,
      title,
      description: null,
      archived,
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
      version: 1,
    });

    function serveOptions(api: ReturnType<typeof mockApi>) {
      api.get('/priorities', {
        body: {
          items: [priority('p-it', 'IT', 'Retire the old ERP'), priority('p-sales-b', 'Sales', 'Win back lapsed customers'), priority('p-sales-a', 'Sales', 'Fill the Q3 pipeline')],
          total: 3,
          page: 1,
          pageSize: 100,
        },
      });
      api.get('/narratives', { body: [narrative('n-own', 'Ownership at every level'), narrative('n-old', 'Retired slogan', true), narrative('n-trust', 'Trust earned in the field')] });
    }

    it("offers the person's function's priorities first and each offered narrative, and sends what was chosen", async () => {
      const user = userEvent.setup({ delay: null });
      const api = mockApi();
      serveOptions(api);
      api.post('/stakeholders/:id/soundings', { status: 201, body: aSounding() });
      renderSoundingForm({ businessFunction: 'Sales' });

      await fill(user, screen.getByRole('textbox', { name: /what did they say/i }), 'Keen on customers.');
      await user.click(screen.getByRole('combobox', { name: 'Which listed priorities came up?' }));
      const options = await screen.findAllByRole('option');
      expect(options.map((option) => option.textContent)).toEqual(['Fill the Q3 pipeline', 'Win back lapsed customers', 'Retire the old ERP']);
      expect(screen.getByText('Sales (their function)')).toBeInTheDocument();
      await user.click(screen.getByRole('option', { name: 'Win back lapsed customers' }));

      const ownership = screen.getByRole('radiogroup', { name: 'Ownership at every level' });
      expect(within(ownership).getByRole('radio', { name: 'Not raised' })).toBeChecked();
      await user.click(within(ownership).getByRole('radio', { name: 'Jarred' }));
      await user.click(within(screen.getByRole('radiogroup', { name: 'Trust earned in the field' })).getByRole('radio', { name: 'Resonated' }));
      await chooseNoChange(user);
      // An archived narrative is no longer offered.
      expect(screen.queryByRole('radiogroup', { name: 'Retired slogan' })).not.toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Save sounding' }));

      await waitFor(() => expect(api.requestsTo('POST', '/stakeholders/s-1/soundings')).toHaveLength(1));
      expect(api.requestsTo('POST', '/stakeholders/s-1/soundings')[0].body).toMatchObject({
        priorityIds: ['p-sales-b'],
        narratives: [
          { narrativeId: 'n-own', response: 'jarred' },
          { narrativeId: 'n-trust', response: 'resonated' },
        ],
      });
    });

    it('shows a refused priority under the priorities field', async () => {
      const user = userEvent.setup({ delay: null });
      const api = mockApi();
      serveOptions(api);
      api.post('/stakeholders/:id/soundings', {
        status: 400,
        body: { statusCode: 400, error: 'Bad Request', code: 'validation_failed', message: 'Validation failed', fields: [{ field: 'priorityIds.0', message: 'is not a listed priority' }] },
      });
      renderForm();
      await fill(user, screen.getByRole('textbox', { name: /what did they say/i }), 'Talked priorities.');
      await user.click(screen.getByRole('combobox', { name: 'Which listed priorities came up?' }));
      await user.click(await screen.findByRole('option', { name: 'Retire the old ERP' }));
      await chooseNoChange(user);
      await user.click(screen.getByRole('button', { name: 'Save sounding' }));
      expect(await screen.findByText(/is not a listed priority/i)).toBeInTheDocument();
    });
  });
});
