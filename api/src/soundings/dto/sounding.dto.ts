import { LIMITS, SOUNDING_CHANNELS, SOUNDING_LEVELS } from '@soundings/shared';
import type { CommitmentLevel, CreateSoundingRequest, SoundingChannel, UpdateSoundingRequest } from '@soundings/shared';
import { PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsOptional, ValidateNested } from 'class-validator';
import {
  IsCalendarDate,
  IsNotInFuture,
  IsPresentOrAbsent,
  OptionalText,
  RecordVersion,
  RequiredText,
} from '../../common/validation';
import { FearInputDto } from '../../fears/dto/fear.dto';

const levelMessage = { message: `must be one of ${SOUNDING_LEVELS.join(', ')}` };

export class SoundingFieldsDto {
  /** The day of the one-to-one; not in the future. */
  @IsCalendarDate()
  @IsNotInFuture()
  heldOn: string;

  /** Defaults to in person when left out. */
  @IsPresentOrAbsent()
  @IsIn(SOUNDING_CHANNELS, { message: `must be one of ${SOUNDING_CHANNELS.join(', ')}` })
  channel?: SoundingChannel;

  @OptionalText(LIMITS.shortText)
  conductedBy?: string | null;

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
  @IsIn(SOUNDING_LEVELS, levelMessage)
  commitmentAfter: Exclude<CommitmentLevel, 'not_sounded'>;

  @OptionalText()
  nextStep?: string | null;

  @IsOptional()
  @IsCalendarDate()
  followUpOn?: string | null;

  /** Only its author and admins will see its text and its fears' words. */
  @IsOptional()
  @IsBoolean({ message: 'must be true or false' })
  confidential?: boolean;
}

export class CreateSoundingDto extends SoundingFieldsDto implements CreateSoundingRequest {
  /** Fears voiced in this conversation, each stored as a fear record. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(LIMITS.fearsPerSounding)
  @ValidateNested({ each: true })
  @Type(() => FearInputDto)
  fears?: FearInputDto[];
}

export class UpdateSoundingDto extends PartialType(SoundingFieldsDto) implements UpdateSoundingRequest {
  @IsPresentOrAbsent()
  @IsCalendarDate()
  @IsNotInFuture()
  declare heldOn?: string;

  @IsPresentOrAbsent()
  @RequiredText()
  declare summary?: string;

  @IsPresentOrAbsent()
  @IsIn(SOUNDING_LEVELS, levelMessage)
  declare commitmentAfter?: Exclude<CommitmentLevel, 'not_sounded'>;

  @IsPresentOrAbsent()
  @IsIn(SOUNDING_CHANNELS, { message: `must be one of ${SOUNDING_CHANNELS.join(', ')}` })
  declare channel?: SoundingChannel;

  @RecordVersion()
  version?: number;
}
