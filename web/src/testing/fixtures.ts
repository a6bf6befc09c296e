import type {
  ApiToken,
  AttendeeReadiness,
  AuditEntry,
  Briefing,
  BriefingParty,
  ContactCadence,
  BriefingPlanItem,
  CoalitionMember,
  Expectation,
  Fear,
  InfluenceTie,
  Journey,
  Meeting,
  MeetingReadiness,
  Page,
  Session,
  Sounding,
  Stakeholder,
  StakeholderInfluence,
  User,
} from '@soundings/shared';

/** Where someone stands against their cadence: by default a top-team member 12 days after a sounding. */
export function aContactCadence(overrides: Partial<ContactCadence> = {}): ContactCadence {
  return {
    lastContactOn: '2025-01-10',
    lastContactKind: 'sounding',
    daysSinceContact: 12,
    cadence: { idealDays: 21, maxDays: 45 },
    personal: false,
    state: 'on_track',
    ...overrides,
  };
}

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
    contact: aContactCadence(),
    openFears: 1,
    erasedAt: null,
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
    conductedById: null,
    conductedByPerson: null,
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
    priorities: [],
    narratives: [],
    createdAt: '2025-01-10T09:00:00.000Z',
    updatedAt: '2025-01-10T09:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

export function aPage<T>(items: T[], overrides: Partial<Page<T>> = {}): Page<T> {
  return { items, total: items.length, totalIsEstimate: false, page: 1, pageSize: 50, ...overrides };
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
    actor: { id: 'u-1', email: 'hana.lead@example.test', name: 'Hana Lead' },
    action: 'stakeholder.update',
    entityType: 'stakeholder',
    entityId: 's-1',
    stakeholderId: 's-1',
    stakeholderName: 'Priya Shah',
    names: {},
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

export function aBriefingParty(overrides: Partial<BriefingParty> = {}): BriefingParty {
  return { id: 's-2', name: 'Tom Okafor', role: 'line_manager', businessFunction: 'IT', commitment: 'committed', ...overrides };
}

export function aBriefing(overrides: Partial<Briefing> = {}): Briefing {
  return {
    id: 'b-1',
    briefer: aBriefingParty(),
    hr: false,
    audience: aBriefingParty({ id: 's-1', name: 'Priya Raman', role: 'top_team', businessFunction: 'Finance', commitment: 'open' }),
    topTeam: false,
    plannedFor: '2026-03-03T09:00:00.000Z',
    day: '2026-03-03',
    order: 0,
    brief: 'IT loses engineers to firms that develop their people.',
    status: 'planned',
    outcome: null,
    priorities: [],
    createdAt: '2026-02-01T09:00:00.000Z',
    updatedAt: '2026-02-01T09:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

export function aPlanItem(briefing: Briefing, warnings: BriefingPlanItem['readiness']['warnings'] = []): BriefingPlanItem {
  return {
    briefing,
    readiness: { ready: warnings.length === 0, brieferSounded: briefing.briefer ? true : null, briefNamesArea: true, audienceNotSounded: [], warnings },
  };
}

export function anAttendee(overrides: Partial<AttendeeReadiness> & { name?: string; id?: string } = {}): AttendeeReadiness {
  const { name = 'Priya Raman', id = 's-1', ...rest } = overrides;
  return {
    stakeholder: { id, name, title: 'Chief Financial Officer', role: 'top_team', businessFunction: 'Finance', influence: 4 },
    commitment: 'supportive',
    requiredCommitment: null,
    commitmentGap: 0,
    onBoard: true,
    soundedIndividually: true,
    lastContactAt: '2026-02-20',
    openFears: [],
    warnings: [],
    looksTo: null,
    spokeFor: false,
    timing: null,
    expectations: [],
    ...rest,
  };
}

export function aMeeting(overrides: Partial<Meeting> = {}): Meeting {
  return {
    id: 'm-1',
    title: 'Top-team offsite',
    scheduledFor: '2026-03-10T13:00:00.000Z',
    purpose: 'Ask the top team to sponsor three pilots.',
    attendeeCount: 0,
    attendees: [],
    createdAt: '2026-02-01T09:00:00.000Z',
    updatedAt: '2026-02-01T09:00:00.000Z',
    version: 1,
    ...overrides,
  };
}

export function aReadiness(attendees: AttendeeReadiness[], overrides: Partial<MeetingReadiness['summary']> = {}): MeetingReadiness {
  const { attendees: _meetingAttendees, ...meeting } = aMeeting({ attendeeCount: attendees.length });
  return {
    meeting,
    summary: {
      attendees: attendees.length,
      onBoard: attendees.filter((attendee) => attendee.onBoard).length,
      atRequired: attendees.filter((attendee) => attendee.requiredCommitment && attendee.commitmentGap === 0).length,
      withRequired: attendees.filter((attendee) => attendee.requiredCommitment).length,
      notSounded: attendees.filter((attendee) => !attendee.soundedIndividually).length,
      resistant: attendees.filter((attendee) => attendee.commitment === 'resistant').length,
      openFears: attendees.reduce((sum, attendee) => sum + attendee.openFears.length, 0),
      verdict: attendees.length === 0 ? 'no_attendees' : attendees.some((attendee) => !attendee.soundedIndividually || attendee.commitment === 'resistant' || attendee.commitmentGap > 0) ? 'not_ready' : 'ready',
      ...overrides,
    },
    attendees,
  };
}

export function aCoalitionMember(overrides: Partial<CoalitionMember> = {}): CoalitionMember {
  return {
    id: 's-2',
    name: 'Sam Lee',
    title: null,
    role: 'senior_leader',
    businessFunction: 'Finance',
    potentialChampion: false,
    commitment: 'committed',
    requiredCommitment: null,
    onBoard: true,
    ...overrides,
  };
}

export function anInfluenceTie(overrides: Partial<InfluenceTie> = {}): InfluenceTie {
  return { person: aCoalitionMember(), kind: 'looks_to', strength: 2, via: 'link', influenceId: 'inf-1', note: null, ...overrides };
}

export function aStakeholderInfluence(overrides: Partial<StakeholderInfluence> = {}): StakeholderInfluence {
  return {
    stakeholder: aCoalitionMember({ id: 's-1', name: 'Priya Raman', commitment: 'open', onBoard: false }),
    looksTo: [],
    lookedToBy: [],
    allies: [],
    conflicts: [],
    summary: { looksTo: 0, onBoard: 0, resistant: 0, lookedToBy: 0, text: 'Priya Raman looks to no one on record yet.' },
    ...overrides,
  };
}

export function anExpectation(overrides: Partial<Expectation> = {}): Expectation {
  return {
    id: 'e-1',
    stakeholder: aCoalitionMember({ id: 's-1', name: 'Priya Raman', role: 'top_team', commitment: 'open', onBoard: false }),
    expectation: 'A coach for each of her direct reports',
    toldOn: '2026-11-02',
    toldBy: { type: 'account', id: 'u-hana', name: 'Hana Lead' },
    realistic: true,
    status: 'open',
    note: null,
    createdAt: '2026-11-02T09:00:00.000Z',
    updatedAt: '2026-11-02T09:00:00.000Z',
    version: 2,
    ...overrides,
  };
}
