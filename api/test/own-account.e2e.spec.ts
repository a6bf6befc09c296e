import request from 'supertest';
import { expectRefused } from './expectations';
import { startTestApp, TestApp } from './test-app';

describe('PATCH /api/auth/me: your own display name', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('sets, shows and clears your name, any role, bumping the version', async () => {
    const viewer = await t.as('viewer');
    const me = (await viewer.http.get('/api/auth/me').expect(200)).body.user;
    expect(me.displayName).toBeNull();
    const named = (await viewer.http.patch('/api/auth/me').send({ displayName: '  Zoë Ångström ', version: me.version }).expect(200)).body;
    expect(named).toMatchObject({ id: viewer.id, displayName: 'Zoë Ångström', role: 'viewer', version: me.version + 1 });
    expect((await viewer.http.get('/api/auth/me').expect(200)).body.user.displayName).toBe('Zoë Ångström');
    const cleared = (await viewer.http.patch('/api/auth/me').set('If-Match', String(named.version)).send({ displayName: '' }).expect(200)).body;
    expect(cleared.displayName).toBeNull();
  });

  it('changes nothing but the name: role and active are refused as unknown fields', async () => {
    const viewer = await t.as('viewer');
    expectRefused(await viewer.http.patch('/api/auth/me').send({ displayName: 'Sam', role: 'admin', version: 1 }), 400, 'role');
    expectRefused(await viewer.http.patch('/api/auth/me').send({ active: false, version: 1 }), 400, 'active');
    const { rows } = await t.db.query(`SELECT role, active, display_name, version FROM users WHERE id = $1`, [viewer.id]);
    expect(rows[0]).toEqual({ role: 'viewer', active: true, display_name: null, version: 1 });
  });

  it('refuses a name with no letter, control characters, one too long, or a missing or stale version', async () => {
    const user = await t.as('practitioner');
    expectRefused(await user.http.patch('/api/auth/me').send({ displayName: '42', version: 1 }), 400, 'displayName');
    expectRefused(await user.http.patch('/api/auth/me').send({ displayName: 'Sam\u0000', version: 1 }), 400, 'displayName');
    expectRefused(await user.http.patch('/api/auth/me').send({ displayName: 'Sam\u202e', version: 1 }), 400, 'displayName');
    expectRefused(await user.http.patch('/api/auth/me').send({ displayName: 'a'.repeat(5000), version: 1 }), 400, 'displayName');
    expectRefused(await user.http.patch('/api/auth/me').send({ displayName: 7, version: 1 }), 400, 'displayName');
    expectRefused(await user.http.patch('/api/auth/me').send({ displayName: 'Sam' }), 428);
    await user.http.patch('/api/auth/me').send({ displayName: 'Sam Reed', version: 1 }).expect(200);
    const stale = await user.http.patch('/api/auth/me').send({ displayName: 'Samuel Reed', version: 1 });
    expectRefused(stale, 409);
    expect(stale.body.current).toMatchObject({ displayName: 'Sam Reed', version: 2 });
    expectRefused(await request(t.app.getHttpServer()).patch('/api/auth/me').send({ displayName: 'Sam', version: 1 }), 401);
  });

  it('audits the change as a user update naming the field, never the name', async () => {
    const user = await t.as('practitioner');
    const response = await user.http.patch('/api/auth/me').send({ displayName: 'Kwame Haddad', version: 1 }).expect(200);
    const { rows } = await t.db.query(`SELECT action, actor_id, entity_type, entity_id, before, after FROM audit_log WHERE request_id = $1`, [response.headers['x-request-id']]);
    expect(rows).toEqual([{ action: 'user.update', actor_id: user.id, entity_type: 'user', entity_id: user.id, before: {}, after: { changedFields: ['displayName'] } }]);
    expect(JSON.stringify(rows)).not.toContain('Kwame');
  });
});
