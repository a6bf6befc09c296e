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
    expect(api.requests).toHaveLength(0);
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
    expect(api.requests).toHaveLength(0);
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
});
