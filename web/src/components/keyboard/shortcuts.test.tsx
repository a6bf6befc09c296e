import { fireEvent, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { renderWithApp } from '@/testing/render';
import { ShortcutsProvider, useShortcut } from './shortcuts';

function PersonPage() {
  const [logged, setLogged] = useState(0);
  useShortcut({ keyName: 'n', description: 'Log a sounding with Ana Ruiz', run: () => setLogged((count) => count + 1) });
  return (
    <div>
      <p>Soundings started: {logged}</p>
      <label>
        Note
        <input />
      </label>
    </div>
  );
}

describe('keyboard shortcuts', () => {
  it('runs a page key when pressed on the page, never while typing in a field', async () => {
    const user = userEvent.setup();
    renderWithApp(
      <ShortcutsProvider>
        <PersonPage />
      </ShortcutsProvider>,
    );
    await user.keyboard('n');
    expect(screen.getByText('Soundings started: 1')).toBeInTheDocument();

    await user.click(screen.getByRole('textbox', { name: 'Note' }));
    await user.keyboard('n');
    expect(screen.getByRole('textbox', { name: 'Note' })).toHaveValue('n');
    expect(screen.getByText('Soundings started: 1')).toBeInTheDocument();

    // With a modifier it is the browser's (Ctrl N opens a window), not ours.
    fireEvent.keyDown(document.body, { key: 'n', ctrlKey: true });
    expect(screen.getByText('Soundings started: 1')).toBeInTheDocument();
  });

  it('? lists the page’s keys with the app’s own', async () => {
    const user = userEvent.setup();
    renderWithApp(
      <ShortcutsProvider>
        <PersonPage />
      </ShortcutsProvider>,
    );
    await user.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    const rows = within(dialog).getAllByRole('row').map((row) => row.textContent);
    expect(rows).toEqual(['KeyWhat it does', 'nLog a sounding with Ana Ruiz', 'CtrlKJump to a person or a page (⌘ K on a Mac)', '?Show these shortcuts']);
  });

  it('drops a page’s key when the page goes', async () => {
    const user = userEvent.setup();
    const { unmount } = renderWithApp(
      <ShortcutsProvider>
        <PersonPage />
      </ShortcutsProvider>,
    );
    unmount();
    renderWithApp(
      <ShortcutsProvider>
        <p>Dashboard</p>
      </ShortcutsProvider>,
    );
    await user.keyboard('?');
    const dialog = await screen.findByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(dialog).queryByText('Log a sounding with Ana Ruiz')).not.toBeInTheDocument();
  });
});
