import { Group, Text } from '@mantine/core';
import type { ProofPoint } from '@soundings/shared';
import { formatDate } from '@/lib/dates';
import { proofMeasure } from './pilot-words';

/** One result: its number (if any) in bold, its words, and the day it was observed. */
export function ProofPointLine({ proof, size = 'sm' }: { proof: ProofPoint; size?: 'xs' | 'sm' }) {
  const measure = proofMeasure(proof);
  return (
    <Group gap={6} wrap="wrap" align="baseline">
      {measure && (
        <Text span fw={700} size={size} style={{ fontVariantNumeric: 'tabular-nums' }}>
          {measure}
        </Text>
      )}
      <Text span size={size}>
        {proof.result}
      </Text>
      <Text span size="xs" c="dimmed">
        observed {formatDate(proof.observedOn)}
      </Text>
    </Group>
  );
}
