import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '@/testing/render';
import { FormActions } from './form-actions';

describe('FormActions', () => {
  it('deletes only after the question is confirmed', async () => {
    const onDelete = jest.fn();
    const user = userEvent.setup({ delay: null });
    renderWithApp(<FormActions submitLabel="Save" saving={false} onCancel={jest.fn()} deletion={{ question: 'Delete this meeting?', deleting: false, onDelete }} />);

    expect(screen.queryByText('Delete this meeting?')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Delete…' }));
    expect(screen.getByText('Delete this meeting?')).toBeInTheDocument();
    expect(onDelete).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    expect(onDelete).toHaveBeenCalledTimes(1);
  });

  it('offers no delete for a new record, and cannot be cancelled mid-save', () => {
    renderWithApp(<FormActions submitLabel="Create meeting" saving onCancel={jest.fn()} />);
    expect(screen.queryByRole('button', { name: 'Delete…' })).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cancel' })).toBeDisabled();
  });
});
