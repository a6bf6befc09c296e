import { Body, Controller, Delete, Get, Headers, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Page, StakeholderTiming, TimingWindow } from '@soundings/shared';
import { ActorParam } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { IdParam } from '../common/validation';
import { expectedVersion } from '../common/version';
import { ApiNoContent, ApiResult } from '../openapi/api-responses';
import { CreateTimingWindowDto, ListTimingWindowsDto, UpdateTimingWindowDto } from './dto/timing-window.dto';
import { TimingService } from './timing.service';

@ApiTags('timing')
@Controller()
export class TimingController {
  constructor(private readonly service: TimingService) {}

  /** Windows by start; `from`/`to` keep those overlapping that span of days. */
  @Get('timing-windows')
  @ApiResult('TimingWindowPage')
  list(@Query() query: ListTimingWindowsDto): Promise<Page<TimingWindow>> {
    return this.service.list(query);
  }

  @Post('timing-windows')
  @ApiResult('TimingWindow', { status: 201 })
  create(@ActorParam() actor: Actor, @Body() body: CreateTimingWindowDto): Promise<TimingWindow> {
    return this.service.create(actor, body);
  }

  @Get('timing-windows/:id')
  @ApiResult('TimingWindow')
  get(@IdParam() id: string): Promise<TimingWindow> {
    return this.service.get(id);
  }

  /** Change the kind, the dates or the note; send the version you loaded. */
  @Patch('timing-windows/:id')
  @ApiResult('TimingWindow')
  update(
    @ActorParam() actor: Actor,
    @IdParam() id: string,
    @Body() body: UpdateTimingWindowDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<TimingWindow> {
    return this.service.update(actor, id, expectedVersion(body.version, ifMatch), body);
  }

  @Delete('timing-windows/:id')
  @HttpCode(204)
  @ApiNoContent()
  remove(@ActorParam() actor: Actor, @IdParam() id: string): Promise<void> {
    return this.service.remove(actor, id);
  }

  /** When the person is most receptive, in words, and their dated windows. */
  @Get('stakeholders/:id/timing')
  @ApiResult('StakeholderTiming')
  forStakeholder(@IdParam() id: string): Promise<StakeholderTiming> {
    return this.service.forStakeholder(id);
  }
}
