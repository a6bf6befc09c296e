import type { AuditListQuery } from '@soundings/shared';
import { PageQueryDto } from '../../common/pagination.dto';
import { Id, Optional, QueryText } from '../../common/validation';

export class ListAuditDto extends PageQueryDto implements AuditListQuery {
  @QueryText(100)
  action?: string;

  @Optional()
  @Id('must be a user id (UUID)')
  actorId?: string;

  @QueryText(100)
  entityId?: string;

  @Optional()
  @Id('must be a stakeholder id (UUID)')
  stakeholderId?: string;
}
