import type { Journey, TimelineEvent } from '@soundings/shared';
import { COMMITMENT_LEVELS } from '@soundings/shared';
import { randomUUID } from 'node:crypto';
import { countRows, createStakeholder, daysAgo, daysAhead, logSounding, recordCommitmentChange } from './factories';
import { startTestApp, TestApp } from './test-app';
import { DataSource } from 'typeorm';
import { CommitmentRepository } from '../src/commitment/commitment.repository';

/** A readable line per timeline event: what happened, on which day. */
function describeEvent(event: TimelineEvent): string {
  switch (event.kind) {
    case 'sounding':
      return `${event.on} sounding ${event.sounding.summary}`;
    case 'fear_voiced':
      return `${event.on} fear_voiced ${event.fear.statement}`;
    case 'fear_resolved':
      return `${event.on} fear_resolved ${event.fear.statement}`;
    case 'commitment_change':
      return `${event.on} commitment_change ${event.change.fromLevel}→${event.change.toLevel}`;
    case 'briefing':
      return `${event.on} briefing ${event.briefing.outcome}`;
    case 'pilot':
      return `${event.on} pilot ${event.pilot.name}`;
    case 'initiative':
      return `${event.on} initiative ${event.initiative.title}`;
  }
}

describe('commitment changes and the journey', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const stakeholder = async (id: string) => (await t.http.get(`/api/stakeholders/${id}`).expect(200)).body;
  const journey = async (id: string): Promise<Journey> => (await t.http.get(`/api/stakeholders/${id}/journey`).expect(200)).body;

  describe('POST /api/stakeholders/:id/commitment', () => {
    it('records a dated change with its reason, answers 201 with the level it came from, and moves the level', async () => {
      const person = await createStakeholder(t.http);
      await logSounding(t.http, person.id, { heldOn: daysAgo(10), commitmentAfter: 'supportive' });
      const response = await t.http
        .post(`/api/stakeholders/${person.id}/commitment`)
        .send({ level: 'public_champion', on: daysAgo(2), reason: 'Spoke for the pilot in the operations review' })
        .expect(201);
      expect(response.body).toMatchObject({
        id: expect.any(String),
        stakeholderId: person.id,
        fromLevel: 'supportive',
        toLevel: 'public_champion',
        on: daysAgo(2),
        reason: 'Spoke for the pilot in the operations review',
        soundingId: null,
      });
      expect(await stakeholder(person.id)).toMatchObject({ commitment: 'public_champion', commitmentSince: daysAgo(2), lastContactAt: daysAgo(10) });
    });

    it.each([
      ['no reason', { reason: undefined }, 'reason'],
      ['a blank reason', { reason: '   ' }, 'reason'],
      ['not_sounded', { level: 'not_sounded' }, 'level'],
      ['an unknown level', { level: 'lukewarm' }, 'level'],
      ['a future date', { on: daysAhead(2) }, 'on'],
      ['no date', { on: undefined }, 'on'],
    ])('refuses %s with 400 naming the field, storing nothing', async (_label, change, field) => {
      const person = await createStakeholder(t.http);
      const before = await countRows(t.db);
      const response = await t.http
        .post(`/api/stakeholders/${person.id}/commitment`)
        .send({ level: 'open', on: daysAgo(1), reason: 'Said so', ...change })
        .expect(400);
      expect(response.body).toMatchObject({ code: 'validation_failed', fields: [{ field, message: expect.any(String) }] });
      expect(await countRows(t.db)).toEqual(before);
      expect((await stakeholder(person.id)).commitment).toBe('not_sounded');
    });

    it('answers 404 for an unknown stakeholder', async () => {
      const response = await t.http
        .post(`/api/stakeholders/${randomUUID()}/commitment`)
        .send({ level: 'open', on: daysAgo(1), reason: 'x' })
        .expect(404);
      expect(response.body).toMatchObject({ statusCode: 404, code: 'not_found' });
      await t.http.get(`/api/stakeholders/${randomUUID()}/journey`).expect(404);
    });

    it('does not let a back-dated change override a later sounding', async () => {
      const person = await createStakeholder(t.http);
      await logSounding(t.http, person.id, { heldOn: daysAgo(5), commitmentAfter: 'open' });
      const change = await recordCommitmentChange(t.http, person.id, { level: 'committed', on: daysAgo(20), reason: 'Offered to sponsor a pilot' });
      expect(change).toMatchObject({ fromLevel: 'not_sounded', toLevel: 'committed' });
      expect(await stakeholder(person.id)).toMatchObject({ commitment: 'open', commitmentSince: daysAgo(5) });

      const changes = (await journey(person.id)).timeline.filter((event) => event.kind === 'commitment_change').map(describeEvent);
      expect(changes).toEqual([`${daysAgo(20)} commitment_change not_sounded→committed`, `${daysAgo(5)} commitment_change committed→open`]);
    });

    it('lets a resistant person return to the path', async () => {
      const person = await createStakeholder(t.http, { requiredCommitment: 'supportive' });
      await logSounding(t.http, person.id, { heldOn: daysAgo(30), commitmentAfter: 'sounded' });
      await recordCommitmentChange(t.http, person.id, { level: 'resistant', on: daysAgo(20), reason: 'Argued against it at the board' });
      expect(await stakeholder(person.id)).toMatchObject({ commitment: 'resistant', commitmentGap: 2 });

      const back = await recordCommitmentChange(t.http, person.id, { level: 'open', on: daysAgo(3), reason: 'Asked for the pilot results' });
      expect(back).toMatchObject({ fromLevel: 'resistant', toLevel: 'open' });
      expect(await stakeholder(person.id)).toMatchObject({ commitment: 'open', commitmentSince: daysAgo(3), commitmentGap: 1 });

      const stages = (await journey(person.id)).stages;
      expect(stages.find((stage) => stage.level === 'resistant')?.reachedOn).toBe(daysAgo(20));
      expect(stages.find((stage) => stage.level === 'open')?.reachedOn).toBe(daysAgo(3));
    });

    it('keeps a same-day sounding and change in the order they were entered', async () => {
      const person = await createStakeholder(t.http);
      await logSounding(t.http, person.id, { heldOn: daysAgo(4), commitmentAfter: 'open' });
      await recordCommitmentChange(t.http, person.id, { level: 'supportive', on: daysAgo(4), reason: 'Said yes in the corridor afterwards' });
      expect((await stakeholder(person.id)).commitment).toBe('supportive');
    });
  });

  describe('GET /api/stakeholders/:id/journey', () => {
    it('lists every ladder step in order with the day it was first reached, or null', async () => {
      const person = await createStakeholder(t.http);
      await logSounding(t.http, person.id, { heldOn: daysAgo(60), commitmentAfter: 'sounded' });
      await logSounding(t.http, person.id, { heldOn: daysAgo(40), commitmentAfter: 'open' });
      await logSounding(t.http, person.id, { heldOn: daysAgo(30), commitmentAfter: 'sounded' });
      await logSounding(t.http, person.id, { heldOn: daysAgo(20), commitmentAfter: 'open' });
      await recordCommitmentChange(t.http, person.id, { level: 'committed', on: daysAgo(10), reason: 'Agreed to sponsor the pilot' });

      const { stages, stakeholder: shown } = await journey(person.id);
      expect(stages.map((stage) => stage.level)).toEqual([...COMMITMENT_LEVELS]);
      expect(Object.fromEntries(stages.map((stage) => [stage.level, stage.reachedOn]))).toEqual({
        // Tracking starts at the earliest evidence when notes were back-filled before the person was added.
        not_sounded: daysAgo(60),
        sounded: daysAgo(60),
        open: daysAgo(40),
        supportive: null,
        committed: daysAgo(10),
        public_champion: null,
        resistant: null,
      });
      expect(shown).toMatchObject({ id: person.id, commitment: 'committed' });
    });

    it('starts a never-sounded person\'s path on the day they were added', async () => {
      const person = await createStakeholder(t.http);
      const { stages, timeline } = await journey(person.id);
      expect(stages[0]).toEqual({ level: 'not_sounded', reachedOn: person.createdAt.slice(0, 10) });
      expect(stages.slice(1).every((stage) => stage.reachedOn === null)).toBe(true);
      expect(timeline).toEqual([]);
    });

    it('tells the story in date order: soundings, fears voiced and resolved, and level changes', async () => {
      const person = await createStakeholder(t.http);
      // Entered out of order on purpose: the timeline follows the dates, not the typing.
      const later = await logSounding(t.http, person.id, {
        heldOn: daysAgo(10),
        summary: 'Second talk',
        commitmentAfter: 'supportive',
        fears: [{ statement: 'Budget', category: 'cost_and_budget' }],
      });
      const first = await logSounding(t.http, person.id, {
        heldOn: daysAgo(30),
        summary: 'First talk',
        commitmentAfter: 'open',
        fears: [
          { statement: 'No time', category: 'time_and_workload' },
          { statement: 'Exposure', category: 'personal_exposure' },
        ],
      });
      const noTime = first.fears[0];
      await t.http.patch(`/api/fears/${noTime.id}`).send({ version: 1, status: 'resolved', resolvedOn: daysAgo(20) }).expect(200);
      await t.http.patch(`/api/soundings/${later.id}`).send({ version: 1, summary: 'Second talk' }).expect(200);
      await recordCommitmentChange(t.http, person.id, { level: 'committed', on: daysAgo(5), reason: 'Will brief the top team' });

      const { timeline } = await journey(person.id);
      expect(timeline.map(describeEvent)).toEqual([
        `${daysAgo(30)} sounding First talk`,
        `${daysAgo(30)} fear_voiced No time`,
        `${daysAgo(30)} fear_voiced Exposure`,
        `${daysAgo(30)} commitment_change not_sounded→open`,
        `${daysAgo(20)} fear_resolved No time`,
        `${daysAgo(10)} sounding Second talk`,
        `${daysAgo(10)} fear_voiced Budget`,
        `${daysAgo(10)} commitment_change open→supportive`,
        `${daysAgo(5)} commitment_change supportive→committed`,
      ]);
      const soundingEvent = timeline.find((event) => event.kind === 'sounding' && event.sounding.id === first.id);
      expect(soundingEvent?.kind === 'sounding' && soundingEvent.sounding.fears.map((fear) => fear.statement)).toEqual(['No time', 'Exposure']);
      const manual = timeline.at(-1);
      expect(manual?.kind === 'commitment_change' && manual.change).toMatchObject({ reason: 'Will brief the top team', soundingId: null });
      const derived = timeline.find((event) => event.kind === 'commitment_change' && event.change.toLevel === 'open');
      expect(derived?.kind === 'commitment_change' && derived.change.soundingId).toBe(first.id);
    });

    it('shows only the person\'s own records', async () => {
      const person = await createStakeholder(t.http);
      const other = await createStakeholder(t.http);
      await logSounding(t.http, other.id, { commitmentAfter: 'open', fears: [{ statement: 'Not mine', category: 'other' }] });
      await logSounding(t.http, person.id, { commitmentAfter: 'sounded' });
      const { timeline } = await journey(person.id);
      expect(timeline.map((event) => event.kind)).toEqual(['sounding', 'commitment_change']);
    });
  });

  describe('the level history kept as soundings arrive', () => {
    /** What the person's derivation stored: their history (ids aside: a rebuild renumbers it) and their row. */
    async function derived(stakeholderId: string) {
      const history = await t.db.query(
        `SELECT to_level, changed_on::text, sounding_id, reason, created_at FROM commitment_changes WHERE stakeholder_id = $1
          ORDER BY changed_on, created_at, sounding_id NULLS FIRST`,
        [stakeholderId],
      );
      const person = await t.db.query(
        `SELECT commitment, commitment_since::text, next_follow_up_on::text, last_contact_at::text FROM stakeholders WHERE id = $1`,
        [stakeholderId],
      );
      return { history: history.rows, person: person.rows[0] };
    }

    async function rebuilt(stakeholderId: string) {
      const dataSource = t.app.get(DataSource);
      await dataSource.transaction((manager) => t.app.get(CommitmentRepository).rebuildFromEvidence(manager, stakeholderId));
      return derived(stakeholderId);
    }

    it('extends it from a latest sounding exactly as rebuilding from all the evidence would, and rebuilds for a back-filled one', async () => {
      // A fixed seed: the same sequence every run, with latest and back-filled notes, repeated levels and explicit changes.
      let seed = 20261202;
      const next = (n: number) => {
        // mulberry32
        seed = (seed + 0x6d2b79f5) | 0;
        let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
        x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
        return ((x ^ (x >>> 14)) >>> 0) % n;
      };
      const levels = COMMITMENT_LEVELS.filter((level) => level !== 'not_sounded');
      let incremental = 0;
      let rebuilds = 0;
      for (let run = 0; run < 3; run++) {
        const person = await createStakeholder(t.http);
        let newest = 200;
        for (let step = 0; step < 14; step++) {
          const backFilled = step > 0 && next(4) === 0;
          const ago = backFilled ? newest + 1 + next(40) : Math.max(0, newest - next(3));
          if (!backFilled) newest = ago;
          const before = t.queries.statements.length;
          if (step > 0 && next(7) === 0) {
            await recordCommitmentChange(t.http, person.id, { level: levels[next(levels.length)], on: daysAgo(ago) });
          } else {
            await logSounding(t.http, person.id, {
              heldOn: daysAgo(ago),
              commitmentAfter: levels[next(levels.length)],
              followUpOn: next(2) === 0 ? daysAgo(ago - 20) : undefined,
            });
            const rebuilt = t.queries.statements.slice(before).some((sql) => sql.includes('DELETE FROM commitment_changes'));
            if (rebuilt) rebuilds += 1;
            else incremental += 1;
          }
          const kept = await derived(person.id);
          expect(await rebuilt(person.id)).toEqual(kept);
        }
      }
      // Both ways were taken, so the comparison covered each.
      expect(incremental).toBeGreaterThan(10);
      expect(rebuilds).toBeGreaterThan(3);
    });

    it("leaves the person's row alone when a latest sounding changes nothing on it", async () => {
      const person = await createStakeholder(t.http);
      await logSounding(t.http, person.id, { heldOn: daysAgo(1), commitmentAfter: 'open' });
      const version = async () => (await t.db.query(`SELECT xmin::text AS xmin FROM stakeholders WHERE id = $1`, [person.id])).rows[0].xmin;
      const before = await version();
      await logSounding(t.http, person.id, { heldOn: daysAgo(1), commitmentAfter: 'open' });
      expect(await version()).toBe(before);
      await logSounding(t.http, person.id, { heldOn: daysAgo(0), commitmentAfter: 'open' });
      expect(await version()).not.toBe(before);
      expect(await stakeholder(person.id)).toMatchObject({ commitment: 'open', commitmentSince: daysAgo(1), lastContactAt: daysAgo(0) });
    });
  });
});
