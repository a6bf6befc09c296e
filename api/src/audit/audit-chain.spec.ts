import { auditKeyId, keyedAuditHash, legacyAuditHash } from './audit-chain';

const row = {
  id: '7',
  at: new Date('2026-11-20T10:15:30.123Z'),
  actor_id: '0b5b6f0e-7a2c-4a53-9d38-5c1f2e9a7b11',
  actor_email: 'ana@example.test',
  action: 'stakeholder.update',
  entity_type: 'stakeholder',
  entity_id: 'c3f1',
  stakeholder_id: null,
  before: { role: 'line_manager' },
  after: { role: 'senior_leader', changedFields: ['title'] },
  request_id: 'req-1',
  client_address: '127.0.0.1',
};

describe('audit chain hashes', () => {
  it('computes the unkeyed hash exactly as entries from before the key were written', () => {
    // Computed with the hash function those entries were written with.
    expect(legacyAuditHash(null, row)).toBe('991fa21531c7189f0f0e924985d24d5909b0e5b75833554ee5033b9b924e86a5');
    expect(legacyAuditHash('abc', row)).toBe('fc5db9eacf052a69d568684f57cbf3307158aede8da7cdfe4a1845c122ee6516');
  });

  it('hashes the same content the same whatever the key order of its jsonb', () => {
    const key = Buffer.from('k'.repeat(32));
    const reordered = { ...row, after: { changedFields: ['title'], role: 'senior_leader' } };
    expect(keyedAuditHash(key, 'abc', reordered)).toBe(keyedAuditHash(key, 'abc', row));
  });

  it('depends on the key, the previous hash and every field', () => {
    const key = Buffer.from('k'.repeat(32));
    const hash = keyedAuditHash(key, 'abc', row);
    expect(hash).not.toBe(legacyAuditHash('abc', row));
    expect(keyedAuditHash(Buffer.from('j'.repeat(32)), 'abc', row)).not.toBe(hash);
    expect(keyedAuditHash(key, 'abd', row)).not.toBe(hash);
    for (const [field, value] of Object.entries({ id: '8', at: new Date(row.at.getTime() + 1), stakeholder_id: row.actor_id, after: null })) {
      expect(keyedAuditHash(key, 'abc', { ...row, [field]: value })).not.toBe(hash);
    }
  });

  it('names a key by an id that is not the key', () => {
    const key = Buffer.from('k'.repeat(32));
    expect(auditKeyId(key)).toMatch(/^[0-9a-f]{16}$/);
    expect(auditKeyId(key)).not.toBe(auditKeyId(Buffer.from('j'.repeat(32))));
    expect(key.toString('hex')).not.toContain(auditKeyId(key));
  });
});
