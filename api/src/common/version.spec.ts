import { HttpException } from '@nestjs/common';
import { expectedVersion } from './version';

function refusal(run: () => unknown): { status: number; body: Record<string, unknown> } {
  try {
    run();
  } catch (error) {
    if (error instanceof HttpException) return { status: error.getStatus(), body: error.getResponse() as Record<string, unknown> };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('expectedVersion', () => {
  it('takes the version from the body', () => {
    expect(expectedVersion(3, undefined)).toBe(3);
  });

  it.each([
    ['"3"', 3],
    ['3', 3],
    ['W/"3"', 3],
    ['  "12"  ', 12],
    ['"999999999"', 999_999_999],
  ])('reads the If-Match header %s', (header, version) => {
    expect(expectedVersion(undefined, header)).toBe(version);
  });

  it('accepts a body version that agrees with the header', () => {
    expect(expectedVersion(4, '"4"')).toBe(4);
  });

  it('refuses a body version that disagrees with the header, naming version', () => {
    expect(refusal(() => expectedVersion(4, '"5"'))).toMatchObject({ status: 400, body: { fields: [{ field: 'version' }] } });
  });

  it.each(['*', 'abc', '"-1"', '"1.5"', '"1234567890"', 'W/', ''])('refuses the If-Match header %j, naming If-Match', (header) => {
    expect(refusal(() => expectedVersion(undefined, header))).toMatchObject({ status: 400, body: { fields: [{ field: 'If-Match' }] } });
  });

  it('refuses a write without any version with 428', () => {
    expect(refusal(() => expectedVersion(undefined, undefined))).toMatchObject({
      status: 428,
      body: { statusCode: 428, fields: [{ field: 'version', message: 'is required' }] },
    });
  });
});
