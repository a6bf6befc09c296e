import type { CreateSoundingRequest, CreateStakeholderRequest, Sounding, Stakeholder } from '@soundings/shared';
import type TestAgent from 'supertest/lib/agent';

let counter = 0;

export function daysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

export async function createStakeholder(http: TestAgent, overrides: Partial<CreateStakeholderRequest> = {}): Promise<Stakeholder> {
  counter += 1;
  const response = await http
    .post('/api/stakeholders')
    .send({ name: `Person ${counter}`, role: 'senior_leader', businessFunction: 'Finance', ...overrides });
  if (response.status !== 201) throw new Error(`createStakeholder: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export async function logSounding(
  http: TestAgent,
  stakeholderId: string,
  overrides: Partial<CreateSoundingRequest> = {},
): Promise<Sounding> {
  const response = await http
    .post(`/api/stakeholders/${stakeholderId}/soundings`)
    .send({ heldOn: daysAgo(1), summary: 'Talked it through over coffee', commitmentAfter: 'sounded', ...overrides });
  if (response.status !== 201) throw new Error(`logSounding: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}
