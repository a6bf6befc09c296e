import { CommitmentLevel, Fear, Sounding, SoundingChannel } from '@soundings/shared';
import type { ConfidentialView } from '../confidentiality/confidential-view';
import { SoundingRow } from './soundings.repository';

/**
 * Others see that a confidential sounding happened, when, and the level it recorded; its words
 * only reach its author and admins.
 */
export function mapSounding(row: SoundingRow, fears: Fear[], view: ConfidentialView): Sounding {
  const redacted = !view.shows({ kind: 'sounding', id: row.id, stakeholderId: row.stakeholder_id, confidential: row.confidential, authorId: row.author_id });
  const text = (value: string | null) => (redacted ? null : value);
  return {
    id: row.id,
    stakeholderId: row.stakeholder_id,
    heldOn: row.held_on,
    channel: row.channel as SoundingChannel,
    conductedBy: text(row.conducted_by),
    conductedById: redacted ? null : row.conducted_by_stakeholder_id,
    conductedByPerson: redacted ? null : row.conducted_by_person,
    summary: redacted ? '' : row.summary,
    developmentalExperience: text(row.developmental_experience),
    benefitsSeen: text(row.benefits_seen),
    personalCost: text(row.personal_cost),
    prioritiesServed: text(row.priorities_served),
    commitmentAfter: row.commitment_after as Exclude<CommitmentLevel, 'not_sounded'>,
    nextStep: text(row.next_step),
    followUpOn: row.follow_up_on,
    confidential: row.confidential,
    authorId: row.author_id,
    redacted,
    fears: fears.filter((fear) => fear.soundingId === row.id),
    // What came up is part of the notes: withheld with the words.
    priorities: redacted ? [] : row.priorities,
    narratives: redacted ? [] : row.narratives,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    version: row.version,
  };
}
