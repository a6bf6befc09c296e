import { Button, Chip, Group, Select, TextInput } from '@mantine/core';
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
  type StakeholderListQuery,
  type StakeholderRole,
  type StakeholderSort,
} from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import { IconSearch, IconX } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { stakeholderQueries } from '../api/stakeholder-queries';
import { hasActiveFilters } from '../hooks/use-stakeholder-filters';

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
  { value: '-commitment', label: 'Most committed first' },
  { value: 'commitment', label: 'Least committed first' },
  { value: 'lastContact', label: 'Longest without contact' },
  { value: '-lastContact', label: 'Most recent contact' },
];

export const SEARCH_DEBOUNCE_MS = 300;

interface StakeholderFiltersProps {
  filters: StakeholderListQuery;
  onChange: (changes: Partial<StakeholderListQuery>, options?: { replace?: boolean }) => void;
  onClear: () => void;
}

export function StakeholderFilters({ filters, onChange, onClear }: StakeholderFiltersProps) {
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
  if (filters.businessFunction && !functionOptions.some((o) => o.value === filters.businessFunction)) {
    functionOptions.push({ value: filters.businessFunction, label: filters.businessFunction });
  }

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
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
      <Select
        aria-label="Commitment"
        placeholder="Any commitment"
        data={COMMITMENT_OPTIONS}
        value={filters.commitment ?? null}
        onChange={(value) => onChange({ commitment: (value as CommitmentLevel | null) ?? undefined })}
        clearable
        w={170}
      />
      <Select
        aria-label="Role"
        placeholder="Any role"
        data={ROLE_OPTIONS}
        value={filters.role ?? null}
        onChange={(value) => onChange({ role: (value as StakeholderRole | null) ?? undefined })}
        clearable
        w={150}
      />
      <Select
        aria-label="Business function"
        placeholder="Any function"
        data={functionOptions}
        value={filters.businessFunction ?? null}
        onChange={(value) => onChange({ businessFunction: value ?? undefined })}
        clearable
        searchable
        nothingFoundMessage="No function matches"
        w={180}
      />
      <Select
        aria-label="Potential champion"
        placeholder="Champions or not"
        data={CHAMPION_OPTIONS}
        value={filters.potentialChampion === undefined ? null : String(filters.potentialChampion)}
        onChange={(value) => onChange({ potentialChampion: value === null ? undefined : value === 'true' })}
        clearable
        w={180}
      />
      <Select
        aria-label="Contact cadence"
        placeholder="Any contact"
        data={CONTACT_OPTIONS}
        value={filters.contact ?? null}
        onChange={(value) => onChange({ contact: (value as StakeholderContactFilter | null) ?? undefined })}
        clearable
        w={170}
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
      <Group gap="sm" ml="auto" align="flex-end">
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
          w={210}
        />
      </Group>
    </Group>
  );
}
