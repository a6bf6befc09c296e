import type { ApiToken, AuditEntry, Fear, Journey, Page, Session, Sounding, Stakeholder, User } from '@soundings/shared';

export function aStakeholder(overrides: Partial<Stakeholder> = {}): Stakeholder {
  return {
    id: 's-1',
    name: 'Priya Raman',
    title: 'Chief Financial Officer',
    email: 'priya@example.com',
    businessFunction: 'Finance',
    role: 'top_team',
    potentialChampion: false,
    influence: 4,
    reportsTo: null,
    requiredCommitment: 'committed',
    timingNotes: null,
    commitment: 'sounded',
    commitmentGap: 3,
    commitmentSince: '2025-01-10',
    lastContactAt: '2025-01-10',
    nextFollowUpOn: null,
    openFears: 1,
    createdAt: '2025-01-01T09:00:00.000Z',
    updatedAt: '2025-01-10T09:00:00.000Z',
    version: 3,
    ...overrides,
  };
}

export function aFear(overrides: Partial<Fear> = {}): Fear {
  return {
    id: 'f-1',
    stakeholder: { id: 's-1', name: 'Priya Raman' },
    soundingId: 'snd-1',
    statement: 'My managers have no time to coach',
    redacted: false,
    category: 'time_and_workload',
    status: 'open',
    response: null,
    owner: null,
    voicedOn: '2025-01-10',
    resolvedOn: null,
    createdAt: '2025-01-10T09:00:00.000Z',
    updatedAt: '2025-01-10T09:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

export function aSounding(overrides: Partial<Sounding> = {}): Sounding {
  return {
    id: 'snd-1',
    stakeholderId: 's-1',
    heldOn: '2025-01-10',
    channel: 'in_person',
    conductedBy: 'Sam (HR)',
    summary: 'Interested but worried about time.',
    developmentalExperience: null,
    benefitsSeen: null,
    personalCost: null,
    prioritiesServed: null,
    commitmentAfter: 'sounded',
    confidential: false,
    authorId: 'u-1',
    redacted: false,
    nextStep: 'Send the pilot outline',
    followUpOn: '2025-02-01',
    fears: [],
    createdAt: '2025-01-10T09:00:00.000Z',
    updatedAt: '2025-01-10T09:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

export function aPage<T>(items: T[], overrides: Partial<Page<T>> = {}): Page<T> {
  return { items, total: items.length, page: 1, pageSize: 50, ...overrides };
}

export function aJourney(overrides: Partial<Journey> = {}): Journey {
  return {
    stakeholder: aStakeholder(),
    stages: [
      { level: 'not_sounded', reachedOn: '2025-01-01' },
      { level: 'sounded', reachedOn: '2025-01-10' },
      { level: 'open', reachedOn: null },
      { level: 'supportive', reachedOn: null },
      { level: 'committed', reachedOn: null },
      { level: 'public_champion', reachedOn: null },
      { level: 'resistant', reachedOn: null },
    ],
    timeline: [],
    ...overrides,
  };
}

export function aUser(overrides: Partial<User> = {}): User {
  return {
    id: 'u-1',
    email: 'hana.lead@example.test',
    displayName: 'Hana Lead',
    role: 'admin',
    active: true,
    createdAt: '2025-01-01T09:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

export function aSession(overrides: Partial<User> = {}): Session {
  return { user: aUser(overrides), csrfToken: 'csrf-1' };
}

export function anAuditEntry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: '41',
    at: '2025-03-04T14:05:00.000Z',
    actor: { id: 'u-1', email: 'hana.lead@example.test' },
    action: 'stakeholder.update',
    entityType: 'stakeholder',
    entityId: 's-1',
    stakeholderId: 's-1',
    before: { role: 'senior_leader' },
    after: { role: 'top_team', changedFields: ['timingNotes'] },
    requestId: 'req-41',
    clientAddress: '10.0.0.7',
    ...overrides,
  };
}

export function anApiToken(overrides: Partial<ApiToken> = {}): ApiToken {
  return { id: 't-1', name: 'Weekly export script', createdAt: '2025-02-01T09:00:00.000Z', lastUsedAt: null, ...overrides };
}
