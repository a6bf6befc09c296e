import type { Expectation } from '@soundings/shared';
import { formatDate } from '@/lib/dates';

/** "Told by Sam Patel (champion) on 12 Nov 2026", or who is no longer on record. */
export function toldByLine(expectation: Pick<Expectation, 'toldBy' | 'toldOn'>): string {
  const { toldBy } = expectation;
  const who = toldBy ? `${toldBy.name}${toldBy.type === 'champion' ? ' (champion)' : ''}` : 'someone no longer on record';
  return `Told by ${who} on ${formatDate(expectation.toldOn)}`;
}
