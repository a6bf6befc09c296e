import { LIMITS } from '@soundings/shared';
import type { CreateNarrativeRequest, UpdateNarrativeRequest } from '@soundings/shared';
import { IsBoolean } from 'class-validator';
import { Optional, OptionalText, PatchOf, RecordVersion, RequiredText } from '../../common/validation';

export class NarrativeFieldsDto {
  /** The narrative or value in a few words; unique, whatever the case. */
  @RequiredText(LIMITS.shortText)
  title: string;

  /** What it means here, for whoever offers it in a sounding. */
  @OptionalText()
  description?: string | null;

  /** Archived narratives are no longer offered, and stay on the soundings that cite them. */
  @Optional()
  @IsBoolean({ message: 'must be true or false' })
  archived?: boolean;
}

export class CreateNarrativeDto extends NarrativeFieldsDto implements CreateNarrativeRequest {}

export class UpdateNarrativeDto extends PatchOf(NarrativeFieldsDto) implements UpdateNarrativeRequest {
  /** The version you loaded; a stale one gets 409 with the current narrative. Or send If-Match. */
  @RecordVersion()
  version?: number;
}
