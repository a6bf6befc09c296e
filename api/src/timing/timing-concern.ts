import { timingConcernText, timingFitOn, TimingConcern, TimingWindowKind } from '@soundings/shared';

/** A window as the reads that weigh days against it carry it (TIMING_WINDOWS_JSON). */
export interface TimingWindowDates {
  id: string;
  kind: TimingWindowKind;
  startsOn: string;
  endsOn: string;
}

/**
 * Whether `day` falls badly for the person, with the window behind it and the reason in words; null when
 * it falls well (inside a best window, or nowhere near one). The rule itself is the shared `timingFitOn`.
 */
export function timingConcern(name: string, day: string, windows: readonly TimingWindowDates[]): TimingConcern | null {
  const fit = timingFitOn(day, windows);
  if (fit.fit !== 'not_now' && fit.fit !== 'outside_best') return null;
  const { id, kind, startsOn, endsOn } = fit.window;
  return {
    code: fit.fit === 'not_now' ? 'timing_not_now' : 'timing_outside_best',
    window: { id, kind, startsOn, endsOn },
    message: timingConcernText(name, day, fit)!,
  };
}
