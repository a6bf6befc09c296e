import { Expectation, ExpectationStatus } from '@soundings/shared';
import { mapCoalitionMember } from '../coalition/coalition-member';
import { ExpectationRow } from './expectations.repository';

function mapTeller(row: ExpectationRow): Expectation['toldBy'] {
  if (row.told_by_stakeholder_id) return { type: 'champion', id: row.told_by_stakeholder_id, name: row.teller_name ?? '' };
  if (row.told_by_user_id) return { type: 'account', id: row.told_by_user_id, name: row.teller_name ?? '' };
  // The account was deleted, or the champion erased: the expectation stays, its teller does not.
  return null;
}

export function mapExpectation(row: ExpectationRow): Expectation {
  return {
    id: row.id,
    stakeholder: mapCoalitionMember(row, 'subject'),
    expectation: row.expectation,
    toldOn: row.told_on,
    toldBy: mapTeller(row),
    realistic: row.realistic,
    status: row.status as ExpectationStatus,
    note: row.note,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}
