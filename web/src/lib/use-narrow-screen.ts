import { useMediaQuery } from '@mantine/hooks';

/** Below Mantine's `sm` breakpoint (48em): a phone, or a laptop at 200 % zoom. */
export const NARROW_SCREEN_QUERY = '(max-width: 47.99em)';

/**
 * Whether the screen is narrow, known on the first render (not in an effect), so a phone never paints the
 * desk layout first and then jumps.
 */
export function useNarrowScreen(): boolean {
  return useMediaQuery(NARROW_SCREEN_QUERY, false, { getInitialValueInEffect: false });
}
