import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Headers } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AccountExport, SavedView } from '@soundings/shared';
import { ActorParam, RequiresCsrf, Roles } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { IdParam } from '../common/validation';
import { expectedVersion } from '../common/version';
import { ApiNoContent, ApiResult, ApiResultList } from '../openapi/api-responses';
import { CreateSavedViewDto, UpdateSavedViewDto } from './dto/saved-view.dto';
import { SavedViewsService } from './saved-views.service';

/** Every role keeps its own views: they change no one's records but the caller's. */
@ApiTags('saved views')
@Roles('admin', 'practitioner', 'viewer')
@Controller()
export class SavedViewsController {
  constructor(private readonly service: SavedViewsService) {}

  /** Your saved views of the stakeholder list, by name. */
  @Get('saved-views')
  @ApiResultList('SavedView')
  list(@ActorParam() actor: Actor): Promise<SavedView[]> {
    return this.service.list(actor);
  }

  /** Save the list's filters and sort under a name (unique among your views, whatever the case). */
  @Post('saved-views')
  @ApiResult('SavedView', { status: 201 })
  create(@ActorParam() actor: Actor, @Body() body: CreateSavedViewDto): Promise<SavedView> {
    return this.service.create(actor, body);
  }

  /** Rename it, or replace its filters and sort (sent whole); send the version you loaded. */
  @Patch('saved-views/:id')
  @ApiResult('SavedView')
  update(
    @ActorParam() actor: Actor,
    @IdParam() id: string,
    @Body() body: UpdateSavedViewDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<SavedView> {
    return this.service.update(actor, id, expectedVersion(body.version, ifMatch), body);
  }

  @Delete('saved-views/:id')
  @HttpCode(204)
  @ApiNoContent()
  remove(@ActorParam() actor: Actor, @IdParam() id: string): Promise<void> {
    return this.service.remove(actor, id);
  }

  /** Everything held about your own account: its details and your saved views, as JSON (audited). */
  @Get('account/export')
  @RequiresCsrf()
  @ApiResult('AccountExport')
  exportAccount(@ActorParam() actor: Actor): Promise<AccountExport> {
    return this.service.exportAccount(actor);
  }
}
