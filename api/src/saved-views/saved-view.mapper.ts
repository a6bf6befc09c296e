import type { SavedView, StakeholderViewFilters } from '@soundings/shared';
import type { SavedViewRow } from './saved-views.repository';

export function mapSavedView(row: SavedViewRow): SavedView {
  const filters: StakeholderViewFilters = { ...(row.search ? { q: row.search } : {}), ...row.filters };
  return {
    id: row.id,
    name: row.name,
    filters,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}

/** Splits filters into the columns they are kept in, dropping empty lists and absent values. */
export function savedViewColumns(filters: StakeholderViewFilters): { search: string | null; filters: Omit<StakeholderViewFilters, 'q'> } {
  const { q, ...rest } = filters;
  const kept = Object.fromEntries(
    Object.entries(rest).filter(([, value]) => value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0)),
  ) as Omit<StakeholderViewFilters, 'q'>;
  return { search: q?.trim() || null, filters: kept };
}
