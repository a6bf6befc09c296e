import { Body, Controller, Post } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { CommitmentChange } from '@soundings/shared';
import { ActorParam } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { IdParam } from '../common/validation';
import { CommitmentService } from './commitment.service';
import { RecordCommitmentChangeDto } from './dto/record-commitment-change.dto';
import { ApiResult } from '../openapi/api-responses';

@ApiTags('commitment')
@Controller('stakeholders/:id/commitment')
export class CommitmentController {
  constructor(private readonly service: CommitmentService) {}

  /** Record a level change seen outside a sounding (e.g. spoke up in a meeting); a reason is required. */
  @Post()
  @ApiResult('CommitmentChange', { status: 201 })
  record(@ActorParam() actor: Actor, @IdParam() stakeholderId: string, @Body() body: RecordCommitmentChangeDto): Promise<CommitmentChange> {
    return this.service.recordChange(actor, stakeholderId, body);
  }
}
