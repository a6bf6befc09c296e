import { Badge, type BadgeProps } from '@mantine/core';
import { CADENCE_STATE_LABELS, CONTACT_KIND_LABELS, type CadenceState, type ContactCadence } from '@soundings/shared';

/** Amber past the ideal interval, red past the maximum; never-contacted people are grey, not alarming. */
export const CADENCE_STATE_COLORS: Record<CadenceState, string> = {
  never: 'gray',
  on_track: 'teal',
  due: 'orange',
  overdue: 'red',
};

const STATE_MEANING: Record<CadenceState, (contact: ContactCadence) => string> = {
  never: () => 'No contact of any kind recorded yet',
  on_track: (c) => `In touch within their ideal interval of ${c.cadence.idealDays} days`,
  due: (c) => `Past their ideal contact interval of ${c.cadence.idealDays} days`,
  overdue: (c) => `Past their maximum contact interval of ${c.cadence.maxDays} days`,
};

function daysAgoWords(days: number): string {
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${days} days ago`;
}

/** "Last contact 23 days ago (sounding) · ideal every 21 days · due": days counted in the organisation's time zone. */
export function contactCadenceWords(contact: ContactCadence): string {
  const last =
    contact.lastContactOn === null || contact.daysSinceContact === null
      ? 'No contact yet'
      : `Last contact ${daysAgoWords(contact.daysSinceContact)}${contact.lastContactKind ? ` (${CONTACT_KIND_LABELS[contact.lastContactKind]})` : ''}`;
  const state = { never: 'never contacted', on_track: 'on track', due: 'due', overdue: `overdue (at most ${contact.cadence.maxDays} days)` }[contact.state];
  return `${last} · ideal every ${contact.cadence.idealDays} days · ${state}`;
}

interface CadenceBadgeProps extends Omit<BadgeProps, 'color' | 'children'> {
  contact: ContactCadence;
}

/** Where someone stands against their contact cadence, in words and its colour. */
export function CadenceBadge({ contact, variant = 'light', ...props }: CadenceBadgeProps) {
  return (
    <Badge color={CADENCE_STATE_COLORS[contact.state]} variant={variant} title={STATE_MEANING[contact.state](contact)} {...props}>
      {CADENCE_STATE_LABELS[contact.state]}
    </Badge>
  );
}
