import type {
  CommitmentChange,
  CommitmentChangeRequest,
  CreateSoundingRequest,
  CreateStakeholderRequest,
  Sounding,
  Stakeholder,
} from '@soundings/shared';
import type { Pool } from 'pg';
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

export interface RowCounts {
  stakeholders: number;
  soundings: number;
  fears: number;
  commitment_changes: number;
}

/** How many rows each table holds, to prove a refused request stored nothing. */
export async function countRows(db: Pool): Promise<RowCounts> {
  const { rows } = await db.query(
    `SELECT (SELECT count(*) FROM stakeholders)::int AS stakeholders,
            (SELECT count(*) FROM soundings)::int AS soundings,
            (SELECT count(*) FROM fears)::int AS fears,
            (SELECT count(*) FROM commitment_changes)::int AS commitment_changes`,
  );
  return rows[0];
}

export function today(): string {
  return daysAgo(0);
}

/** The API accepts "today" as late as UTC+14, so only two or more days ahead is the future everywhere. */
export function daysAhead(days: number): string {
  return daysAgo(-days);
}

export async function recordCommitmentChange(
  http: TestAgent,
  stakeholderId: string,
  change: Partial<CommitmentChangeRequest> = {},
): Promise<CommitmentChange> {
  const response = await http
    .post(`/api/stakeholders/${stakeholderId}/commitment`)
    .send({ level: 'open', on: daysAgo(1), reason: 'Asked good questions in the leadership offsite', ...change });
  if (response.status !== 201) throw new Error(`recordCommitmentChange: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}
