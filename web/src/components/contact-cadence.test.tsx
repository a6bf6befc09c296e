import { render, screen } from '@testing-library/react';
import { MantineProvider } from '@mantine/core';
import { aContactCadence } from '@/testing/fixtures';
import { CadenceBadge, CADENCE_STATE_COLORS, contactCadenceWords } from './contact-cadence';

describe('contactCadenceWords', () => {
  it('says how long ago, what the contact was, the ideal interval and the state', () => {
    expect(contactCadenceWords(aContactCadence({ daysSinceContact: 23, lastContactKind: 'sounding', state: 'due' }))).toBe(
      'Last contact 23 days ago (sounding) · ideal every 21 days · due',
    );
    expect(contactCadenceWords(aContactCadence({ daysSinceContact: 50, lastContactKind: 'meeting', state: 'overdue' }))).toBe(
      'Last contact 50 days ago (meeting) · ideal every 21 days · overdue (at most 45 days)',
    );
    expect(contactCadenceWords(aContactCadence({ daysSinceContact: 1, lastContactKind: 'briefing_given', state: 'on_track' }))).toBe(
      'Last contact yesterday (gave a briefing) · ideal every 21 days · on track',
    );
    expect(contactCadenceWords(aContactCadence({ daysSinceContact: 0, state: 'on_track' }))).toMatch(/^Last contact today \(sounding\)/);
  });

  it('says when there has been no contact yet', () => {
    expect(contactCadenceWords(aContactCadence({ lastContactOn: null, lastContactKind: null, daysSinceContact: null, state: 'never' }))).toBe(
      'No contact yet · ideal every 21 days · never contacted',
    );
  });
});

describe('CadenceBadge', () => {
  it('names the state in words and explains it, amber when due and red when overdue', () => {
    render(
      <MantineProvider>
        <CadenceBadge contact={aContactCadence({ daysSinceContact: 23, state: 'due' })} />
        <CadenceBadge contact={aContactCadence({ daysSinceContact: 50, state: 'overdue' })} />
      </MantineProvider>,
    );
    expect(screen.getByText('Due a contact').closest('[title]')).toHaveAttribute('title', 'Past their ideal contact interval of 21 days');
    expect(screen.getByText('Gone quiet').closest('[title]')).toHaveAttribute('title', 'Past their maximum contact interval of 45 days');
    expect([CADENCE_STATE_COLORS.due, CADENCE_STATE_COLORS.overdue]).toEqual(['orange', 'red']);
  });
});
