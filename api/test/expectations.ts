import type { Response } from 'supertest';

/** A refusal as every client may rely on it: the status, a JSON error body with a code, and the field at fault. */
export function expectRefused(response: Response, status: number, field?: string): void {
  expect({ status: response.status, body: response.body }).toEqual({
    status,
    body: expect.objectContaining({ statusCode: status, code: expect.any(String), message: expect.any(String) }),
  });
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  if (field !== undefined) expect(response.body.fields?.map((f: { field: string }) => f.field)).toContain(field);
}
