import {
  isCommitmentLevel,
  STAKEHOLDER_CONTACT_FILTERS,
  STAKEHOLDER_ROLES,
  STAKEHOLDER_SORTS,
  type StakeholderContactFilter,
  type StakeholderListQuery,
  type StakeholderRole,
  type StakeholderSort,
} from '@soundings/shared';
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

/** Everything the stakeholder list shows is in the URL, so a filtered list can be shared and the back button works. */
export function parseStakeholderFilters(params: URLSearchParams): StakeholderListQuery {
  const filters: StakeholderListQuery = {};
  const page = Number(params.get('page'));
  if (Number.isInteger(page) && page > 1) filters.page = page;
  const q = params.get('q')?.trim();
  if (q) filters.q = q;
  const commitment = params.get('commitment');
  if (isCommitmentLevel(commitment)) filters.commitment = commitment;
  const role = params.get('role');
  if ((STAKEHOLDER_ROLES as readonly string[]).includes(role ?? '')) filters.role = role as StakeholderRole;
  const businessFunction = params.get('businessFunction');
  if (businessFunction) filters.businessFunction = businessFunction;
  const champion = params.get('potentialChampion');
  if (champion === 'true' || champion === 'false') filters.potentialChampion = champion === 'true';
  const sort = params.get('sort');
  if ((STAKEHOLDER_SORTS as readonly string[]).includes(sort ?? '')) filters.sort = sort as StakeholderSort;
  if (params.get('cooling') === 'true') filters.cooling = true;
  const contact = params.get('contact');
  if ((STAKEHOLDER_CONTACT_FILTERS as readonly string[]).includes(contact ?? '')) filters.contact = contact as StakeholderContactFilter;
  if (params.get('overdue') === 'true') filters.overdue = true;
  return filters;
}

export function stakeholderFiltersToParams(filters: StakeholderListQuery): URLSearchParams {
  const params = new URLSearchParams();
  const order: (keyof StakeholderListQuery)[] = [
    'q',
    'commitment',
    'role',
    'businessFunction',
    'potentialChampion',
    'cooling',
    'contact',
    'overdue',
    'sort',
    'page',
  ];
  for (const key of order) {
    const value = filters[key];
    if (value === undefined || value === '' || (value === false && key !== 'potentialChampion')) continue;
    if (key === 'page' && value === 1) continue;
    params.set(key, String(value));
  }
  return params;
}

export const FILTER_KEYS: (keyof StakeholderListQuery)[] = [
  'q',
  'commitment',
  'role',
  'businessFunction',
  'potentialChampion',
  'cooling',
  'contact',
  'overdue',
];

export function hasActiveFilters(filters: StakeholderListQuery): boolean {
  return FILTER_KEYS.some((key) => filters[key] !== undefined);
}

export function useStakeholderFilters() {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = useMemo(() => parseStakeholderFilters(searchParams), [searchParams]);

  /** Changing any filter returns to page 1; `replace` keeps refinements of a search out of the history. */
  const setFilters = useCallback(
    (changes: Partial<StakeholderListQuery>, options: { replace?: boolean } = {}) => {
      const next: StakeholderListQuery = { ...filters, ...changes };
      if (!('page' in changes)) delete next.page;
      for (const key of Object.keys(changes) as (keyof StakeholderListQuery)[]) {
        if (changes[key] === undefined) delete next[key];
      }
      setSearchParams(stakeholderFiltersToParams(next), { replace: options.replace });
    },
    [filters, setSearchParams],
  );

  const clearFilters = useCallback(() => {
    setSearchParams(stakeholderFiltersToParams({ sort: filters.sort }));
  }, [filters.sort, setSearchParams]);

  return { filters, setFilters, clearFilters };
}
