import { Badge, type BadgeProps } from '@mantine/core';
import { TIMING_WINDOW_KIND_LABELS, type TimingWindowKind } from '@soundings/shared';

const KIND_COLORS: Record<TimingWindowKind, string> = { best: 'teal', not_now: 'orange' };

export function TimingKindBadge({ kind, ...props }: { kind: TimingWindowKind } & Omit<BadgeProps, 'children' | 'color'>) {
  return (
    <Badge variant="light" color={KIND_COLORS[kind]} {...props}>
      {TIMING_WINDOW_KIND_LABELS[kind]}
    </Badge>
  );
}
