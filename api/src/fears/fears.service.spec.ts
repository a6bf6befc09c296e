import { BadRequestException } from '@nestjs/common';
import { resolveFearChanges } from './fears.service';

const TODAY = '2026-03-15';
const open = { status: 'open' as const, voicedOn: '2026-03-01' };
const resolved = { status: 'resolved' as const, voicedOn: '2026-03-01' };

function refusedField(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof BadRequestException) return (error.getResponse() as { fields: { field: string }[] }).fields[0].field;
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('resolveFearChanges', () => {
  it('stamps today when a fear becomes resolved without a date', () => {
    expect(resolveFearChanges(open, { status: 'resolved', version: 1 }, TODAY)).toEqual({ status: 'resolved', resolvedOn: TODAY });
  });

  it('keeps a given resolution date', () => {
    expect(resolveFearChanges(open, { status: 'resolved', resolvedOn: '2026-03-10' }, TODAY)).toMatchObject({ resolvedOn: '2026-03-10' });
  });

  it('accepts a resolution on the day it was voiced', () => {
    expect(resolveFearChanges(open, { status: 'resolved', resolvedOn: '2026-03-01' }, TODAY)).toMatchObject({ resolvedOn: '2026-03-01' });
  });

  it('leaves the date alone when an already resolved fear is edited otherwise', () => {
    const changes = resolveFearChanges(resolved, { response: 'Agreed protected time' }, TODAY);
    expect(changes).toEqual({ response: 'Agreed protected time', resolvedOn: undefined });
  });

  it('re-dates an already resolved fear', () => {
    expect(resolveFearChanges(resolved, { resolvedOn: '2026-03-05' }, TODAY)).toMatchObject({ resolvedOn: '2026-03-05' });
  });

  it.each(['open', 'addressing'] as const)('clears the date when a resolved fear goes back to %s', (status) => {
    expect(resolveFearChanges(resolved, { status }, TODAY)).toEqual({ status, resolvedOn: null });
  });

  it('does not touch the date of a fear that stays unresolved', () => {
    expect(resolveFearChanges(open, { status: 'addressing' }, TODAY)).toEqual({ status: 'addressing', resolvedOn: undefined });
    expect(resolveFearChanges(open, { owner: 'Hana', resolvedOn: null }, TODAY)).toEqual({ owner: 'Hana', resolvedOn: undefined });
  });

  it('never passes the version on as a change', () => {
    expect(resolveFearChanges(open, { version: 7, owner: 'Hana' }, TODAY)).not.toHaveProperty('version');
  });

  it.each([
    ['a date on an open fear', open, { resolvedOn: '2026-03-10' }],
    ['a date while moving to addressing', open, { status: 'addressing' as const, resolvedOn: '2026-03-10' }],
    ['a date while re-opening', resolved, { status: 'open' as const, resolvedOn: '2026-03-10' }],
    ['a date before it was voiced', open, { status: 'resolved' as const, resolvedOn: '2026-02-28' }],
    ['re-dating a resolved fear before it was voiced', resolved, { resolvedOn: '2026-02-01' }],
    ['clearing the date of a resolved fear', resolved, { resolvedOn: null }],
    ['resolving with the date cleared', open, { status: 'resolved' as const, resolvedOn: null }],
  ])('refuses %s, naming resolvedOn', (_label, current, input) => {
    expect(refusedField(() => resolveFearChanges(current, input, TODAY))).toBe('resolvedOn');
  });
});
