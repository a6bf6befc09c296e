import type { Pilot, PilotResultOwed } from '@soundings/shared';

/** They heard the latest result when the result they were last told is the pilot's latest; with no proof yet, nothing is owed. */
export function hasHeardLatest(toldProofPointId: string | null, latestProofId: string | null): boolean {
  return latestProofId === null || toldProofPointId === latestProofId;
}

/**
 * Every leader owed a pilot's latest result, longest waiting first: never told, then told longest ago; then
 * the pilot with the older latest proof, then by name.
 */
export function resultsOwed(pilots: Pilot[]): PilotResultOwed[] {
  const owed = pilots.flatMap((pilot) =>
    pilot.latestProof === null
      ? []
      : pilot.askedBy
          .filter((asker) => !asker.toldLatest)
          .map(
            (asker): PilotResultOwed => ({
              pilot: { id: pilot.id, name: pilot.name, status: pilot.status },
              stakeholder: asker.stakeholder,
              latestProof: pilot.latestProof!,
              toldOn: asker.toldOn,
            }),
          ),
  );
  const told = (item: PilotResultOwed) => item.toldOn ?? '';
  return owed.sort(
    (a, b) =>
      told(a).localeCompare(told(b)) ||
      a.latestProof.observedOn.localeCompare(b.latestProof.observedOn) ||
      a.stakeholder.name.localeCompare(b.stakeholder.name) ||
      a.pilot.name.localeCompare(b.pilot.name) ||
      a.stakeholder.id.localeCompare(b.stakeholder.id),
  );
}

/** The dates a pilot ends up with after a change; the end may not come before the start. */
export function endsBeforeStart(startOn: string | null, endOn: string | null): boolean {
  return startOn !== null && endOn !== null && endOn < startOn;
}

/** A unit with no number measures nothing. */
export function unitWithoutValue(value: number | null, unit: string | null): boolean {
  return unit !== null && value === null;
}
