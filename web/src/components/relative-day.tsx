import { Tooltip } from '@mantine/core';
import type { IsoDate } from '@soundings/shared';
import { formatDayHeading, formatRelativeDays } from '@/lib/dates';

/** "3 days ago", with the exact day on hover and on keyboard focus, and in the markup for machines. */
export function RelativeDay({ on }: { on: IsoDate }) {
  const exact = formatDayHeading(on);
  return (
    <Tooltip label={exact} withArrow openDelay={300} events={{ hover: true, focus: true, touch: true }}>
      <time dateTime={on.slice(0, 10)} tabIndex={0} style={{ textDecoration: 'underline dotted', textUnderlineOffset: 3 }}>
        {formatRelativeDays(on)}
      </time>
    </Tooltip>
  );
}
