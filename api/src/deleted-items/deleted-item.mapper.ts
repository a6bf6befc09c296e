import { DeletedItem } from '@soundings/shared';
import type { ConfidentialView } from '../confidentiality/confidential-view';
import { DeletedItemRow, ROOT_TABLE_OF } from './deleted-items.repository';

export function mapDeletedItem(row: DeletedItemRow): DeletedItem {
  const root = ROOT_TABLE_OF[row.kind];
  const contents = Object.entries(row.counts ?? {})
    .filter(([table, count]) => table !== root && count > 0)
    .map(([table, count]) => ({ records: table.replace(/_/g, ' '), count }))
    .sort((a, b) => b.count - a.count || a.records.localeCompare(b.records));
  return {
    id: row.id,
    kind: row.kind,
    label: row.label,
    contents,
    deletedAt: row.deleted_at.toISOString(),
    deletedBy: row.deleted_by ? { id: row.deleted_by, name: row.deleted_by_name ?? '' } : null,
    purgeAfter: row.purge_after.toISOString(),
  };
}

/** What a held sounding keeps when the reader may not see its words: ids, dates and the flag. */
const KEPT_OF_WITHHELD = ['id', 'stakeholder_id', 'sounding_id', 'held_on', 'confidential', 'author_id', 'created_at'];

/** The held rows as the export shows them: a confidential sounding, and the fears voiced in it, only to whom may read it. */
export function withheldRowsFor(view: ConfidentialView, rows: Record<string, Record<string, unknown>[]>): Record<string, Record<string, unknown>[]> {
  const withheld = new Set<string>();
  for (const sounding of rows.soundings ?? []) {
    const note = { confidential: sounding.confidential === true, authorId: (sounding.author_id as string | null) ?? null, stakeholderId: sounding.stakeholder_id as string, kind: 'sounding' as const, id: sounding.id as string };
    if (!view.shows(note)) withheld.add(note.id);
  }
  const keep = (row: Record<string, unknown>) => ({ ...Object.fromEntries(KEPT_OF_WITHHELD.filter((k) => k in row).map((k) => [k, row[k]])), redacted: true });
  return Object.fromEntries(
    Object.entries(rows).map(([table, tableRows]) => [
      table,
      tableRows.map((row) =>
        (table === 'soundings' && withheld.has(row.id as string)) || (table === 'fears' && withheld.has(row.sounding_id as string)) ? keep(row) : row,
      ),
    ]),
  );
}
