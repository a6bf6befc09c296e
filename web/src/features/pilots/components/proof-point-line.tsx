import { Text } from '@mantine/core';
import type { ProofPoint } from '@soundings/shared';
import { formatDate } from '@/lib/dates';
import { proofMeasure } from './pilot-words';

/**
 * One result: its number (if any) in bold, its words, and the day it was observed, as one sentence that wraps
 * like text, so a long result does not push its number onto a line of its own.
 */
export function ProofPointLine({ proof, size = 'sm' }: { proof: ProofPoint; size?: 'xs' | 'sm' }) {
  const measure = proofMeasure(proof);
  return (
    <Text size={size}>
      {measure && (
        <>
          <Text span fw={700} inherit style={{ fontVariantNumeric: 'tabular-nums' }}>
            {measure}
          </Text>{' '}
        </>
      )}
      {proof.result}{' '}
      <Text span size="xs" c="dimmed">
        observed {formatDate(proof.observedOn)}
      </Text>
    </Text>
  );
}
