import { INFLUENCE_KINDS } from '@soundings/shared';
import type { CreateInfluenceRequest, InfluenceKind, InfluenceListQuery, InfluenceStrength, UpdateInfluenceRequest } from '@soundings/shared';
import { IsIn } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.dto';
import { Id, Optional, OptionalText, PatchOf, RecordVersion, WholeNumber } from '../../common/validation';

const kindMessage = { message: `must be one of ${INFLUENCE_KINDS.join(', ')}` };
const stakeholderIdMessage = 'must be a stakeholder id (UUID)';

export class InfluenceFieldsDto {
  /** The person whose view is swayed (looks_to, mentor), or either end (ally, conflict). */
  @Id(stakeholderIdMessage)
  fromId: string;

  /** The person who sways them: the one looked to, or the mentor. */
  @Id(stakeholderIdMessage)
  toId: string;

  @IsIn(INFLUENCE_KINDS, kindMessage)
  kind: InfluenceKind;

  /** 1 some, 2 strong (the default), 3 decisive. */
  @Optional()
  @WholeNumber(1, 3, 'must be 1 (some), 2 (strong) or 3 (decisive)')
  strength?: InfluenceStrength;

  /** Why, in a few words; it is named in the audit trail, never copied. */
  @OptionalText()
  note?: string | null;
}

export class CreateInfluenceDto extends InfluenceFieldsDto implements CreateInfluenceRequest {}

export class UpdateInfluenceDto extends PatchOf(InfluenceFieldsDto) implements UpdateInfluenceRequest {
  /** The version you loaded; a stale one gets 409 with the current link. Or send If-Match. */
  @RecordVersion()
  version?: number;
}

export class ListInfluencesDto extends PageQueryDto implements InfluenceListQuery {
  /** Links with this person at either end. */
  @Optional()
  @Id(stakeholderIdMessage)
  stakeholderId?: string;

  @Optional()
  @IsIn(INFLUENCE_KINDS, kindMessage)
  kind?: InfluenceKind;
}
