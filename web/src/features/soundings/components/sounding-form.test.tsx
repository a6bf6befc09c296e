import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { todayIso } from '@/lib/dates';
import { mockApi } from '@/testing/api-mock';
import { aSounding } from '@/testing/fixtures';
import { renderWithApp } from '@/testing/render';
import { SoundingForm } from './sounding-form';

function renderForm(onSaved = jest.fn()) {
  renderWithApp(
    <SoundingForm
      stakeholderId="s-1"
      stakeholderName="Priya Raman"
      currentCommitment="sounded"
      onSaved={onSaved}
      onCancel={jest.fn()}
    />,
  );
  return { onSaved };
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
    await fill(user, screen.getByRole('textbox', { name: /conducted by/i }), 'Sam');
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
      fears: [{ statement: 'It will eat my diary', category: 'time_and_workload' }],
    });
    expect(window.localStorage.getItem('soundings:conducted-by')).toBe('Sam');
  });

  it('offers the ladder steps in order with their meanings, and resistant apart', () => {
    mockApi();
    renderForm();
    const picker = screen.getByRole('radiogroup', { name: /where do they stand now/i });
    const options = within(picker).getAllByRole('radio').map((radio) => radio.getAttribute('value'));
    expect(options).toEqual(['sounded', 'open', 'supportive', 'committed', 'public_champion', 'resistant']);
    expect(within(picker).getByRole('radio', { name: /committed/i })).toHaveAccessibleDescription(/agreed to act/i);
    expect(within(picker).getByRole('radio', { name: /sounded/i })).toBeChecked();
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
      renderWithApp(<SoundingForm stakeholderId="s-1" stakeholderName="Priya Raman" businessFunction="Sales" currentCommitment="sounded" onSaved={jest.fn()} onCancel={jest.fn()} />);

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
      await user.click(screen.getByRole('button', { name: 'Save sounding' }));
      expect(await screen.findByText(/is not a listed priority/i)).toBeInTheDocument();
    });
  });
});
