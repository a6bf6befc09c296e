import { invalidField, invalidFields } from '../errors/api-exceptions';

/** Who holds a relationship: an account (HR) or a champion (a stakeholder), never both or neither. */
export type HolderRef = { type: 'account'; userId: string } | { type: 'champion'; stakeholderId: string };

export function resolveHolder(input: { stakeholderId: string; holderUserId?: string | null; holderStakeholderId?: string | null }): HolderRef {
  const userId = input.holderUserId ?? null;
  const stakeholderId = input.holderStakeholderId ?? null;
  if (userId && stakeholderId) {
    throw invalidFields(
      [
        { field: 'holderUserId', message: 'cannot be set together with holderStakeholderId; one account or one champion holds a relationship' },
        { field: 'holderStakeholderId', message: 'cannot be set together with holderUserId; one account or one champion holds a relationship' },
      ],
      'Choose one holder',
    );
  }
  if (!userId && !stakeholderId) {
    throw invalidFields(
      [
        { field: 'holderUserId', message: 'is required unless holderStakeholderId names the champion who holds it' },
        { field: 'holderStakeholderId', message: 'is required unless holderUserId names the account that holds it' },
      ],
      'Name who holds the relationship',
    );
  }
  if (stakeholderId === input.stakeholderId) throw invalidField('holderStakeholderId', 'cannot be the person themselves: someone holds a relationship with another person');
  return userId ? { type: 'account', userId } : { type: 'champion', stakeholderId: stakeholderId! };
}
