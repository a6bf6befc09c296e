import type { Journey, Pilot, PilotDetail, PilotPage, PilotsDashboard, ProofPoint, Stakeholder } from '@soundings/shared';
import type TestAgent from 'supertest/lib/agent';
import { expectRefused } from './expectations';
import { createStakeholder, daysAgo, daysAhead, logSounding } from './factories';
import { startTestApp, TestApp } from './test-app';

const UNKNOWN = '7d4a9a52-8f39-4c55-9d0c-3b0d5f0b8f11';

describe('pilots as proof', () => {
  let t: TestApp;
  let viewer: Awaited<ReturnType<TestApp['as']>>;
  let admin: Awaited<ReturnType<TestApp['as']>>;

  beforeAll(async () => {
    t = await startTestApp();
    viewer = await t.as('viewer');
    admin = await t.as('admin');
  });
  afterAll(() => t.close());

  async function createPilot(body: Record<string, unknown>, http: TestAgent = t.http): Promise<PilotDetail> {
    const response = await http.post('/api/pilots').send({ sponsorId: null, ...body });
    if (response.status !== 201) throw new Error(`createPilot: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  async function addProof(pilotId: string, body: Record<string, unknown>): Promise<ProofPoint> {
    const response = await t.http.post(`/api/pilots/${pilotId}/proof-points`).send(body);
    if (response.status !== 201) throw new Error(`addProof: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  async function getPilot(id: string): Promise<PilotDetail> {
    return (await t.http.get(`/api/pilots/${id}`).expect(200)).body;
  }

  const askerState = (pilot: Pilot) => pilot.askedBy.map((asker) => [asker.stakeholder.name, asker.toldLatest, asker.toldOn]);

  describe('CRUD', () => {
    it('creates a pilot with its sponsor and askers, reads it, edits it and deletes it with its proof points', async () => {
      const sponsor = await createStakeholder(t.http, { name: 'Aoife Crud', role: 'top_team', businessFunction: 'Operations' });
      const asker = await createStakeholder(t.http, { name: 'Rajiv Crud', role: 'top_team' });
      const created = await createPilot({
        name: '  Night-shift coaching cohort  ',
        sponsorId: sponsor.id.toUpperCase(),
        businessFunction: 'Operations',
        scope: 'Twelve shift managers, six months',
        startOn: daysAgo(30),
        endOn: daysAhead(150),
        status: 'running',
        askedBy: [asker.id],
      });
      expect(created).toMatchObject({
        name: 'Night-shift coaching cohort',
        sponsor: { id: sponsor.id, name: 'Aoife Crud', role: 'top_team', commitment: 'not_sounded', onBoard: false },
        businessFunction: 'Operations',
        scope: 'Twelve shift managers, six months',
        startOn: daysAgo(30),
        endOn: daysAhead(150),
        status: 'running',
        latestProof: null,
        proofPoints: [],
        version: 1,
      });
      // Nothing to tell yet, so nobody is owed a result.
      expect(askerState(created)).toEqual([['Rajiv Crud', true, null]]);
      expect(await getPilot(created.id)).toEqual(created);

      const defaults = await createPilot({ name: 'Finance mentoring circle' });
      expect(defaults).toMatchObject({ sponsor: null, status: 'proposed', startOn: null, endOn: null, scope: null, businessFunction: null, askedBy: [] });

      const edited = (await t.http.patch(`/api/pilots/${created.id}`).send({ status: 'done', scope: null, version: 1 }).expect(200)).body as PilotDetail;
      expect(edited).toMatchObject({ status: 'done', scope: null, version: 2, sponsor: { id: sponsor.id } });
      await t.http.patch(`/api/pilots/${created.id}`).set('If-Match', '2').send({ sponsorId: null }).expect(200);

      const proof = await addProof(created.id, { observedOn: daysAgo(2), result: 'Attrition fell', value: 4, unit: 'points' });
      await t.http.delete(`/api/pilots/${created.id}`).expect(204);
      await t.http.get(`/api/pilots/${created.id}`).expect(404);
      await t.http.delete(`/api/pilots/${created.id}`).expect(404);
      await t.http.patch(`/api/proof-points/${proof.id}`).send({ result: 'Gone', version: 1 }).expect(404);
      const { rows } = await t.db.query(`SELECT (SELECT count(*) FROM pilot_proof_points WHERE pilot_id = $1)::int AS proofs, (SELECT count(*) FROM pilot_askers WHERE pilot_id = $1)::int AS askers`, [created.id]);
      expect(rows[0]).toEqual({ proofs: 0, askers: 0 });
    });

    it('lists running pilots first, then proposed, done and stopped (latest start first), and filters by status, sponsor, asker and function', async () => {
      const sponsor = await createStakeholder(t.http, { name: 'Lena List' });
      const asker = await createStakeholder(t.http, { name: 'Omar List' });
      const stopped = await createPilot({ name: 'List stopped', status: 'stopped', sponsorId: sponsor.id, businessFunction: 'Listing' });
      const olderRun = await createPilot({ name: 'List older run', status: 'running', startOn: daysAgo(40), businessFunction: 'Listing' });
      const proposed = await createPilot({ name: 'List proposed', status: 'proposed', askedBy: [asker.id], businessFunction: 'Listing' });
      const newerRun = await createPilot({ name: 'List newer run', status: 'running', startOn: daysAgo(10), sponsorId: sponsor.id, businessFunction: 'listing' });
      const done = await createPilot({ name: 'List done', status: 'done', businessFunction: 'Listing' });

      const all = (await t.http.get('/api/pilots?businessFunction=LISTING').expect(200)).body as PilotPage;
      expect(all.total).toBe(5);
      expect(all.items.map((p) => p.id)).toEqual([newerRun.id, olderRun.id, proposed.id, done.id, stopped.id]);
      const running = (await t.http.get('/api/pilots?status=running&businessFunction=Listing').expect(200)).body as PilotPage;
      expect(running.items.map((p) => p.id)).toEqual([newerRun.id, olderRun.id]);
      const bySponsor = (await t.http.get(`/api/pilots?sponsorId=${sponsor.id}`).expect(200)).body as PilotPage;
      expect(bySponsor.items.map((p) => p.id)).toEqual([newerRun.id, stopped.id]);
      const byAsker = (await t.http.get(`/api/pilots?askedById=${asker.id}`).expect(200)).body as PilotPage;
      expect(byAsker.items.map((p) => p.id)).toEqual([proposed.id]);
      const page2 = (await t.http.get('/api/pilots?businessFunction=Listing&pageSize=2&page=2').expect(200)).body as PilotPage;
      expect(page2).toMatchObject({ total: 5, page: 2, pageSize: 2 });
      expect(page2.items.map((p) => p.id)).toEqual([proposed.id, done.id]);
      const beyond = (await t.http.get('/api/pilots?businessFunction=Listing&pageSize=2&page=9').expect(200)).body as PilotPage;
      expect(beyond).toMatchObject({ total: 5, items: [] });
    });

    it('keeps proof points newest first, the latest by the day observed, and edits and removes them', async () => {
      const pilot = await createPilot({ name: 'Proof order', status: 'running' });
      const first = await addProof(pilot.id, { observedOn: daysAgo(20), result: 'Baseline: 14% attrition', value: 14, unit: '%' });
      const latest = await addProof(pilot.id, { observedOn: daysAgo(5), result: 'Attrition 9.5%', value: 9.5, unit: '%' });
      // Entered last, but observed before the latest: it does not become the latest.
      const backfilled = await addProof(pilot.id, { observedOn: daysAgo(12), result: 'Mid-point survey: managers feel heard' });
      expect(backfilled).toMatchObject({ pilotId: pilot.id, value: null, unit: null, version: 1 });

      let detail = await getPilot(pilot.id);
      expect(detail.proofPoints.map((p) => p.id)).toEqual([latest.id, backfilled.id, first.id]);
      expect(detail.latestProof).toEqual(latest);
      expect(latest.value).toBe(9.5);

      const edited = (await t.http.patch(`/api/proof-points/${first.id}`).send({ observedOn: daysAgo(1), version: 1 }).expect(200)).body as ProofPoint;
      expect(edited).toMatchObject({ observedOn: daysAgo(1), result: 'Baseline: 14% attrition', version: 2 });
      detail = await getPilot(pilot.id);
      expect(detail.latestProof?.id).toBe(first.id);
      const cleared = (await t.http.patch(`/api/proof-points/${first.id}`).set('If-Match', '2').send({ value: null, unit: null }).expect(200)).body;
      expect(cleared).toMatchObject({ value: null, unit: null, version: 3 });

      await t.http.delete(`/api/proof-points/${first.id}`).expect(204);
      await t.http.delete(`/api/proof-points/${first.id}`).expect(404);
      detail = await getPilot(pilot.id);
      expect(detail.proofPoints.map((p) => p.id)).toEqual([latest.id, backfilled.id]);
      expect(detail.latestProof?.id).toBe(latest.id);
    });
  });

  describe('who asked for proof, and who has heard the latest', () => {
    let sponsor: Stakeholder;
    let rajiv: Stakeholder;
    let helen: Stakeholder;
    let marcus: Stakeholder;
    beforeAll(async () => {
      sponsor = await createStakeholder(t.http, { name: 'Aoife Told', role: 'top_team' });
      rajiv = await createStakeholder(t.http, { name: 'Rajiv Told', role: 'top_team' });
      helen = await createStakeholder(t.http, { name: 'Helen Told', role: 'top_team' });
      marcus = await createStakeholder(t.http, { name: 'Marcus Told', role: 'top_team' });
    });

    it('marks an asker told of the latest result by default, and a newer result makes them owed again', async () => {
      const pilot = await createPilot({ name: 'Told latest', status: 'running', sponsorId: sponsor.id, askedBy: [rajiv.id, helen.id] });
      const first = await addProof(pilot.id, { observedOn: daysAgo(10), result: 'Retention up', value: 3, unit: 'points' });
      expect(askerState(await getPilot(pilot.id))).toEqual([
        ['Helen Told', false, null],
        ['Rajiv Told', false, null],
      ]);

      const told = (await t.http.post(`/api/pilots/${pilot.id}/told`).send({ stakeholderId: rajiv.id.toUpperCase(), toldOn: daysAgo(8) }).expect(201)).body as PilotDetail;
      expect(told.askedBy.find((a) => a.stakeholder.id === rajiv.id)).toEqual({
        stakeholder: expect.objectContaining({ id: rajiv.id, name: 'Rajiv Told' }),
        toldOn: daysAgo(8),
        toldProofPointId: first.id,
        toldLatest: true,
      });
      // Marking who heard it is not an edit of the pilot: its version stays.
      expect(told.version).toBe(pilot.version);

      const second = await addProof(pilot.id, { observedOn: daysAgo(2), result: 'Retention up again', value: 5, unit: 'points' });
      expect(askerState(await getPilot(pilot.id))).toEqual([
        ['Helen Told', false, null],
        ['Rajiv Told', false, daysAgo(8)],
      ]);

      // Told of an older result on purpose: still owed the latest.
      const older = (await t.http.post(`/api/pilots/${pilot.id}/told`).send({ stakeholderId: helen.id, proofPointId: first.id, toldOn: daysAgo(1) }).expect(201)).body as PilotDetail;
      expect(askerState(older)).toEqual([
        ['Helen Told', false, daysAgo(1)],
        ['Rajiv Told', false, daysAgo(8)],
      ]);
      // Today by default.
      const latest = (await t.http.post(`/api/pilots/${pilot.id}/told`).send({ stakeholderId: helen.id }).expect(201)).body as PilotDetail;
      expect(latest.askedBy[0]).toMatchObject({ toldProofPointId: second.id, toldLatest: true, toldOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    });

    it('replaces the askers on PATCH, keeping what those who stay were told', async () => {
      const pilot = await createPilot({ name: 'Replace askers', askedBy: [rajiv.id, helen.id] });
      const proof = await addProof(pilot.id, { observedOn: daysAgo(3), result: 'First cohort finished' });
      await t.http.post(`/api/pilots/${pilot.id}/told`).send({ stakeholderId: rajiv.id, toldOn: daysAgo(2) }).expect(201);
      const replaced = (await t.http.patch(`/api/pilots/${pilot.id}`).send({ askedBy: [marcus.id, rajiv.id], version: 1 }).expect(200)).body as PilotDetail;
      expect(replaced.askedBy.map((a) => [a.stakeholder.name, a.toldProofPointId, a.toldOn, a.toldLatest])).toEqual([
        ['Marcus Told', null, null, false],
        ['Rajiv Told', proof.id, daysAgo(2), true],
      ]);
      expect(replaced.version).toBe(2);
      const emptied = (await t.http.patch(`/api/pilots/${pilot.id}`).send({ askedBy: [], version: 2 }).expect(200)).body as PilotDetail;
      expect(emptied.askedBy).toEqual([]);
    });

    it('refuses to mark told someone who did not ask, an unknown person, a result of another pilot, a pilot with no result, or a day before the result', async () => {
      const pilot = await createPilot({ name: 'Told refusals', askedBy: [rajiv.id] });
      const other = await createPilot({ name: 'Other pilot' });
      expectRefused(await t.http.post(`/api/pilots/${pilot.id}/told`).send({ stakeholderId: rajiv.id }), 400, 'proofPointId');
      const proof = await addProof(pilot.id, { observedOn: daysAgo(5), result: 'A result' });
      const elsewhere = await addProof(other.id, { observedOn: daysAgo(5), result: 'Another result' });
      expectRefused(await t.http.post(`/api/pilots/${pilot.id}/told`).send({ stakeholderId: helen.id }), 400, 'stakeholderId');
      expectRefused(await t.http.post(`/api/pilots/${pilot.id}/told`).send({ stakeholderId: UNKNOWN }), 400, 'stakeholderId');
      expectRefused(await t.http.post(`/api/pilots/${pilot.id}/told`).send({ stakeholderId: rajiv.id, proofPointId: elsewhere.id }), 400, 'proofPointId');
      expectRefused(await t.http.post(`/api/pilots/${pilot.id}/told`).send({ stakeholderId: rajiv.id, toldOn: daysAgo(6) }), 400, 'toldOn');
      expectRefused(await t.http.post(`/api/pilots/${pilot.id}/told`).send({ stakeholderId: rajiv.id, toldOn: daysAhead(3) }), 400, 'toldOn');
      expectRefused(await t.http.post(`/api/pilots/${pilot.id}/told`).send({}), 400, 'stakeholderId');
      expectRefused(await t.http.post(`/api/pilots/${UNKNOWN}/told`).send({ stakeholderId: rajiv.id }), 404);
      expect((await getPilot(pilot.id)).askedBy[0]).toMatchObject({ toldOn: null, toldProofPointId: null });
      await t.http.post(`/api/pilots/${pilot.id}/told`).send({ stakeholderId: rajiv.id, proofPointId: proof.id, toldOn: daysAgo(5) }).expect(201);
    });

    it('puts running pilots with their latest proof and everyone owed a result on the dashboard, longest waiting first', async () => {
      const before = (await t.http.get('/api/dashboard/pilots').expect(200)).body as PilotsDashboard;
      const running = await createPilot({ name: 'Dash running', status: 'running', sponsorId: sponsor.id, askedBy: [marcus.id, helen.id] });
      const done = await createPilot({ name: 'Dash done', status: 'done', askedBy: [rajiv.id] });
      const quiet = await createPilot({ name: 'Dash proposed', status: 'proposed', askedBy: [rajiv.id] });
      const runningProof = await addProof(running.id, { observedOn: daysAgo(4), result: 'Six of eight managers coach weekly', value: 6, unit: 'managers' });
      const doneProof = await addProof(done.id, { observedOn: daysAgo(9), result: 'Final: engagement up 7 points', value: 7, unit: 'points' });
      await t.http.post(`/api/pilots/${running.id}/told`).send({ stakeholderId: helen.id, toldOn: daysAgo(3) }).expect(201);
      await t.http.post(`/api/pilots/${done.id}/told`).send({ stakeholderId: rajiv.id, toldOn: daysAgo(8) }).expect(201);
      const newerDone = await addProof(done.id, { observedOn: daysAgo(1), result: 'Three months on: still up' });

      const panel = (await t.http.get('/api/dashboard/pilots').expect(200)).body as PilotsDashboard;
      const mine = (ids: string[]) => (item: { pilot: { id: string } }) => ids.includes(item.pilot.id);
      expect(panel.running.map((p) => p.id)).toContain(running.id);
      expect(panel.running.find((p) => p.id === running.id)?.latestProof?.id).toBe(runningProof.id);
      expect(panel.running.every((p) => p.status === 'running')).toBe(true);
      expect(panel.running.map((p) => p.id)).not.toContain(done.id);
      // Marcus never heard a result; Rajiv heard the done pilot's earlier one eight days ago; Helen is up to date; the proposed pilot has no proof.
      expect(panel.resultsOwed.filter(mine([running.id, done.id, quiet.id])).map((item) => [item.stakeholder.name, item.pilot.name, item.latestProof.id, item.toldOn])).toEqual([
        ['Marcus Told', 'Dash running', runningProof.id, null],
        ['Rajiv Told', 'Dash done', newerDone.id, daysAgo(8)],
      ]);
      expect(doneProof.id).not.toBe(newerDone.id);
      expect(panel.resultsOwed.length).toBe(before.resultsOwed.length + 2);
    });
  });

  describe('bad input', () => {
    let pilot: PilotDetail;
    beforeAll(async () => {
      pilot = await createPilot({ name: 'Bad input pilot', startOn: daysAgo(10), endOn: daysAhead(10) });
    });

    async function pilotCount(): Promise<number> {
      return (await t.db.query(`SELECT count(*)::int AS n FROM pilots`)).rows[0].n;
    }

    it('refuses an end before the start, on create and on edit, naming the field', async () => {
      const count = await pilotCount();
      expectRefused(await t.http.post('/api/pilots').send({ name: 'Backwards', sponsorId: null, startOn: daysAgo(1), endOn: daysAgo(2) }), 400, 'endOn');
      expectRefused(await t.http.patch(`/api/pilots/${pilot.id}`).send({ endOn: daysAgo(11), version: pilot.version }), 400, 'endOn');
      expectRefused(await t.http.patch(`/api/pilots/${pilot.id}`).send({ startOn: daysAhead(11), version: pilot.version }), 400, 'startOn');
      expect(await pilotCount()).toBe(count);
      // Moving both at once is fine.
      const moved = (await t.http.patch(`/api/pilots/${pilot.id}`).send({ startOn: daysAhead(20), endOn: daysAhead(40), version: pilot.version }).expect(200)).body;
      pilot = moved;
    });

    it('refuses bad fields with a 400 naming each', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ sponsorId: null }, 'name'],
        [{ name: '   ', sponsorId: null }, 'name'],
        [{ name: 'x'.repeat(201), sponsorId: null }, 'name'],
        [{ name: 'Bad status', status: 'paused' }, 'status'],
        [{ name: 'Bad sponsor', sponsorId: 'nope' }, 'sponsorId'],
        [{ name: 'Unknown sponsor', sponsorId: UNKNOWN }, 'sponsorId'],
        [{ name: 'Unknown asker', askedBy: [UNKNOWN] }, 'askedBy.0'],
        [{ name: 'Repeated asker', askedBy: [UNKNOWN, UNKNOWN.toUpperCase()] }, 'askedBy'],
        [{ name: 'Asker list', askedBy: 'someone' }, 'askedBy'],
        [{ name: 'Null askers', askedBy: null }, 'askedBy'],
        [{ name: 'Null status', status: null }, 'status'],
        [{ name: 'Bad date', startOn: '2026-02-30' }, 'startOn'],
        [{ name: 'Too late', endOn: '2099-01-01' }, 'endOn'],
        [{ name: 'Extra', owner: 'HR' }, 'owner'],
      ];
      const count = await pilotCount();
      for (const [body, field] of cases) expectRefused(await t.http.post('/api/pilots').send(body), 400, field);
      expect(await pilotCount()).toBe(count);
      expectRefused(await t.http.get('/api/pilots?status=paused'), 400, 'status');
      expectRefused(await t.http.get('/api/pilots?sponsorId=abc'), 400, 'sponsorId');
      expectRefused(await t.http.get('/api/pilots/not-a-uuid'), 400, 'id');
      await t.http.get(`/api/pilots/${UNKNOWN}`).expect(404);
      expectRefused(await t.http.patch(`/api/pilots/${pilot.id}`).send({ name: null, version: pilot.version }), 400, 'name');
      expectRefused(await t.http.patch(`/api/pilots/${pilot.id}`).send({ status: 'done' }), 428, 'version');
    });

    it('refuses a proof point without a day or a result, in the future, or with a unit but no value', async () => {
      const cases: [Record<string, unknown>, string][] = [
        [{ result: 'No day' }, 'observedOn'],
        [{ observedOn: daysAgo(1) }, 'result'],
        [{ observedOn: daysAhead(3), result: 'Not yet seen' }, 'observedOn'],
        [{ observedOn: daysAgo(1), result: 'Unit alone', unit: '%' }, 'unit'],
        [{ observedOn: daysAgo(1), result: 'Not a number', value: 'five' }, 'value'],
        [{ observedOn: daysAgo(1), result: 'Too big', value: 1e300 }, 'value'],
        [{ observedOn: daysAgo(1), result: 'Too precise', value: 1.123456 }, 'value'],
        // Written in exponent form, a tiny number has no decimal point to count places by.
        [{ observedOn: daysAgo(1), result: 'Vanishingly small', value: -5e-323 }, 'value'],
        [{ observedOn: daysAgo(1), result: 'Five places', value: 1e-5 }, 'value'],
        [{ observedOn: daysAgo(1), result: 'Long unit', value: 1, unit: 'u'.repeat(41) }, 'unit'],
      ];
      for (const [body, field] of cases) expectRefused(await t.http.post(`/api/pilots/${pilot.id}/proof-points`).send(body), 400, field);
      expectRefused(await t.http.post(`/api/pilots/${UNKNOWN}/proof-points`).send({ observedOn: daysAgo(1), result: 'Nowhere' }), 404);
      expect((await getPilot(pilot.id)).proofPoints).toEqual([]);

      const proof = await addProof(pilot.id, { observedOn: daysAgo(1), result: 'Measured', value: 12, unit: 'days' });
      expectRefused(await t.http.patch(`/api/proof-points/${proof.id}`).send({ value: 5e-323, version: 1 }), 400, 'value');
      // Clearing the value alone would leave the unit counting nothing.
      expectRefused(await t.http.patch(`/api/proof-points/${proof.id}`).send({ value: null, version: 1 }), 400, 'value');
      expectRefused(await t.http.patch(`/api/proof-points/${proof.id}`).send({ result: null, version: 1 }), 400, 'result');
      expectRefused(await t.http.patch(`/api/proof-points/${proof.id}`).send({ result: 'No version' }), 428, 'version');
      expect((await getPilot(pilot.id)).proofPoints[0]).toMatchObject({ value: 12, unit: 'days', version: 1 });
    });
  });

  describe('versions', () => {
    it('answers a stale pilot edit with 409 and the pilot as it is now, and leaves it alone', async () => {
      const pilot = await createPilot({ name: 'Versioned pilot' });
      const first = (await t.http.patch(`/api/pilots/${pilot.id}`).send({ status: 'running', version: 1 }).expect(200)).body;
      const stale = await t.http.patch(`/api/pilots/${pilot.id}`).send({ status: 'stopped', version: 1 });
      expectRefused(stale, 409);
      expect(stale.body).toMatchObject({ code: 'version_conflict', current: { id: pilot.id, status: 'running', version: 2 } });
      expect(await getPilot(pilot.id)).toEqual(first);
    });

    it('answers a stale proof-point edit with 409 and the proof point as it is now', async () => {
      const pilot = await createPilot({ name: 'Versioned proof' });
      const proof = await addProof(pilot.id, { observedOn: daysAgo(2), result: 'First reading' });
      await t.http.patch(`/api/proof-points/${proof.id}`).send({ result: 'Corrected reading', version: 1 }).expect(200);
      const stale = await t.http.patch(`/api/proof-points/${proof.id}`).send({ result: 'Stale reading', version: 1 });
      expectRefused(stale, 409);
      expect(stale.body).toMatchObject({ code: 'version_conflict', current: { id: proof.id, result: 'Corrected reading', version: 2 } });
    });
  });

  describe('roles, erased people and the audit trail', () => {
    it('lets viewers read pilots and the panel but not write', async () => {
      const pilot = await createPilot({ name: 'Viewer pilot' });
      await viewer.http.get('/api/pilots').expect(200);
      await viewer.http.get(`/api/pilots/${pilot.id}`).expect(200);
      await viewer.http.get('/api/dashboard/pilots').expect(200);
      await viewer.http.post('/api/pilots').send({ name: 'Not mine', sponsorId: null }).expect(403);
      await viewer.http.patch(`/api/pilots/${pilot.id}`).send({ status: 'running', version: 1 }).expect(403);
      await viewer.http.delete(`/api/pilots/${pilot.id}`).expect(403);
      await viewer.http.post(`/api/pilots/${pilot.id}/proof-points`).send({ observedOn: daysAgo(1), result: 'No' }).expect(403);
      await viewer.http.post(`/api/pilots/${pilot.id}/told`).send({ stakeholderId: UNKNOWN }).expect(403);
      await admin.http.patch(`/api/pilots/${pilot.id}`).send({ status: 'running', version: 1 }).expect(200);
    });

    it('refuses an erased person as sponsor or asker with 409 stakeholder_erased', async () => {
      const erased = await createStakeholder(t.http, { name: 'Gone Person' });
      await admin.http.post(`/api/stakeholders/${erased.id}/erase`).expect(200);
      expectRefused(await t.http.post('/api/pilots').send({ name: 'Erased sponsor', sponsorId: erased.id }), 409);
      const refused = await t.http.post('/api/pilots').send({ name: 'Erased asker', sponsorId: null, askedBy: [erased.id] });
      expect(refused.body.code).toBe('stakeholder_erased');
      const pilot = await createPilot({ name: 'Erased later' });
      expect((await t.http.patch(`/api/pilots/${pilot.id}`).send({ askedBy: [erased.id], version: 1 })).body.code).toBe('stakeholder_erased');
    });

    it('audits every write once for the sponsor and each asker, naming the name, scope and result rather than copying them', async () => {
      const sponsor = await createStakeholder(t.http, { name: 'Audit Sponsor' });
      const asker = await createStakeholder(t.http, { name: 'Audit Asker' });
      const pilot = await createPilot({ name: 'The kumquat pilot', sponsorId: sponsor.id, scope: 'Kumquat growers only', askedBy: [asker.id], startOn: daysAgo(3) });
      const proof = await addProof(pilot.id, { observedOn: daysAgo(1), result: 'Kumquats thrived', value: 2, unit: 'crates' });
      await t.http.post(`/api/pilots/${pilot.id}/told`).send({ stakeholderId: asker.id, toldOn: daysAgo(1) }).expect(201);
      await t.http.patch(`/api/pilots/${pilot.id}`).send({ status: 'done', askedBy: [], version: 1 }).expect(200);
      await t.http.delete(`/api/pilots/${pilot.id}`).expect(204);

      const { rows } = await t.db.query(
        `SELECT action, stakeholder_id, before, after FROM audit_log WHERE entity_id IN ($1, $2) ORDER BY id`,
        [pilot.id, proof.id],
      );
      const [first, second] = [sponsor.id, asker.id].sort();
      const created = { sponsorId: sponsor.id, businessFunction: null, startOn: daysAgo(3), endOn: null, status: 'proposed', askedBy: [asker.id] };
      expect(rows).toEqual([
        { action: 'pilot.create', stakeholder_id: first, before: null, after: { ...created, changedFields: ['name', 'scope'] } },
        { action: 'pilot.create', stakeholder_id: second, before: null, after: { ...created, changedFields: ['name', 'scope'] } },
        ...[first, second].map((id) => ({
          action: 'pilot_proof_point.create',
          stakeholder_id: id,
          before: null,
          after: { pilotId: pilot.id, observedOn: daysAgo(1), value: 2, unit: 'crates', changedFields: ['result'] },
        })),
        { action: 'pilot.told', stakeholder_id: asker.id, before: null, after: { proofPointId: proof.id, toldOn: daysAgo(1), latest: true } },
        ...[first, second].map((id) => ({
          action: 'pilot.update',
          stakeholder_id: id,
          before: created,
          after: { ...created, status: 'done', askedBy: [] },
        })),
        { action: 'pilot.delete', stakeholder_id: sponsor.id, before: { ...created, status: 'done', askedBy: [], changedFields: ['name', 'scope'] }, after: null },
      ]);
      expect(JSON.stringify(rows).toLowerCase()).not.toContain('kumquat');
      const history = (await admin.http.get(`/api/stakeholders/${asker.id}/history`).expect(200)).body;
      expect(history.items.map((e: { action: string }) => e.action)).toEqual(['pilot.update', 'pilot.told', 'pilot_proof_point.create', 'pilot.create', 'stakeholder.create']);
    });
  });

  describe('the sponsor\'s journey', () => {
    it('shows a sponsored pilot on its start date, or the day it was proposed, among the sponsor\'s other events', async () => {
      const sponsor = await createStakeholder(t.http, { name: 'Journey Sponsor' });
      await logSounding(t.http, sponsor.id, { heldOn: daysAgo(20), commitmentAfter: 'open' });
      await logSounding(t.http, sponsor.id, { heldOn: daysAgo(5), commitmentAfter: 'committed' });
      const started = await createPilot({ name: 'Journey started', sponsorId: sponsor.id, startOn: daysAgo(10), status: 'running' });
      const undated = await createPilot({ name: 'Journey undated', sponsorId: sponsor.id });
      const asked = await createStakeholder(t.http, { name: 'Journey Asker' });
      await createPilot({ name: 'Journey not theirs', askedBy: [sponsor.id, asked.id], startOn: daysAgo(8) });

      const journey = (await t.http.get(`/api/stakeholders/${sponsor.id}/journey`).expect(200)).body as Journey;
      const events = journey.timeline.map((event) => `${event.on} ${event.kind === 'pilot' ? `pilot ${event.pilot.name}` : event.kind}`);
      expect(events).toEqual([
        `${daysAgo(20)} sounding`,
        `${daysAgo(20)} commitment_change`,
        `${daysAgo(10)} pilot Journey started`,
        `${daysAgo(5)} sounding`,
        `${daysAgo(5)} commitment_change`,
        `${undated.createdAt.slice(0, 10)} pilot Journey undated`,
      ]);
      const event = journey.timeline.find((e) => e.kind === 'pilot');
      expect(event).toMatchObject({ kind: 'pilot', pilot: { id: started.id, sponsor: { id: sponsor.id }, status: 'running' } });
    });
  });
});
