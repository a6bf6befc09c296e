import { Button, Chip, Group, MultiSelect, Select, Stack, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import {
  CADENCE_STATE_LABELS,
  COMMITMENT_LADDER,
  COMMITMENT_LEVELS,
  STAKEHOLDER_CONTACT_FILTERS,
  STAKEHOLDER_ROLE_LABELS,
  STAKEHOLDER_ROLES,
  type CommitmentLevel,
  type StakeholderContactFilter,
  type StakeholderRole,
  type StakeholderSort,
} from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import { IconSearch, IconX } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { FiltersFold } from '@/components/filters-fold';
import { useNarrowScreen } from '@/lib/use-narrow-screen';
import { stakeholderQueries } from '../api/stakeholder-queries';
import { activeFilterCount, hasActiveFilters, type StakeholderListFilters } from '../hooks/use-stakeholder-filters';

const COMMITMENT_OPTIONS = COMMITMENT_LEVELS.map((level) => ({ value: level, label: COMMITMENT_LADDER[level].label }));
const ROLE_OPTIONS = STAKEHOLDER_ROLES.map((role) => ({ value: role, label: STAKEHOLDER_ROLE_LABELS[role] }));
const CHAMPION_OPTIONS = [
  { value: 'true', label: 'Potential champions' },
  { value: 'false', label: 'Not champions' },
];
const CONTACT_OPTIONS = STAKEHOLDER_CONTACT_FILTERS.map((state) => ({ value: state, label: CADENCE_STATE_LABELS[state] }));
const SORT_OPTIONS: { value: StakeholderSort; label: string }[] = [
  { value: 'name', label: 'Name A–Z' },
  { value: '-name', label: 'Name Z–A' },
  { value: '-gap', label: 'Furthest from required level' },
  { value: '-influence', label: 'Most influential first' },
  { value: '-commitment', label: 'Most committed first' },
  { value: 'commitment', label: 'Least committed first' },
  { value: 'lastContact', label: 'Longest without contact' },
  { value: '-lastContact', label: 'Most recent contact' },
];

export const SEARCH_DEBOUNCE_MS = 300;

interface StakeholderFiltersProps {
  filters: StakeholderListFilters;
  onChange: (changes: Partial<StakeholderListFilters>, options?: { replace?: boolean }) => void;
  onClear: () => void;
  /** The saved views, above the filters at a desk and folded in with them on a phone. */
  views: ReactNode;
}

export function StakeholderFilters({ filters, onChange, onClear, views }: StakeholderFiltersProps) {
  const narrow = useNarrowScreen();
  const [search, setSearch] = useState(filters.q ?? '');
  const businessFunctions = useQuery(stakeholderQueries.businessFunctions());

  // Follow the URL when it changes from outside (back button, a shared link, "clear filters").
  useEffect(() => setSearch(filters.q ?? ''), [filters.q]);

  const commitSearch = useDebouncedCallback((value: string) => {
    const q = value.trim() || undefined;
    if (q === filters.q) return;
    // Refining a search replaces the history entry; starting or clearing one adds an entry.
    onChange({ q }, { replace: Boolean(filters.q && q) });
  }, SEARCH_DEBOUNCE_MS);

  const functionOptions = (businessFunctions.data ?? []).map((option) => ({
    value: option.name,
    label: `${option.name} (${option.stakeholders})`,
  }));
  // A function in the URL that no one holds any more (or spelled in another case) still shows as chosen.
  for (const name of filters.businessFunction ?? []) {
    if (!functionOptions.some((option) => option.value === name)) functionOptions.push({ value: name, label: name });
  }

  const searchField = (
    <TextInput
      aria-label="Search stakeholders"
      placeholder="Search name, title, email"
      leftSection={<IconSearch size={16} />}
      value={search}
      onChange={(event) => {
        setSearch(event.currentTarget.value);
        commitSearch(event.currentTarget.value);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          commitSearch.flush();
        }
      }}
      w={{ base: '100%', sm: 260 }}
    />
  );
  const fields = (
    <>
      <MultiSelect
        aria-label="Commitment"
        placeholder={filters.commitment ? undefined : 'Any commitment'}
        data={COMMITMENT_OPTIONS}
        value={filters.commitment ?? []}
        onChange={(value) => onChange({ commitment: value as CommitmentLevel[] })}
        clearable
        w={{ base: '100%', xs: 220 }}
      />
      <MultiSelect
        aria-label="Role"
        placeholder={filters.role ? undefined : 'Any role'}
        data={ROLE_OPTIONS}
        value={filters.role ?? []}
        onChange={(value) => onChange({ role: value as StakeholderRole[] })}
        clearable
        w={{ base: '100%', xs: 220 }}
      />
      <MultiSelect
        aria-label="Business function"
        placeholder={filters.businessFunction ? undefined : 'Any function'}
        data={functionOptions}
        value={filters.businessFunction ?? []}
        onChange={(value) => onChange({ businessFunction: value })}
        clearable
        searchable
        nothingFoundMessage="No function matches"
        w={{ base: '100%', xs: 220 }}
      />
      <Select
        aria-label="Potential champion"
        placeholder="Champions or not"
        data={CHAMPION_OPTIONS}
        value={filters.potentialChampion === undefined ? null : String(filters.potentialChampion)}
        onChange={(value) => onChange({ potentialChampion: value === null ? undefined : value === 'true' })}
        clearable
        w={{ base: '100%', xs: 180 }}
      />
      <MultiSelect
        aria-label="Contact cadence"
        placeholder={filters.contact ? undefined : 'Any contact'}
        data={CONTACT_OPTIONS}
        value={filters.contact ?? []}
        onChange={(value) => onChange({ contact: value as StakeholderContactFilter[] })}
        clearable
        w={{ base: '100%', xs: 220 }}
      />
      <Group gap={6} pb={4}>
        <Chip
          size="sm"
          color="orange"
          checked={Boolean(filters.cooling)}
          onChange={(checked) => onChange({ cooling: checked || undefined })}
          title="Past their ideal contact interval"
        >
          Cooling
        </Chip>
        <Chip
          size="sm"
          color="red"
          checked={Boolean(filters.overdue)}
          onChange={(checked) => onChange({ overdue: checked || undefined })}
        >
          Follow-up overdue
        </Chip>
      </Group>
      <Group gap="sm" ml="auto" align="flex-end" w={{ base: '100%', xs: 'auto' }}>
        {hasActiveFilters(filters) && (
          <Button variant="subtle" color="gray" leftSection={<IconX size={14} />} onClick={onClear}>
            Clear filters
          </Button>
        )}
        <Select
          aria-label="Sort by"
          data={SORT_OPTIONS}
          value={filters.sort ?? 'name'}
          allowDeselect={false}
          onChange={(value) => value && onChange({ sort: value as StakeholderSort })}
          w={{ base: '100%', xs: 240 }}
        />
      </Group>
    </>
  );

  if (narrow) {
    return (
      <Stack gap="sm">
        {searchField}
        {/* The search stays in sight; the fold counts what it hides. */}
        <FiltersFold active={activeFilterCount(filters) - (filters.q ? 1 : 0)}>
          {views}
          {fields}
        </FiltersFold>
      </Stack>
    );
  }
  return (
    <Stack gap="sm">
      {views}
      <Group gap="sm" align="flex-end" wrap="wrap">
        {searchField}
        {fields}
      </Group>
    </Stack>
  );
}
