import { Badge, CheckIcon, Group, MultiSelect, Select, Stack, Text, type MultiSelectProps, type SelectProps } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { COMMITMENT_LADDER, STAKEHOLDER_ROLE_LABELS, type Stakeholder, type StakeholderRef, type StakeholderRole } from '@soundings/shared';
import { IconStarFilled } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { stakeholderQueries } from '../api/stakeholder-queries';
import { personSearch } from '../person-search';

const CANDIDATES = 20;

/** "Finance · Top team · Committed": what tells two people of the same name apart. */
export function personMarks(person: Pick<Stakeholder, 'businessFunction' | 'role' | 'commitment' | 'potentialChampion'>): string {
  return [person.businessFunction, person.potentialChampion ? 'Potential champion' : null, STAKEHOLDER_ROLE_LABELS[person.role], COMMITMENT_LADDER[person.commitment].label].filter(Boolean).join(' · ');
}

// The option is named by the person's name alone (as the field shows once chosen); the marks are for the
// eye, and the chosen person's marks are the field's description, which a screen reader reads with it.
function PersonOption({ person, checked }: { person: Stakeholder; checked?: boolean }) {
  return (
    <Group gap="xs" wrap="nowrap" align="flex-start" w="100%">
      {checked !== undefined && <CheckIcon size={12} style={{ marginTop: 5, visibility: checked ? 'visible' : 'hidden' }} />}
      <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
        <Group gap={6} wrap="nowrap">
          <Text size="sm" fw={600} truncate>
            {person.name}
          </Text>
          {person.potentialChampion && <IconStarFilled size={12} color="var(--mantine-color-yellow-7)" aria-hidden />}
          {person.role === 'top_team' && (
            <Badge size="xs" variant="light" color="indigo" tt="none" aria-hidden>
              Top team
            </Badge>
          )}
        </Group>
        <Text size="xs" c="dimmed" truncate aria-hidden>
          {[person.potentialChampion ? 'Potential champion' : null, person.businessFunction, person.role === 'top_team' ? null : STAKEHOLDER_ROLE_LABELS[person.role], COMMITMENT_LADDER[person.commitment].label, person.title]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </Stack>
    </Group>
  );
}

/** The people matching what is typed, searched on the server so it works for an organisation of any size. */
function useCandidates(search: string, chosenName: string | undefined, role: StakeholderRole | undefined) {
  const [debounced] = useDebouncedValue(search, 250);
  const typed = debounced.trim() && debounced !== chosenName ? debounced : '';
  const filters = personSearch(typed);
  const candidates = useQuery(stakeholderQueries.list({ ...filters, role: role ?? filters.role, pageSize: CANDIDATES, sort: 'name' }));
  // Remember everyone seen, so a chosen person keeps their marks after the list moves on.
  const seen = useRef(new Map<string, Stakeholder>());
  for (const person of candidates.data?.items ?? []) seen.current.set(person.id, person);
  return { people: candidates.data?.items ?? [], seen: seen.current, searching: candidates.isFetching, more: (candidates.data?.total ?? 0) > CANDIDATES };
}

const nothingFound = (searching: boolean) => (searching ? 'Searching…' : 'No one matches: try a name, function, level, “top team” or “champion”');

export interface PersonPickerProps extends Omit<SelectProps, 'value' | 'onChange' | 'data' | 'searchValue' | 'onSearchChange'> {
  value: StakeholderRef | null;
  /** The whole record comes along when the person was picked from the list (not when cleared). */
  onChange: (stakeholder: StakeholderRef | null, record?: Stakeholder) => void;
  /** Someone who cannot be chosen here (nobody reports to themselves). */
  excludeId?: string;
  /** Offer only people in this role (a briefing's audience is on the top team). */
  role?: StakeholderRole;
}

/**
 * Chooses one person. Each option shows their function, role, level and champion mark, and the search
 * matches any of them ("priya finance", "committed", "top team", "champion").
 */
export function PersonPicker({ value, onChange, excludeId, role, placeholder = 'Search by name, function or level', description, ...props }: PersonPickerProps) {
  const [search, setSearch] = useState(value?.name ?? '');
  const { people, seen, searching } = useCandidates(search, value?.name, role);
  const offered = people.filter((person) => person.id !== excludeId);
  const options = offered.map((person) => ({ value: person.id, label: person.name }));
  if (value && !options.some((option) => option.value === value.id)) options.unshift({ value: value.id, label: value.name });
  const chosen = value ? seen.get(value.id) : undefined;

  return (
    <Select
      placeholder={placeholder}
      searchable
      clearable
      {...props}
      description={description ?? (chosen ? personMarks(chosen) : undefined)}
      data={options}
      value={value?.id ?? null}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(id) => {
        const record = id ? seen.get(id) : undefined;
        onChange(id ? { id, name: record?.name ?? options.find((option) => option.value === id)?.label ?? '' } : null, record);
      }}
      renderOption={({ option }) => {
        const person = seen.get(option.value);
        return person ? <PersonOption person={person} /> : option.label;
      }}
      // The server has already filtered by the search text.
      filter={({ options: all }) => all}
      nothingFoundMessage={nothingFound(searching)}
    />
  );
}

export interface PeoplePickerProps extends Omit<MultiSelectProps, 'value' | 'onChange' | 'data' | 'searchValue' | 'onSearchChange'> {
  value: StakeholderRef[];
  onChange: (people: StakeholderRef[]) => void;
  role?: StakeholderRole;
}

/** Chooses several people, with the same marks and search as the single picker. */
export function PeoplePicker({ value, onChange, role, placeholder = 'Search by name, function or level', ...props }: PeoplePickerProps) {
  const [search, setSearch] = useState('');
  const { people, seen, searching } = useCandidates(search, undefined, role);
  const options = value.map((person) => ({ value: person.id, label: person.name }));
  for (const person of people) if (!options.some((option) => option.value === person.id)) options.push({ value: person.id, label: person.name });

  return (
    <MultiSelect
      placeholder={value.length ? undefined : placeholder}
      searchable
      clearable
      hidePickedOptions={false}
      {...props}
      data={options}
      value={value.map((person) => person.id)}
      searchValue={search}
      onSearchChange={setSearch}
      onChange={(ids) =>
        onChange(ids.map((id) => value.find((person) => person.id === id) ?? { id, name: seen.get(id)?.name ?? options.find((option) => option.value === id)?.label ?? '' }))
      }
      renderOption={({ option, checked }) => {
        const person = seen.get(option.value);
        return person ? <PersonOption person={person} checked={checked} /> : option.label;
      }}
      filter={({ options: all }) => all}
      nothingFoundMessage={nothingFound(searching)}
    />
  );
}
