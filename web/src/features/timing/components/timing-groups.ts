import type { IsoDate, TimingWindow } from '@soundings/shared';

export interface TimingGroups {
  /** Open today (first and last day included). */
  now: TimingWindow[];
  /** Starting after today, soonest first. */
  upcoming: TimingWindow[];
  /** Ended before today, most recent first. */
  past: TimingWindow[];
}

export function groupTimingWindows(windows: readonly TimingWindow[], today: IsoDate): TimingGroups {
  const byStart = [...windows].sort((a, b) => a.startsOn.localeCompare(b.startsOn) || a.endsOn.localeCompare(b.endsOn));
  return {
    now: byStart.filter((window) => window.startsOn <= today && today <= window.endsOn),
    upcoming: byStart.filter((window) => window.startsOn > today),
    past: byStart.filter((window) => window.endsOn < today).reverse(),
  };
}
