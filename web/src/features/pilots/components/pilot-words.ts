import type { PilotAsker, ProofPoint } from '@soundings/shared';

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 4 });

/** `9.5 %`, `12 days`, or nothing when the result has no number. */
export function proofMeasure(proof: Pick<ProofPoint, 'value' | 'unit'>): string | null {
  if (proof.value === null) return null;
  return proof.unit ? `${numberFormat.format(proof.value)} ${proof.unit}` : numberFormat.format(proof.value);
}

/** "2 of 3 who asked have heard the latest"; null when nobody asked, or there is nothing to hear yet. */
export function heardLatestSummary(askers: PilotAsker[], latestProof: ProofPoint | null): string | null {
  if (askers.length === 0 || latestProof === null) return null;
  const heard = askers.filter((asker) => asker.toldLatest).length;
  return `${heard} of ${askers.length} who asked ${askers.length === 1 ? 'has' : 'have'} heard the latest`;
}
