import { screen, within } from '@testing-library/react';
import { anAttendee, aReadiness } from '@/testing/fixtures';
import { renderWithApp } from '@/testing/render';
import { MeetingBrief } from './meeting-brief';

describe('MeetingBrief (print view)', () => {
  it('fits the meeting on one page: the summary, what to do first, and the room, with withheld words withheld', () => {
    const readiness = aReadiness([
      anAttendee({ id: 's-1', name: 'Helen Achterberg', commitment: 'committed' }),
      anAttendee({
        id: 's-2',
        name: 'Rajiv Menon',
        commitment: 'open',
        onBoard: false,
        looksTo: { id: 's-1', name: 'Helen Achterberg', commitment: 'committed', onBoard: true, attending: true },
        openFears: [{ id: 'f-1', statement: null, redacted: true, category: 'personal_exposure', status: 'open', voicedOn: '2026-01-12' }],
        warnings: ['open_fears'],
      }),
      anAttendee({ id: 's-3', name: 'Chloé Dubois', commitment: 'not_sounded', onBoard: false, soundedIndividually: false, warnings: ['not_sounded_individually'] }),
    ]);
    renderWithApp(<MeetingBrief readiness={readiness} printedBy="Hana Lead" printedAt={new Date('2026-03-01T10:00:00Z')} />);

    const brief = screen.getByRole('article', { name: 'Meeting brief' });
    expect(within(brief).getByRole('heading', { level: 1, name: 'Top-team offsite' })).toBeInTheDocument();
    expect(within(brief).getByText('1 of 3 on board')).toBeInTheDocument();
    expect(within(brief).getByText('Confidential · Meeting brief')).toBeInTheDocument();
    expect(brief).toHaveTextContent('Sound out one to one: Chloé Dubois');
    expect(brief).toHaveTextContent('Answer Rajiv Menon: Confidential: only its author and admins can read it.');

    const rows = within(within(brief).getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getAllByRole('cell')[0].textContent)).toEqual(['Helen Achterberg', 'Rajiv Menon', 'Chloé Dubois']);
    expect(rows[1]).toHaveTextContent('1 open fear');
    expect(rows[1]).toHaveTextContent('Helen Achterberg (committed, in the room)');
    expect(rows[0].lastChild).toHaveTextContent('—');
    expect(brief).toHaveTextContent('Printed 1 Mar 2026');
  });

  it('asks for each flagged expectation to be reset one to one, in the words the person was told', () => {
    const readiness = aReadiness([
      anAttendee({
        id: 's-2',
        name: 'Rajiv Menon',
        warnings: ['expectation_at_risk'],
        expectations: [
          { id: 'e-1', expectation: 'A pilot that pays for itself this year', toldOn: '2026-02-10', toldByName: 'Grace Mensah', realistic: false, status: 'open' },
          { id: 'e-2', expectation: 'Retention numbers by cost centre', toldOn: '2026-02-12', toldByName: null, realistic: true, status: 'at_risk' },
        ],
      }),
    ]);
    renderWithApp(<MeetingBrief readiness={readiness} printedBy="Hana Lead" printedAt={new Date('2026-03-01T10:00:00Z')} />);

    const brief = screen.getByRole('article', { name: 'Meeting brief' });
    expect(brief).toHaveTextContent('Reset with Rajiv Menon: “A pilot that pays for itself this year” (unrealistic, 10 Feb 2026)');
    expect(brief).toHaveTextContent('Reset with Rajiv Menon: “Retention numbers by cost centre” (at risk, 12 Feb 2026)');
    expect(brief).not.toHaveTextContent('Nothing: everyone has been sounded');
  });
});
