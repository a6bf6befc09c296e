import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithApp } from '@/testing/render';
import { PageFooter } from './page-footer';

describe('PageFooter', () => {
  it('says which rows are shown and moves to another page', async () => {
    const onPage = jest.fn();
    renderWithApp(<PageFooter page={2} pageSize={50} total={120} noun={['stakeholder', 'stakeholders']} onPage={onPage} />);
    expect(screen.getByText('51–100 of 120 stakeholders')).toBeInTheDocument();
    await userEvent.setup({ delay: null }).click(screen.getByRole('button', { name: 'Page 3' }));
    expect(onPage).toHaveBeenCalledWith(3);
  });

  it('says "about" when the total is an estimate', () => {
    renderWithApp(<PageFooter page={1} pageSize={50} total={98400} totalIsEstimate noun={['stakeholder', 'stakeholders']} onPage={jest.fn()} />);
    expect(screen.getByText('1–50 of about 98,400 stakeholders')).toBeInTheDocument();
  });

  it('offers no page picker when everything fits on one page', () => {
    renderWithApp(<PageFooter page={1} pageSize={50} total={1} noun={['entry', 'entries']} onPage={jest.fn()} />);
    expect(screen.getByText('1 entry')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '1' })).not.toBeInTheDocument();
  });
});
