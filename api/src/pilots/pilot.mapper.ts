import type { Pilot, PilotAsker, PilotDetail, PilotStatus, ProofPoint } from '@soundings/shared';
import { toCoalitionMember } from '../coalition/coalition-member';
import { hasHeardLatest } from './pilot-rules';
import { AskerRow, PilotRow, ProofPointRow } from './pilots.repository';

export function mapProofPoint(row: ProofPointRow): ProofPoint {
  return {
    id: row.id,
    pilotId: row.pilot_id,
    observedOn: row.observed_on,
    result: row.result,
    // numeric arrives as text from a plain select, as a number from json.
    value: row.value === null ? null : Number(row.value),
    unit: row.unit,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    version: row.version,
  };
}

function mapAsker(row: AskerRow, latestProofId: string | null): PilotAsker {
  return {
    stakeholder: toCoalitionMember(row.stakeholder),
    toldOn: row.told_on,
    toldProofPointId: row.told_proof_point_id,
    toldLatest: hasHeardLatest(row.told_proof_point_id, latestProofId),
  };
}

export function mapPilot(row: PilotRow): Pilot {
  const latestProof = row.latest_proof ? mapProofPoint(row.latest_proof) : null;
  return {
    id: row.id,
    name: row.name,
    sponsor: row.sponsor ? toCoalitionMember(row.sponsor) : null,
    businessFunction: row.business_function,
    scope: row.scope,
    startOn: row.start_on,
    endOn: row.end_on,
    status: row.status as PilotStatus,
    askedBy: row.asked_by.map((asker) => mapAsker(asker, latestProof?.id ?? null)),
    latestProof,
    createdAt: new Date(row.created_at).toISOString(),
    updatedAt: new Date(row.updated_at).toISOString(),
    version: row.version,
  };
}

export function mapPilotDetail(row: PilotRow, proofPoints: ProofPointRow[]): PilotDetail {
  return { ...mapPilot(row), proofPoints: proofPoints.map(mapProofPoint) };
}
