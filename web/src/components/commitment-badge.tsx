import { Badge, Text, type BadgeProps } from '@mantine/core';
import { COMMITMENT_LADDER, type CommitmentLevel } from '@soundings/shared';

interface CommitmentBadgeProps extends Omit<BadgeProps, 'color' | 'children'> {
  level: CommitmentLevel;
}

/** A person's place on the commitment ladder, in the ladder's own colour. */
export function CommitmentBadge({ level, variant = 'light', ...props }: CommitmentBadgeProps) {
  const step = COMMITMENT_LADDER[level];
  return (
    <Badge color={step.color} variant={variant} title={step.meaning} {...props}>
      {step.label}
    </Badge>
  );
}

interface CommitmentGapProps {
  gap: number;
  required: CommitmentLevel | null;
  size?: 'xs' | 'sm' | 'md';
}

/** "2 steps to Committed", or that the required level is met. Nothing when no level is required. */
export function CommitmentGap({ gap, required, size = 'xs' }: CommitmentGapProps) {
  if (!required) return null;
  const label = COMMITMENT_LADDER[required].label;
  if (gap <= 0) {
    return (
      <Text size={size} c="teal.9">
        Meets {label}
      </Text>
    );
  }
  return (
    <Text size={size} c="dimmed">
      {gap} {gap === 1 ? 'step' : 'steps'} to {label}
    </Text>
  );
}
