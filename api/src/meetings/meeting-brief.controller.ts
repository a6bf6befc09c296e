import { Controller, Get, Header, StreamableFile } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { ActorParam, RequiresCsrf } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { IdParam } from '../common/validation';
import { ApiFile } from '../openapi/api-responses';
import { RateLimit } from '../rate-limits/rate-limit.config';
import { MeetingBriefService } from './meeting-brief.service';

@ApiTags('meetings')
@Controller('meetings')
export class MeetingBriefController {
  constructor(private readonly service: MeetingBriefService) {}

  /** The meeting brief as an A4 PDF to download: the print view's content, confidential words withheld as in readiness (audited as an export; counted with exports). */
  @RateLimit('export')
  @RequiresCsrf()
  @Get(':id/brief.pdf')
  // Notes about named people: no copy left in a cache.
  @Header('Cache-Control', 'no-store')
  @ApiFile('application/pdf', 'The brief, as an attachment')
  async pdf(@ActorParam() actor: Actor, @IdParam() id: string): Promise<StreamableFile> {
    const brief = await this.service.pdf(actor, id);
    return new StreamableFile(brief.pdf, { type: 'application/pdf', disposition: `attachment; filename="${brief.fileName}"`, length: brief.pdf.length });
  }
}
