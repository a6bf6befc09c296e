import { MultiSelect } from '@mantine/core';
import { memo } from 'react';
import type { PriorityOptionGroup } from './briefing-priorities';

interface BriefingPrioritiesFieldProps {
  groups: PriorityOptionGroup[];
  value: string[];
  onChange: (priorityIds: string[]) => void;
  description: string;
  loading: boolean;
  error?: string;
  autoFocus: boolean;
}

/** The priorities a briefing names; memoised so typing the brief does not redraw the list. */
export const BriefingPrioritiesField = memo(function BriefingPrioritiesField({ groups, value, onChange, description, loading, error, autoFocus }: BriefingPrioritiesFieldProps) {
  return (
    <MultiSelect
      label="Priorities it serves"
      description={description}
      placeholder={value.length === 0 ? 'Choose the priorities the case ties to' : undefined}
      data={groups}
      value={value}
      onChange={onChange}
      searchable
      clearable
      nothingFoundMessage={loading ? 'Loading…' : 'No priority matches'}
      error={error}
      comboboxProps={{ withinPortal: true }}
      data-autofocus={autoFocus || undefined}
    />
  );
});
