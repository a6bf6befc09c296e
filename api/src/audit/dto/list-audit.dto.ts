import type { AuditListQuery } from '@soundings/shared';
import { IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../common/pagination.dto';

export class ListAuditDto extends PageQueryDto implements AuditListQuery {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  action?: string;

  @IsOptional()
  @IsUUID('all', { message: 'must be a user id (UUID)' })
  actorId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  entityId?: string;

  @IsOptional()
  @IsUUID('all', { message: 'must be a stakeholder id (UUID)' })
  stakeholderId?: string;
}
