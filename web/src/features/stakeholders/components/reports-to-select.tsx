import type { StakeholderRef } from '@soundings/shared';
import { PersonPicker } from './person-picker';

interface ReportsToSelectProps {
  value: StakeholderRef | null;
  onChange: (manager: StakeholderRef | null) => void;
  /** The person being edited: nobody reports to themselves. */
  excludeId?: string;
  error?: string;
}

export function ReportsToSelect({ value, onChange, excludeId, error }: ReportsToSelectProps) {
  return <PersonPicker label="Reports to" value={value} onChange={onChange} excludeId={excludeId} error={error} />;
}
