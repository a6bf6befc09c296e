import { Alert } from '@mantine/core';
import { timingConcernText, timingFitOn } from '@soundings/shared';
import { useQuery } from '@tanstack/react-query';
import { IconCalendarX } from '@tabler/icons-react';
import { timingQueries } from '../api/timing-queries';

export interface TimingDateAdviceProps {
  /** The one person the date is for. */
  person: { id: string; name: string };
  /** `YYYY-MM-DD`; nothing is said until there is one. */
  day: string;
}

/** Says, as the date is chosen, when it falls in a time the person asked not to be approached or misses their best time. */
export function TimingDateAdvice({ person, day }: TimingDateAdviceProps) {
  const timing = useQuery(timingQueries.forStakeholder(person.id));
  if (!timing.data || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  const fit = timingFitOn(day, timing.data.windows);
  const message = timingConcernText(person.name, day, fit);
  if (!message) return null;
  return (
    <Alert
      color={fit.fit === 'not_now' ? 'orange' : 'yellow'}
      variant="light"
      icon={<IconCalendarX size={18} />}
      title={fit.fit === 'not_now' ? 'Not a good day for them' : 'Outside their best time'}
      aria-live="polite"
      data-warning={fit.fit === 'not_now' ? 'timing_not_now' : 'timing_outside_best'}
    >
      {message}
    </Alert>
  );
}
