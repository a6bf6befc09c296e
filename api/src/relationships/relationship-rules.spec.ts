import { BadRequestException } from '@nestjs/common';
import { resolveHolder } from './relationship-rules';

const person = '11111111-1111-4111-8111-111111111111';
const champion = '22222222-2222-4222-8222-222222222222';
const account = '33333333-3333-4333-8333-333333333333';

function refusedFields(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof BadRequestException) return (error.getResponse() as { fields: { field: string }[] }).fields.map((f) => f.field);
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('resolveHolder', () => {
  it('takes an account or a champion', () => {
    expect(resolveHolder({ stakeholderId: person, holderUserId: account })).toEqual({ type: 'account', userId: account });
    expect(resolveHolder({ stakeholderId: person, holderStakeholderId: champion, holderUserId: null })).toEqual({ type: 'champion', stakeholderId: champion });
  });

  it('refuses both holders at once, and neither, naming both fields', () => {
    expect(refusedFields(() => resolveHolder({ stakeholderId: person, holderUserId: account, holderStakeholderId: champion }))).toEqual([
      'holderUserId',
      'holderStakeholderId',
    ]);
    expect(refusedFields(() => resolveHolder({ stakeholderId: person }))).toEqual(['holderUserId', 'holderStakeholderId']);
    expect(refusedFields(() => resolveHolder({ stakeholderId: person, holderUserId: null, holderStakeholderId: null }))).toEqual([
      'holderUserId',
      'holderStakeholderId',
    ]);
  });

  it('refuses a champion holding a relationship with themselves', () => {
    expect(refusedFields(() => resolveHolder({ stakeholderId: person, holderStakeholderId: person }))).toEqual(['holderStakeholderId']);
  });
});
