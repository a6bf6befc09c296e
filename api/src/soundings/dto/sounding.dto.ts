import { IntersectionType } from '@nestjs/swagger';
import { fearIdentity, LIMITS, NARRATIVE_RESPONSES, NARRATIVES_PER_SOUNDING_MAX, PRIORITIES_PER_SOUNDING_MAX, SOUNDING_CHANNELS, SOUNDING_LEVELS } from '@soundings/shared';
import type {
  CommitmentLevel,
  CreateSoundingRequest,
  NarrativeReaction,
  NarrativeResponse,
  SoundingChannel,
  SoundingLinksInput,
  UpdateSoundingRequest,
} from '@soundings/shared';
import { ArrayMaxSize, ArrayUnique, IsArray, IsBoolean, IsIn } from 'class-validator';
import {
  CalendarDate,
  Id,
  IdList,
  ListOf,
  Nullable,
  Optional,
  OptionalPersonName,
  OptionalText,
  PAST_DAYS,
  PatchOf,
  PLANNING_DAYS,
  RecordVersion,
  RequiredText,
} from '../../common/validation';
import { FearInputDto } from '../../fears/dto/fear.dto';

export class SoundingFieldsDto {
  /** The day of the one-to-one; not in the future. */
  @CalendarDate(PAST_DAYS)
  heldOn: string;

  /** Defaults to in person when left out. */
  @Optional()
  @IsIn(SOUNDING_CHANNELS, { message: `must be one of ${SOUNDING_CHANNELS.join(', ')}` })
  channel?: SoundingChannel;

  @OptionalPersonName(LIMITS.shortText)
  conductedBy?: string | null;

  /** The champion on record who held it (a stakeholder, not the person sounded); null for none. */
  @Nullable()
  @Id('must be a stakeholder id (UUID)')
  conductedById?: string | null;

  /** What they said. */
  @RequiredText()
  summary: string;

  /** Their own experience of a powerful developmental relationship. */
  @OptionalText()
  developmentalExperience?: string | null;

  /** What they would gain, and how lasting. */
  @OptionalText()
  benefitsSeen?: string | null;

  /** What it would cost them; whether they could be a role model. */
  @OptionalText()
  personalCost?: string | null;

  /** Which of their priorities, narratives or values it serves. */
  @OptionalText()
  prioritiesServed?: string | null;

  /** Where they stand after this conversation. */
  @IsIn(SOUNDING_LEVELS, { message: `must be one of ${SOUNDING_LEVELS.join(', ')}` })
  commitmentAfter: Exclude<CommitmentLevel, 'not_sounded'>;

  @OptionalText()
  nextStep?: string | null;

  /** Not before the sounding itself, and at most five years ahead. */
  @Nullable()
  @CalendarDate(PLANNING_DAYS)
  followUpOn?: string | null;

  /** Only its author and admins will see its text and its fears' words. */
  @Optional()
  @IsBoolean({ message: 'must be true or false' })
  confidential?: boolean;
}

export class NarrativeReactionDto implements NarrativeReaction {
  @Id('must be a narrative id (UUID)')
  narrativeId: string;

  @IsIn(NARRATIVE_RESPONSES, { message: `must be one of ${NARRATIVE_RESPONSES.join(', ')}` })
  response: NarrativeResponse;
}

/** What came up: on a PATCH each list sent replaces the one on record, and a list left out stays as it is. */
export class SoundingLinksDto implements SoundingLinksInput {
  /** Listed priorities that came up, each once. */
  @Optional()
  @IsArray({ message: 'must be a list of priority ids' })
  @ArrayMaxSize(PRIORITIES_PER_SOUNDING_MAX, { message: `must list at most ${PRIORITIES_PER_SOUNDING_MAX} priorities` })
  @IdList('must list priority ids (UUIDs)')
  @ArrayUnique({ message: 'must list each priority once' })
  priorityIds?: string[];

  /** How narratives landed, each narrative once; an archived one may be kept, not newly added. */
  @Optional()
  @ListOf(() => NarrativeReactionDto, {
    max: NARRATIVES_PER_SOUNDING_MAX,
    what: 'narratives',
    sameWhen: (reaction) => (typeof reaction.narrativeId === 'string' ? reaction.narrativeId.toLowerCase() : undefined),
  })
  narratives?: NarrativeReactionDto[];
}

export class CreateSoundingDto extends IntersectionType(SoundingFieldsDto, SoundingLinksDto) implements CreateSoundingRequest {
  /** Fears voiced in this conversation, each stored as a fear record; each fear once. */
  @Optional()
  @ListOf(() => FearInputDto, {
    max: LIMITS.fearsPerSounding,
    what: 'fears',
    sameWhen: (fear) => (typeof fear.statement === 'string' ? fearIdentity(fear.statement) : undefined),
  })
  fears?: FearInputDto[];
}

export class UpdateSoundingDto extends IntersectionType(PatchOf(SoundingFieldsDto), SoundingLinksDto) implements UpdateSoundingRequest {
  /** The version you loaded; a stale one gets 409 with the current record. Or send If-Match. */
  @RecordVersion()
  version?: number;
}
