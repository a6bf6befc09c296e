import { INITIATIVE_KINDS, INITIATIVE_PEOPLE_MAX, LIMITS } from '@soundings/shared';
import type { CreateInitiativeRequest, InitiativeKind, InitiativeListQuery, UpdateInitiativeRequest } from '@soundings/shared';
import { ArrayMaxSize, ArrayUnique, IsArray, IsIn } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.dto';
import { CalendarDate, Id, IdList, Nullable, Optional, OptionalText, PatchOf, PLANNING_DAYS, RecordVersion, RequiredText } from '../../common/validation';

const kindMessage = { message: `must be one of ${INITIATIVE_KINDS.join(', ')}` };
const stakeholderIdMessage = 'must be a stakeholder id (UUID)';

export class InitiativeFieldsDto {
  /** What it is, in a line: "Finance leadership showcase". */
  @RequiredText(LIMITS.shortText)
  title: string;

  @IsIn(INITIATIVE_KINDS, kindMessage)
  kind: InitiativeKind;

  /** The day it is held; from 2000 to five years ahead. */
  @CalendarDate(PLANNING_DAYS)
  heldOn: string;

  /** The leader who owns it; null when HR does. A leader should own it where possible. */
  @Nullable()
  @Id(stakeholderIdMessage)
  ownerId: string | null;

  /** What happens and why; named in the audit trail, never copied. */
  @OptionalText()
  description?: string | null;

  /** Everyone involved, each once; replaces the whole list on PATCH. Involvement counts as contact once its day has come. */
  @Optional()
  @IsArray({ message: 'must be a list of stakeholder ids' })
  @ArrayMaxSize(INITIATIVE_PEOPLE_MAX, { message: `must list at most ${INITIATIVE_PEOPLE_MAX} people` })
  @IdList('must list stakeholder ids (UUIDs)')
  @ArrayUnique({ message: 'must list each person once' })
  involvedIds?: string[];
}

export class CreateInitiativeDto extends InitiativeFieldsDto implements CreateInitiativeRequest {}

export class UpdateInitiativeDto extends PatchOf(InitiativeFieldsDto) implements UpdateInitiativeRequest {
  /** The version you loaded; a stale one gets 409 with the current initiative. Or send If-Match. */
  @RecordVersion()
  version?: number;
}

export class ListInitiativesDto extends PageQueryDto implements InitiativeListQuery {
  /** Held on or after this day. */
  @Optional()
  @CalendarDate(PLANNING_DAYS)
  from?: string;

  /** Held on or before this day. */
  @Optional()
  @CalendarDate(PLANNING_DAYS)
  to?: string;

  /** Initiatives this person owns. */
  @Optional()
  @Id(stakeholderIdMessage)
  ownerId?: string;

  /** Initiatives this person is involved in. */
  @Optional()
  @Id(stakeholderIdMessage)
  stakeholderId?: string;

  @Optional()
  @IsIn(INITIATIVE_KINDS, kindMessage)
  kind?: InitiativeKind;
}
