import { CommitmentLevel, Fear, Sounding, SoundingChannel } from '@soundings/shared';
import { SoundingRow } from './soundings.repository';

export function mapSounding(row: SoundingRow, fears: Fear[]): Sounding {
  return {
    id: row.id,
    stakeholderId: row.stakeholder_id,
    heldOn: row.held_on,
    channel: row.channel as SoundingChannel,
    conductedBy: row.conducted_by,
    summary: row.summary,
    developmentalExperience: row.developmental_experience,
    benefitsSeen: row.benefits_seen,
    personalCost: row.personal_cost,
    prioritiesServed: row.priorities_served,
    commitmentAfter: row.commitment_after as Exclude<CommitmentLevel, 'not_sounded'>,
    nextStep: row.next_step,
    followUpOn: row.follow_up_on,
    fears: fears.filter((fear) => fear.soundingId === row.id),
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}
