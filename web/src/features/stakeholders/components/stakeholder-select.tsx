import { Select, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import type { Stakeholder, StakeholderRef, StakeholderRole } from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { stakeholderQueries } from '../api/stakeholder-queries';

export interface StakeholderSelectProps extends Omit<SelectProps, 'value' | 'onChange' | 'data' | 'searchValue' | 'onSearchChange'> {
  value: StakeholderRef | null;
  /** The whole record comes along when the person was picked from the list (not when cleared). */
  onChange: (stakeholder: StakeholderRef | null, record?: Stakeholder) => void;
  /** Someone who cannot be chosen here (nobody reports to themselves). */
  excludeId?: string;
  /** Offer only people in this role (a briefing's audience is on the top team). */
  role?: StakeholderRole;
}

/** Picks one stakeholder by name, searching the whole list on the server so it works for an organisation of any size. */
export function StakeholderSelect({ value, onChange, excludeId, role, placeholder = 'Search by name', ...props }: StakeholderSelectProps) {
  const [search, setSearch] = useState(value?.name ?? '');
  const [debouncedSearch] = useDebouncedValue(search, 250);
  const q = debouncedSearch.trim() && debouncedSearch !== value?.name ? debouncedSearch.trim() : undefined;
  const candidates = useQuery(stakeholderQueries.list({ q, role, pageSize: 20, sort: 'name' }));
  const people = (candidates.data?.items ?? []).filter((person) => person.id !== excludeId);

  const options = people.map((person) => ({ value: person.id, label: person.name }));
  if (value && !options.some((option) => option.value === value.id)) options.unshift({ value: value.id, label: value.name });

  return (
    <Select
      placeholder={placeholder}
      searchable
      clearable
      {...props}
      data={options}
      value={value?.id ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id, option) =>
        onChange(
          id ? { id, name: option?.label ?? '' } : null,
          people.find((person) => person.id === id),
        )
      }
      // The server has already filtered by the search text.
      filter={({ options: all }) => all}
      nothingFoundMessage={candidates.isFetching ? 'Searching…' : 'No one matches'}
    />
  );
}
