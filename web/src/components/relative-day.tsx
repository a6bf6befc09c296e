import { Text, Tooltip, type TextProps } from '@mantine/core';
import type { IsoDate } from '@soundings/shared';
import type { ReactNode } from 'react';
import { formatDayHeading, formatRelativeDays } from '@/lib/dates';

interface RelativeDayProps extends Omit<TextProps, 'children' | 'style'> {
  on: IsoDate;
  /** Words said instead of "3 days ago" ("12 days late"); the exact day stays on hover. */
  children?: ReactNode;
  /** What the day is, said before it on hover: "Due" reads "Due Tuesday 3 March 2026". */
  label?: string;
}

/**
 * "3 days ago", with the exact day on hover, on keyboard focus and on touch, and in the markup for machines.
 * Without a size it takes the surrounding text's, so it sits inside a sentence.
 */
export function RelativeDay({ on, children, label, size, ...text }: RelativeDayProps) {
  const exact = formatDayHeading(on);
  return (
    <Tooltip label={label ? `${label} ${exact}` : exact} withArrow openDelay={300} events={{ hover: true, focus: true, touch: true }}>
      <Text
        component="time"
        dateTime={on.slice(0, 10)}
        tabIndex={0}
        size={size}
        inherit={size === undefined}
        span
        {...text}
        style={{ textDecoration: 'underline dotted', textUnderlineOffset: 3, whiteSpace: 'nowrap' }}
      >
        {children ?? formatRelativeDays(on)}
      </Text>
    </Tooltip>
  );
}
