import {
  COMMITMENT_LEVELS,
  STAKEHOLDER_CONTACT_FILTERS,
  STAKEHOLDER_ROLES,
  STAKEHOLDER_SORTS,
  type CommitmentLevel,
  type OneOrMany,
  type StakeholderContactFilter,
  type StakeholderRole,
  type StakeholderSort,
  type StakeholderViewFilters,
} from '@soundings/shared';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/** What the list page holds in its URL: a saved view's filters and sort, plus the page. */
export interface StakeholderListFilters extends StakeholderViewFilters {
  page?: number;
}

const MULTI_KEYS = ['commitment', 'role', 'businessFunction', 'contact'] as const;
type MultiKey = (typeof MULTI_KEYS)[number];

function allOf<T extends string>(params: URLSearchParams, key: string, allowed: readonly T[] | null): T[] | undefined {
  const values = [...new Set(params.getAll(key).map((value) => value.trim()).filter(Boolean))].filter(
    (value): value is T => allowed === null || (allowed as readonly string[]).includes(value),
  );
  return values.length ? values : undefined;
}

/** Everything the stakeholder list shows is in the URL, so a filtered list can be shared and the back button works. */
export function parseStakeholderFilters(params: URLSearchParams): StakeholderListFilters {
  const filters: StakeholderListFilters = {};
  const page = Number(params.get('page'));
  if (Number.isInteger(page) && page > 1) filters.page = page;
  const q = params.get('q')?.trim();
  if (q) filters.q = q;
  const commitment = allOf<CommitmentLevel>(params, 'commitment', COMMITMENT_LEVELS);
  if (commitment) filters.commitment = commitment;
  const role = allOf<StakeholderRole>(params, 'role', STAKEHOLDER_ROLES);
  if (role) filters.role = role;
  const businessFunction = allOf<string>(params, 'businessFunction', null);
  if (businessFunction) filters.businessFunction = businessFunction;
  const champion = params.get('potentialChampion');
  if (champion === 'true' || champion === 'false') filters.potentialChampion = champion === 'true';
  const sort = params.get('sort');
  if ((STAKEHOLDER_SORTS as readonly string[]).includes(sort ?? '')) filters.sort = sort as StakeholderSort;
  if (params.get('cooling') === 'true') filters.cooling = true;
  const contact = allOf<StakeholderContactFilter>(params, 'contact', STAKEHOLDER_CONTACT_FILTERS);
  if (contact) filters.contact = contact;
  if (params.get('overdue') === 'true') filters.overdue = true;
  return filters;
}

const ORDER: (keyof StakeholderListFilters)[] = ['q', 'commitment', 'role', 'businessFunction', 'potentialChampion', 'cooling', 'contact', 'overdue', 'sort', 'page'];

export function stakeholderFiltersToParams(filters: StakeholderListFilters): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of ORDER) {
    const value = filters[key];
    if (value === undefined || value === '' || (value === false && key !== 'potentialChampion')) continue;
    if (key === 'page' && value === 1) continue;
    if (Array.isArray(value)) for (const entry of value) params.append(key, entry);
    else params.set(key, String(value));
  }
  return params;
}

export const FILTER_KEYS: (keyof StakeholderViewFilters)[] = ['q', 'commitment', 'role', 'businessFunction', 'potentialChampion', 'cooling', 'contact', 'overdue'];

export function hasActiveFilters(filters: StakeholderListFilters): boolean {
  return activeFilterCount(filters) > 0;
}

/** How many filters narrow the list (a search counts as one; the sort does not). */
export function activeFilterCount(filters: StakeholderListFilters): number {
  return FILTER_KEYS.filter((key) => filters[key] !== undefined).length;
}

/** The filters and sort alone, as a view saves them (no page). */
export function viewFiltersOf(filters: StakeholderListFilters): StakeholderViewFilters {
  const { page: _page, ...view } = filters;
  return view;
}

/** Whether two sets of filters show the same list: the same values, in any order. */
export function sameView(a: StakeholderViewFilters, b: StakeholderViewFilters): boolean {
  const canonical = (filters: StakeholderViewFilters) => {
    const params = stakeholderFiltersToParams({ ...filters, sort: filters.sort ?? 'name' });
    return [...params.entries()].map(([key, value]) => `${key}=${value}`).sort().join('&');
  };
  return canonical(a) === canonical(b);
}

export type { MultiKey, OneOrMany };

export function useStakeholderFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => parseStakeholderFilters(searchParams), [searchParams]);

  /** Changing any filter returns to page 1; `replace` keeps refinements of a search out of the history. */
  const setFilters = useCallback(
    (changes: Partial<StakeholderListFilters>, options: { replace?: boolean } = {}) => {
      const next: StakeholderListFilters = { ...filters, ...changes };
      if (!('page' in changes)) delete next.page;
      for (const key of Object.keys(changes) as (keyof StakeholderListFilters)[]) {
        const value = changes[key];
        if (value === undefined || (Array.isArray(value) && value.length === 0)) delete next[key];
      }
      setSearchParams(stakeholderFiltersToParams(next), { replace: options.replace });
    },
    [filters, setSearchParams],
  );

  /** Shows exactly these filters and sort (a saved view), as a new history entry. */
  const showView = useCallback((view: StakeholderViewFilters) => setSearchParams(stakeholderFiltersToParams(view)), [setSearchParams]);

  const clearFilters = useCallback(() => {
    setSearchParams(stakeholderFiltersToParams({ sort: filters.sort }));
  }, [filters.sort, setSearchParams]);

  return { filters, setFilters, clearFilters, showView };
}
