import { Briefing, BriefingParty, BriefingStatus, CommitmentLevel, StakeholderRole } from '@soundings/shared';
import { mapPriorityRef } from '../priorities/priority.mapper';
import { BriefingRow } from './briefings.repository';

function party(id: string | null, name: string | null, role: string | null, businessFunction: string | null, commitment: string | null): BriefingParty | null {
  if (!id) return null;
  return {
    id,
    name: name ?? '',
    role: role as StakeholderRole,
    businessFunction,
    commitment: commitment as CommitmentLevel,
  };
}

export function mapBriefing(row: BriefingRow): Briefing {
  return {
    id: row.id,
    briefer: party(row.briefer_id, row.briefer_name, row.briefer_role, row.briefer_business_function, row.briefer_commitment),
    hr: row.briefer_is_hr,
    audience: party(row.audience_id, row.audience_name, row.audience_role, row.audience_business_function, row.audience_commitment),
    topTeam: row.audience_is_top_team,
    plannedFor: row.planned_for.toISOString(),
    day: row.day,
    order: row.day_position,
    brief: row.brief,
    status: row.status as BriefingStatus,
    outcome: row.outcome,
    priorities: row.priorities.map(mapPriorityRef),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}
