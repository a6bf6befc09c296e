import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { readAppConfig } from '../config/app-config';
import { prepareDatabase } from '../database/prepare-database';
import { foldForSearch, stakeholderSearchText } from '../stakeholders/search-text';

// `npm run seed:scale`: a whole employer's campaign (100,000 people, years of soundings) written straight into
// PostgreSQL, set-based, with every derived column as the app itself would have left it.

export interface ScaleSizes {
  people: number;
  soundings: number;
  fears: number;
  briefings: number;
  meetings: number;
  maxAttendees: number;
}

export const SCALE_DEFAULTS: ScaleSizes = { people: 100_000, soundings: 1_000_000, fears: 300_000, briefings: 2_000, meetings: 500, maxAttendees: 300 };

/** Titles of the two meetings whose size is fixed: 30 attendees, and `maxAttendees`. */
export const SCALE_MEETING_TITLES = { thirty: 'Scale meeting 30', largest: 'Scale meeting 300' } as const;

export type Progress = (step: string, done: number, total: number) => void;

/** Tables a forced load empties; TRUNCATE ... CASCADE takes every table that hangs off them. */
const CAMPAIGN_TABLES = ['stakeholders', 'meetings', 'narratives', 'priorities', 'pilots', 'initiatives', 'deleted_items'];
/** Tables the load writes; their non-unique indexes are rebuilt once at the end instead of row by row. */
const LOADED_TABLES = ['stakeholders', 'soundings', 'fears', 'commitment_changes', 'briefings', 'meetings', 'meeting_attendees', 'influences'];

const PEOPLE_CHUNK = 10_000;
const SOUNDINGS_CHUNK = 100_000;

const FIRST_NAMES = [
  'Amira', 'Ben', 'Chen', 'Dmitri', 'Élodie', 'Femi', 'Grace', 'Hannah', 'Ibrahim', 'Jonas', 'Keiko', 'Lars', 'Łukasz', 'Maya',
  'Noah', 'Olga', 'Priya', 'Quentin', 'Rosa', 'Søren', 'Tariq', 'Uma', 'Víctor', 'Wen', 'Xavier', 'Yara', 'Aoife', 'Bjørn',
  'Chloé', 'Dara', 'Emeka', 'Fatima', 'Gustav', 'Helga', 'Iñigo', 'José', 'Kwame', 'Leila', 'Mateo',
];
const LAST_NAMES = [
  'Achterberg', 'Brennan', 'Castillo', 'Dubois', 'Eriksen', 'Fischer', 'García', 'Haddad', 'Ivanova', 'Jensen', 'Kowalski',
  'Lindqvist', 'Müller', 'Nakamura', 'Osei', 'Patel', 'Quinn', 'Rossi', 'Schmidt', 'Tanaka', 'Ünal', 'Varga', 'Wiśniewski',
  'Xu', 'Yilmaz', 'Zhang', 'Brontë', 'Mendes', 'Okafor', 'Novák',
];
const FUNCTIONS = ['Finance', 'IT', 'Sales', 'Operations', 'HR', 'Legal', 'Marketing', 'Strategy', 'Customer Service', 'Research'];
const TOP_TEAM_TITLES = ['Chief Executive Officer', 'Chief Financial Officer', 'Chief Information Officer', 'Sales Director', 'Operations Director', 'HR Director', 'General Counsel', 'Marketing Director', 'Chief Strategy Officer', 'Customer Director'];

type Role = 'top_team' | 'senior_leader' | 'line_manager' | 'other';

interface Person {
  id: string;
  name: string;
  title: string;
  email: string;
  businessFunction: string;
  role: Role;
  potentialChampion: boolean;
  influence: number;
  requiredCommitment: string | null;
  reportsTo: string | null;
  timingNotes: string | null;
  /** Soundings this person gets; `offset` is how many come before theirs. */
  soundings: number;
  offset: number;
}

/** Same organisation on every run: a seeded generator instead of Math.random. */
function generator(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function resolveSizes(sizes: Partial<ScaleSizes>): ScaleSizes {
  const resolved = { ...SCALE_DEFAULTS, ...Object.fromEntries(Object.entries(sizes).filter(([, value]) => value !== undefined)) } as ScaleSizes;
  for (const [name, value] of Object.entries(resolved)) {
    if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number of 0 or more, got ${value}`);
  }
  if (resolved.people < 2) throw new Error('people must be at least 2');
  if (resolved.meetings > 0 && resolved.maxAttendees < 1) throw new Error('maxAttendees must be at least 1');
  return resolved;
}

/** The organisation chart: a top team, senior leaders under them, line managers under those, everyone else under a line manager. */
function makePeople(sizes: ScaleSizes): Person[] {
  const random = generator(20261202);
  const count = sizes.people;
  const topTeam = Math.min(count, Math.max(8, Math.round(count / 5000)));
  const seniors = Math.max(1, Math.round(count * 0.05));
  const lineManagers = Math.max(1, Math.round(count * 0.25));
  const people: Person[] = [];
  const byRole: Record<Role, Person[]> = { top_team: [], senior_leader: [], line_manager: [], other: [] };
  for (let n = 0; n < count; n += 1) {
    const role: Role = n < topTeam ? 'top_team' : n < topTeam + seniors ? 'senior_leader' : n < topTeam + seniors + lineManagers ? 'line_manager' : 'other';
    // One person in forty is a Zoë, so a search for "zoe" has plenty to find.
    const first = n % 40 === 7 ? 'Zoë' : FIRST_NAMES[Math.floor(random() * FIRST_NAMES.length)];
    const last = LAST_NAMES[Math.floor(random() * LAST_NAMES.length)];
    const managers = role === 'senior_leader' ? byRole.top_team : role === 'line_manager' ? byRole.senior_leader : role === 'other' ? byRole.line_manager : [];
    const manager = managers.length > 0 ? managers[Math.floor(random() * managers.length)] : null;
    const businessFunction = role === 'top_team' ? FUNCTIONS[n % FUNCTIONS.length] : (manager?.businessFunction ?? FUNCTIONS[n % FUNCTIONS.length]);
    const title =
      role === 'top_team'
        ? TOP_TEAM_TITLES[n % TOP_TEAM_TITLES.length]
        : role === 'senior_leader'
          ? `Head of ${businessFunction}`
          : role === 'line_manager'
            ? `${businessFunction} Team Lead`
            : `${businessFunction} Specialist`;
    const plain = (text: string) => foldForSearch(text).replace(/[^a-z]/g, '');
    const requiredCommitment =
      role === 'top_team' ? (random() < 0.5 ? 'public_champion' : 'committed') : role === 'senior_leader' ? 'committed' : role === 'line_manager' ? 'supportive' : random() < 0.5 ? 'open' : null;
    const person: Person = {
      id: randomUUID(),
      name: `${first} ${last}`,
      title,
      email: `${plain(first)}.${plain(last)}.${n + 1}@example.com`,
      businessFunction,
      role,
      potentialChampion: role !== 'other' ? random() < 0.3 : random() < 0.05,
      influence: role === 'top_team' ? 5 : role === 'senior_leader' ? 3 + Math.floor(random() * 2) : 1 + Math.floor(random() * 3),
      requiredCommitment,
      reportsTo: manager?.id ?? null,
      timingNotes: random() < 0.02 ? 'Not during the budget round; mornings are best.' : null,
      soundings: 0,
      offset: 0,
    };
    people.push(person);
    byRole[role].push(person);
  }
  // Soundings go where the campaign looks hardest: leaders more than the rest, and one in twenty never yet.
  const weights = people.map((person, n) =>
    person.role === 'top_team' ? 4 : person.role === 'senior_leader' ? 2 : n % 20 === 3 ? 0 : 0.5 + random(),
  );
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let given = 0;
  for (let n = 0; n < count; n += 1) {
    people[n].soundings = Math.floor((weights[n] * sizes.soundings) / total);
    given += people[n].soundings;
  }
  for (let n = 0; given < sizes.soundings; n = (n + 1) % count) {
    if (weights[n] === 0) continue;
    people[n].soundings += 1;
    given += 1;
  }
  let offset = 0;
  for (const person of people) {
    person.offset = offset;
    offset += person.soundings;
  }
  return people;
}

/** A non-negative pseudo-random integer below `m` from SQL expressions `a` and `b`: the same on every run. */
const hash = (a: string, b: string | number, m: number) => `((hashint8((${a})::bigint * 1000003 + ${b}) & 2147483647) % ${m})`;

/**
 * Loads a campaign of `sizes` (SCALE_DEFAULTS where not given) into the database at `databaseUrl`, which must be
 * migrated and, unless `force`, hold no people yet. Writes as the URL's role, which must own the tables (indexes
 * are dropped and rebuilt). No audit rows are written, so the audit chain still verifies.
 */
export async function seedScale(databaseUrl: string, sizes: Partial<ScaleSizes> = {}, progress: Progress = () => undefined, options: { force?: boolean } = {}): Promise<void> {
  const size = resolveSizes(sizes);
  const db = new Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const [{ people: existing }] = (await db.query('SELECT count(*)::int AS people FROM stakeholders')).rows;
    if (existing > 0 && !options.force) {
      throw new ScaleRefused(`The database already holds ${existing} people; pass --force to replace the whole campaign with the scale data.`);
    }
    await db.query('BEGIN');
    await db.query(`SET LOCAL work_mem = '64MB'`);
    await db.query(`SET LOCAL maintenance_work_mem = '512MB'`);
    await db.query(`SET LOCAL synchronous_commit = off`);
    if (existing > 0) {
      progress('wipe', 0, 1);
      await db.query(`TRUNCATE ${CAMPAIGN_TABLES.join(', ')} CASCADE`);
      progress('wipe', 1, 1);
    }
    const { rows: indexes } = await db.query<{ name: string; definition: string }>(
      `SELECT c.relname AS name, pg_get_indexdef(i.indexrelid) AS definition
         FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
        WHERE t.relname = ANY($1) AND t.relnamespace = 'public'::regnamespace AND NOT i.indisunique AND NOT i.indisprimary
          AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)`,
      [LOADED_TABLES],
    );
    for (const index of indexes) await db.query(`DROP INDEX ${quoteIdent(index.name)}`);
    // Foreign keys checked once per table at the end (one join) rather than once per row: half the insert time.
    // All in this transaction, so a failed load leaves the schema as it was.
    const { rows: foreignKeys } = await db.query<{ table_name: string; name: string; definition: string }>(
      `SELECT t.relname AS table_name, k.conname AS name, pg_get_constraintdef(k.oid) AS definition
         FROM pg_constraint k JOIN pg_class t ON t.oid = k.conrelid
        WHERE k.contype = 'f' AND t.relname = ANY($1) AND t.relnamespace = 'public'::regnamespace`,
      [LOADED_TABLES],
    );
    for (const key of foreignKeys) await db.query(`ALTER TABLE ${quoteIdent(key.table_name)} DROP CONSTRAINT ${quoteIdent(key.name)}`);

    const people = makePeople(size);
    await insertPeople(db, people, progress);
    await insertSoundings(db, people, size, progress);
    await insertBriefings(db, size, progress);
    await insertMeetings(db, size, progress);
    await insertInfluences(db, progress);
    await deriveStakeholderColumns(db, progress);

    for (let done = 0; done < indexes.length; done += 1) {
      progress('indexes', done, indexes.length);
      await db.query(indexes[done].definition);
    }
    progress('indexes', indexes.length, indexes.length);
    for (let done = 0; done < foreignKeys.length; done += 1) {
      progress('foreign keys', done, foreignKeys.length);
      const key = foreignKeys[done];
      await db.query(`ALTER TABLE ${quoteIdent(key.table_name)} ADD CONSTRAINT ${quoteIdent(key.name)} ${key.definition}`);
    }
    progress('foreign keys', foreignKeys.length, foreignKeys.length);
    await db.query('DROP TABLE scale_people');
    await db.query('COMMIT');
  } catch (error) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await db.end().catch(() => undefined);
  }
  // VACUUM cannot run in a transaction; it sets the visibility map a steady-state table would have.
  const vacuum = new Client({ connectionString: databaseUrl });
  await vacuum.connect();
  try {
    for (let done = 0; done < LOADED_TABLES.length; done += 1) {
      progress('vacuum', done, LOADED_TABLES.length);
      await vacuum.query(`VACUUM (ANALYZE) ${LOADED_TABLES[done]}`);
    }
    progress('vacuum', LOADED_TABLES.length, LOADED_TABLES.length);
  } finally {
    await vacuum.end();
  }
}

async function organisationToday(db: Client): Promise<string> {
  return (await db.query(`SELECT org_today()::text AS today`)).rows[0].today;
}

export class ScaleRefused extends Error {}

function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

async function insertPeople(db: Client, people: Person[], progress: Progress): Promise<void> {
  // The load's own map from a person's position to their id and sounding range; dropped before commit.
  await db.query(`CREATE TEMP TABLE scale_people (n integer PRIMARY KEY, id uuid NOT NULL, role text NOT NULL, reports_to uuid, soundings integer NOT NULL, first_sounding bigint NOT NULL) ON COMMIT DROP`);
  for (let start = 0; start < people.length; start += PEOPLE_CHUNK) {
    progress('people', start, people.length);
    const chunk = people.slice(start, start + PEOPLE_CHUNK);
    const column = <T>(pick: (person: Person) => T) => chunk.map(pick);
    await db.query(
      `WITH p AS (
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::boolean[], $8::smallint[],
                              $9::text[], $10::uuid[], $11::text[], $12::text[], $13::integer[], $14::bigint[])
           WITH ORDINALITY AS p(id, name, title, email, business_function, role, potential_champion, influence,
                                required_commitment, reports_to_id, timing_notes, search_text, soundings, first_sounding, position)
       ), people AS (
         INSERT INTO stakeholders (id, name, title, email, business_function, role, potential_champion, influence, required_commitment,
                                   reports_to_id, timing_notes, search_text, created_at, updated_at)
         SELECT id, name, title, email, business_function, role, potential_champion, influence, required_commitment,
                reports_to_id, timing_notes, search_text, now() - interval '6 years', now() - interval '6 years'
           FROM p ORDER BY position
       )
       INSERT INTO scale_people (n, id, role, reports_to, soundings, first_sounding)
       SELECT $15::integer + position::integer, id, role, reports_to_id, soundings, first_sounding FROM p`,
      [
        column((p) => p.id),
        column((p) => p.name),
        column((p) => p.title),
        column((p) => p.email),
        column((p) => p.businessFunction),
        column((p) => p.role),
        column((p) => p.potentialChampion),
        column((p) => p.influence),
        column((p) => p.requiredCommitment),
        column((p) => p.reportsTo),
        column((p) => p.timingNotes),
        // The app's own folding, so "zoe" finds every Zoë.
        column((p) => stakeholderSearchText(p)),
        column((p) => p.soundings),
        column((p) => p.offset),
        start,
      ],
    );
  }
  progress('people', people.length, people.length);
}

const LADDER = `ARRAY['sounded','open','supportive','committed','public_champion']`;
const SUMMARIES = `ARRAY['Talked through the coaching pilot and what it would ask of the team',
  'Walked through the mentoring scheme over coffee',
  'Asked what good leadership development had done for them',
  'Went over the pilot results from the Leeds plant',
  'Discussed how coaching fits the quarter''s priorities',
  'Heard their doubts about time away from the floor']`;
const EXPERIENCES = `ARRAY['A first manager who asked more than told.', 'A mentor outside their own function.', 'A stretch role with a coach beside them.', NULL, NULL]`;
const NEXT_STEPS = `ARRAY['Send the pilot brief', 'Introduce them to a coach', 'Share the Leeds results', 'Invite them to the showcase', NULL]`;
const FEAR_STATEMENTS = `ARRAY['No time for this on top of the targets', 'Worried it exposes their team''s weak spots', 'Afraid of losing control of how people develop',
  'Not convinced it changes anything', 'Where does the budget come from?', 'This is not how things are done here', 'Unsure what is expected of them']`;
const FEAR_CATEGORIES = `ARRAY['time_and_workload','personal_exposure','loss_of_control','doubt_about_value','cost_and_budget','culture_fit','other']`;

/**
 * Soundings for a range of people, with their fears, the level history the app derives from them, and each person's
 * latest level and follow-up, in one statement per chunk. A person's soundings all fall in one chunk, so the history
 * window sees all of them.
 */
async function insertSoundings(db: Client, people: Person[], size: ScaleSizes, progress: Progress): Promise<void> {
  await db.query(`CREATE TEMP TABLE scale_latest (id uuid PRIMARY KEY, commitment text NOT NULL, commitment_since date NOT NULL, next_follow_up_on date) ON COMMIT DROP`);
  const total = Math.max(size.soundings, 1);
  // The organisation's today, read once: org_today() per row costs more than the rest of the row.
  const today = await organisationToday(db);
  let first = 0;
  while (first < people.length) {
    // Whole people per chunk, about SOUNDINGS_CHUNK soundings each.
    let last = first;
    let inChunk = people[first].soundings;
    while (last + 1 < people.length && inChunk + people[last + 1].soundings <= SOUNDINGS_CHUNK) {
      last += 1;
      inChunk += people[last].soundings;
    }
    progress('soundings', people[first].offset, size.soundings);
    await db.query(
      `WITH gen AS MATERIALIZED (
         SELECT gen_random_uuid() AS id, p.id AS stakeholder_id, p.n, j, p.first_sounding + j AS i, x.held_on,
                -- A climb up the ladder at the person's own pace, a step back now and then, and a few who turn resistant.
                CASE WHEN ${hash('p.n', 11, 12)} = 0 AND j > p.soundings - 2 THEN 'resistant'
                     ELSE (${LADDER})[1 + least(4, greatest(0, ((j - 1) * (1 + ${hash('p.n', 12, 3)}) * 5) / (p.soundings * 3)
                                                      + CASE WHEN ${hash('p.n', 'j', 9)} = 0 THEN -1 ELSE 0 END))]
                END AS level,
                CASE WHEN ${hash('p.n', 'j + 7', 6)} = 0 THEN NULL ELSE x.held_on + 14 + ${hash('p.n', 'j + 3', 28)} END AS follow_up_on,
                x.held_on + interval '9 hours' + (${hash('p.n', 'j + 5', 28_800)}) * interval '1 second' AS created_at,
                p.reports_to
           FROM scale_people p
          CROSS JOIN LATERAL generate_series(1, p.soundings) j
          CROSS JOIN LATERAL (
            -- The latest a day or more ago; earlier ones spaced by the person's own rhythm, at most about five years back.
            SELECT $5::date - 1 - ${hash('p.n', 1, 120)}
                   - (p.soundings - j) * least(14 + ${hash('p.n', 2, 60)}, greatest(1, 1800 / p.soundings)) AS held_on
          ) x
          WHERE p.n BETWEEN $1 AND $2
       ), walked AS MATERIALIZED (
         SELECT stakeholder_id, id, level, held_on, created_at,
                lag(level, 1, 'not_sounded') OVER (PARTITION BY stakeholder_id ORDER BY held_on, created_at) AS previous_level
           FROM gen
       ), soundings_written AS (
         INSERT INTO soundings (id, stakeholder_id, held_on, channel, conducted_by, conducted_by_stakeholder_id, summary, developmental_experience,
                                commitment_after, next_step, follow_up_on, confidential, created_at, updated_at)
         SELECT id, stakeholder_id, held_on, (ARRAY['in_person','video','phone'])[1 + ${hash('n', 'j + 11', 3)}],
                CASE WHEN ${hash('n', 'j + 13', 3)} = 0 THEN 'HR business partner' END,
                CASE WHEN ${hash('n', 'j + 17', 20)} = 0 THEN reports_to END,
                (${SUMMARIES})[1 + ${hash('n', 'j + 19', 6)}], (${EXPERIENCES})[1 + ${hash('n', 'j + 23', 5)}],
                level, (${NEXT_STEPS})[1 + ${hash('n', 'j + 29', 5)}], follow_up_on, ${hash('n', 'j + 31', 50)} = 0, created_at, created_at
           -- In key order: one pass over the primary key per chunk instead of a random leaf per row, and a person's
           -- soundings spread over the table as years of writes would leave them, not side by side.
           FROM gen ORDER BY id
       ), fears_written AS (
         -- Exactly size.fears across all soundings, spread evenly over them.
         INSERT INTO fears (id, stakeholder_id, sounding_id, statement, category, status, response, owner, voiced_on, resolved_on, created_at, updated_at)
         SELECT fear_id, stakeholder_id, id, (${FEAR_STATEMENTS})[1 + kind], (${FEAR_CATEGORIES})[1 + kind], status,
                CASE WHEN status <> 'open' THEN 'Shared how the pilot protects their time' END,
                CASE WHEN status <> 'open' THEN 'HR business partner' END,
                held_on, CASE WHEN status = 'resolved' THEN least(held_on + 7 + ${hash('i', 'f + 41', 60)}, $5::date) END, created_at, created_at
           FROM (
             SELECT g.*, f, gen_random_uuid() AS fear_id, ${hash('i', 'f + 37', 7)} AS kind,
                    -- Older fears have mostly been dealt with; recent ones are mostly still open.
                    CASE WHEN ${hash('i', 'f + 43', 100)} < CASE WHEN held_on < $5::date - 180 THEN 60 ELSE 15 END THEN 'resolved'
                         WHEN ${hash('i', 'f + 47', 100)} < 35 THEN 'addressing' ELSE 'open' END AS status
               FROM gen g
              CROSS JOIN LATERAL generate_series(1, ((g.i * $3::bigint) / $4::bigint - ((g.i - 1) * $3::bigint) / $4::bigint)::integer) f
           ) voiced
          ORDER BY fear_id
       ), changes_written AS (
         -- The rule of CommitmentRepository.rebuildFromEvidence: a sounding adds a history row only where it moved the level.
         INSERT INTO commitment_changes (id, stakeholder_id, to_level, changed_on, sounding_id, created_at)
         SELECT change_id, stakeholder_id, level, held_on, id, created_at
           FROM (SELECT gen_random_uuid() AS change_id, * FROM walked WHERE level <> previous_level) moved ORDER BY change_id
       )
       INSERT INTO scale_latest (id, commitment, commitment_since, next_follow_up_on)
       SELECT latest_sounding.stakeholder_id, latest_change.level, latest_change.held_on, latest_sounding.follow_up_on
         FROM (SELECT DISTINCT ON (stakeholder_id) stakeholder_id, follow_up_on FROM gen ORDER BY stakeholder_id, held_on DESC, created_at DESC) latest_sounding
         JOIN (SELECT DISTINCT ON (stakeholder_id) stakeholder_id, level, held_on FROM walked WHERE level <> previous_level
                ORDER BY stakeholder_id, held_on DESC, created_at DESC) latest_change USING (stakeholder_id)`,
      [first + 1, last + 1, size.fears, total, today],
    );
    first = last + 1;
  }
  progress('soundings', size.soundings, size.soundings);
}

/** Briefings between people who work together, most already given, some planned, a few cancelled. */
async function insertBriefings(db: Client, size: ScaleSizes, progress: Progress): Promise<void> {
  progress('briefings', 0, size.briefings);
  await db.query(
    `WITH people AS (SELECT count(*)::int AS total FROM scale_people),
     picked AS (
       SELECT b, p.id AS briefer, p.reports_to AS audience, ${hash('b', 3, 100)} AS kind, ${hash('b', 5, 100)} AS share
         FROM generate_series(1, $1) b CROSS JOIN people
         JOIN scale_people p ON p.n = 1 + ${hash('b', 1, 2147483647)} % people.total
     )
     INSERT INTO briefings (briefer_id, briefer_is_hr, audience_id, audience_is_top_team, planned_for, brief, status, outcome, created_at, updated_at)
     -- One in five given by HR (to the person drawn), one in fifty to the whole top team, the rest to the briefer's manager.
     SELECT CASE WHEN share < 20 THEN NULL ELSE briefer END, share < 20,
            CASE WHEN share BETWEEN 20 AND 21 THEN NULL ELSE coalesce(audience, briefer) END, share BETWEEN 20 AND 21,
            planned_for, 'Why coaching serves the function''s priorities this year', status,
            CASE WHEN status = 'done' THEN 'Asked for the pilot numbers' WHEN status = 'cancelled' THEN 'Moved by the budget round' END,
            least(planned_for, now()) - interval '7 days', least(planned_for, now()) - interval '7 days'
       FROM (
         SELECT *, CASE WHEN kind < 60 THEN 'done' WHEN kind < 90 THEN 'planned' ELSE 'cancelled' END AS status,
                CASE WHEN kind < 60 THEN date_trunc('hour', now()) - (1 + ${hash('b', 7, 700)}) * interval '1 day'
                     ELSE date_trunc('hour', now()) + (2 + ${hash('b', 9, 60)}) * interval '1 day' END AS planned_for
           FROM picked
       ) briefing
      -- Someone with no manager has nobody to brief (unless HR briefs them or they brief the top team): draw again.
      WHERE (share < 22 OR audience IS NOT NULL)
      ORDER BY b LIMIT $2`,
    [size.briefings * 2, size.briefings],
  );
  progress('briefings', size.briefings, size.briefings);
}

/** Meetings with attendees spread across the organisation; the first two have the fixed sizes the benchmark reads. */
async function insertMeetings(db: Client, size: ScaleSizes, progress: Progress): Promise<void> {
  progress('meetings', 0, size.meetings);
  if (size.meetings === 0) return;
  const people = (await db.query('SELECT count(*)::int AS total FROM scale_people')).rows[0].total as number;
  const maxAttendees = Math.min(size.maxAttendees, people);
  // A step that shares no factor with the head count visits every person once before repeating.
  let stride = 7919;
  const gcd = (a: number, b: number): number => (b === 0 ? a : gcd(b, a % b));
  while (gcd(stride, people) !== 1) stride += 2;
  await db.query(
    `CREATE TEMP TABLE scale_meetings ON COMMIT DROP AS
     SELECT m, gen_random_uuid() AS id,
            CASE m WHEN 1 THEN $2 WHEN 2 THEN $3 ELSE 'Leadership forum ' || m END AS title,
            CASE m WHEN 1 THEN least(30, $4) WHEN 2 THEN $4 ELSE 1 + ${hash('m', 1, 2147483647)} % $4 END AS attendees,
            CASE WHEN m <= 2 THEN date_trunc('hour', now()) + (7 * m) * interval '1 day'
                 WHEN ${hash('m', 2, 10)} < 7 THEN date_trunc('hour', now()) - (1 + ${hash('m', 3, 700)}) * interval '1 day'
                 ELSE date_trunc('hour', now()) + (2 + ${hash('m', 4, 90)}) * interval '1 day' END AS scheduled_for
       FROM generate_series(1, $1) m`,
    [size.meetings, SCALE_MEETING_TITLES.thirty, SCALE_MEETING_TITLES.largest, maxAttendees],
  );
  await db.query(
    `INSERT INTO meetings (id, title, scheduled_for, purpose, created_at, updated_at)
     SELECT id, title, scheduled_for, 'Win two sponsors for the coaching pilot', least(scheduled_for, now()) - interval '14 days', least(scheduled_for, now()) - interval '14 days'
       FROM scale_meetings`,
  );
  await db.query(
    `INSERT INTO meeting_attendees (meeting_id, stakeholder_id, spoke_for)
     SELECT m.id, p.id, m.scheduled_for < now() AND ${hash('m.m', 't', 5)} = 0
       FROM scale_meetings m
      CROSS JOIN LATERAL generate_series(0, m.attendees - 1) t
       JOIN scale_people p ON p.n = 1 + ((${hash('m.m', 5, 2147483647)}::bigint + t::bigint * $1) % $2)`,
    [stride, people],
  );
  progress('meetings', size.meetings, size.meetings);
}

/** Who sways whom: many look to a senior leader, line managers have mentors, senior leaders have allies and rivals. */
async function insertInfluences(db: Client, progress: Progress): Promise<void> {
  progress('influence links', 0, 1);
  await db.query(
    `WITH seniors AS (SELECT row_number() OVER (ORDER BY n) AS k, id FROM scale_people WHERE role = 'senior_leader'),
     -- Drawn by position in an array: a join on a computed position would compare every pair.
     drawn AS (SELECT array_agg(id ORDER BY k) AS ids, count(*)::int AS total FROM seniors),
     links AS (
       SELECT p.id AS from_id, d.ids[1 + ${hash('p.n', 1, 2147483647)} % d.total] AS to_id, 'looks_to' AS kind, 1 + ${hash('p.n', 3, 3)} AS strength
         FROM scale_people p CROSS JOIN drawn d
        WHERE ${hash('p.n', 2, 5)} = 0
       UNION ALL
       SELECT p.id, d.ids[1 + ${hash('p.n', 4, 2147483647)} % d.total], 'mentor', 1 + ${hash('p.n', 6, 3)}
         FROM scale_people p CROSS JOIN drawn d
        WHERE p.role = 'line_manager' AND ${hash('p.n', 5, 4)} = 0
       UNION ALL
       SELECT a.id, b.id, 'ally', 2 FROM seniors a JOIN seniors b ON b.k = a.k + 1 WHERE a.k % 2 = 1
       UNION ALL
       SELECT a.id, b.id, 'conflict', 1 FROM seniors a JOIN seniors b ON b.k = a.k + 2 WHERE a.k % 6 = 0
     )
     INSERT INTO influences (from_id, to_id, kind, strength, created_at, updated_at)
     SELECT from_id, to_id, kind, strength, now() - interval '1 year', now() - interval '1 year' FROM links WHERE from_id <> to_id`,
  );
  progress('influence links', 1, 1);
}

/**
 * Each person's level, its date and next follow-up as CommitmentRepository.rebuildFromEvidence leaves them, and last
 * contact as LastContactRepository does: the latest contact of any kind dated today or earlier.
 */
async function deriveStakeholderColumns(db: Client, progress: Progress): Promise<void> {
  progress('derived columns', 0, 1);
  await db.query(
    `UPDATE stakeholders s
        SET commitment = coalesce(l.commitment, 'not_sounded'), commitment_since = l.commitment_since,
            next_follow_up_on = l.next_follow_up_on, last_contact_at = c.contacted_on
       FROM scale_people p
       LEFT JOIN scale_latest l ON l.id = p.id
       LEFT JOIN (SELECT e.stakeholder_id, max(e.contacted_on) AS contacted_on FROM contact_events e
                   WHERE e.contacted_on <= $1::date GROUP BY e.stakeholder_id) c ON c.stakeholder_id = p.id
      WHERE s.id = p.id AND (l.id IS NOT NULL OR c.stakeholder_id IS NOT NULL)`,
    [await organisationToday(db)],
  );
  progress('derived columns', 1, 1);
}

// ---- command line ---------------------------------------------------------

const OPTIONS: Record<string, keyof ScaleSizes> = {
  '--people': 'people',
  '--soundings': 'soundings',
  '--fears': 'fears',
  '--briefings': 'briefings',
  '--meetings': 'meetings',
  '--max-attendees': 'maxAttendees',
};

function parseArguments(argv: string[]): { sizes: Partial<ScaleSizes>; force: boolean } {
  const sizes: Partial<ScaleSizes> = {};
  let force = false;
  for (let k = 0; k < argv.length; k += 1) {
    const [flag, inline] = argv[k].split('=', 2);
    if (flag === '--force') {
      force = true;
      continue;
    }
    const key = OPTIONS[flag];
    if (!key) throw new ScaleRefused(`Unknown option ${argv[k]}. Options: ${Object.keys(OPTIONS).join(' ')} (each a number), --force`);
    const text = inline ?? argv[(k += 1)];
    const value = Number(String(text ?? '').replace(/_/g, ''));
    if (text === undefined || !Number.isInteger(value) || value < 0) throw new ScaleRefused(`${flag} needs a whole number, got ${text ?? 'nothing'}`);
    sizes[key] = value;
  }
  return { sizes, force };
}

/** A text bar per step on stderr, redrawn in place on a terminal; the time each step took is kept for the summary. */
function progressBar(): { progress: Progress; finish(): [string, number][] } {
  const timings: [string, number][] = [];
  let current: string | null = null;
  let startedAt = 0;
  let lastDraw = 0;
  const tty = process.stderr.isTTY;
  const end = () => {
    if (current === null) return;
    const seconds = (Date.now() - startedAt) / 1000;
    timings.push([current, seconds]);
    if (tty) process.stderr.write('\n');
    else process.stderr.write(`${current}: done in ${seconds.toFixed(1)} s\n`);
  };
  return {
    progress(step, done, total) {
      if (step !== current) {
        end();
        current = step;
        startedAt = Date.now();
        lastDraw = 0;
      }
      if (!tty || (done < total && Date.now() - lastDraw < 100)) return;
      lastDraw = Date.now();
      const width = 30;
      const filled = total > 0 ? Math.round((done / total) * width) : width;
      const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
      process.stderr.write(`\r${step.padEnd(16)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done.toLocaleString('en')}/${total.toLocaleString('en')} ${seconds} s   `);
    },
    finish() {
      end();
      current = null;
      return timings;
    },
  };
}

async function main(): Promise<void> {
  const { sizes, force } = parseArguments(process.argv.slice(2));
  const resolved = resolveSizes(sizes);
  const config = readAppConfig();
  const started = Date.now();
  const { ownerUrl, embedded } = await prepareDatabase(config, (line) => console.error(line));
  try {
    console.error(
      `Loading ${resolved.people.toLocaleString('en')} people, ${resolved.soundings.toLocaleString('en')} soundings, ${resolved.fears.toLocaleString('en')} fears, ` +
        `${resolved.briefings.toLocaleString('en')} briefings, ${resolved.meetings.toLocaleString('en')} meetings of up to ${resolved.maxAttendees} attendees`,
    );
    const bar = progressBar();
    const loadStarted = Date.now();
    await seedScale(ownerUrl, resolved, bar.progress, { force });
    const timings = bar.finish();
    for (const [step, seconds] of timings) console.log(`${step.padEnd(16)} ${seconds.toFixed(1).padStart(6)} s`);
    console.log(`${'load'.padEnd(16)} ${((Date.now() - loadStarted) / 1000).toFixed(1).padStart(6)} s (${((Date.now() - started) / 1000).toFixed(1)} s with database start and migrations)`);
  } finally {
    await embedded?.stop();
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error instanceof ScaleRefused ? error.message : error instanceof Error ? (error.stack ?? error.message) : error);
    process.exit(1);
  });
}
