import { Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { DeletedItemPage, RestoredItem } from '@soundings/shared';
import { ActorParam, Roles } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { PageQueryDto } from '../common/pagination.dto';
import { IdParam } from '../common/validation';
import { ApiNoContent, ApiResult } from '../openapi/api-responses';
import { DeletedItemsService } from './deleted-items.service';

/**
 * What was deleted in the last 30 days: listed for those who may delete, as they may restore it. Every role may
 * restore and purge what was its own alone (a saved view); the organisation's records only those who may delete.
 */
@ApiTags('deleted items')
@Roles('admin', 'practitioner')
@Controller('deleted-items')
export class DeletedItemsController {
  constructor(private readonly service: DeletedItemsService) {}

  /** Newest deletion first; each says who deleted it and when it goes for good. */
  @Get()
  @ApiResult('DeletedItemPage')
  list(@ActorParam() actor: Actor, @Query() query: PageQueryDto): Promise<DeletedItemPage> {
    return this.service.list(actor, query);
  }

  /** Puts it back with everything deleted with it; 409 `restore_conflict` saying why when it cannot. */
  @Post(':id/restore')
  @Roles('admin', 'practitioner', 'viewer')
  @HttpCode(200)
  @ApiResult('RestoredItem')
  restore(@ActorParam() actor: Actor, @IdParam() id: string): Promise<RestoredItem> {
    return this.service.restore(actor, id);
  }

  /** Gone for good now, without waiting for its 30 days. */
  @Delete(':id')
  @Roles('admin', 'practitioner', 'viewer')
  @HttpCode(204)
  @ApiNoContent()
  purge(@ActorParam() actor: Actor, @IdParam() id: string): Promise<void> {
    return this.service.purge(actor, id);
  }
}
