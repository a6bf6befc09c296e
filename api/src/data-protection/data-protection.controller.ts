import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { AuditEntry, ErasureResult, Page, StakeholderExport } from '@soundings/shared';
import { ActorParam, RequiresCsrf, Roles } from '../auth/actor';
import type { Actor } from '../auth/actor';
import { PageQueryDto } from '../common/pagination.dto';
import { IdParam } from '../common/validation';
import { RateLimit } from '../rate-limits/rate-limit.config';
import { ErasureService } from './erasure.service';
import { SubjectAccessService } from './subject-access.service';
import { ApiResult } from '../openapi/api-responses';

@ApiTags('data protection')
@Controller('stakeholders/:id')
export class DataProtectionController {
  constructor(
    private readonly subjectAccess: SubjectAccessService,
    private readonly erasure: ErasureService,
  ) {}

  /** Everything held about the person as JSON, for a subject-access request (audited; a few an hour). */
  @Roles('admin', 'practitioner')
  @RateLimit('export')
  @RequiresCsrf()
  @Get('export')
  @ApiResult('StakeholderExport')
  export(@ActorParam() actor: Actor, @IdParam() id: string): Promise<StakeholderExport> {
    return this.subjectAccess.export(actor, id);
  }

  /** Removes the person's personal data everywhere, keeping only anonymous levels, dates and counts. Cannot be undone. */
  @Roles('admin')
  @Post('erase')
  @HttpCode(200)
  @ApiResult('ErasureResult')
  erase(@ActorParam() actor: Actor, @IdParam() id: string): Promise<ErasureResult> {
    return this.erasure.erase(actor, id);
  }

  /** The audit trail about this person, newest first. */
  @Roles('admin')
  @Get('history')
  @ApiResult('AuditEntryPage')
  history(@IdParam() id: string, @Query() query: PageQueryDto): Promise<Page<AuditEntry>> {
    return this.subjectAccess.history(id, query);
  }
}
