import { Catalog, ForeignKey, planDeletion } from './deletion-plan';

const fk = (table: string, column: string, refTable: string, onDelete: string): ForeignKey => ({ table, columns: [column], refTable, refColumns: ['id'], onDelete });
const shape = { primaryKey: ['id'], columns: ['id'], identityAlways: false };

function catalog(foreignKeys: ForeignKey[]): Catalog {
  const tables = new Set(foreignKeys.flatMap((key) => [key.table, key.refTable]));
  return { foreignKeys, tables: new Map([...tables].map((table) => [table, shape])) };
}

describe('planDeletion', () => {
  const schema = catalog([
    fk('soundings', 'stakeholder_id', 'stakeholders', 'c'),
    fk('fears', 'stakeholder_id', 'stakeholders', 'c'),
    fk('fears', 'sounding_id', 'soundings', 'n'),
    fk('commitment_changes', 'sounding_id', 'soundings', 'c'),
    fk('commitment_changes', 'stakeholder_id', 'stakeholders', 'c'),
    fk('stakeholders', 'reports_to_id', 'stakeholders', 'n'),
    fk('pilots', 'sponsor_id', 'stakeholders', 'n'),
    fk('audit_log', 'stakeholder_id', 'stakeholders', 'c'),
    fk('meeting_attendees', 'meeting_id', 'meetings', 'c'),
  ]);

  it('takes every cascading child at any depth, and puts parents before children (a fear after the sounding it names)', () => {
    const plan = planDeletion(schema, 'stakeholders');
    expect(plan.tables).toEqual(['stakeholders', 'soundings', 'commitment_changes', 'fears']);
  });

  it('notes the links a delete clears outside it (reports, sponsored pilots), not those inside it', () => {
    const plan = planDeletion(schema, 'stakeholders');
    expect(plan.links.map((link) => `${link.table}.${link.columns[0]}`)).toEqual(['fears.sounding_id', 'stakeholders.reports_to_id', 'pilots.sponsor_id']);
    // The fears deleted with the person are not re-pointed: they come back whole.
    expect(plan.snapshotSql).toContain('NOT IN (SELECT o."id" FROM d3 o)');
  });

  it('never holds the audit trail, and a meeting takes only its attendance', () => {
    expect(planDeletion(schema, 'stakeholders').tables).not.toContain('audit_log');
    expect(planDeletion(schema, 'meetings').tables).toEqual(['meetings', 'meeting_attendees']);
  });

  it('refuses a cycle of foreign keys rather than guess an order', () => {
    const cyclic = catalog([fk('a', 'b_id', 'b', 'c'), fk('b', 'a_id', 'a', 'n'), fk('b', 'root_id', 'root', 'c'), fk('a', 'root_id', 'root', 'c')]);
    expect(() => planDeletion(cyclic, 'root')).toThrow(/cycle/);
  });
});
