import type { CoalitionNetwork, InfluenceKind, NetworkLink, Stakeholder } from '@soundings/shared';
import { influenceScore, isSwayingKind, LIMITS } from '@soundings/shared';
import { createStakeholder, recordCommitmentChange } from './factories';
import { expectRefused } from './expectations';
import { startTestApp, TestApp } from './test-app';

/**
 * One small organisation per test, in a business function of its own, so a filtered read shows only it:
 *
 *   Dana Okafor (top team, rated 4, committed, must be a public champion)
 *   ├─ Sam Reyes reports to Dana
 *   Lee Park looks to Dana (3), Kim Ashe is mentored by Dana (1)
 *   Sam and Lee are allies; Kim and Lee are in conflict
 */
describe('GET /api/coalition/network', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  async function link(from: Stakeholder, to: Stakeholder, kind: InfluenceKind, strength: number): Promise<string> {
    const { rows } = await t.db.query(`INSERT INTO influences (from_id, to_id, kind, strength) VALUES ($1, $2, $3, $4) RETURNING id`, [
      from.id,
      to.id,
      kind,
      strength,
    ]);
    return rows[0].id;
  }

  async function organisation(businessFunction: string) {
    const dana = await createStakeholder(t.http, { name: 'Dana Okafor', title: 'CFO', role: 'top_team', businessFunction, influence: 4, requiredCommitment: 'public_champion' });
    await recordCommitmentChange(t.http, dana.id, { level: 'committed', reason: 'Offered to sponsor the finance pilot' });
    const sam = await createStakeholder(t.http, { name: 'Sam Reyes', role: 'line_manager', businessFunction, reportsToId: dana.id, influence: 2 });
    const lee = await createStakeholder(t.http, { name: 'Lee Park', role: 'senior_leader', businessFunction });
    await recordCommitmentChange(t.http, lee.id, { level: 'resistant', reason: 'Said coaching is a distraction this year' });
    const kim = await createStakeholder(t.http, { name: 'Kim Ashe', role: 'line_manager', businessFunction, influence: 1, potentialChampion: true });
    const ids = {
      leeLooksToDana: await link(lee, dana, 'looks_to', 3),
      kimMentoredByDana: await link(kim, dana, 'mentor', 1),
      samAllyLee: await link(sam, lee, 'ally', 2),
      kimConflictLee: await link(kim, lee, 'conflict', 2),
    };
    return { dana, sam, lee, kim, ids };
  }

  const network = async (query: string, http = t.http): Promise<CoalitionNetwork> => (await http.get(`/api/coalition/network${query}`).expect(200)).body;

  it('shows each person with their rated influence, score and who looks to them, and every tie among them', async () => {
    const { dana, sam, lee, kim, ids } = await organisation('Treasury');
    const result = await network('?businessFunction=Treasury');

    // By name. Dana: 2 × 4 + Lee's 3 + Kim's 1 + 2 for Sam's reporting line = 14, looked to by Lee, Kim and Sam.
    expect(result.nodes.map((n) => [n.name, n.influence, n.influenceScore, n.lookedToBy])).toEqual([
      ['Dana Okafor', 4, 14, 3],
      ['Kim Ashe', 1, 2, 0],
      ['Lee Park', null, 0, 0],
      ['Sam Reyes', 2, 4, 0],
    ]);
    expect(result.nodes[0]).toEqual({
      id: dana.id,
      name: 'Dana Okafor',
      title: 'CFO',
      role: 'top_team',
      businessFunction: 'Treasury',
      potentialChampion: false,
      commitment: 'committed',
      requiredCommitment: 'public_champion',
      onBoard: true,
      influence: 4,
      influenceScore: 14,
      lookedToBy: 3,
      reportsToId: null,
    });
    const byId = new Map(result.nodes.map((n) => [n.id, n]));
    expect(byId.get(sam.id)).toMatchObject({ reportsToId: dana.id, commitment: 'not_sounded', onBoard: false });
    expect(byId.get(lee.id)).toMatchObject({ commitment: 'resistant', onBoard: false });
    expect(byId.get(kim.id)).toMatchObject({ potentialChampion: true });

    // The reporting line runs from the report to the manager, as a look-to does.
    expect(new Set(result.links.map((l) => JSON.stringify(l)))).toEqual(
      new Set(
        [
          { id: ids.leeLooksToDana, fromId: lee.id, toId: dana.id, kind: 'looks_to', strength: 3 },
          { id: ids.kimMentoredByDana, fromId: kim.id, toId: dana.id, kind: 'mentor', strength: 1 },
          { id: ids.samAllyLee, fromId: sam.id, toId: lee.id, kind: 'ally', strength: 2 },
          { id: ids.kimConflictLee, fromId: kim.id, toId: lee.id, kind: 'conflict', strength: 2 },
          { id: null, fromId: sam.id, toId: dana.id, kind: 'reports_to', strength: 2 },
        ].map((l) => JSON.stringify(l)),
      ),
    );
    expect(result.links).toHaveLength(5);
  });

  it("gives everyone the score the shared influenceScore() gives their rating, the swaying links at them and their direct reports", async () => {
    await organisation('Audit');
    await organisation('Tax');
    const { nodes, links } = await network('');
    expect(nodes.length).toBeGreaterThanOrEqual(8);
    const pointingAt = (id: string, pick: (l: NetworkLink) => boolean) => links.filter((l) => l.toId === id && pick(l));
    for (const node of nodes) {
      const swaying = pointingAt(node.id, (l) => l.kind !== 'reports_to' && isSwayingKind(l.kind));
      const reports = pointingAt(node.id, (l) => l.kind === 'reports_to');
      const expected = influenceScore({
        rated: node.influence,
        incomingStrength: swaying.reduce((sum, l) => sum + l.strength, 0),
        directReports: reports.length,
      });
      expect({ name: node.name, score: node.influenceScore }).toEqual({ name: node.name, score: expected });
      expect(node.lookedToBy).toBe(new Set([...swaying, ...reports].map((l) => l.fromId)).size);
    }
  });

  it('filters by business function (any case), role and level, keeping only the ties between people shown', async () => {
    const { dana, sam, kim } = await organisation('Procurement');

    const everyone = await network('?businessFunction=PROCUREMENT');
    expect(everyone.nodes.map((n) => n.name)).toEqual(['Dana Okafor', 'Kim Ashe', 'Lee Park', 'Sam Reyes']);

    const managers = await network('?businessFunction=procurement&role=line_manager');
    expect(managers.nodes.map((n) => n.id)).toEqual([kim.id, sam.id]);
    // Kim and Sam have no tie to each other; Sam's manager is not shown, so neither is the reporting line.
    expect(managers.links).toEqual([]);
    // The score still counts every tie, shown or not.
    expect(managers.nodes.find((n) => n.id === sam.id)).toMatchObject({ influenceScore: 4, reportsToId: dana.id });

    const committed = await network('?businessFunction=Procurement&commitment=committed');
    expect(committed.nodes.map((n) => [n.name, n.influenceScore])).toEqual([['Dana Okafor', 14]]);

    const topTeam = await network('?businessFunction=Procurement&role=top_team&commitment=resistant');
    expect(topTeam).toEqual({ nodes: [], links: [] });

    expect(await network('?businessFunction=No%20such%20function')).toEqual({ nodes: [], links: [] });
  });

  it('leaves out erased people, their ties, and what they added to anyone\'s influence', async () => {
    const { dana, lee } = await organisation('Legal');
    const admin = await t.as('admin');
    await admin.http.post(`/api/stakeholders/${lee.id}/erase`).expect(200);

    const result = await network('?businessFunction=Legal');
    expect(result.nodes.map((n) => n.name)).toEqual(['Dana Okafor', 'Kim Ashe', 'Sam Reyes']);
    expect(result.links.filter((l) => l.fromId === lee.id || l.toId === lee.id)).toEqual([]);
    expect(result.links.map((l) => l.kind).sort()).toEqual(['mentor', 'reports_to']);
    // 14 less Lee's look-to of 3, looked to by Kim and Sam only.
    expect(result.nodes.find((n) => n.id === dana.id)).toMatchObject({ influenceScore: 11, lookedToBy: 2 });
    expect((await network('')).nodes.map((n) => n.id)).not.toContain(lee.id);
  });

  it('reads the same for viewers, practitioners and admins', async () => {
    await organisation('Compliance');
    const asPractitioner = await network('?businessFunction=Compliance');
    expect(asPractitioner.nodes).toHaveLength(4);
    for (const role of ['viewer', 'admin'] as const) {
      const caller = await t.as(role);
      expect(await network('?businessFunction=Compliance', caller.http)).toEqual(asPractitioner);
    }
  });

  it.each([
    ['an unknown role', 'role=chairman', 'role'],
    ['an unknown level', 'commitment=keen', 'commitment'],
    ['two business functions', 'businessFunction=Finance&businessFunction=IT', 'businessFunction'],
    ['a business function too long to be one', `businessFunction=${'x'.repeat(LIMITS.shortText + 1)}`, 'businessFunction'],
    ['a filter it does not have', 'kind=looks_to', 'kind'],
  ])('refuses %s with 400 naming the field', async (_case, query, field) => {
    expectRefused(await t.http.get(`/api/coalition/network?${query}`), 400, field);
  });
});
