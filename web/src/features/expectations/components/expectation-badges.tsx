import { Badge, type BadgeProps } from '@mantine/core';
import { EXPECTATION_STATUS_LABELS, type ExpectationStatus } from '@soundings/shared';

/** Colours for the statuses; the word is always shown as well, never the colour alone. */
export const EXPECTATION_STATUS_COLORS: Record<ExpectationStatus, string> = { open: 'blue', met: 'teal', at_risk: 'red', withdrawn: 'gray' };

// Dark shades keep the small badge text at WCAG AA contrast (4.5:1) on white.
const TEXT_SHADE = 9;

export function ExpectationStatusBadge({ status, ...props }: { status: ExpectationStatus } & Omit<BadgeProps, 'color' | 'children'>) {
  return (
    <Badge color={`${EXPECTATION_STATUS_COLORS[status]}.${TEXT_SHADE}`} variant={status === 'at_risk' ? 'filled' : 'outline'} {...props}>
      {EXPECTATION_STATUS_LABELS[status]}
    </Badge>
  );
}

/** Realistic or not, in words: over-promising is the thing to catch. */
export function RealismBadge({ realistic, ...props }: { realistic: boolean } & Omit<BadgeProps, 'color' | 'children'>) {
  return (
    <Badge color={realistic ? 'gray.8' : 'orange.9'} variant={realistic ? 'outline' : 'light'} {...props}>
      {realistic ? 'Realistic' : 'Unrealistic'}
    </Badge>
  );
}
