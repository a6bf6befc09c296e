import { Badge, type BadgeProps } from '@mantine/core';
import { PILOT_STATUS_LABELS, type PilotStatus } from '@soundings/shared';

const STATUS_COLORS: Record<PilotStatus, string> = { proposed: 'gray', running: 'blue', done: 'teal', stopped: 'orange' };

export function PilotStatusBadge({ status, ...props }: { status: PilotStatus } & BadgeProps) {
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" {...props}>
      {PILOT_STATUS_LABELS[status]}
    </Badge>
  );
}
