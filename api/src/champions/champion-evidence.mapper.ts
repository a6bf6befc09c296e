import { ChampionEvidence, ChampionTest } from '@soundings/shared';
import { ChampionEvidenceRow } from './champions.repository';

export function mapChampionEvidence(row: ChampionEvidenceRow): ChampionEvidence {
  return {
    id: row.id,
    stakeholderId: row.stakeholder_id,
    test: row.test as ChampionTest,
    evidence: row.evidence,
    on: row.observed_on,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}
