import { fearWords } from '@/components/confidential';
import { Badge, Select } from '@mantine/core';
import { FEAR_STATUS_LABELS, FEAR_STATUSES, type Fear, type FearStatus } from '@soundings/shared';
import { useCan } from '@/lib/authorization';
import { FEAR_STATUS_COLORS } from './fear-status';

const STATUS_OPTIONS = FEAR_STATUSES.map((status) => ({ value: status, label: FEAR_STATUS_LABELS[status] }));

interface FearStatusSelectProps {
  fear: Fear;
  onChange: (status: FearStatus) => void;
}

/** The status, changeable by those who may change it; a plain badge for viewers. */
export function FearStatusSelect({ fear, onChange }: FearStatusSelectProps) {
  const canWrite = useCan('campaign:write');
  if (!canWrite) {
    return (
      <Badge variant="light" color={FEAR_STATUS_COLORS[fear.status]}>
        {FEAR_STATUS_LABELS[fear.status]}
      </Badge>
    );
  }
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
