import { randomUUID } from 'node:crypto';
import { getMetadataStorage } from 'class-validator';
import type { Response } from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { CreateApiTokenDto } from '../src/auth/dto/login.dto';
import { CreateBriefingDto, ReorderBriefingsDto, UpdateBriefingDto } from '../src/briefings/dto/briefing.dto';
import { RecordCommitmentChangeDto } from '../src/commitment/dto/record-commitment-change.dto';
import { UpdateFearDto } from '../src/fears/dto/fear.dto';
import { CreateMeetingDto, RecordSpokeForDto, UpdateMeetingDto } from '../src/meetings/dto/meeting.dto';
import { UpdateSettingsDto } from '../src/settings/dto/update-settings.dto';
import { CreateSoundingDto, UpdateSoundingDto } from '../src/soundings/dto/sounding.dto';
import { CreateStakeholderDto } from '../src/stakeholders/dto/create-stakeholder.dto';
import { UpdateStakeholderDto } from '../src/stakeholders/dto/update-stakeholder.dto';
import { CreateUserDto, UpdateUserDto } from '../src/users/dto/user.dto';
import { expectRefused } from './expectations';
import { createStakeholder, daysAgo, daysAhead, logSounding } from './factories';
import { startTestApp, TestApp } from './test-app';

/**
 * The rules every value meets at the edge: what null means, what text and dates may be, how big an integer
 * may be, and how ids are spelt. Each refusal is a 400 naming the field, and nothing is written.
 */
describe('edge rules', () => {
  let t: TestApp;
  let admin: TestAgent;
  let counter = 0;

  beforeAll(async () => {
    t = await startTestApp();
    admin = (await t.as('admin')).http;
  });
  afterAll(() => t.close());

  /** Rows and versions of every table a request here could write. */
  async function fingerprint(): Promise<Record<string, string>> {
    const tables = ['stakeholders', 'soundings', 'fears', 'commitment_changes', 'briefings', 'meetings', 'meeting_attendees', 'users'];
    const { rows } = await t.db.query(
      `SELECT ${tables.map((table) => `(SELECT md5(coalesce(string_agg(x::text, ',' ORDER BY x::text), '')) FROM ${table} x) AS ${table}`).join(', ')},
              -- a request with a token may stamp its last use, and the retention job its last run, at any time
              (SELECT md5(coalesce(string_agg(id || name, ',' ORDER BY id), '')) FROM api_tokens) AS api_tokens,
              (SELECT concat_ws(',', redact_soundings_after_months, version) FROM settings) AS settings`,
    );
    return rows[0];
  }

  const at = (days: number, time = '09:30:00Z') => `${daysAhead(days)}T${time}`;
  const addYears = (years: number) => `${new Date().getUTCFullYear() + years}${daysAgo(0).slice(4)}`;

  /** The target of a request: where it goes and a body it accepts as it is. */
  interface Target {
    path: string;
    body: Record<string, unknown>;
  }

  interface Endpoint {
    name: string;
    method: 'post' | 'patch' | 'put';
    admin?: boolean;
    dto: Function;
    /** Makes a fresh record to write to, so a PATCH always has the right version. */
    target: () => Promise<Target>;
    /** The fields whose shared type says `| null`: null means "none" there. */
    nullable: string[];
  }

  const newStakeholder = () => createStakeholder(t.http);
  const briefingBody = () => ({ hr: true, topTeam: true, plannedFor: at(10) });
  const meetingBody = () => ({ title: 'Leadership offsite', scheduledFor: at(14) });
  async function created(path: string, body: object, http: TestAgent = t.http): Promise<{ id: string; version: number; day?: string }> {
    const response = await http.post(path).send(body);
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  const endpoints: Endpoint[] = [
    {
      name: 'POST /api/stakeholders',
      method: 'post',
      dto: CreateStakeholderDto,
      target: async () => ({ path: '/api/stakeholders', body: { name: 'Grace Hopper', role: 'top_team' } }),
      nullable: ['title', 'email', 'businessFunction', 'influence', 'reportsToId', 'requiredCommitment', 'timingNotes'],
    },
    {
      name: 'PATCH /api/stakeholders/:id',
      method: 'patch',
      dto: UpdateStakeholderDto,
      target: async () => {
        const person = await newStakeholder();
        return { path: `/api/stakeholders/${person.id}`, body: { version: person.version } };
      },
      nullable: ['title', 'email', 'businessFunction', 'influence', 'reportsToId', 'requiredCommitment', 'timingNotes', 'cadence'],
    },
    {
      name: 'POST /api/stakeholders/:id/soundings',
      method: 'post',
      dto: CreateSoundingDto,
      target: async () => ({
        path: `/api/stakeholders/${(await newStakeholder()).id}/soundings`,
        body: { heldOn: daysAgo(2), summary: 'Talked it through', commitmentAfter: 'open', fears: [{ statement: 'No time', category: 'time_and_workload' }] },
      }),
      nullable: ['conductedBy', 'conductedById', 'developmentalExperience', 'benefitsSeen', 'personalCost', 'prioritiesServed', 'nextStep', 'followUpOn'],
    },
    {
      name: 'PATCH /api/soundings/:id',
      method: 'patch',
      dto: UpdateSoundingDto,
      target: async () => {
        const sounding = await logSounding(t.http, (await newStakeholder()).id, { heldOn: daysAgo(3) });
        return { path: `/api/soundings/${sounding.id}`, body: { version: sounding.version } };
      },
      nullable: ['conductedBy', 'conductedById', 'developmentalExperience', 'benefitsSeen', 'personalCost', 'prioritiesServed', 'nextStep', 'followUpOn'],
    },
    {
      name: 'PATCH /api/fears/:id',
      method: 'patch',
      dto: UpdateFearDto,
      target: async () => {
        const sounding = await logSounding(t.http, (await newStakeholder()).id, { fears: [{ statement: 'No budget', category: 'cost_and_budget' }] });
        return { path: `/api/fears/${sounding.fears[0].id}`, body: { version: sounding.fears[0].version } };
      },
      nullable: ['response', 'owner', 'resolvedOn'],
    },
    {
      name: 'POST /api/stakeholders/:id/commitment',
      method: 'post',
      dto: RecordCommitmentChangeDto,
      target: async () => ({
        path: `/api/stakeholders/${(await newStakeholder()).id}/commitment`,
        body: { level: 'open', on: daysAgo(1), reason: 'Asked good questions' },
      }),
      nullable: [],
    },
    {
      name: 'POST /api/briefings',
      method: 'post',
      dto: CreateBriefingDto,
      target: async () => ({ path: '/api/briefings', body: briefingBody() }),
      nullable: ['brieferId', 'audienceId', 'brief', 'outcome'],
    },
    {
      name: 'PATCH /api/briefings/:id',
      method: 'patch',
      dto: UpdateBriefingDto,
      target: async () => {
        const briefing = await created('/api/briefings', briefingBody());
        return { path: `/api/briefings/${briefing.id}`, body: { version: briefing.version } };
      },
      nullable: ['brieferId', 'audienceId', 'brief', 'outcome'],
    },
    {
      name: 'POST /api/briefings/reorder',
      method: 'post',
      dto: ReorderBriefingsDto,
      target: async () => {
        const briefing = await created('/api/briefings', { ...briefingBody(), plannedFor: at(400 + (counter += 1)) });
        return { path: '/api/briefings/reorder', body: { day: briefing.day, briefingIds: [briefing.id] } };
      },
      nullable: [],
    },
    {
      name: 'POST /api/meetings',
      method: 'post',
      dto: CreateMeetingDto,
      target: async () => ({ path: '/api/meetings', body: meetingBody() }),
      nullable: ['purpose'],
    },
    {
      name: 'PATCH /api/meetings/:id',
      method: 'patch',
      dto: UpdateMeetingDto,
      target: async () => {
        const meeting = await created('/api/meetings', meetingBody());
        return { path: `/api/meetings/${meeting.id}`, body: { version: meeting.version } };
      },
      nullable: ['purpose'],
    },
    {
      name: 'POST /api/meetings/:id/spoke-for',
      method: 'post',
      dto: RecordSpokeForDto,
      target: async () => {
        const person = await newStakeholder();
        const meeting = await created('/api/meetings', { ...meetingBody(), scheduledFor: at(-3), attendeeIds: [person.id] });
        return { path: `/api/meetings/${meeting.id}/spoke-for`, body: { stakeholderIds: [person.id] } };
      },
      nullable: [],
    },
    {
      name: 'POST /api/users',
      method: 'post',
      admin: true,
      dto: CreateUserDto,
      target: async () => ({
        path: '/api/users',
        body: { email: `edge-${(counter += 1)}@example.test`, password: 'a long enough passphrase', role: 'viewer' },
      }),
      nullable: ['displayName'],
    },
    {
      name: 'PATCH /api/users/:id',
      method: 'patch',
      admin: true,
      dto: UpdateUserDto,
      target: async () => {
        const user = await created('/api/users', { email: `edge-${(counter += 1)}@example.test`, role: 'viewer' }, admin);
        return { path: `/api/users/${user.id}`, body: { version: user.version } };
      },
      nullable: ['displayName'],
    },
    {
      name: 'PUT /api/settings',
      method: 'put',
      admin: true,
      dto: UpdateSettingsDto,
      target: async () => ({ path: '/api/settings', body: { redactSoundingsAfterMonths: 24, version: (await admin.get('/api/settings')).body.version } }),
      nullable: ['redactSoundingsAfterMonths'],
    },
    {
      name: 'POST /api/auth/tokens',
      method: 'post',
      dto: CreateApiTokenDto,
      target: async () => ({ path: '/api/auth/tokens', body: { name: 'weekly export script' } }),
      nullable: [],
    },
  ];
  const endpoint = (name: string): Endpoint => {
    const found = endpoints.find((candidate) => candidate.name === name);
    if (!found) throw new Error(`no endpoint ${name}`);
    return found;
  };

  function send(which: Endpoint, target: Target, change: Record<string, unknown>): Promise<Response> {
    const http = which.admin ? admin : t.http;
    return http[which.method](target.path).send({ ...target.body, ...change });
  }

  /** Sends the endpoint's accepted body with `change` applied and expects a 400 naming `field` that wrote nothing. */
  async function expectFieldRefused(name: string, change: Record<string, unknown>, field: string): Promise<Response> {
    const which = endpoint(name);
    const target = await which.target();
    const before = await fingerprint();
    const response = await send(which, target, change);
    expectRefused(response, 400, field);
    expect(await fingerprint()).toEqual(before);
    return response;
  }

  async function expectAccepted(name: string, change: Record<string, unknown>): Promise<Response> {
    const which = endpoint(name);
    const response = await send(which, await which.target(), change);
    expect(response.status < 300 ? 'accepted' : { status: response.status, body: response.body }).toBe('accepted');
    return response;
  }

  it('the bodies used here are accepted as they are', async () => {
    for (const which of endpoints) await expectAccepted(which.name, {});
  });

  // ---- null -------------------------------------------------------------------

  describe('null', () => {
    /** Every field a DTO declares, so a field added later is covered without editing this table. */
    const fieldsOf = (dto: Function) => [...new Set(getMetadataStorage().getTargetValidationMetadatas(dto, '', true, false).map((m) => m.propertyName))];
    const cases = endpoints.flatMap((which) => fieldsOf(which.dto).map((field) => [which.name, field, which.nullable.includes(field)] as const));

    it('covers every field of every write', () => {
      expect(cases.length).toBeGreaterThan(80);
    });

    it.each(cases.filter(([, , nullable]) => !nullable))('%s with %s: null → 400 naming it, nothing written', async (name, field) => {
      const response = await expectFieldRefused(name, { [field]: null }, field);
      expect(response.body.fields).toContainEqual({ field, message: 'must not be null' });
    });

    it.each(cases.filter(([, , nullable]) => nullable))('%s with %s: null means "none" and is accepted', async (name, field) => {
      await expectAccepted(name, { [field]: null });
    });

    it.each([
      ['POST /api/stakeholders/:id/soundings', 'confidential'],
      ['PATCH /api/soundings/:id', 'confidential'],
      ['POST /api/stakeholders/:id/soundings', 'fears'],
      ['POST /api/users', 'password'],
    ])('as the fuzzers sent it: %s with %s: null → 400', async (name, field) => {
      await expectFieldRefused(name, { [field]: null }, field);
    });
  });

  // ---- lists of objects ---------------------------------------------------------

  describe('fears of a sounding', () => {
    const name = 'POST /api/stakeholders/:id/soundings';

    it.each([
      [[[{ statement: 'No time', category: 'other' }]], 'fears.0'],
      [['No time'], 'fears.0'],
      [[1], 'fears.0'],
      [[true], 'fears.0'],
      [[null], 'fears.0'],
      [[{ statement: 'No time', category: 'other' }, []], 'fears.1'],
    ])('%j → 400 naming the entry %s (each must be an object)', async (fears, field) => {
      const response = await expectFieldRefused(name, { fears }, field);
      expect(response.body.fields).toEqual([{ field, message: 'must be an object (not null, a list or a plain value)' }]);
    });

    it.each([
      [['No time', 'No time']],
      [['No time', '  no TIME ']],
      [['No time', 'No  time']],
      [['No time', 'ＮＯ ＴＩＭＥ']],
      [['Budget', 'No time', 'no time']],
    ])('the same fear twice %j → 400 naming fears', async (statements) => {
      const response = await expectFieldRefused(name, { fears: statements.map((statement) => ({ statement, category: 'other' })) }, 'fears');
      expect(response.body.fields[0].message).toMatch(/once/);
    });

    it('different fears are each stored', async () => {
      const response = await expectAccepted(name, { fears: ['No time', 'No time for it'].map((statement) => ({ statement, category: 'other' })) });
      expect(response.body.fears.map((fear: { statement: string }) => fear.statement)).toEqual(['No time', 'No time for it']);
    });
  });

  // ---- text ---------------------------------------------------------------------

  describe('text', () => {
    const junk = ['\u200B', '-', '.', '???', 'null', 'NULL', 'undefined', '🙂', '\u0007', 'Ana\u0007Bell', 'Ana\u001b[31m', '\u202Eexe.gnp', 'Ana \u2066Bell\u2069', 'Ana\uD800', '\uDC00'];
    const junkForNames = [...junk, '3', '42', 'Ana\nBell'];

    // [endpoint, field, the change that puts the value there, the field the 400 must name]
    const places: [string, string, (value: string) => Record<string, unknown>, string][] = [
      ['POST /api/stakeholders/:id/soundings', 'summary', (value) => ({ summary: value }), 'summary'],
      ['PATCH /api/soundings/:id', 'summary', (value) => ({ summary: value }), 'summary'],
      ['POST /api/stakeholders/:id/soundings', 'fear statement', (value) => ({ fears: [{ statement: value, category: 'other' }] }), 'fears.0.statement'],
      ['PATCH /api/fears/:id', 'statement', (value) => ({ statement: value }), 'statement'],
      ['POST /api/meetings', 'title', (value) => ({ title: value }), 'title'],
      ['PATCH /api/meetings/:id', 'title', (value) => ({ title: value }), 'title'],
      ['POST /api/stakeholders/:id/commitment', 'reason', (value) => ({ reason: value }), 'reason'],
      ['POST /api/auth/tokens', 'name', (value) => ({ name: value }), 'name'],
      // Optional text: the same rules when it is not empty.
      ['POST /api/stakeholders', 'title', (value) => ({ title: value }), 'title'],
      ['POST /api/stakeholders/:id/soundings', 'nextStep', (value) => ({ nextStep: value }), 'nextStep'],
      ['POST /api/briefings', 'brief', (value) => ({ brief: value }), 'brief'],
    ];
    const namePlaces: typeof places = [
      ['POST /api/stakeholders', 'name', (value) => ({ name: value }), 'name'],
      ['PATCH /api/stakeholders/:id', 'name', (value) => ({ name: value }), 'name'],
      ['POST /api/users', 'displayName', (value) => ({ displayName: value }), 'displayName'],
      ['PATCH /api/fears/:id', 'owner', (value) => ({ owner: value }), 'owner'],
      ['POST /api/stakeholders/:id/soundings', 'conductedBy', (value) => ({ conductedBy: value }), 'conductedBy'],
    ];
    const cases = [
      ...places.flatMap(([name, label, change, field]) => junk.map((value) => [name, label, value, change, field] as const)),
      ...namePlaces.flatMap(([name, label, change, field]) => junkForNames.map((value) => [name, label, value, change, field] as const)),
    ];

    it.each(cases)('%s %s %j → 400 naming it, nothing written', async (name, _label, value, change, field) => {
      await expectFieldRefused(name, change(value), field);
    });

    it.each([
      ['POST /api/stakeholders', 'a\uD800@example.test'],
      ['POST /api/stakeholders', '\uD800'],
      ['POST /api/users', 'a\uDC00@example.test'],
    ])('%s email %j → 400 naming email (the email check itself would throw on it)', async (name, email) => {
      await expectFieldRefused(name, { email }, 'email');
    });

    it('says why', async () => {
      const refusal = async (name: string) => (await expectFieldRefused('POST /api/stakeholders', { name }, 'name')).body.fields[0].message;
      expect(await refusal('???')).toBe('must contain at least one letter');
      expect(await refusal('Ana\uD800')).toMatch(/unpaired surrogate/);
      expect(await refusal('\u202Egnp')).toMatch(/bidirectional/);
      expect(await refusal('Ana\u0007')).toMatch(/control/);
    });

    it.each([
      ['ليلى عبد الله', 'ليلى عبد الله'],
      ['अनन्या शर्मा', 'अनन्या शर्मा'],
      ['Jose\u0301 A\u0301lvarez', 'José Álvarez'],
      ['Mary-Kate O’Neill', 'Mary-Kate O’Neill'],
      ["Seán O'Brien-Ødegård", "Seán O'Brien-Ødegård"],
      ['مهر\u200Cداد', 'مهر\u200Cداد'],
      ['Ana 🙂', 'Ana 🙂'],
      ['  Łucja Æsir  ', 'Łucja Æsir'],
    ])('keeps the real name %j, stored as %j', async (sent, stored) => {
      const response = await expectAccepted('POST /api/stakeholders', { name: sent });
      expect(response.body.name).toBe(stored);
      const { rows } = await t.db.query('SELECT name FROM stakeholders WHERE id = $1', [response.body.id]);
      expect(rows[0].name).toBe(stored);
    });

    it('keeps paragraphs and digits in required text', async () => {
      const response = await expectAccepted('POST /api/stakeholders/:id/soundings', { summary: 'Line one\n\tLine two\r\nLine 3' });
      expect(response.body.summary).toBe('Line one\n\tLine two\r\nLine 3');
      await expectAccepted('POST /api/stakeholders/:id/commitment', { reason: '3' });
    });
  });

  // ---- dates and moments ---------------------------------------------------------

  describe('dates', () => {
    it.each([
      ['POST /api/stakeholders/:id/soundings', { heldOn: '1900-01-01' }, 'heldOn'],
      ['POST /api/stakeholders/:id/soundings', { heldOn: '1999-12-31' }, 'heldOn'],
      ['POST /api/stakeholders/:id/soundings', { heldOn: daysAhead(2) }, 'heldOn'],
      ['PATCH /api/soundings/:id', { heldOn: '1900-01-01' }, 'heldOn'],
      ['POST /api/stakeholders/:id/soundings', { followUpOn: '9999-12-31' }, 'followUpOn'],
      ['POST /api/stakeholders/:id/soundings', { followUpOn: addYears(6) }, 'followUpOn'],
      ['PATCH /api/soundings/:id', { followUpOn: '9999-12-31' }, 'followUpOn'],
      ['POST /api/stakeholders/:id/commitment', { on: '1999-12-31' }, 'on'],
      ['PATCH /api/fears/:id', { status: 'resolved', resolvedOn: '1900-01-01' }, 'resolvedOn'],
      ['POST /api/briefings', { plannedFor: '1900-01-01T09:00:00Z' }, 'plannedFor'],
      ['POST /api/briefings', { plannedFor: '1999-12-31T23:00:00Z' }, 'plannedFor'],
      ['POST /api/briefings', { plannedFor: '9999-12-31T09:00:00Z' }, 'plannedFor'],
      ['POST /api/briefings', { plannedFor: `${addYears(6)}T09:00:00Z` }, 'plannedFor'],
      ['PATCH /api/briefings/:id', { plannedFor: '1900-01-01T09:00:00Z' }, 'plannedFor'],
      ['PATCH /api/briefings/:id', { plannedFor: '9999-12-31T09:00:00Z' }, 'plannedFor'],
      ['POST /api/briefings/reorder', { day: '9999-12-31' }, 'day'],
      ['POST /api/meetings', { scheduledFor: '1900-01-01T09:00:00Z' }, 'scheduledFor'],
      ['POST /api/meetings', { scheduledFor: '9999-12-31T09:00:00Z' }, 'scheduledFor'],
      ['PATCH /api/meetings/:id', { scheduledFor: '1900-01-01T09:00:00Z' }, 'scheduledFor'],
      ['PATCH /api/meetings/:id', { scheduledFor: `${addYears(6)}T09:00:00Z` }, 'scheduledFor'],
    ])('%s %j → 400 naming it, nothing written', async (name, change, field) => {
      await expectFieldRefused(name, change, field);
    });

    it.each([
      ['POST /api/stakeholders/:id/soundings', { heldOn: '2000-01-01' }],
      ['POST /api/stakeholders/:id/soundings', { followUpOn: addYears(4) }],
      ['POST /api/briefings', { plannedFor: '2000-01-01T09:00:00Z' }],
      ['POST /api/briefings', { plannedFor: `${addYears(4)}T09:00:00Z` }],
      ['POST /api/meetings', { scheduledFor: `${addYears(4)}T09:00:00+02:00` }],
    ])('%s %j is within the campaign and accepted', async (name, change) => {
      await expectAccepted(name, change);
    });

    describe.each([
      ['POST /api/briefings', 'plannedFor'],
      ['PATCH /api/briefings/:id', 'plannedFor'],
      ['POST /api/meetings', 'scheduledFor'],
      ['PATCH /api/meetings/:id', 'scheduledFor'],
    ])('%s time-zone offsets', (name, field) => {
      // PostgreSQL refuses offsets beyond ±15:59; the edge applies the same rule.
      it.each(['+23:59', '-23:59', '+16:00', '-16:00', '+99:00'])('%s → 400 naming the field', async (offset) => {
        await expectFieldRefused(name, { [field]: at(20, `10:00:00${offset}`) }, field);
      });

      it.each(['+15:59', '-15:59', '+14:00', '-12:00', 'Z'])('%s is stored as the same moment', async (offset) => {
        const sent = at(20, `10:00:00${offset}`);
        const response = await expectAccepted(name, { [field]: sent });
        expect(new Date(response.body[field]).getTime()).toBe(new Date(sent).getTime());
      });
    });
  });

  // ---- integers --------------------------------------------------------------------

  describe('versions', () => {
    const patches = endpoints.filter((which) => which.method !== 'post').map((which) => which.name);
    // 2^53 + 1 cannot be written as a JavaScript number; JSON can carry it.
    it.each(patches.flatMap((name) => ['2147483648', '9007199254740993', '1e308', '0', '-1', '1.5', '"1"'].map((raw) => [name, raw] as const)))(
      '%s with version %s → 400 naming version, nothing written',
      async (name, raw) => {
        const which = endpoint(name);
        const target = await which.target();
        const before = await fingerprint();
        const body = JSON.stringify({ ...target.body, version: 0 }).replace('"version":0', `"version":${raw}`);
        const http = which.admin ? admin : t.http;
        const response = await http[which.method](target.path).set('content-type', 'application/json').send(body);
        expectRefused(response, 400, 'version');
        expect(await fingerprint()).toEqual(before);
      },
    );

    it.each(['2147483648', '1e3', '99999999999'])('GET /api/stakeholders?pageSize=%s → 400 naming pageSize', async (value) => {
      expectRefused(await t.http.get(`/api/stakeholders?pageSize=${value}`), 400, 'pageSize');
    });
  });

  // ---- the OpenAPI document --------------------------------------------------------

  it('the OpenAPI document shows the limits the custom rules apply', async () => {
    const { schemas } = (await t.http.get('/api/docs-json').expect(200)).body.components;
    expect(schemas.CreateStakeholderDto.properties.name).toMatchObject({ minLength: 1, maxLength: 200 });
    expect(schemas.CreateStakeholderDto.properties.influence).toMatchObject({ type: ['integer', 'null'], minimum: 1, maximum: 5 });
    expect(schemas.CreateStakeholderDto.properties.reportsToId).toMatchObject({ type: ['string', 'null'], format: 'uuid' });
    expect(schemas.UpdateUserDto.properties.version).toMatchObject({ type: 'integer', minimum: 1, maximum: 2_147_483_647 });
    expect(schemas.CreateSoundingDto.properties.heldOn).toMatchObject({ type: 'string', format: 'date' });
    expect(schemas.CreateSoundingDto.properties.fears).toMatchObject({ type: 'array', maxItems: 50 });
    expect(schemas.CreateMeetingDto.properties.scheduledFor).toMatchObject({ type: 'string', format: 'date-time' });
    expect(schemas.CreateSoundingDto.required).toEqual(expect.arrayContaining(['heldOn', 'summary']));
    expect(schemas.CreateSoundingDto.required).not.toContain('confidential');
  });

  // ---- ids ----------------------------------------------------------------------

  describe('ids in capitals', () => {
    it('are accepted in a path and answered in lower case', async () => {
      const person = await newStakeholder();
      const response = await t.http.get(`/api/stakeholders/${person.id.toUpperCase()}`).expect(200);
      expect(response.body.id).toBe(person.id);
      const patched = await t.http.patch(`/api/stakeholders/${person.id.toUpperCase()}`).send({ version: person.version, title: 'CFO' }).expect(200);
      expect(patched.body.title).toBe('CFO');
    });

    it('are stored in lower case from a body', async () => {
      const manager = await newStakeholder();
      const response = await expectAccepted('POST /api/stakeholders', { reportsToId: manager.id.toUpperCase() });
      expect(response.body.reportsTo.id).toBe(manager.id);
      const { rows } = await t.db.query('SELECT reports_to_id::text AS id FROM stakeholders WHERE id = $1', [response.body.id]);
      expect(rows[0].id).toBe(manager.id);
    });

    it('count as the same id however they are spelt', async () => {
      const person = await newStakeholder();
      await expectFieldRefused('POST /api/meetings', { attendeeIds: [person.id, person.id.toUpperCase()] }, 'attendeeIds');
    });

    it('find the same records in a query', async () => {
      const sounding = await logSounding(t.http, (await newStakeholder()).id, { fears: [{ statement: 'No time', category: 'other' }] });
      const response = await t.http.get(`/api/fears?stakeholderId=${sounding.stakeholderId.toUpperCase()}`).expect(200);
      expect(response.body.items.map((fear: { id: string }) => fear.id)).toEqual([sounding.fears[0].id]);
    });

    it.each(['not-a-uuid', `${randomUUID()}0`, randomUUID().replace(/-/g, ''), `{${randomUUID()}}`])('a malformed one (%s) is still a 400 naming id', async (id) => {
      expectRefused(await t.http.get(`/api/stakeholders/${encodeURIComponent(id)}`), 400, 'id');
    });
  });
});
