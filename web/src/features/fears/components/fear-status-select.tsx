import { fearWords } from '@/components/confidential';
import { Select } from '@mantine/core';
import { FEAR_STATUS_LABELS, FEAR_STATUSES, type Fear, type FearStatus } from '@soundings/shared';

const STATUS_OPTIONS = FEAR_STATUSES.map((status) => ({ value: status, label: FEAR_STATUS_LABELS[status] }));

interface FearStatusSelectProps {
  fear: Fear;
  onChange: (status: FearStatus) => void;
}

export function FearStatusSelect({ fear, onChange }: FearStatusSelectProps) {
  return (
    <Select
      size="xs"
      w={150}
      aria-label={`Status of ${fearWords(fear)}`}
      data={STATUS_OPTIONS}
      value={fear.status}
      allowDeselect={false}
      onChange={(value) => value && value !== fear.status && onChange(value as FearStatus)}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
