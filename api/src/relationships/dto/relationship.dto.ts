import { RELATIONSHIP_QUALITIES } from '@soundings/shared';
import type {
  CreateRelationshipRequest,
  RelationshipListQuery,
  RelationshipQuality,
  UpdateRelationshipRequest,
} from '@soundings/shared';
import { IsIn } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.dto';
import { Id, Nullable, Optional, OptionalText, RecordVersion } from '../../common/validation';

const qualityMessage = { message: `must be one of ${RELATIONSHIP_QUALITIES.join(', ')}` };
const stakeholderIdMessage = 'must be a stakeholder id (UUID)';
const accountIdMessage = 'must be an account id (UUID)';

export class CreateRelationshipDto implements CreateRelationshipRequest {
  /** The person the relationship is with. */
  @Id(stakeholderIdMessage)
  stakeholderId: string;

  /** The HR account that holds it; leave out (or null) when a champion holds it. */
  @Nullable()
  @Id(accountIdMessage)
  holderUserId?: string | null;

  /** The champion (a stakeholder) who holds it; leave out (or null) when an account holds it. */
  @Nullable()
  @Id(stakeholderIdMessage)
  holderStakeholderId?: string | null;

  /** strong: can carry the message; building: getting there; avoid: must not carry the message to this person. */
  @IsIn(RELATIONSHIP_QUALITIES, qualityMessage)
  quality: RelationshipQuality;

  @OptionalText()
  note?: string | null;
}

export class UpdateRelationshipDto implements UpdateRelationshipRequest {
  @Optional()
  @IsIn(RELATIONSHIP_QUALITIES, qualityMessage)
  quality?: RelationshipQuality;

  @OptionalText()
  note?: string | null;

  /** The version you loaded; a stale one gets 409 with the current record. Or send If-Match. */
  @RecordVersion()
  version?: number;
}

export class ListRelationshipsDto extends PageQueryDto implements RelationshipListQuery {
  /** Relationships with this person. */
  @Optional()
  @Id(stakeholderIdMessage)
  stakeholderId?: string;

  /** Relationships this account holds. */
  @Optional()
  @Id(accountIdMessage)
  holderUserId?: string;

  /** Relationships this champion holds. */
  @Optional()
  @Id(stakeholderIdMessage)
  holderStakeholderId?: string;

  @Optional()
  @IsIn(RELATIONSHIP_QUALITIES, qualityMessage)
  quality?: RelationshipQuality;
}
