import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '@/testing/render';
import { AppLayout } from './app-layout';

const navLinks = () =>
  within(screen.getByRole('navigation', { name: 'Main navigation' }))
    .getAllByRole('link')
    .map((link) => link.getAttribute('href'));

describe('AppLayout navigation', () => {
  it('shows admins the users and the audit trail', () => {
    renderWithApp(<AppLayout>page</AppLayout>, { role: 'admin' });
    expect(navLinks()).toEqual(expect.arrayContaining(['/users', '/audit', '/account', '/stakeholders']));
    expect(screen.queryByText('Read only')).not.toBeInTheDocument();
  });

  it('leaves out what only admins can open for practitioners and viewers; viewers see they are read only', () => {
    const { unmount } = renderWithApp(<AppLayout>page</AppLayout>, { role: 'practitioner' });
    expect(navLinks()).not.toContain('/users');
    expect(navLinks()).not.toContain('/audit');
    expect(navLinks()).toContain('/account');
    unmount();

    renderWithApp(<AppLayout>page</AppLayout>, { role: 'viewer' });
    expect(navLinks()).not.toContain('/users');
    expect(navLinks()).not.toContain('/audit');
    expect(navLinks()).toContain('/account');
    expect(screen.getByText('Read only')).toBeInTheDocument();
  });
});

describe('AppLayout keyboard access', () => {
  it('offers “Skip to content” as the first Tab, and it moves focus to the page’s content', async () => {
    const user = userEvent.setup();
    renderWithApp(<AppLayout>page</AppLayout>, { role: 'admin' });
    await user.tab();
    const skip = screen.getByRole('link', { name: 'Skip to content' });
    expect(skip).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('main')).toHaveFocus();
  });
});
