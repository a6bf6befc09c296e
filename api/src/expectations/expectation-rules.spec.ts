import { BadRequestException } from '@nestjs/common';
import { tellerForCreate, tellerForUpdate } from './expectation-rules';

const person = 'a1b2c3d4-0000-4000-8000-000000000001';
const champion = 'a1b2c3d4-0000-4000-8000-000000000002';
const account = 'a1b2c3d4-0000-4000-8000-000000000003';
const me = 'a1b2c3d4-0000-4000-8000-000000000004';

function fieldsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BadRequestException);
    return ((error as BadRequestException).getResponse() as { fields: { field: string }[] }).fields.map((f) => f.field);
  }
  throw new Error('expected a 400');
}

describe('who told them', () => {
  it('is the signed-in account when neither teller is named, on a new expectation', () => {
    expect(tellerForCreate({ stakeholderId: person }, me)).toEqual({ type: 'account', userId: me });
    expect(tellerForCreate({ stakeholderId: person, toldByUserId: null, toldByStakeholderId: null }, me)).toEqual({ type: 'account', userId: me });
  });

  it('is the account or the champion named', () => {
    expect(tellerForCreate({ stakeholderId: person, toldByUserId: account }, me)).toEqual({ type: 'account', userId: account });
    expect(tellerForCreate({ stakeholderId: person, toldByStakeholderId: champion }, me)).toEqual({ type: 'champion', stakeholderId: champion });
  });

  it('refuses both tellers at once, and the person as their own teller', () => {
    expect(fieldsOf(() => tellerForCreate({ stakeholderId: person, toldByUserId: account, toldByStakeholderId: champion }, me))).toEqual([
      'toldByUserId',
      'toldByStakeholderId',
    ]);
    expect(fieldsOf(() => tellerForCreate({ stakeholderId: person, toldByStakeholderId: person }, me))).toEqual(['toldByStakeholderId']);
    expect(fieldsOf(() => tellerForUpdate({ toldByStakeholderId: person }, person))).toEqual(['toldByStakeholderId']);
  });

  it('on a change, keeps the teller when neither field is sent and refuses clearing both', () => {
    expect(tellerForUpdate({}, person)).toBeNull();
    expect(tellerForUpdate({ toldByStakeholderId: champion, toldByUserId: null }, person)).toEqual({ type: 'champion', stakeholderId: champion });
    expect(fieldsOf(() => tellerForUpdate({ toldByUserId: null }, person))).toEqual(['toldByUserId', 'toldByStakeholderId']);
  });
});
