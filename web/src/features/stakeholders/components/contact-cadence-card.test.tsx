import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { aContactCadence, aStakeholder } from '@/testing/fixtures';
import { mockApi } from '@/testing/api-mock';
import { renderWithApp } from '@/testing/render';
import { cadenceInputProblems } from './cadence-modal';
import { ContactCadenceCard } from './contact-cadence-card';

describe('ContactCadenceCard', () => {
  it("shows the person's contact against their cadence and saves their own cadence with the version loaded", async () => {
    const person = aStakeholder({ contact: aContactCadence({ daysSinceContact: 23, state: 'due' }), version: 5 });
    const api = mockApi();
    api.patch(`/stakeholders/${person.id}`, ({ body }) => ({ body: { ...person, version: 6, contact: { ...person.contact, cadence: (body as { cadence: object }).cadence, personal: true } } }));
    const user = userEvent.setup({ delay: null });
    renderWithApp(<ContactCadenceCard stakeholder={person} canWrite />);

    expect(screen.getByRole('heading', { name: 'Keeping in touch' })).toBeInTheDocument();
    expect(screen.getByText('Last contact 23 days ago (sounding) · ideal every 21 days · due')).toBeInTheDocument();
    expect(screen.getByText('Due a contact')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Change cadence' }));
    const ideal = await screen.findByLabelText('Ideal interval (days)');
    const max = screen.getByLabelText('At most (days)');
    await user.clear(ideal);
    await user.type(ideal, '30');
    await user.clear(max);
    await user.type(max, '20');
    await user.click(screen.getByRole('button', { name: 'Save cadence' }));
    expect(await screen.findByText('Must be at least the ideal interval')).toBeInTheDocument();
    expect(api.requestsTo('PATCH', `/stakeholders/${person.id}`)).toHaveLength(0);

    await user.clear(max);
    await user.type(max, '60');
    await user.click(screen.getByRole('button', { name: 'Save cadence' }));
    await waitFor(() => expect(api.requestsTo('PATCH', `/stakeholders/${person.id}`)).toHaveLength(1));
    expect(api.requestsTo('PATCH', `/stakeholders/${person.id}`)[0].body).toEqual({ cadence: { idealDays: 30, maxDays: 60 }, version: 5 });
  });

  it('offers no change to someone who may only read', () => {
    renderWithApp(<ContactCadenceCard stakeholder={aStakeholder()} canWrite={false} />);
    expect(screen.queryByRole('button', { name: 'Change cadence' })).not.toBeInTheDocument();
  });
});

describe('cadenceInputProblems', () => {
  it('wants whole days from 1 to 365 and a maximum no shorter than the ideal', () => {
    expect(cadenceInputProblems(21, 45)).toEqual({});
    expect(cadenceInputProblems(21, 21)).toEqual({});
    expect(cadenceInputProblems(0, 45)).toEqual({ idealDays: 'Enter whole days from 1 to 365' });
    expect(cadenceInputProblems('', 366)).toEqual({ idealDays: 'Enter whole days from 1 to 365', maxDays: 'Enter whole days from 1 to 365' });
    expect(cadenceInputProblems(30, 29)).toEqual({ maxDays: 'Must be at least the ideal interval' });
  });
});
