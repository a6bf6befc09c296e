import type { SoundingInput } from '@soundings/shared';
import type TestAgent from 'supertest/lib/agent';
import { callRoute, documentedRoutes } from './documented-routes';
import { binaryBody, pdfText } from './support/pdf-text';
import { createStakeholder, daysAgo, daysAhead, logSounding } from './factories';
import { startTestApp, TestApp } from './test-app';

/**
 * Every read route the API documents, called by the author of a confidential sounding, by the
 * author of another one, by an admin and by a viewer, over data holding both. Each confidential
 * note carries a word of its own in every text field, so a response shows a note exactly when its
 * word is in it. A note's words may reach only its author and admins, and each response that shows
 * them must come with an audit entry, for that reader and that request, naming every note it showed
 * (and no other): the routes come from the OpenAPI document, so a new read is held to this the day
 * it is added.
 */
interface Note {
  kind: 'sounding' | 'fear';
  id: string;
  authorId: string;
}

interface ReadEntry {
  request_id: string;
  actor_id: string;
  after: { confidentialSoundingIds?: string[]; confidentialFearIds?: string[] } | null;
}

function everyText(word: string): Partial<SoundingInput> {
  return {
    summary: `Summary ${word}`,
    conductedBy: `Conductor ${word}`,
    developmentalExperience: `Mentor ${word}`,
    benefitsSeen: `Benefit ${word}`,
    personalCost: `Cost ${word}`,
    prioritiesServed: `Priority ${word}`,
    nextStep: `Next ${word}`,
  };
}

describe('confidential reads: every read route shows a confidential note only to its author and admins, and always leaves a trace', () => {
  let t: TestApp;
  const notes = new Map<string, Note>();
  let readers: { name: string; id: string; role: string; http: TestAgent }[];
  let targets: string[];
  let routes: string[];

  beforeAll(async () => {
    t = await startTestApp();
    const author = { name: 'author', id: t.user.id, role: 'practitioner', http: t.http };
    const colleague = await t.as('practitioner');
    const admin = await t.as('admin');
    const viewer = await t.as('viewer');
    readers = [author, { name: 'colleague', ...colleague }, { name: 'admin', ...admin }, { name: 'viewer', ...viewer }];

    const person = await createStakeholder(t.http, { name: 'Ingrid Holm', role: 'top_team' });
    const other = await createStakeholder(t.http, { name: 'Tomas Berg' });
    await logSounding(t.http, person.id, { heldOn: daysAgo(20), summary: 'An open conversation', commitmentAfter: 'sounded', fears: [{ statement: 'Time', category: 'time_and_workload' }] });
    // The latest sounding of each person, so the dashboard's overdue next steps and meeting readiness show them.
    const mine = await logSounding(t.http, person.id, {
      heldOn: daysAgo(10),
      followUpOn: daysAgo(3),
      ...everyText('mangosteen'),
      commitmentAfter: 'open',
      confidential: true,
      fears: [
        { statement: 'Fear rambutan', category: 'personal_exposure' },
        { statement: 'Fear durian', category: 'time_and_workload' },
      ],
    });
    await t.http.patch(`/api/fears/${mine.fears[0].id}`).send({ response: 'Response rambutan', version: 1 }).expect(200);
    const theirs = await logSounding(colleague.http, other.id, {
      heldOn: daysAgo(8),
      followUpOn: daysAgo(2),
      ...everyText('salak'),
      commitmentAfter: 'sounded',
      confidential: true,
      fears: [{ statement: 'Fear longan', category: 'loss_of_control' }],
    });
    notes.set('mangosteen', { kind: 'sounding', id: mine.id, authorId: t.user.id });
    notes.set('rambutan', { kind: 'fear', id: mine.fears[0].id, authorId: t.user.id });
    notes.set('durian', { kind: 'fear', id: mine.fears[1].id, authorId: t.user.id });
    notes.set('salak', { kind: 'sounding', id: theirs.id, authorId: colleague.id });
    notes.set('longan', { kind: 'fear', id: theirs.fears[0].id, authorId: colleague.id });

    const meeting = await t.http.post('/api/meetings').send({ title: 'Top team offsite', scheduledFor: `${daysAhead(5)}T09:00:00.000Z`, attendeeIds: [person.id, other.id] }).expect(201);
    targets = [person.id, other.id, mine.id, theirs.id, mine.fears[0].id, theirs.fears[0].id, meeting.body.id];

    routes = await documentedRoutes(t.http);
  });
  afterAll(() => t.close());

  it('walks every documented read as author, colleague, admin and viewer', async () => {
    const reads = routes.filter((route) => route.startsWith('GET '));
    expect(reads).toEqual(expect.arrayContaining(['GET /api/fears', 'GET /api/fears/{id}', 'GET /api/dashboard', 'GET /api/meetings/{id}/readiness']));

    const responses: { reader: (typeof readers)[number]; call: string; requestId: string; shown: Note[] }[] = [];
    for (const reader of readers) {
      for (const route of reads) {
        for (const id of route.includes('{') ? targets : ['']) {
          // Lists are read whole and filtered to one person.
          for (const query of route.includes('{') ? [''] : ['', `?stakeholderId=${targets[0]}`]) {
            const pdf = route.endsWith('.pdf');
            const response = await (pdf ? callRoute(reader.http, route, id, query).buffer(true).parse(binaryBody) : callRoute(reader.http, route, id, query));
            expect(response.status).toBeLessThan(500);
            // A PDF is read as its reader would read it: its extracted text.
            const text = pdf && response.status === 200 ? (await pdfText(response.body)).text : (response.text ?? '');
            const shown = [...notes.entries()].filter(([word]) => text.includes(word)).map(([, note]) => note);
            responses.push({ reader, call: `${route.replace('{id}', id)}${query}`, requestId: String(response.headers['x-request-id']), shown });
          }
        }
      }
    }

    const { rows } = await t.db.query<ReadEntry>(`SELECT request_id, actor_id, after FROM audit_log WHERE request_id = ANY($1)`, [responses.map((r) => r.requestId)]);
    const problems: string[] = [];
    for (const { reader, call, requestId, shown } of responses) {
      const entries = rows.filter((row) => row.request_id === requestId && (row.after?.confidentialSoundingIds || row.after?.confidentialFearIds));
      const recorded = (kind: Note['kind']) =>
        new Set(entries.flatMap((row) => (kind === 'sounding' ? row.after?.confidentialSoundingIds : row.after?.confidentialFearIds) ?? []));
      for (const note of shown) {
        if (reader.role !== 'admin' && note.authorId !== reader.id) problems.push(`${call} as ${reader.name}: shows ${note.kind} ${note.id}, not theirs to read`);
        else if (!recorded(note.kind).has(note.id)) problems.push(`${call} as ${reader.name}: shows ${note.kind} ${note.id} with no audit entry`);
      }
      for (const kind of ['sounding', 'fear'] as const) {
        for (const id of recorded(kind)) {
          if (!shown.some((note) => note.kind === kind && note.id === id)) problems.push(`${call} as ${reader.name}: audits ${kind} ${id}, which it did not show`);
        }
      }
      if (entries.some((row) => row.actor_id !== reader.id)) problems.push(`${call} as ${reader.name}: audited as someone else`);
      if (entries.length > 1) problems.push(`${call} as ${reader.name}: ${entries.length} audit entries for one read`);
    }
    expect(problems).toEqual([]);

    // The words did reach their readers, so the checks above had something to check.
    const showing = (name: string) => new Set(responses.filter((r) => r.reader.name === name && r.shown.length > 0).map((r) => r.call.split(/[/?]/)[2]));
    expect(responses.filter((r) => r.reader.name === 'admin' && r.shown.some((note) => note.id === notes.get('salak')!.id)).map((r) => r.call)).toEqual(
      expect.arrayContaining([
        `GET /api/soundings/${notes.get('salak')!.id}`,
        `GET /api/stakeholders/${targets[1]}/soundings`,
        `GET /api/stakeholders/${targets[1]}/journey`,
        `GET /api/stakeholders/${targets[1]}/export`,
        'GET /api/dashboard',
      ]),
    );
    expect(responses.filter((r) => r.reader.name === 'admin' && r.shown.some((note) => note.id === notes.get('longan')!.id)).map((r) => r.call)).toEqual(
      expect.arrayContaining(['GET /api/fears', `GET /api/fears/${notes.get('longan')!.id}`, `GET /api/meetings/${targets[6]}/readiness`, `GET /api/meetings/${targets[6]}/brief.pdf`]),
    );
    for (const author of ['author', 'colleague']) expect([...showing(author)]).toEqual(expect.arrayContaining(['dashboard', 'fears', 'meetings', 'soundings', 'stakeholders']));
    expect(showing('viewer')).toEqual(new Set());
  }, 180_000);
});
