import { invalidFields, invalidField } from '../errors/api-exceptions';

/** Who told the person: an account, or a champion (another stakeholder); the register always names one. */
export type TellerRef = { type: 'account'; userId: string } | { type: 'champion'; stakeholderId: string };

interface TellerFields {
  toldByUserId?: string | null;
  toldByStakeholderId?: string | null;
}

const BOTH = 'cannot be set together with the other teller; one account or one champion told them';

function tellerFrom(input: TellerFields, subjectId: string): TellerRef | 'neither' {
  const userId = input.toldByUserId ?? null;
  const stakeholderId = input.toldByStakeholderId ?? null;
  if (userId && stakeholderId) {
    throw invalidFields(
      [
        { field: 'toldByUserId', message: BOTH },
        { field: 'toldByStakeholderId', message: BOTH },
      ],
      'Choose one teller',
    );
  }
  if (stakeholderId === subjectId) throw invalidField('toldByStakeholderId', 'cannot be the person themself: someone else told them what to expect');
  if (userId) return { type: 'account', userId };
  if (stakeholderId) return { type: 'champion', stakeholderId };
  return 'neither';
}

/** On a new expectation: the teller named, or the signed-in account when neither is (who promised matters). */
export function tellerForCreate(input: TellerFields & { stakeholderId: string }, signedInUserId: string): TellerRef {
  const teller = tellerFrom(input, input.stakeholderId);
  return teller === 'neither' ? { type: 'account', userId: signedInUserId } : teller;
}

/** On a change: null when neither teller field was sent (the teller stays); sending them must name exactly one. */
export function tellerForUpdate(input: TellerFields, subjectId: string): TellerRef | null {
  if (input.toldByUserId === undefined && input.toldByStakeholderId === undefined) return null;
  const teller = tellerFrom(input, subjectId);
  if (teller === 'neither') {
    const message = 'must name who told them: an account (toldByUserId) or a champion (toldByStakeholderId)';
    throw invalidFields(
      [
        { field: 'toldByUserId', message },
        { field: 'toldByStakeholderId', message },
      ],
      'Name who told them',
    );
  }
  return teller;
}
