/**
 * What a delete takes with it, read from the database's own foreign keys: the rows that ON DELETE
 * CASCADE removes (at any depth) and the links that ON DELETE SET NULL clears. Reading the catalog
 * rather than listing tables by hand means a table added later is held for restore without anyone
 * remembering to add it here.
 */

/** A foreign key as pg_constraint describes it. `onDelete`: c cascade, n set null, d set default, r/a refuse. */
export interface ForeignKey {
  table: string;
  columns: string[];
  refTable: string;
  refColumns: string[];
  onDelete: string;
}

/** A table's primary key and the columns an INSERT may write (generated ones are left out). */
export interface TableShape {
  primaryKey: string[];
  columns: string[];
  /** Has a GENERATED ALWAYS identity column: re-inserting its value needs OVERRIDING SYSTEM VALUE. */
  identityAlways: boolean;
}

export interface Catalog {
  foreignKeys: ForeignKey[];
  tables: Map<string, TableShape>;
}

/** A link a delete clears (SET NULL): rows of `table`, outside the delete, that pointed at a deleted row. */
export interface ClearedLink {
  table: string;
  key: string[];
  columns: string[];
}

export interface DeletionPlan {
  root: string;
  /** Every table the delete removes rows from, parents before children (the order to re-insert in). */
  tables: string[];
  links: ClearedLink[];
  /** One statement: a JSON object { rows: { table: [...] }, links: [[...], ...] } read before the delete. */
  snapshotSql: string;
}

/** Tables never held: the audit trail is append-only and outlives every delete. */
const NEVER_HELD = new Set(['audit_log', 'audit_head', 'deleted_items']);

export function ident(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

function tuple(alias: string, columns: string[]): string {
  const list = columns.map((column) => `${alias}.${ident(column)}`).join(', ');
  return columns.length === 1 ? list : `(${list})`;
}

/** Plans the delete of one row of `root` (by its `id`). Throws on a cycle of foreign keys among the tables it reaches, which no schema here has. */
export function planDeletion(catalog: Catalog, root: string): DeletionPlan {
  const cascades = catalog.foreignKeys.filter((fk) => fk.onDelete === 'c' && !NEVER_HELD.has(fk.table) && fk.table !== fk.refTable);
  const reached = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const fk of cascades) {
      if (reached.has(fk.refTable) && !reached.has(fk.table)) {
        reached.add(fk.table);
        grew = true;
      }
    }
  }
  const edges = cascades.filter((fk) => reached.has(fk.table) && reached.has(fk.refTable));
  // Put back in an order every foreign key among them allows, cascading or not (a fear names its sounding).
  const dependsOn = catalog.foreignKeys.filter((fk) => reached.has(fk.table) && reached.has(fk.refTable) && fk.table !== fk.refTable);
  // Kahn's order, alphabetical among equals so the statement is the same at every start.
  const tables: string[] = [];
  const pending = new Set(reached);
  while (pending.size > 0) {
    const ready = [...pending].filter((table) => !dependsOn.some((fk) => fk.table === table && pending.has(fk.refTable))).sort();
    if (ready.length === 0) throw new Error(`Foreign keys form a cycle among ${[...pending].join(', ')}`);
    for (const table of ready) {
      tables.push(table);
      pending.delete(table);
    }
  }

  const alias = new Map(tables.map((table, i) => [table, `d${i}`]));
  const ctes = tables.map((table) => {
    const conditions =
      table === root
        ? [`x.id = $1`]
        : edges.filter((fk) => fk.table === table).map((fk) => `${tuple('x', fk.columns)} IN (SELECT ${fk.refColumns.map((c) => `p.${ident(c)}`).join(', ')} FROM ${alias.get(fk.refTable)} p)`);
    return `${alias.get(table)} AS (SELECT x.* FROM ${ident(table)} x WHERE ${conditions.join(' OR ')})`;
  });

  const links: ClearedLink[] = [];
  const linkSelects: string[] = [];
  for (const fk of catalog.foreignKeys) {
    if (!(fk.onDelete === 'n' || fk.onDelete === 'd') || !reached.has(fk.refTable) || NEVER_HELD.has(fk.table)) continue;
    const key = catalog.tables.get(fk.table)?.primaryKey ?? [];
    if (key.length === 0) continue;
    const pointsAtDeleted = `${tuple('x', fk.columns)} IN (SELECT ${fk.refColumns.map((c) => `p.${ident(c)}`).join(', ')} FROM ${alias.get(fk.refTable)} p)`;
    const notDeletedItself = reached.has(fk.table) ? ` AND ${tuple('x', key)} NOT IN (SELECT ${key.map((c) => `o.${ident(c)}`).join(', ')} FROM ${alias.get(fk.table)} o)` : '';
    const fields = [...key, ...fk.columns].map((c) => `'${c}', x.${ident(c)}`).join(', ');
    linkSelects.push(`COALESCE((SELECT json_agg(json_build_object(${fields})) FROM ${ident(fk.table)} x WHERE ${pointsAtDeleted}${notDeletedItself}), '[]'::json)`);
    links.push({ table: fk.table, key, columns: fk.columns });
  }

  const rows = tables.map((table) => `'${table}', COALESCE((SELECT json_agg(to_json(r)) FROM ${alias.get(table)} r), '[]'::json)`).join(', ');
  const snapshotSql =
    `WITH ${ctes.join(',\n')}\n` +
    `SELECT json_build_object('rows', json_build_object(${rows}), 'links', json_build_array(${linkSelects.join(', ')})) AS snapshot`;
  return { root, tables, links, snapshotSql };
}
