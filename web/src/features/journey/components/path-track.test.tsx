import type { ReactElement } from 'react';
import { screen, within } from '@testing-library/react';
import type { JourneyStage } from '@soundings/shared';
import { renderWithApp } from '@/testing/render';
import { PathTrack } from './path-track';

const stages = (reached: Partial<Record<JourneyStage['level'], string>>): JourneyStage[] =>
  (['not_sounded', 'sounded', 'open', 'supportive', 'committed', 'public_champion', 'resistant'] as const).map((level) => ({
    level,
    reachedOn: reached[level] ?? null,
  }));

describe('PathTrack', () => {
  it('draws every step of the path in order, marks where the person is now and when each step was reached', () => {
    renderTrack(
      <PathTrack
        stages={stages({ not_sounded: '2025-01-02', sounded: '2025-01-10', open: '2025-02-03' })}
        current="open"
        required="committed"
      />,
    );

    const path = screen.getByRole('list', { name: 'Path to public support' });
    const steps = within(path).getAllByRole('listitem');
    expect(steps.map((step) => step.querySelector(':scope > [class*="label"]')?.textContent)).toEqual([
      'Not sounded',
      'Sounded',
      'Open',
      'Supportive',
      'Committed',
      'Public champion',
    ]);

    const current = within(path).getByRole('listitem', { current: 'step' });
    expect(current).toHaveTextContent('Open');
    expect(current).toHaveTextContent('Now');
    expect(current).toHaveTextContent('3 Feb 2025');
    expect(steps[1]).toHaveTextContent('10 Jan 2025');
    expect(steps[3]).toHaveTextContent('Not yet');
    expect(steps[4]).toHaveTextContent('Required');
    expect(screen.queryByText('Off the path')).not.toBeInTheDocument();
  });

  it('shows a step reached earlier but since left, without marking it as current', () => {
    renderTrack(
      <PathTrack stages={stages({ sounded: '2025-01-10', open: '2025-02-03', supportive: '2025-03-01' })} current="open" required={null} />,
    );
    const supportive = screen.getByText('Supportive').closest('li');
    expect(supportive).toHaveTextContent('1 Mar 2025, since left');
    expect(supportive).not.toHaveAttribute('aria-current');
    expect(screen.queryByText('Required')).not.toBeInTheDocument();
  });

  it('puts a resistant person off the path, marked as where they are now', () => {
    renderTrack(
      <PathTrack stages={stages({ sounded: '2025-01-10', resistant: '2025-02-14' })} current="resistant" required="supportive" />,
    );
    const path = screen.getByRole('list', { name: 'Path to public support' });
    expect(within(path).queryByRole('listitem', { current: 'step' })).not.toBeInTheDocument();

    const offPath = screen.getByRole('group', { name: 'Resistant now, off the path' });
    expect(offPath).toHaveAttribute('aria-current', 'step');
    expect(offPath).toHaveTextContent('Now');
    expect(offPath).toHaveTextContent('14 Feb 2025');
  });
});

function renderTrack(element: ReactElement) {
  return renderWithApp(element);
}
