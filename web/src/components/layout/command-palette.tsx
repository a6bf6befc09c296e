import { Badge, Group, Kbd, Loader, Modal, Stack, Text, TextInput, UnstyledButton } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { COMMITMENT_LADDER, STAKEHOLDER_ROLE_LABELS, type Page, type Stakeholder } from '@soundings/shared';
import { IconSearch } from '@tabler/icons-react';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useId, useState, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { apiClient } from '@/lib/api-client';
import { queryRoots } from '@/lib/query-keys';
import classes from './command-palette.module.css';

/** A page the palette can jump to: the navigation's own entries. */
export interface PaletteDestination {
  to: string;
  label: string;
  description: string;
}

interface PaletteEntry {
  id: string;
  to: string;
  label: string;
  detail: string;
  kind: 'page' | 'person';
}

const PEOPLE_SHOWN = 8;

/** Folds case and accents, as the server's search does, so `zoe` finds the Zoë page label too. */
function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export function matchingDestinations(destinations: PaletteDestination[], query: string): PaletteDestination[] {
  const wanted = folded(query.trim());
  if (!wanted) return destinations;
  return destinations.filter((page) => folded(`${page.label} ${page.description}`).includes(wanted));
}

function personDetail(person: Stakeholder): string {
  const parts = [person.title, STAKEHOLDER_ROLE_LABELS[person.role], COMMITMENT_LADDER[person.commitment].label];
  return parts.filter(Boolean).join(' · ');
}

/**
 * Ctrl K (⌘ K on a Mac) from anywhere: type part of a name or a page, arrow to it, Enter to go. People come
 * from the server's search (name, title or email, accents ignored); pages from the navigation.
 */
export function CommandPalette({ destinations, opened, onOpenChange }: { destinations: PaletteDestination[]; opened: boolean; onOpenChange: (opened: boolean) => void }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [debounced] = useDebouncedValue(query.trim(), 200);
  const navigate = useNavigate();
  const listId = useId();

  const people = useQuery({
    queryKey: [...queryRoots.stakeholders, 'palette', debounced] as const,
    queryFn: ({ signal }) => apiClient.get<Page<Stakeholder>>('/stakeholders', { query: { q: debounced, pageSize: PEOPLE_SHOWN }, signal }),
    enabled: opened && debounced.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 30_000,
  });

  const entries: PaletteEntry[] = [
    ...(debounced && people.data
      ? people.data.items.map((person) => ({ id: `person-${person.id}`, to: `/stakeholders/${person.id}`, label: person.name, detail: personDetail(person), kind: 'person' as const }))
      : []),
    ...matchingDestinations(destinations, query).map((page) => ({ id: `page-${page.to}`, to: page.to, label: page.label, detail: page.description, kind: 'page' as const })),
  ];
  const activeIndex = Math.min(active, Math.max(entries.length - 1, 0));
  const optionId = (index: number) => `${listId}-option-${index}`;

  const close = () => {
    onOpenChange(false);
    setQuery('');
    setActive(0);
  };
  const go = (entry: PaletteEntry | undefined) => {
    if (!entry) return;
    close();
    void navigate(entry.to);
  };
  const onSearchKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((activeIndex + step + entries.length) % Math.max(entries.length, 1));
    } else if (event.key === 'Enter') {
      event.preventDefault();
      go(entries[activeIndex]);
    }
  };

  useEffect(() => {
    document.getElementById(optionId(activeIndex))?.scrollIntoView({ block: 'nearest' });
  });

  return (
    <Modal opened={opened} onClose={close} title="Go to a person or a page" size="lg" centered={false} yOffset="10vh">
      <Stack gap="sm">
        <TextInput
          data-autofocus
          label="Name or page"
          placeholder="Type part of a name, a title or a page"
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={people.isFetching ? <Loader size="xs" aria-label="Searching" /> : null}
          value={query}
          onChange={(event) => {
            setQuery(event.currentTarget.value);
            setActive(0);
          }}
          onKeyDown={onSearchKeyDown}
          role="combobox"
          aria-expanded={entries.length > 0}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={entries.length > 0 ? optionId(activeIndex) : undefined}
          autoComplete="off"
        />
        <div id={listId} role="listbox" aria-label="People and pages" className={classes.list}>
          {entries.map((entry, index) => (
            <UnstyledButton
              key={entry.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === activeIndex}
              tabIndex={-1}
              className={classes.option}
              onClick={() => go(entry)}
              onMouseMove={() => index !== activeIndex && setActive(index)}
            >
              <Group justify="space-between" wrap="nowrap" gap="sm">
                <Stack gap={0} miw={0}>
                  <Text fw={600} size="sm" truncate>
                    {entry.label}
                  </Text>
                  <Text size="xs" c="dimmed" truncate>
                    {entry.detail}
                  </Text>
                </Stack>
                <Badge variant="light" color={entry.kind === 'person' ? 'indigo' : 'gray'} size="sm">
                  {entry.kind === 'person' ? 'Person' : 'Page'}
                </Badge>
              </Group>
            </UnstyledButton>
          ))}
        </div>
        {entries.length === 0 && (
          <Text size="sm" c="dimmed" role="status">
            {people.isFetching ? 'Searching…' : `Nobody and no page matches “${query.trim()}”.`}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          <Kbd size="xs">↑</Kbd> <Kbd size="xs">↓</Kbd> to choose, <Kbd size="xs">Enter</Kbd> to go, <Kbd size="xs">Esc</Kbd> to close
        </Text>
      </Stack>
    </Modal>
  );
}
