import { Button, Group, Select, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { AUDIT_ACTIONS, type AuditListQuery } from '@soundings/shared';
import { IconFilterOff } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { FiltersFold } from '@/components/filters-fold';
import { useNarrowScreen } from '@/lib/use-narrow-screen';

export type AuditFilterValues = Omit<AuditListQuery, 'page' | 'pageSize'>;

interface AuditFiltersProps {
  filters: AuditFilterValues;
  onChange: (changes: Partial<AuditFilterValues>) => void;
  onClear: () => void;
  /** Who can appear as the actor: every account, by name. */
  actors: { value: string; label: string }[];
  /** The stakeholder picker, composed in by the page. */
  stakeholderPicker: ReactNode;
}

const ACTION_OPTIONS = Object.entries(AUDIT_ACTIONS).map(([value, { label }]) => ({ value, label }));

export function AuditFilters({ filters, onChange, onClear, actors, stakeholderPicker }: AuditFiltersProps) {
  const [recordId, setRecordId] = useState(filters.entityId ?? '');
  const applyRecordId = useDebouncedCallback((value: string) => onChange({ entityId: value.trim() || undefined }), 400);
  // A record chosen from the list (or the back button) shows in the box too.
  useEffect(() => {
    setRecordId((typed) => (typed.trim() === (filters.entityId ?? '') ? typed : (filters.entityId ?? '')));
  }, [filters.entityId]);
  const actionOptions =
    filters.action && !ACTION_OPTIONS.some((option) => option.value === filters.action)
      ? [{ value: filters.action, label: filters.action }, ...ACTION_OPTIONS]
      : ACTION_OPTIONS;
  const active = [filters.action, filters.actorId, filters.entityId, filters.stakeholderId].filter(Boolean).length;
  const narrow = useNarrowScreen();
  // On a phone every field takes the whole width, folded behind one button.
  const width = (desk: number) => (narrow ? '100%' : desk);

  const fields = (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <Select
        label="Action"
        placeholder="Any action"
        data={actionOptions}
        value={filters.action ?? null}
        onChange={(value) => onChange({ action: value ?? undefined })}
        searchable
        clearable
        w={width(250)}
        comboboxProps={{ withinPortal: true }}
      />
      <Select
        label="Who"
        placeholder="Anyone"
        data={actors}
        value={filters.actorId ?? null}
        onChange={(value) => onChange({ actorId: value ?? undefined })}
        searchable
        clearable
        w={width(210)}
        comboboxProps={{ withinPortal: true }}
      />
      <div style={{ width: width(210) }}>{stakeholderPicker}</div>
      <TextInput
        label="Record id"
        placeholder="Any record"
        value={recordId}
        onChange={(event) => {
          setRecordId(event.currentTarget.value);
          applyRecordId(event.currentTarget.value);
        }}
        w={width(180)}
      />
      {active > 0 && (
        <Button
          variant="subtle"
          leftSection={<IconFilterOff size={16} />}
          onClick={() => {
            setRecordId('');
            onClear();
          }}
        >
          Clear filters
        </Button>
      )}
    </Group>
  );

  return narrow ? <FiltersFold active={active}>{fields}</FiltersFold> : fields;
}
