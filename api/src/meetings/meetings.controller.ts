import { Body, Controller, Delete, Get, Headers, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Meeting, MeetingListItem, MeetingReadiness, Page } from '@soundings/shared';
import { ActorParam } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { IdParam } from '../common/validation';
import { expectedVersion } from '../common/version';
import { CreateMeetingDto, ListMeetingsDto, RecordSpokeForDto, UpdateMeetingDto } from './dto/meeting.dto';
import { MeetingsService } from './meetings.service';
import { ApiNoContent, ApiResult } from '../openapi/api-responses';

@ApiTags('meetings')
@Controller('meetings')
export class MeetingsController {
  constructor(private readonly service: MeetingsService) {}

  /** Newest first, each with how ready its room is: on board, at their required level, never sounded, resistant, and a verdict. */
  @Get()
  @ApiResult('MeetingListPage')
  list(@Query() query: ListMeetingsDto): Promise<Page<MeetingListItem>> {
    return this.service.list(query);
  }

  @Post()
  @ApiResult('Meeting', { status: 201 })
  create(@ActorParam() actor: Actor, @Body() body: CreateMeetingDto): Promise<Meeting> {
    return this.service.create(actor, body);
  }

  @Get(':id')
  @ApiResult('Meeting')
  get(@IdParam() id: string): Promise<Meeting> {
    return this.service.get(id);
  }

  /** Change the details or the attendee list (sent whole); send the version you loaded. */
  @Patch(':id')
  @ApiResult('Meeting')
  update(
    @ActorParam() actor: Actor,
    @IdParam() id: string,
    @Body() body: UpdateMeetingDto,
    @Headers('if-match') ifMatch?: string,
  ): Promise<Meeting> {
    return this.service.update(actor, id, expectedVersion(body.version, ifMatch), body);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContent()
  remove(@ActorParam() actor: Actor, @IdParam() id: string): Promise<void> {
    return this.service.remove(actor, id);
  }

  /** Who in the room is on board, never sounded, resistant, with open fears, and who they look to. */
  @Get(':id/readiness')
  @ApiResult('MeetingReadiness')
  readiness(@ActorParam() actor: Actor, @IdParam() id: string): Promise<MeetingReadiness> {
    return this.service.readiness(actor, id);
  }

  /** After the meeting: who spoke for it. Moves each to public_champion with the meeting as evidence. */
  @Post(':id/spoke-for')
  @HttpCode(200)
  @ApiResult('Meeting')
  recordSpokeFor(@ActorParam() actor: Actor, @IdParam() id: string, @Body() body: RecordSpokeForDto): Promise<Meeting> {
    return this.service.recordSpokeFor(actor, id, body);
  }
}
